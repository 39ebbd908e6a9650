import os
import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pagecache import warming
from pagecache.store import alias


class Command(BaseCommand):
    help = (
        "Render the most visited pages into the page cache now, as visitors' requests would: for a deployment "
        "to run after changes made by a command (publish_scheduled, an import) or after purge_page_cache. "
        "With --follow, keep running and do it after every change (PAGE_CACHE_WARMER = 'process')."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--pages", type=int, default=None, help="At most this many (default PAGE_CACHE_WARM_PAGES)."
        )
        parser.add_argument(
            "--seconds", type=float, default=None, help="Stop after this long (default PAGE_CACHE_WARM_SECONDS)."
        )
        parser.add_argument(
            "--follow",
            action="store_true",
            help="Warm now, then again after every change of content, until stopped (SIGTERM or Ctrl-C).",
        )
        parser.add_argument(
            "--nice",
            type=int,
            default=0,
            help=(
                "With --follow, how much lower than visitors' requests its CPU priority is (0-19, default 0). "
                "Visitors asking for a page it is rendering wait for that render, so a low priority can hold them."
            ),
        )

    def handle(self, *args, pages=None, seconds=None, **options):
        if pages is not None and pages < 0:
            raise CommandError("--pages must be 0 or more")
        if seconds is not None and seconds <= 0:
            raise CommandError("--seconds must be more than 0")
        if options["follow"]:
            return self.follow(pages, seconds, options["nice"], options["verbosity"])
        done = warming.warm(pages=pages, seconds=seconds)
        if done.stopped == "cache unavailable":
            raise CommandError("The page cache did not answer, so nothing was warmed: run this again once it does.")
        if options["verbosity"]:
            self.stdout.write(f"Page cache warmed: {done.summary()}.")

    def follow(self, pages, seconds, nice, verbosity):
        if not 0 <= nice <= 19:
            raise CommandError("--nice must be from 0 to 19")
        if not warming.enabled() or pages == 0:
            raise CommandError("Warming is off (PAGE_CACHE_ENABLED, or PAGE_CACHE_WARM_PAGES or --pages is 0).")
        if not warming.shared_across_processes():
            raise CommandError(
                f"The page cache ({settings.CACHES[alias()]['BACKEND']}) is this process's own: a warmer "
                "process would never see the workers' changes. Use Redis (REDIS_URL) or a file cache."
            )
        if warming.where() == warming.THREAD:
            self.stderr.write(
                "PAGE_CACHE_WARMER is 'thread', so the process of each edit warms too: set it to 'process' "
                "where this runs, so that pages are rendered once."
            )
        if nice:
            os.nice(nice)
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())

        def report(result):
            if verbosity:
                self.stdout.write(f"Page cache warmed: {result.summary()}.")
                self.stdout.flush()

        if verbosity:
            every = warming.FOLLOW_POLL_SECONDS
            self.stdout.write(f"Warming the page cache after every change (checked every {every} s).")
        warming.follow(should_stop=stop.is_set, on_pass=report, sleep=stop.wait, pages=pages, seconds=seconds)
