"""The site shell built from the pages Wagtail's routing read is the one built from the database."""

import pytest
from bs4 import BeautifulSoup
from django.db.models import Count
from django.test import RequestFactory

from conferences.models import ConferencePage, Presentation
from iassist_site.templatetags.navigation_tags import build_shell

pytestmark = [pytest.mark.django_db, pytest.mark.shared]


def biggest_programme():
    return ConferencePage.objects.annotate(size=Count("presentations")).order_by("-size", "-year").first()


def test_the_shell_from_routing_is_the_one_read_from_the_database(imported_site, client):
    """A presentation of the biggest programme: its trail and its conference's menu."""
    talk = Presentation.objects.filter(conference=biggest_programme()).first()
    routed = BeautifulSoup(client.get(talk.get_url()).content, "html.parser")
    request = RequestFactory(HTTP_HOST="testserver").get(talk.get_url())
    afresh = build_shell(request, ConferencePage.objects.get(pk=talk.conference_id))
    assert [a.get_text() for a in routed.select(".breadcrumbs a")][: len(afresh.breadcrumbs)] == [
        link.label for link in afresh.breadcrumbs
    ]
    assert [a["href"] for a in routed.select(".section-nav__link")] == [link.url for link in afresh.section_links]
    assert afresh.section_links, "the conference's own menu"
