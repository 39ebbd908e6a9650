from django.core.management.base import BaseCommand

from pagecache import generation


class Command(BaseCommand):
    help = "Make every cached page stale, e.g. after changing content with SQL or bulk updates that send no signals."

    def handle(self, *args, **options):
        generation.bump()
        if options["verbosity"]:
            self.stdout.write("Page cache generation replaced: cached pages will render afresh.")
