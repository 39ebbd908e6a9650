import pytest

from conferences.demo import load_demo_content

pytestmark = pytest.mark.django_db


def test_sitemap_lists_published_pages(client, home_page):
    load_demo_content()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    body = response.content.decode()
    assert "<loc>http://testserver/conferences/</loc>" in body
    assert "<loc>http://testserver/conferences/iassist-sweden-2022/</loc>" in body


def test_sitemap_leaves_out_drafts(client, home_page):
    load_demo_content()
    from conferences.models import ConferencePage

    page = ConferencePage.objects.get(slug="iassist-africa-2021")
    assert "iassist-africa-2021" in client.get("/sitemap.xml").content.decode()
    page.unpublish()
    assert "iassist-africa-2021" not in client.get("/sitemap.xml").content.decode()


def test_robots_txt_points_at_the_sitemap_and_hides_the_admin(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_html_is_gzip_compressed_for_clients_that_accept_it(client, home_page):
    load_demo_content()
    response = client.get("/conferences/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"


def test_anonymous_html_is_public_but_revalidated_on_every_visit(client, home_page):
    response = client.get("/")
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=0", "must-revalidate"} <= cache_control
    assert "Cookie" in response["Vary"]


def test_signed_in_pages_are_not_publicly_cacheable(admin_client, client, home_page):
    response = admin_client.get("/")
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")
    assert "public" in client.get("/").get("Cache-Control", "")


def test_admin_requires_sign_in(client, home_page):
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
