"""deploy/nginx-site.conf run by Debian's nginx in front of pytest-django's live server.

The helpers come from the front-cache tests (pagecache/tests/test_nginx_deployment.py),
which fill in the config as docs/serving.md tells an administrator to; this module adds a
fixture for tests that need nginx but not Wagtail's purging, and a media folder of the
test's choosing.
"""

import http.client
import re
import shutil
import tempfile
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest

from pagecache.tests.test_nginx_deployment import (
    INSTALL,
    NGINX,
    PURGE_MODULE,
    Reply,
    assert_no_crash,
    free_port,
    readable_dir,
    request,
    running_nginx,
    wait_until_listening,
    write_nginx_conf,
    write_site_conf,
)

__all__ = ["NEEDS_NGINX", "Browser", "Nginx", "form_action", "form_field", "request", "start_nginx"]

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


class Browser:
    """One client at one source address (127.x.y.z), keeping its cookies, as a browser would."""

    def __init__(self, port, source="127.0.0.1", headers=None):
        self.port = port
        self.source_address = (source, 0)
        self.cookies = {}
        self.headers = headers or {}

    def get(self, path):
        return self._send("GET", path)

    def head(self, path):
        return self._send("HEAD", path)

    def post(self, path, fields):
        """Post a form, with the CSRF token from this client's cookie (a GET of a form sets it)."""
        body = urlencode({"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **fields})
        return self._send("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def _send(self, method, path, body=None, headers=None):
        cookie = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        headers = {**self.headers, **(headers or {}), **({"Cookie": cookie} if cookie else {})}
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30, source_address=self.source_address)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            reply = Reply(response.status, response.headers, response.read())
        finally:
            connection.close()
        for header in reply.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return reply


def form_field(html, name):
    """The value of a form's hidden field, e.g. the page password form's return_url."""
    match = re.search(rf'name="{re.escape(name)}"[^>]*value="([^"]*)"', html.decode())
    return match and match.group(1).replace("&amp;", "&")


def form_action(html):
    """Where a page's (first) form posts to."""
    return re.search(r'<form action="([^"]+)"', html.decode()).group(1)


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
