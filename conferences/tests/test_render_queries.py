"""Each kind of page of the imported archive renders in a fixed number of queries, the biggest programme too.

The bounds are today's counts: an uncached render's cost is mostly the ORM's work per query
(docs/serving.md, "Uncached renders"), so a page that reads more than this has lost some of it.
"""

import pytest
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
        "home": ("/", 7),
        "conferences index": (index.url, 17),
        "archive": (ConferenceArchivePage.objects.live().first().url, 12),
        "a conference without a programme": (ConferencePage.objects.filter(year=1990).first().url, 12),
        "biggest programme": (biggest.url, 20),
        "presentation": (talk.get_url(), 17),
        "person": (index.person_url(person.slug), 11),
        "schedule": (f"{biggest.url}schedule/", 15),
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
