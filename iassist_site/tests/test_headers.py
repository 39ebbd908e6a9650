"""Security headers on public pages, and the admin's looser script policy."""

import pytest
from django.urls import reverse

from conferences.tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_urls(home_page):
    index = builders.conference_index(home_page)
    conference = builders.conference(index, 2022)
    return [home_page.url, index.url, conference.url, f"{index.url}people/", "/search/?q=census", "/no-such-page/"]


def policy(response):
    return dict(
        (part.split(" ", 1) + [""])[:2] for part in (p.strip() for p in response["Content-Security-Policy"].split(";"))
    )


def test_public_pages_carry_a_strict_content_security_policy(client, public_urls):
    for url in public_urls:
        directives = policy(client.get(url))
        assert directives["script-src"] == "'self'", url
        assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'self'", url
        assert "nonce-" not in str(directives) and "unsafe" not in str(directives), url


def test_public_pages_carry_the_other_security_headers(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
        assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


def test_admin_allows_its_inline_date_pickers(admin_client, home_page):
    directives = policy(admin_client.get(reverse("wagtailadmin_pages:edit", args=[home_page.pk])))
    assert "'unsafe-inline'" in directives["script-src"]


def test_public_templates_have_no_inline_script(client, public_urls):
    for url in public_urls:
        html = client.get(url).content.decode()
        for tag in html.split("<script")[1:]:
            opening = tag.split(">", 1)[0]
            assert "src=" in opening or 'type="application/ld+json"' in opening, (url, opening)


def test_production_sends_hsts_and_secure_cookies_over_https(tmp_path):
    from iassist_site.tests.test_production import run_django

    code = (
        "from django.test import Client\nfrom django.conf import settings\n"
        "r = Client().get('/robots.txt', secure=True, headers={'host': 'conferences.example.org'})\n"
        "print(r.status_code, r['Strict-Transport-Security'])\n"
        "print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE)"
    )
    result = run_django(code, tmp_path, SECRET_KEY="k" * 50, ALLOWED_HOSTS="conferences.example.org")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["200", "max-age=31536000;", "includeSubDomains;", "preload", "True", "True"]
