"""Each kind of page of the imported archive renders in a fixed number of queries, the biggest programme too.

The bounds are today's counts: an uncached render's cost is mostly the ORM's work per query
(docs/serving.md, "Uncached renders"), so a page that reads more than this has lost some of it.
The second bound is with the site shell's shared parts kept (as in production), which another
page has filled: the site settings, the footer's links and the section menu's pages are not read.
"""

import pytest
from django.core.cache import cache
from django.db.models import Count

from conferences.models import ConferenceArchivePage, ConferenceIndexPage, ConferencePage, Person, Presentation

pytestmark = [pytest.mark.django_db, pytest.mark.shared]


def biggest_programme():
    return ConferencePage.objects.annotate(size=Count("presentations")).order_by("-size", "-year").first()


def pages():
    index = ConferenceIndexPage.objects.live().first()
    biggest = biggest_programme()
    talk = Presentation.objects.filter(conference=biggest).annotate(n=Count("presenters")).order_by("-n", "pk")[0]
    person = Person.objects.annotate(talks=Count("presenter_entries")).order_by("-talks", "pk").first()
    return {
        "home": ("/", 7, 6),
        "conferences index": (index.url, 17, 14),
        "archive": (ConferenceArchivePage.objects.live().first().url, 12, 9),
        "a conference without a programme": (ConferencePage.objects.filter(year=1990).first().url, 12, 9),
        "biggest programme": (biggest.url, 20, 17),
        "presentation": (talk.get_url(), 17, 14),
        "person": (index.person_url(person.slug), 11, 8),
        "schedule": (f"{biggest.url}schedule/", 15, 12),
    }


KINDS = [
    "home", "conferences index", "archive", "a conference without a programme", "biggest programme",
    "presentation", "person", "schedule",
]  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_page_renders_in_a_bounded_number_of_queries(
    imported_site, client, kind, django_assert_max_num_queries
):
    path, bound, _ = pages()[kind]
    client.get(path)  # the first render makes image renditions
    with django_assert_max_num_queries(bound):
        assert client.get(path).status_code == 200


@pytest.fixture
def kept_shell(settings):
    settings.SITE_SHELL_GENERATION = "pagecache.generation.current"
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_page_reads_fewer_queries_with_the_shell_kept(
    imported_site, client, kept_shell, kind, django_assert_max_num_queries
):
    path, _, bound = pages()[kind]
    client.get(path)  # renditions, and the shell's parts for this menu state
    with django_assert_max_num_queries(bound):
        assert client.get(path).status_code == 200
