from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Write this site's address (SITE_HOSTNAME and SITE_PORT, or --hostname and --port) into the default "
        "Site, which canonical links, the sitemap, feeds and calendars are built from."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hostname", default=settings.SITE_HOSTNAME, help="Default: SITE_HOSTNAME.")
        parser.add_argument("--port", default=settings.SITE_PORT, help="Default: SITE_PORT, else 443.")

    def handle(self, *args, hostname, port, **options):
        hostname = (hostname or "").strip().lower()
        if not hostname:
            self.stdout.write("SITE_HOSTNAME is not set: the site's address is left as it is.")
            return
        if any(char in hostname for char in "/:@ ") or len(hostname) > 255:
            raise CommandError(f"Not a host name: {hostname!r}. Give the name alone, e.g. conferences.example.org.")
        port = _port(port)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default site yet: run migrate first.")
        if (site.hostname, site.port) == (hostname, port):
            self.stdout.write(f"The site's address is already {hostname}:{port}.")
            return
        site.hostname, site.port = hostname, port
        site.save()
        self.stdout.write(f"The site's address is now {hostname}:{port}.")


def _port(value):
    text = str(value or "443").strip()
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise CommandError(f"Not a port number: {value!r}.")
    return int(text)
