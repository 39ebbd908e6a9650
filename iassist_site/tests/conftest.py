"""Fixtures for the tests that run the reference nginx (reference_nginx.py) in front of the live server."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.conf import settings

# The migrated database put back once a module of live-server tests is done (they end with it flushed).
from pagecache.tests.test_nginx_deployment import (
    migrated_site_put_back,  # noqa: F401  (a fixture)
    readable_dir,
)

from .reference_nginx import start_nginx


@pytest.fixture
def nginx(live_server, migrated_site_put_back):  # noqa: F811
    """A fresh nginx per test, in front of the live server (the test must be transactional)."""
    yield from start_nginx(live_server.thread.port)


@pytest.fixture(scope="session")
def collected_static():
    """The static files as the production settings collect them (hashed, compressed), once for the run.

    collectstatic takes 20-30 s on a busy machine, and nothing it writes depends on the test
    that asks: the production-settings test and the app servers read the same directory.
    Not pytest's tmp_path: it is private to root (0700), out of reach of nginx's workers.
    """
    root = readable_dir(Path(tempfile.mkdtemp(prefix="iassist-static-")))
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="iassist_site.settings.production",
        SECRET_KEY="collectstatic-only-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{root / 'unused.sqlite3'}",
        CACHE_DIR=str(root / "cache"),
        STATIC_ROOT=str(root / "static"),
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=settings.BASE_DIR, env=env, check=True
    )
    yield readable_dir(root / "static")
    shutil.rmtree(root, ignore_errors=True)
