"""Reading Zenodo over HTTP: pages followed to the end, and every failure one clear ZenodoUnavailable."""

import pytest

from zenodosync import client
from zenodosync.client import ZenodoUnavailable, fetch_community

from .conftest import UNREACHABLE_API, recorded_hits, server_url


def test_every_page_is_read_by_following_links_next(settings, zenodo_server):
    settings.ZENODO_API_URL = server_url(zenodo_server)
    fetched = fetch_community("iassist-2022")
    assert fetched.pages == 2
    assert len(fetched.records) + len(fetched.skipped) == len(recorded_hits())


def test_the_first_request_names_the_community_and_the_page_size(settings, zenodo_server):
    settings.ZENODO_API_URL = server_url(zenodo_server)
    fetch_community("iassist-2022")
    first_path, user_agent = zenodo_server.requests[0]
    assert "communities=iassist-2022" in first_path
    assert f"size={client.PAGE_SIZE}" in first_path
    assert user_agent == client.USER_AGENT


def test_the_page_limit_stops_the_reading_and_says_so(settings, zenodo_server):
    settings.ZENODO_API_URL = server_url(zenodo_server)
    fetched = fetch_community("iassist-2022", max_pages=1)
    assert fetched.pages == 1
    assert fetched.capped


def test_a_refused_connection_is_zenodo_unavailable(settings):
    settings.ZENODO_API_URL = UNREACHABLE_API
    with pytest.raises(ZenodoUnavailable, match="cannot be reached"):
        fetch_community("iassist-2022")


def test_an_http_error_is_zenodo_unavailable_with_its_status(settings, zenodo_server):
    settings.ZENODO_API_URL = server_url(zenodo_server, "/broken")
    with pytest.raises(ZenodoUnavailable, match="500"):
        fetch_community("iassist-2022")


def test_an_answer_that_is_not_json_is_zenodo_unavailable(settings, zenodo_server):
    settings.ZENODO_API_URL = server_url(zenodo_server, "/html")
    with pytest.raises(ZenodoUnavailable, match="not JSON"):
        fetch_community("iassist-2022")


def test_a_next_page_on_another_host_is_not_followed(settings, zenodo_server):
    settings.ZENODO_API_URL = server_url(zenodo_server, "/elsewhere")
    with pytest.raises(ZenodoUnavailable, match="points away"):
        fetch_community("iassist-2022")


def test_a_json_answer_without_hits_is_zenodo_unavailable():
    with pytest.raises(ZenodoUnavailable, match="hits.hits"):
        client.hits_of({"status": 400, "message": "Invalid query"}, "https://zenodo.org/api/records")
