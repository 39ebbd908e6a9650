"""One set of rules for what anonymous visitors share: the page cache and browsers' headers agree."""

import pytest

from pagecache.middleware import HEADER

pytestmark = pytest.mark.django_db


def test_a_stored_page_tells_browsers_it_is_public_and_to_check_again(visitor, programme):
    response = visitor.get(programme["index"].url)
    assert response[HEADER] == "miss"
    assert response["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert response["Vary"] == "Cookie, Accept-Encoding"


def test_the_admin_is_neither_stored_nor_marked_public(visitor):
    response = visitor.get("/admin/login/")
    assert response.status_code == 200
    assert not response.has_header(HEADER)
    assert "public" not in response.get("Cache-Control", "")


def test_a_signed_in_editor_gets_no_public_headers(editor, programme):
    response = editor.get(programme["index"].url)
    assert not response.has_header(HEADER)
    assert "public" not in response.get("Cache-Control", "")


def test_search_is_not_stored_and_keeps_its_own_policy(visitor, programme):
    response = visitor.get("/search/")
    assert not response.has_header(HEADER)
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]
