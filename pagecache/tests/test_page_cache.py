"""What the page cache stores and for whom: anonymous GETs of public HTML only."""

import pytest

from pagecache import generation
from pagecache.middleware import HEADER

pytestmark = pytest.mark.django_db


def test_second_anonymous_request_is_served_from_the_cache(visitor, programme):
    url = programme["conference"].url
    first, second = visitor.get(url), visitor.get(url)
    assert (first[HEADER], second[HEADER]) == ("miss", "hit")
    assert second.content == first.content


def test_a_hit_keeps_the_headers_of_the_render(visitor, programme):
    url = programme["conference"].url
    first, second = visitor.get(url), visitor.get(url)
    expected = {name: value for name, value in first.items() if name != HEADER}
    assert {name: value for name, value in second.items() if name != HEADER} == expected


def test_a_hit_carries_the_security_headers(visitor, programme):
    url = programme["conference"].url
    visitor.get(url)
    hit = visitor.get(url)
    assert hit[HEADER] == "hit"
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"):
        assert hit.has_header(name), name


def test_a_hit_runs_no_sql(visitor, programme, django_assert_num_queries):
    url = programme["index"].url
    visitor.get(url)
    with django_assert_num_queries(0):
        assert visitor.get(url)[HEADER] == "hit"


def test_compressed_and_plain_copies_are_kept_apart(visitor, programme):
    url = programme["conference"].url
    plain = visitor.get(url)
    gzipped = visitor.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert gzipped[HEADER] == "miss"
    assert gzipped["Content-Encoding"] == "gzip"
    again = visitor.get(url)
    assert again[HEADER] == "hit"
    assert not again.has_header("Content-Encoding")
    assert again.content == plain.content


def test_each_host_has_its_own_copy(visitor, programme, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example.org"]
    url = programme["index"].url
    visitor.get(url)
    assert visitor.get(url, HTTP_HOST="other.example.org")[HEADER] == "miss"


def test_requests_with_a_query_string_are_not_cached(visitor, programme):
    url = f"{programme['index'].url}?utm_source=newsletter"
    visitor.get(url)
    assert not visitor.get(url).has_header(HEADER)


def test_search_is_not_cached(visitor, programme):
    visitor.get("/search/?q=data")
    assert not visitor.get("/search/?q=data").has_header(HEADER)


def test_not_found_pages_are_not_cached(visitor, programme):
    visitor.get("/no-such-page/")
    response = visitor.get("/no-such-page/")
    assert response.status_code == 404
    assert not response.has_header(HEADER)


def test_signed_in_editors_neither_fill_nor_read_the_cache(visitor, editor, programme):
    url = programme["conference"].url
    assert not editor.get(url).has_header(HEADER)
    assert visitor.get(url)[HEADER] == "miss"
    assert not editor.get(url).has_header(HEADER)


def test_editors_see_changes_that_bypass_signals(visitor, editor, programme):
    conference = programme["conference"]
    visitor.get(conference.url)
    type(conference).objects.filter(pk=conference.pk).update(title="Renamed without signals")
    assert b"Renamed without signals" in editor.get(conference.url).content
    assert b"Renamed without signals" not in visitor.get(conference.url).content


def test_the_purge_command_makes_every_page_stale(visitor, programme):
    from django.core.management import call_command

    url = programme["index"].url
    visitor.get(url)
    call_command("purge_page_cache", verbosity=0)
    assert visitor.get(url)[HEADER] == "miss"


def test_switched_off_the_cache_stores_nothing(visitor, programme, settings):
    settings.PAGE_CACHE_ENABLED = False
    url = programme["index"].url
    visitor.get(url)
    assert not visitor.get(url).has_header(HEADER)


def test_generation_survives_until_replaced():
    token = generation.current()
    assert generation.current() == token
    generation.bump()
    assert generation.current() != token


def test_a_visitor_with_waiting_messages_gets_a_fresh_render(visitor, programme):
    url = programme["index"].url
    visitor.get(url)
    visitor.cookies["messages"] = "pending"
    assert not visitor.get(url).has_header(HEADER)
