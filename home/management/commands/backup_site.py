from django.core.management.base import BaseCommand

from home.backup import create_backup


class Command(BaseCommand):
    help = "Write the database and media files to a timestamped .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default="backups", help="Folder for the archive (default: backups).")

    def handle(self, *args, output_dir, **options):
        path = create_backup(output_dir)
        self.stdout.write(str(path))
