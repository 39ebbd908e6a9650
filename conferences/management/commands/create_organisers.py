from django.core.management.base import BaseCommand, CommandError

from conferences.roles import UnknownConference, ensure_organisers, find_conference


class Command(BaseCommand):
    help = (
        "Create the organisers' group of one conference (by page id or slug): they edit that conference's pages "
        "and programme and submit them to the web team for approval."
    )

    def add_arguments(self, parser):
        parser.add_argument("conference", help="The conference page's id or slug, e.g. iassist-2026.")

    def handle(self, *args, conference, **options):
        try:
            page = find_conference(conference)
        except UnknownConference as error:
            raise CommandError(str(error)) from error
        group = ensure_organisers(page)
        self.stdout.write(f"Group '{group.name}' edits {page.title} and its programme; add organisers to it.")
