from django.core.management.base import BaseCommand, CommandError

from home.backup import BackupError, check_archive, restore_backup


class Command(BaseCommand):
    help = "Replace the database content and media files with those of a backup archive from backup_site."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz archive that backup_site wrote.")
        parser.add_argument("--yes", action="store_true", help="Do not ask before replacing the current content.")
        parser.add_argument(
            "--allow-readable",
            action="store_true",
            help="Restore an archive that other users can read (refused by default: it holds password hashes).",
        )

    def handle(self, *args, archive, yes, allow_readable, **options):
        try:
            # Before asking, so that a refused archive is refused at once.
            check_archive(archive, allow_readable)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if not yes and input(f"Replace ALL current content with {archive}? Type 'yes': ").strip() != "yes":
            raise CommandError("Restore cancelled; nothing changed.")
        try:
            manifest = restore_backup(archive, stdout=self.stdout, allow_readable=allow_readable)
        except BackupError as error:
            raise CommandError(str(error)) from error
        pages = manifest["counts"].get("wagtailcore.page", 0)
        self.stdout.write(f"Restored {archive} (made {manifest['created']}): {pages} pages.")
