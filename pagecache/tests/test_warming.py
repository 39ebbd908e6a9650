"""After an edit the most visited pages are rendered again ahead of visitors, exactly as their requests would be."""

import gzip
import re
import threading
import uuid

import pytest
import redis
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from wagtail.models import PageViewRestriction

from pagecache import checks, generation, tally, warming
from pagecache.caches import PAGE_CACHE_ALIAS, redis_caches
from pagecache.middleware import HEADER, page_key
from pagecache.outage import CacheUnavailable
from pagecache.store import page_cache
from pagecache.tally import Variant

pytestmark = pytest.mark.django_db
REDIS_URL = "redis://127.0.0.1:6379/12"
NONCE = re.compile(rb"nonce-[A-Za-z0-9+/=_-]+|nonce=\"[^\"]+\"")


def _redis_answers():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_timeout=0.5).ping()
    except redis.RedisError:
        return False


@pytest.fixture(autouse=True)
def warming_on(settings, monkeypatch):
    """Warming on, a fresh tally, and the test's database connection kept open through each warming render.

    Django's test client keeps `close_old_connections` from closing the connection that holds the test's
    transaction (and connects it again after each request); warming's handler is the real one, so the
    same is done around each of its renders here.
    """
    settings.PAGE_CACHE_WARM_PAGES = 50
    real_render = warming.render

    def render_keeping_the_test_connection(variant):
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            return real_render(variant)
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)

    monkeypatch.setattr(warming, "render", render_keeping_the_test_connection)
    # The warmer process closes stale connections after each pass; on PostgreSQL that would close the
    # connection holding the test's transaction (its autocommit is off), as the test client avoids too.
    monkeypatch.setattr(warming, "close_old_connections", lambda: None)
    tally.tally().clear()
    yield
    tally.tally().clear()


@pytest.fixture
def every_hit_counted(monkeypatch):
    monkeypatch.setattr(tally, "HIT_SAMPLE", 1)


@pytest.fixture(params=["memory", "redis"])
def page_cache_backend(request, settings):
    """The process's own tally (local memory) and the one every worker shares (Redis, database 12)."""
    if request.param == "redis":
        if not _redis_answers():
            pytest.skip("no Redis on 127.0.0.1:6379")
        settings.CACHES = redis_caches(REDIS_URL, key_prefix=f"test-warming-{uuid.uuid4().hex}")
        settings.PAGE_CACHE_ALIAS = PAGE_CACHE_ALIAS
        yield request.param
        client = redis.Redis.from_url(REDIS_URL)
        for key in client.scan_iter(f"{settings.CACHES['default']['KEY_PREFIX']}:*"):
            client.delete(key)
        return
    yield request.param


def _entry(request):
    return page_cache().get(page_key(request))


def comparable(entry):
    """An entry's status, headers and page with the per-render parts (the CSP nonce) blanked out."""
    _token, status, headers, body, deadline = entry
    if dict(headers).get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    blank = [(name, NONCE.sub(b"nonce", value.encode()).decode()) for name, value in headers]
    return status, [(name, value) for name, value in blank if name != "Content-Length"], NONCE.sub(b"nonce", body)


def edit(conference, title):
    conference.title = title
    conference.save_revision().publish()


def test_warming_stores_what_a_visitors_request_would_store(page_cache_backend, visitor, programme):
    url = programme["conference"].url
    rendered = {encoding: visitor.get(url, HTTP_ACCEPT_ENCODING=encoding) for encoding in ("gzip", "identity")}
    by_visitor = {encoding: _entry(response.wsgi_request) for encoding, response in rendered.items()}
    generation.bump()
    done = warming.warm()
    assert done.stored == 2, done
    for encoding, response in rendered.items():
        warmed = _entry(response.wsgi_request)
        assert warmed[0] == generation.current()
        assert comparable(warmed) == comparable(by_visitor[encoding]), encoding


def test_after_warming_the_next_visitor_is_served_from_the_cache(page_cache_backend, visitor, programme):
    url = programme["index"].url
    visitor.get(url, HTTP_ACCEPT_ENCODING="gzip")
    edit(programme["conference"], "IASSIST Warmed Conference")
    warming.warm()
    response = visitor.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response[HEADER] == "hit"
    assert response["Content-Encoding"] == "gzip"
    assert b"IASSIST Warmed Conference" in gzip.decompress(response.content)


def test_each_host_is_warmed_as_its_visitors_asked(visitor, programme, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example.org"]
    url = programme["index"].url
    visitor.get(url, HTTP_HOST="other.example.org")
    generation.bump()
    assert warming.warm().stored == 1
    assert visitor.get(url, HTTP_HOST="other.example.org")[HEADER] == "hit"
    assert visitor.get(url)[HEADER] == "miss"


def test_the_most_visited_pages_are_warmed_first(visitor, programme, every_hit_counted):
    index, conference = programme["index"].url, programme["conference"].url
    for _ in range(3):
        visitor.get(index)
    visitor.get(conference)
    generation.bump()
    done = warming.warm(pages=1)
    assert [variant.path for variant, _outcome in done.outcomes] == [index]
    assert visitor.get(conference)[HEADER] == "miss"


def test_pages_never_stored_are_never_counted(visitor, programme):
    visitor.get(f"{programme['index'].url}?utm_source=newsletter")
    visitor.get("/search/?q=data")
    visitor.get("/no-such-page/")
    assert tally.most_visited(10) == []


def test_query_strings_and_addresses_the_cache_never_stores_are_skipped(visitor, programme):
    for path in (f"{programme['index'].url}?page=2", "/search/?q=data", "/admin/", "no-slash"):
        tally.tally().add(Variant("http", "testserver", "gzip", path).member(), 5)
    done = warming.warm()
    assert (done.skipped, done.stored, done.not_stored) == (4, 0, 0)


def test_a_page_restricted_since_it_was_counted_is_not_stored(visitor, programme):
    conference = programme["conference"]
    visitor.get(conference.url)
    PageViewRestriction.objects.create(page=conference, restriction_type="password", password="members-only")
    done = warming.warm()
    assert (done.stored, done.not_stored) == (0, 1)
    response = visitor.get(conference.url)
    assert not response.has_header(HEADER)
    assert conference.title not in response.content.decode()


def test_an_edit_after_warming_is_shown_not_the_warmed_page(visitor, programme):
    conference = programme["conference"]
    visitor.get(conference.url)
    edit(conference, "IASSIST First Title")
    warming.warm()
    edit(conference, "IASSIST Second Title")
    response = visitor.get(conference.url)
    assert response[HEADER] == "miss"
    assert "IASSIST Second Title" in response.content.decode()


def test_an_edit_during_a_pass_stops_it(visitor, programme):
    for page in ("index", "archive", "conference"):
        visitor.get(programme[page].url)
    generation.bump()
    edits = iter([False, True])
    done = warming.warm(should_stop=lambda: next(edits, True))
    assert (done.stored, done.stopped) == (1, "another edit")


def test_a_pass_stops_at_its_time_budget(visitor, programme):
    visitor.get(programme["index"].url)
    generation.bump()
    done = warming.warm(seconds=0)
    assert (done.stored, done.stopped) == (0, "time")


def test_a_page_whose_render_fails_is_logged_and_the_others_are_warmed(visitor, programme, monkeypatch, caplog):
    index, conference = programme["index"].url, programme["conference"].url
    visitor.get(index)
    visitor.get(conference)
    real_render = warming.render

    def render(variant):
        if variant.path == conference:
            raise RuntimeError("the programme's template broke")
        return real_render(variant)

    monkeypatch.setattr(warming, "render", render)
    generation.bump()
    done = warming.warm()
    assert (done.stored, done.failed) == (1, 1)
    assert "the programme's template broke" in caplog.text


def test_publishing_returns_before_warming_ends_and_a_failed_pass_fails_nothing(
    visitor, programme, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    visitor.get(programme["index"].url)
    release, ended = threading.Event(), threading.Event()

    def stuck_then_broken(variant):
        release.wait(10)
        raise RuntimeError("warming broke")

    monkeypatch.setattr(warming, "render", stuck_then_broken)
    passes = warming.warmer.passes
    conference = programme["conference"]
    with django_capture_on_commit_callbacks(execute=True):
        edit(conference, "IASSIST Published Anyway")
    # The publish has returned while the warming thread is still held inside its render.
    assert warming.warmer.thread.is_alive() and warming.warmer.passes == passes
    release.set()
    for _ in range(200):
        if warming.warmer.passes > passes:
            ended.set()
            break
        ended.wait(0.05)
    assert ended.is_set()
    conference.refresh_from_db()
    assert conference.live and conference.title == "IASSIST Published Anyway"
    assert "warming broke" in caplog.text


def test_no_warming_is_planned_when_it_is_off(settings, programme, django_capture_on_commit_callbacks):
    settings.PAGE_CACHE_WARM_PAGES = 0
    with django_capture_on_commit_callbacks() as callbacks:
        edit(programme["conference"], "IASSIST Unwarmed")
    assert warming._after_commit not in callbacks


def test_the_command_warms_and_reports(visitor, programme, capsys):
    visitor.get(programme["index"].url)
    generation.bump()
    call_command("warm_page_cache")
    assert "1 pages stored" in capsys.readouterr().out
    assert visitor.get(programme["index"].url)[HEADER] == "hit"


@pytest.mark.parametrize("arguments", [["--pages", "-1"], ["--seconds", "0"], ["--seconds", "-5"]])
def test_the_command_refuses_impossible_bounds(arguments):
    with pytest.raises(CommandError):
        call_command("warm_page_cache", *arguments)


def test_the_tally_keeps_only_the_most_visited_variants(page_cache_backend, monkeypatch):
    monkeypatch.setattr(tally, "MAX_TRACKED", 3)
    for number, visits in enumerate([5, 1, 4, 3, 2]):
        tally.tally().add(Variant("https", "testserver", "gzip", f"/page-{number}/").member(), visits)
    assert [variant.path for variant in tally.most_visited(10)] == ["/page-0/", "/page-2/", "/page-3/"]


def test_each_pass_halves_the_counts_so_that_recent_visits_outweigh_old_ones(page_cache_backend):
    old, recent = (Variant("https", "testserver", "gzip", path) for path in ("/last-year/", "/this-week/"))
    tally.tally().add(old.member(), 4)
    assert tally.most_visited(10) == [old]
    tally.tally().add(recent.member(), 3)
    assert tally.most_visited(10) == [recent, old]


class Follower:
    """`warming.follow` driven step by step in this thread: each of its waits may make a change first."""

    def __init__(self, changes=(), max_waits=12):
        self.changes = list(changes)  # callables, one for each wait after the first pass
        self.passes, self.waits, self.max_waits = [], 0, max_waits

    def sleep(self, _seconds):
        self.waits += 1
        if self.passes and self.changes:
            self.changes.pop(0)()

    def run(self):
        warming.follow(should_stop=lambda: self.waits >= self.max_waits, on_pass=self.passes.append, sleep=self.sleep)
        return self.passes


def test_the_warmer_process_warms_at_start_and_after_a_change_made_by_another_process(visitor, programme):
    index = programme["index"].url
    visitor.get(index)
    passes = Follower([lambda: edit(programme["conference"], "IASSIST Edited Elsewhere")]).run()
    assert [result.stored for result in passes] == [0, 1]  # at start the page was already cached
    response = visitor.get(index)
    assert response[HEADER] == "hit"
    assert "IASSIST Edited Elsewhere" in response.content.decode()


def test_a_burst_of_changes_makes_one_pass_of_the_warmer_process(visitor, programme):
    visitor.get(programme["index"].url)
    passes = Follower([generation.bump, generation.bump, generation.bump]).run()
    assert [result.stored for result in passes] == [0, 1]


def test_a_pass_stopped_by_a_change_is_followed_by_a_pass_for_that_change(visitor, programme, monkeypatch):
    for page in ("index", "archive", "conference"):
        visitor.get(programme[page].url)
    generation.bump()
    real_render, renders = warming.render, []

    def render_then_edit_once(variant):
        renders.append(variant.path)
        outcome = real_render(variant)
        if len(renders) == 1:
            generation.bump()  # an editor publishes while the first page renders
        return outcome

    monkeypatch.setattr(warming, "render", render_then_edit_once)
    passes = Follower().run()
    assert [(result.stored, result.stopped) for result in passes] == [(1, "another edit"), (3, "")]


def test_the_warmer_process_waits_out_a_cache_that_does_not_answer(visitor, programme, monkeypatch):
    visitor.get(programme["index"].url)
    generation.bump()
    real_current, failures = generation.current, iter(range(3))

    def current_failing_three_times():
        if next(failures, None) is not None:
            raise CacheUnavailable("Redis is restarting")
        return real_current()

    monkeypatch.setattr(generation, "current", current_failing_three_times)
    passes = Follower().run()
    assert [result.stored for result in passes] == [1]


def test_no_warming_is_planned_in_the_editing_process_when_a_warmer_process_does_it(
    settings, programme, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_WARMER = warming.PROCESS
    with django_capture_on_commit_callbacks() as callbacks:
        edit(programme["conference"], "IASSIST Warmed Elsewhere")
    assert warming._after_commit not in callbacks


def test_an_unknown_warmer_is_reported_by_the_system_checks(settings):
    settings.PAGE_CACHE_WARMER = "cron"
    errors = checks.warmer_setting(None)
    assert [error.id for error in errors] == ["pagecache.E001"]
    assert "'cron'" in errors[0].msg


def test_an_edit_is_saved_and_the_error_logged_when_the_warmer_setting_is_wrong(
    settings, programme, django_capture_on_commit_callbacks, caplog
):
    settings.PAGE_CACHE_WARMER = "cron"
    with django_capture_on_commit_callbacks(execute=True):
        edit(programme["conference"], "IASSIST Saved Anyway")
    programme["conference"].refresh_from_db()
    assert programme["conference"].title == "IASSIST Saved Anyway"
    assert "PAGE_CACHE_WARMER must be" in caplog.text


def test_the_command_refuses_to_follow_a_cache_no_other_process_sees():
    with pytest.raises(CommandError, match="this process's own"):
        call_command("warm_page_cache", "--follow")


@pytest.mark.parametrize(
    ("arguments", "message"), [(["--nice", "20"], "--nice"), (["--nice", "-1"], "--nice"), (["--pages", "0"], "off")]
)
def test_the_command_refuses_to_follow_with_impossible_settings(arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("warm_page_cache", "--follow", *arguments)


def test_the_warmer_process_outlives_a_failing_pass_and_tries_again(visitor, programme, monkeypatch, caplog):
    visitor.get(programme["index"].url)
    generation.bump()
    real_most_visited, calls = tally.most_visited, []

    def most_visited_failing_once(pages):
        calls.append(pages)
        if len(calls) == 1:
            raise RuntimeError("the tally broke")
        return real_most_visited(pages)

    monkeypatch.setattr(tally, "most_visited", most_visited_failing_once)
    passes = Follower().run()
    assert [result.stored for result in passes] == [1]
    assert "the tally broke" in caplog.text
