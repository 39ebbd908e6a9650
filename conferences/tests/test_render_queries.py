"""Each kind of page of the imported archive renders in a fixed number of queries, the biggest programme too.

The bounds are today's counts: an uncached render's cost is mostly the ORM's work per query
(docs/serving.md, "Uncached renders"), so a page that reads more than this has lost some of it.
"""

import pytest
from bs4 import BeautifulSoup
from django.db.models import Count
from django.test import RequestFactory

from conferences.models import ConferenceArchivePage, ConferenceIndexPage, ConferencePage, Person, Presentation
from iassist_site.templatetags.navigation_tags import build_shell

pytestmark = [pytest.mark.django_db, pytest.mark.shared]


def biggest_programme():
    return ConferencePage.objects.annotate(size=Count("presentations")).order_by("-size", "-year").first()


def pages():
    index = ConferenceIndexPage.objects.live().first()
    biggest = biggest_programme()
    talk = Presentation.objects.filter(conference=biggest).annotate(n=Count("presenters")).order_by("-n", "pk")[0]
    person = Person.objects.annotate(talks=Count("presenter_entries")).order_by("-talks", "pk").first()
    return {
        "home": ("/", 7),
        "conferences index": (index.url, 19),
        "archive": (ConferenceArchivePage.objects.live().first().url, 14),
        "a conference without a programme": (ConferencePage.objects.filter(year=1990).first().url, 14),
        "biggest programme": (biggest.url, 22),
        "presentation": (talk.get_url(), 19),
        "person": (index.person_url(person.slug), 13),
        "schedule": (f"{biggest.url}schedule/", 17),
    }


KINDS = [
    "home", "conferences index", "archive", "a conference without a programme", "biggest programme",
    "presentation", "person", "schedule",
]  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_page_renders_in_a_bounded_number_of_queries(
    imported_site, client, kind, django_assert_max_num_queries
):
    path, bound = pages()[kind]
    client.get(path)  # the first render makes image renditions
    with django_assert_max_num_queries(bound):
        assert client.get(path).status_code == 200


def test_the_shell_from_routing_is_the_one_read_from_the_database(imported_site, client):
    """The trail and menus taken from the pages routing read match those read afresh."""
    talk = Presentation.objects.filter(conference=biggest_programme()).first()
    routed = BeautifulSoup(client.get(talk.get_url()).content, "html.parser")
    request = RequestFactory(HTTP_HOST="testserver").get(talk.get_url())
    afresh = build_shell(request, ConferencePage.objects.get(pk=talk.conference_id))
    assert [a.get_text() for a in routed.select(".breadcrumbs a")][: len(afresh.breadcrumbs)] == [
        link.label for link in afresh.breadcrumbs
    ]
    assert [a["href"] for a in routed.select(".section-nav__link")] == [link.url for link in afresh.section_links]
    assert afresh.section_links, "the conference's own menu"
