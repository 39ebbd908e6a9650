from django.core.management.base import BaseCommand

from search import terms


class Command(BaseCommand):
    help = (
        "Rebuild the search's vocabulary (what typos are corrected to) and the suggestions' prefix index "
        "from the published content. Edits and imports do this themselves; run it after `update_index` "
        "run alone, or a restore of the database."
    )

    def handle(self, *args, verbosity, **options):
        found = terms.refresh()
        if verbosity >= 1:
            self.stdout.write(
                f"{found.terms} terms and {found.suggestions} suggestion keys; "
                f"{found.removed} rows removed, {found.added} added."
            )
