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
    """A view that takes `seconds` to render and counts its renders.

    `started` is set once the first render is under way and `another_started` once a second
    one is; with `hold_first`, the first render waits for `release` before it finishes, so
    that a test can act while it is unfinished.
    """

    def __init__(self, seconds=0.2, storable=True, fails=False, hold_first=False):
        self.seconds, self.storable, self.fails = seconds, storable, fails
        self.renders = 0
        self.lock = threading.Lock()
        self.started, self.another_started, self.release = threading.Event(), threading.Event(), threading.Event()
        self.hold_first = hold_first

    def __call__(self, request):
        with self.lock:
            self.renders += 1
            first = self.renders == 1
        (self.started if first else self.another_started).set()
        if first and self.hold_first:
            assert self.release.wait(timeout=10), "the test never released the first render"
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
    claim = f"{key}:filling:{generation.current()}"
    generation.page_cache().add(claim, 1, 30)
    page = SlowPage(seconds=0)
    response = AnonymousPageCacheMiddleware(page)(request)
    assert page.renders == 1
    assert response[HEADER] == "miss"
    # It rendered while the dead worker's claim still stood, rather than waiting for the claim to expire.
    assert generation.page_cache().get(claim) == 1


def test_a_failed_render_releases_its_claim():
    request = RequestFactory().get("/programme/")
    with pytest.raises(RuntimeError):
        AnonymousPageCacheMiddleware(SlowPage(seconds=0, fails=True))(request)
    claim = f"{page_key(request)}:filling:{generation.current()}"
    assert generation.page_cache().get(claim) is None


def test_a_waiting_visitor_never_gets_a_page_rendered_before_an_edit(monkeypatch):
    page = SlowPage(seconds=0, hold_first=True)
    middleware = AnonymousPageCacheMiddleware(page)
    # The second visitor either renders the page itself or waits for the first render.
    waiting = page.another_started
    wait_for_fill = middleware._wait_for_fill
    monkeypatch.setattr(middleware, "_wait_for_fill", lambda *args: waiting.set() or wait_for_fill(*args))
    responses = {}

    def visit(name):
        responses[name] = middleware(RequestFactory().get("/programme/"))

    first = threading.Thread(target=visit, args=("first",))
    first.start()
    assert page.started.wait(timeout=10)  # the first render is under way
    generation.bump()  # an edit lands while it renders
    second = threading.Thread(target=visit, args=("second",))
    second.start()
    assert waiting.wait(timeout=10)
    page.release.set()  # the older render finishes while the second visitor is served
    first.join()
    second.join()
    # The second visitor asked after the edit: it renders afresh rather than take the older render.
    assert page.renders == 2
    assert responses["second"][HEADER] == "miss"
