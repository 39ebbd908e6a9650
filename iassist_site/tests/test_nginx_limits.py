"""The reference nginx's request limits (limit_req) and, behind it, Django's count of each client's failures.

nginx runs deploy/nginx-site.conf in front of the live server; clients are 127.0.0.2 and
127.0.0.3, which nginx tells Django about in X-Forwarded-For.
"""

import pytest
from django.core.cache import cache

from iassist_site.tests.reference_nginx import NEEDS_NGINX, Browser
from iassist_site.tests.test_password_throttle import PASSWORD, SIGN_IN_REFUSED, sign_in

# The live server sees only committed data: transactional, with the migrated database put back.
pytestmark = [*NEEDS_NGINX, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NGINX_REFUSED = b"<title>429 Too Many Requests</title>"
# At 10 a minute after a burst of 10, 30 tries all pass only if they take two minutes; the
# burst passes however slow the machine is. Searches: 5 a second after 30, so 300 take a minute.
TRIES = 30


@pytest.fixture(autouse=True)
def behind_nginx(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]  # as in production
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def first_refused(browser, send, tries=TRIES):
    """How many requests `send` made before nginx refused one, or None if it never did."""
    for attempt in range(tries):
        if NGINX_REFUSED in send(browser).body:
            return attempt
    return None


def test_nginx_refuses_a_burst_of_sign_in_attempts_with_429(nginx):
    attacker = Browser(nginx.port, "127.0.0.2")
    assert first_refused(attacker, lambda b: b.post("/admin/login/", {"username": "editor", "password": "x"})) >= 10
    refused = attacker.post("/admin/login/", {"username": "editor", "password": "x"})
    assert refused.status == 429 and NGINX_REFUSED in refused.body
    # Only that client's posts: the form still loads, and another client may still post.
    assert attacker.get("/admin/login/").status == 200
    other = Browser(nginx.port, "127.0.0.3").post("/admin/login/", {"username": "editor", "password": "x"})
    assert other.status != 429


def test_nginx_refuses_a_burst_of_password_reset_requests_with_429(nginx, editor, mailoutbox):
    attacker = Browser(nginx.port, "127.0.0.2")
    assert attacker.get("/admin/password_reset/").status == 200  # the form's CSRF cookie
    asked = first_refused(attacker, lambda b: b.post("/admin/password_reset/", {"email": "editor@example.org"}))
    assert asked is not None and asked >= 10
    # Each request that got through sent one mail; the refused ones sent none.
    assert 0 < len(mailoutbox) <= asked
    assert attacker.get("/admin/password_reset/").status == 200


def test_nginx_refuses_a_burst_of_page_passwords_with_429(nginx):
    attacker = Browser(nginx.port, "127.0.0.2")
    form = "/_util/authenticate_with_password/1/1/"
    assert first_refused(attacker, lambda b: b.post(form, {"password": "guess"})) >= 10


def test_nginx_refuses_a_burst_of_searches_with_429(nginx):
    searcher = Browser(nginx.port, "127.0.0.2")
    assert first_refused(searcher, lambda b: b.get("/search/?q=data"), tries=300) is not None


def test_behind_nginx_django_refuses_the_guessing_client_and_not_another(nginx, editor):
    # The attacker also writes X-Forwarded-For itself, to pass for someone else each time.
    attacker = Browser(nginx.port, "127.0.0.2", headers={"X-Forwarded-For": "198.51.100.7"})
    for attempt in range(5):
        attacker.headers["X-Forwarded-For"] = f"198.51.100.{attempt}"
        assert sign_in(attacker, "editor", "wrong-guess").status == 200
    refused = sign_in(attacker, "editor", PASSWORD)
    assert refused.status == 429 and SIGN_IN_REFUSED in refused.body
    owner = Browser(nginx.port, "127.0.0.3")
    assert sign_in(owner, "editor", PASSWORD).status == 302
