from django.core.management.base import BaseCommand, CommandError

from pagecache import generation


class Command(BaseCommand):
    help = "Make every cached page stale, e.g. after changing content with SQL or bulk updates that send no signals."

    def handle(self, *args, **options):
        if not generation.bump():
            # This process ends now, so nothing would write the replacement later.
            generation.pending.forget()
            raise CommandError("The page cache did not answer, so nothing was purged: run this again once it does.")
        if options["verbosity"]:
            self.stdout.write("Page cache generation replaced: cached pages will render afresh.")
