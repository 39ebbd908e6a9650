from django.core.management.base import BaseCommand

from conferences.roles import ensure_roles


class Command(BaseCommand):
    help = (
        "Create the web team and conference editors' groups and the moderation workflow on the conferences "
        "section; safe to run again."
    )

    def handle(self, *args, **options):
        for line in ensure_roles():
            self.stdout.write(line)
