"""After an edit in production, the vocabulary is refreshed in a thread, so the editor does not wait for it."""

import logging
import threading

import pytest
from django.db import connections

from conferences.tests import builders
from search import refresher
from search.models import SearchTerm


class Recorded:
    """A refresh that counts its runs and can be held until the test lets it finish."""

    def __init__(self):
        self.runs = 0
        self.started = threading.Event()
        self.release = threading.Event()

    def __call__(self):
        self.runs += 1
        self.started.set()
        assert self.release.wait(10)


def test_changes_arriving_during_a_refresh_are_folded_into_one_more():
    refresh = Recorded()
    background = refresher.BackgroundRefresher(refresh)
    background.poke()
    assert refresh.started.wait(10)
    for _ in range(5):
        background.poke()
    refresh.release.set()
    background.wait(10)
    assert refresh.runs == 2


def test_a_change_after_the_thread_ended_starts_another():
    refresh = Recorded()
    refresh.release.set()
    background = refresher.BackgroundRefresher(refresh)
    background.poke()
    background.wait(10)
    background.poke()
    background.wait(10)
    assert refresh.runs == 2


def test_a_failed_refresh_is_logged_and_the_next_change_refreshes_again(caplog, monkeypatch):
    def broken():
        raise RuntimeError("the database went away")

    monkeypatch.setattr(refresher.terms, "refresh", broken)
    background = refresher.BackgroundRefresher()
    with caplog.at_level(logging.ERROR, logger="search.refresher"):
        background.poke()
        background.wait(10)
    assert "could not be refreshed" in caplog.text
    ran = Recorded()
    ran.release.set()
    monkeypatch.setattr(refresher.terms, "refresh", ran)
    background.poke()
    background.wait(10)
    assert ran.runs == 1


@pytest.fixture(scope="module")
def migrated_site_put_back(django_db_blocker):
    """A transactional test ends with the database flushed (after its own fixtures' teardown): the
    migrated site again once the module is done, for the tests after it."""
    yield
    with django_db_blocker.unblock():
        for connection in connections.all():
            if hasattr(connection, "_test_serialized_contents"):
                connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_committed_change_is_in_the_vocabulary_once_the_background_refresh_ends(
    migrated_site_put_back, home_page, settings
):
    settings.SEARCH_TERMS_REFRESH_IN_BACKGROUND = True
    conference = builders.conference(builders.conference_index(home_page))
    builders.presentation(builders.session(conference), "Xylophonic archives")
    refresher.refresher.wait(30)
    assert SearchTerm.objects.filter(term="xylophonic").exists()


@pytest.mark.django_db
def test_without_the_setting_the_refresh_runs_at_once(home_page, settings, django_capture_on_commit_callbacks):
    settings.SEARCH_TERMS_REFRESH_IN_BACKGROUND = False
    conference = builders.conference(builders.conference_index(home_page))
    with django_capture_on_commit_callbacks(execute=True):
        builders.presentation(builders.session(conference), "Xylophonic archives")
    assert SearchTerm.objects.filter(term="xylophonic").exists()
