"""Typos over the whole imported archive (../shared/iassist-hugo; skipped when absent)."""

import pytest
from django.db.models import Count

from conferences.models import ConferencePage, Person

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def searched(client, q):
    return client.get("/search/", {"q": q, "format": "json"}).json()


def test_gothenberg_finds_gothenburgs_conference(client, imported_site):
    conference = ConferencePage.objects.live().filter(city="Gothenburg").order_by("year").last()
    if conference is None:
        pytest.skip("the tree holds no Gothenburg conference")
    data = searched(client, "gothenberg")
    assert data["corrected"] == "Gothenburg"
    assert data["results"][0]["title"] == conference.title


def test_metdata_is_searched_as_metadata(client, imported_site):
    data = searched(client, "metdata")
    assert data["corrected"] == "metadata"
    assert data["count"] > 100


def test_a_surname_with_two_letters_swapped_finds_the_person(client, imported_site):
    people = Person.objects.annotate(talks=Count("presenter_entries")).filter(talks__gte=3).order_by("-talks", "pk")
    chosen = [
        person
        for person in people[:200]
        if person.name.isascii()
        and len(surname := person.name.split()[-1]) >= 7
        and surname.isalpha()
        and surname[3] != surname[4]
    ]
    assert chosen, "no presenter with a long surname and three talks in the tree"
    person = chosen[0]
    surname = person.name.split()[-1]
    typo = surname[:3] + surname[4] + surname[3] + surname[5:]
    data = searched(client, person.name.replace(surname, typo))
    assert data["corrected"] == person.name
    assert (data["results"][0]["kind"], data["results"][0]["title"]) == ("person", person.name)
