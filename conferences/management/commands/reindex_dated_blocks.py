from django.core.management.base import BaseCommand

from conferences.dated_blocks import reindex_dated_pages


class Command(BaseCommand):
    help = (
        "Reindex the live pages whose notices or event buttons have days to be shown, so that search finds "
        "a block's words only while it is shown. Run daily, just after midnight in the site's time zone."
    )

    def handle(self, *args, verbosity=1, **options):
        pages = reindex_dated_pages()
        if verbosity < 1:
            return
        self.stdout.write(f"reindexed {len(pages)} page{'s' if len(pages) != 1 else ''} with dated notices or buttons")
        for page in pages:
            self.stdout.write(f"  {page.title} ({page.url_path})")
