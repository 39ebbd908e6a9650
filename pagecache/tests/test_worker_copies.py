"""Each worker's own copies of pages: used only while their generation is current, within a budget."""

import pytest
from django.test import Client

from pagecache import generation
from pagecache.copies import WorkerCopies
from pagecache.middleware import HEADER


def _entry(body):
    return ("generation-1", 200, [("Content-Type", "text/html")], body)


def test_the_least_recently_used_copy_goes_first_when_the_budget_is_spent():
    copies = WorkerCopies(max_bytes=10)
    copies.put("a", _entry(b"aaaa"))
    copies.put("b", _entry(b"bbbb"))
    copies.get("a")
    copies.put("c", _entry(b"cccc"))
    assert copies.get("b") is None
    assert copies.get("a") is not None
    assert copies.get("c") is not None


def test_a_page_bigger_than_the_budget_is_not_kept():
    copies = WorkerCopies(max_bytes=3)
    copies.put("a", _entry(b"aaaa"))
    assert copies.get("a") is None
    assert copies.size == 0


def test_replacing_a_copy_keeps_the_size_right():
    copies = WorkerCopies(max_bytes=100)
    copies.put("a", _entry(b"aaaa"))
    copies.put("a", _entry(b"aa"))
    assert copies.size == 2


def _forget_pages_but_not_the_generation():
    """Empty the shared cache of pages, keeping the current generation."""
    token = generation.current()
    generation.page_cache().clear()
    generation.page_cache().set(generation.GENERATION_KEY, token, None)


@pytest.mark.django_db
def test_a_worker_serves_its_own_copy_while_the_generation_is_current(programme):
    visitor = Client()
    url = programme["index"].url
    visitor.get(url)
    _forget_pages_but_not_the_generation()
    assert visitor.get(url)[HEADER] == "hit"


@pytest.mark.django_db
def test_a_copy_from_before_an_edit_is_never_served(programme):
    visitor = Client()
    url = programme["conference"].url
    assert visitor.get(url)[HEADER] == "miss"
    assert visitor.get(url)[HEADER] == "hit"
    programme["conference"].title = "IASSIST renamed"
    programme["conference"].save_revision().publish()
    response = visitor.get(url)
    assert response[HEADER] == "miss"
    assert b"IASSIST renamed" in response.content


@pytest.mark.django_db
def test_no_copies_are_kept_with_a_budget_of_zero(programme, settings):
    settings.PAGE_CACHE_WORKER_BYTES = 0
    visitor = Client()
    url = programme["index"].url
    visitor.get(url)
    _forget_pages_but_not_the_generation()
    assert visitor.get(url)[HEADER] == "miss"
