import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from conferences.demo import load_demo_content
from conferences.roles import ensure_roles


class Command(BaseCommand):
    help = "Load the demo content (the seed Conferences page and its events); safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin", action="store_true", help="Do not create the 'admin' account when no superuser exists."
        )

    def handle(self, *args, **options):
        created = load_demo_content()
        if created:
            self.stdout.write(f"Demo content: created {len(created)} pages.")
        else:
            self.stdout.write("Demo content is already in place; nothing to do.")
        for line in ensure_roles():
            self.stdout.write(f"Roles: {line}")
        if not options["no_admin"]:
            self._ensure_admin()

    def _ensure_admin(self):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "Sign in at http://127.0.0.1:8000/admin/ with your existing superuser "
                "(reset a password with: .venv/bin/python manage.py changepassword USERNAME)."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@example.org", password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Sign in at http://127.0.0.1:8000/admin/ as 'admin' with password '{password}' "
                "(shown only now; change it with: .venv/bin/python manage.py changepassword admin)."
            )
        )
