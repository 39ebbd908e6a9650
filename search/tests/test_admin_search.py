"""The admin's own search finds presentations and people."""

import pytest

pytestmark = pytest.mark.django_db


def listed(response):
    return response.content.decode()


def test_the_admin_finds_presentations_by_title_words(admin_client, site):
    response = admin_client.get("/admin/snippets/conferences/presentation/", {"q": "census"})
    assert response.status_code == 200
    assert "Who is counted?" in listed(response)
    assert "FAIR Everywhere" not in listed(response)


def test_the_admin_finds_presentations_by_presenter(admin_client, site):
    response = admin_client.get("/admin/snippets/conferences/presentation/", {"q": "Vardigan"})
    assert "Metadata" in listed(response)
    assert "FAIR Everywhere" not in listed(response)


def test_the_admin_finds_people_by_name(admin_client, site):
    response = admin_client.get("/admin/snippets/conferences/person/", {"q": "Orlandini"})
    assert response.status_code == 200
    assert "Rosa Orlandini" in listed(response)
    assert "Kevin Manuel" not in listed(response)


def test_the_admin_finds_conference_pages_by_city(admin_client, site):
    response = admin_client.get("/admin/pages/search/", {"q": "Gothenburg"})
    assert response.status_code == 200
    assert "IASSIST 2022" in listed(response)
