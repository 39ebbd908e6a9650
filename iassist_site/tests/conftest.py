"""Fixtures for the tests that run the reference nginx (reference_nginx.py) in front of the live server."""

import pytest

# The migrated database put back once a module of live-server tests is done (they end with it flushed).
from pagecache.tests.test_nginx_deployment import migrated_site_put_back  # noqa: F401  (a fixture)

from .reference_nginx import start_nginx


@pytest.fixture
def nginx(live_server, migrated_site_put_back):  # noqa: F811
    """A fresh nginx per test, in front of the live server (the test must be transactional)."""
    yield from start_nginx(live_server.thread.port)
