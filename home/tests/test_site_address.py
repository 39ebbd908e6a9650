"""The site's own address comes from the environment, so its links, sitemap and feeds carry it."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from wagtail.models import Site

from conferences.tests import builders

pytestmark = pytest.mark.django_db


def set_address(*args):
    output = StringIO()
    call_command("set_site_address", *args, stdout=output)
    return output.getvalue()


def default_site():
    return Site.objects.get(is_default_site=True)


@override_settings(SITE_HOSTNAME="conferences.example.org", SITE_PORT="443")
def test_the_address_comes_from_the_environment():
    assert "now conferences.example.org:443" in set_address()
    assert (default_site().hostname, default_site().port) == ("conferences.example.org", 443)


def test_running_it_again_changes_nothing_and_says_so():
    set_address("--hostname", "conferences.example.org", "--port", "443")
    assert "already conferences.example.org:443" in set_address("--hostname", "conferences.example.org")


@override_settings(SITE_HOSTNAME="", SITE_PORT="")
def test_without_a_hostname_the_site_is_left_alone():
    before = (default_site().hostname, default_site().port)
    assert "left as it is" in set_address()
    assert (default_site().hostname, default_site().port) == before


@pytest.mark.parametrize(
    "args",
    [
        ["--hostname", "https://conferences.example.org/"],
        ["--hostname", "conferences.example.org:8000"],
        ["--hostname", "a b"],
        ["--hostname", "x" * 300],
        ["--hostname", "conferences.example.org", "--port", "eighty"],
        ["--hostname", "conferences.example.org", "--port", "70000"],
    ],
)
def test_a_malformed_address_is_refused_and_changes_nothing(args):
    before = (default_site().hostname, default_site().port)
    with pytest.raises(CommandError):
        set_address(*args)
    assert (default_site().hostname, default_site().port) == before


def test_canonical_links_and_the_sitemap_carry_the_address(client, home_page):
    index = builders.conference_index(home_page)
    builders.conference(index, 2025, slug="iassist2025")
    set_address("--hostname", "conferences.example.org", "--port", "443")
    page = client.get("/conferences/iassist2025/", HTTP_HOST="conferences.example.org").content.decode()
    assert '<link rel="canonical" href="https://conferences.example.org/conferences/iassist2025/">' in page
    sitemap = client.get("/sitemap.xml", HTTP_HOST="conferences.example.org").content.decode()
    assert "<loc>https://conferences.example.org/conferences/iassist2025/</loc>" in sitemap
    assert "localhost" not in sitemap
