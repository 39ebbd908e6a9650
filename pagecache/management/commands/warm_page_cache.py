from django.core.management.base import BaseCommand, CommandError

from pagecache import warming


class Command(BaseCommand):
    help = (
        "Render the most visited pages into the page cache now, as visitors' requests would: for a deployment "
        "to run after changes made by a command (publish_scheduled, an import) or after purge_page_cache."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--pages", type=int, default=None, help="At most this many (default PAGE_CACHE_WARM_PAGES)."
        )
        parser.add_argument(
            "--seconds", type=float, default=None, help="Stop after this long (default PAGE_CACHE_WARM_SECONDS)."
        )

    def handle(self, *args, pages=None, seconds=None, **options):
        if pages is not None and pages < 0:
            raise CommandError("--pages must be 0 or more")
        if seconds is not None and seconds <= 0:
            raise CommandError("--seconds must be more than 0")
        done = warming.warm(pages=pages, seconds=seconds)
        if done.stopped == "cache unavailable":
            raise CommandError("The page cache did not answer, so nothing was warmed: run this again once it does.")
        if options["verbosity"]:
            self.stdout.write(f"Page cache warmed: {done.summary()}.")
