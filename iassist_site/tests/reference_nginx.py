"""deploy/nginx-site.conf run by Debian's nginx in front of pytest-django's live server.

The helpers come from the front-cache tests (pagecache/tests/test_nginx_deployment.py),
which fill in the config as docs/serving.md tells an administrator to; this module adds a
fixture for tests that need nginx but not Wagtail's purging, and a media folder of the
test's choosing.
"""

import shutil
import tempfile
from pathlib import Path

import pytest

from pagecache.tests.test_nginx_deployment import (
    INSTALL,
    NGINX,
    PURGE_MODULE,
    assert_no_crash,
    free_port,
    readable_dir,
    request,
    running_nginx,
    wait_until_listening,
    write_nginx_conf,
    write_site_conf,
)

__all__ = ["NEEDS_NGINX", "Nginx", "request", "start_nginx"]

NEEDS_NGINX = [
    pytest.mark.skipif(NGINX is None, reason=f"nginx is not installed ({INSTALL})"),
    pytest.mark.skipif(not PURGE_MODULE.exists(), reason=f"no nginx cache purge module at {PURGE_MODULE} ({INSTALL})"),
]


class Nginx:
    """nginx on 127.0.0.1:port; `media` is the MEDIA_ROOT it serves (@MEDIA_ROOT@)."""

    def __init__(self, port, media):
        self.port = port
        self.media = media

    def get(self, path, headers=None, source_address=None):
        return request(self.port, path, headers, source_address=source_address)


def start_nginx(upstream_port):
    """A generator for a fixture: nginx in front of 127.0.0.1:upstream_port, stopped and removed after."""
    # Not pytest's tmp_path: it is private to root (0700), out of reach of nginx's workers.
    workdir = readable_dir(Path(tempfile.mkdtemp(prefix="iassist-nginx-test-")))
    try:
        port = free_port()
        write_site_conf(workdir, port, f"127.0.0.1:{upstream_port}", readable_dir(workdir / "static"))
        write_nginx_conf(workdir)
        media = readable_dir(workdir / "media")
        with running_nginx(workdir) as process:
            wait_until_listening(process, port, workdir)
            yield Nginx(port, media)
        assert_no_crash(workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
