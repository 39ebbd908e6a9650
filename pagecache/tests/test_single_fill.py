"""After an edit, visitors who ask for the same page at the same moment share one render."""

import threading
import time

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from pagecache import generation
from pagecache.middleware import HEADER, AnonymousPageCacheMiddleware, page_key

pytestmark = pytest.mark.django_db

VISITORS = 4


class SlowPage:
    """A view that takes `seconds` to render and counts its renders."""

    def __init__(self, seconds=0.2, storable=True, fails=False):
        self.seconds, self.storable, self.fails = seconds, storable, fails
        self.renders = 0
        self.lock = threading.Lock()

    def __call__(self, request):
        with self.lock:
            self.renders += 1
        time.sleep(self.seconds)
        if self.fails:
            raise RuntimeError("the render failed")
        response = HttpResponse("<!doctype html><title>Programme</title>", content_type="text/html")
        if not self.storable:
            response.set_cookie("visitor", "1")
        return response


def at_once(middleware, count=VISITORS):
    """`count` anonymous visitors asking for /programme/ together; their responses."""
    responses = [None] * count
    start = threading.Barrier(count)

    def visit(number):
        start.wait()
        responses[number] = middleware(RequestFactory().get("/programme/"))

    threads = [threading.Thread(target=visit, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


def test_visitors_arriving_together_share_one_render():
    page = SlowPage()
    responses = at_once(AnonymousPageCacheMiddleware(page))
    assert page.renders == 1
    assert sorted(response[HEADER] for response in responses) == ["hit"] * (VISITORS - 1) + ["miss"]
    assert len({response.content for response in responses}) == 1


def test_waiting_visitors_render_themselves_when_the_first_render_is_not_stored():
    page = SlowPage(storable=False)
    responses = at_once(AnonymousPageCacheMiddleware(page))
    assert page.renders == VISITORS
    assert all(response.status_code == 200 and not response.has_header(HEADER) for response in responses)


def test_a_visitor_stops_waiting_for_a_render_that_never_ends(settings):
    settings.PAGE_CACHE_FILL_WAIT = 0.1
    request = RequestFactory().get("/programme/")
    key = page_key(request)
    # Another worker claimed the render and died: its claim outlives it.
    generation.page_cache().add(f"{key}:filling:{generation.current()}", 1, 30)
    page = SlowPage(seconds=0)
    started = time.monotonic()
    response = AnonymousPageCacheMiddleware(page)(request)
    assert page.renders == 1
    assert response[HEADER] == "miss"
    assert time.monotonic() - started < 2


def test_a_failed_render_releases_its_claim():
    request = RequestFactory().get("/programme/")
    with pytest.raises(RuntimeError):
        AnonymousPageCacheMiddleware(SlowPage(seconds=0, fails=True))(request)
    claim = f"{page_key(request)}:filling:{generation.current()}"
    assert generation.page_cache().get(claim) is None


def test_a_waiting_visitor_never_gets_a_page_rendered_before_an_edit():
    page = SlowPage(seconds=0.3)
    middleware = AnonymousPageCacheMiddleware(page)
    responses = [None]

    def first_visitor():
        responses[0] = middleware(RequestFactory().get("/programme/"))

    first = threading.Thread(target=first_visitor)
    first.start()
    time.sleep(0.1)  # the first render is under way
    generation.bump()  # an edit lands while it renders
    second = middleware(RequestFactory().get("/programme/"))
    first.join()
    # The second visitor asked after the edit: it renders afresh rather than take the older render.
    assert page.renders == 2
    assert second[HEADER] == "miss"
