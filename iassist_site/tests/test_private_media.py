"""Documents in private collections reach only the visitors their collection admits, through nginx.

The reference nginx (deploy/nginx-site.conf) in front of the live server, with the
documents' X-Accel-Redirect on as the production settings have it: Django checks the
collection's view restrictions, nginx sends the file. Their /media/ addresses answer 404.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.utils import sendfile

from iassist_site.tests.reference_nginx import NEEDS_NGINX, Browser, form_field

# The live server sees only committed data: transactional, with the migrated database put back.
pytestmark = [*NEEDS_NGINX, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BUDGET = b"Budget 2025: confidential figures\n"
SHARED_PASSWORD = "committee-only-2025"


@pytest.fixture
def site(nginx, settings):
    """Documents stored where nginx reads them, served as in production."""
    settings.MEDIA_ROOT = str(nginx.media)
    settings.SENDFILE_BACKEND = "iassist_site.security.sendfile"
    settings.SENDFILE_ROOT = settings.MEDIA_ROOT
    settings.SENDFILE_URL = "/__media/"
    sendfile._get_sendfile.clear()  # Wagtail keeps the first backend it loads
    yield nginx
    sendfile._get_sendfile.clear()


def document(title, name, content, restriction=None, **restriction_fields):
    collection = Collection.get_first_root_node()
    if restriction:
        collection = collection.add_child(name=title)
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=restriction, **restriction_fields
        )
    return Document.objects.create(title=title, file=ContentFile(content, name=name), collection=collection)


@pytest.fixture
def budget(site):
    return document("Budget", "private-budget-2025.txt", BUDGET, CollectionViewRestriction.LOGIN)


@pytest.fixture
def minutes(site):
    return document(
        "Minutes", "committee-minutes.txt", b"Minutes\n", CollectionViewRestriction.PASSWORD, password=SHARED_PASSWORD
    )


def media_address(doc):
    return f"/media/{doc.file.name}"


@pytest.fixture
def member_session(site):
    user = get_user_model().objects.create_user("member", "member@example.org", "a-long-password-1")
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def signed_in(port, session):
    browser = Browser(port)
    browser.cookies["sessionid"] = session
    return browser


@pytest.mark.parametrize(
    "spelling",
    ["/media/documents/{name}", "/media//documents/{name}", "/media/%64ocuments/{name}", "/__media/documents/{name}"],
)
def test_a_private_documents_file_address_answers_404(budget, site, spelling):
    reply = site.get(spelling.format(name="private-budget-2025.txt"))
    assert reply.status == 404
    assert BUDGET not in reply.body


def test_a_private_document_is_refused_to_an_anonymous_visitor(budget, site):
    reply = site.get(budget.url)
    # Wagtail sends visitors who are not signed in to the sign-in page.
    assert reply.status == 302 and "/login/" in reply.headers["Location"]
    assert BUDGET not in reply.body


def test_a_signed_in_member_gets_a_private_document_from_nginx_after_djangos_check(
    budget, site, member_session, live_server
):
    reply = signed_in(site.port, member_session).get(budget.url)
    assert (reply.status, reply.body) == (200, BUDGET)
    assert reply.headers["Content-Disposition"].startswith("attachment")
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert reply.headers["Content-Security-Policy"] == "default-src 'none'"
    assert "private" in reply.headers["Cache-Control"]
    # Django sends no bytes: it names the file for nginx to send (HEAD: its Content-Length is the file's).
    from_django = signed_in(live_server.thread.port, member_session).head(budget.url)
    assert from_django.headers["X-Accel-Redirect"] == "/__media/documents/private-budget-2025.txt"


def test_a_password_protected_document_downloads_once_the_password_is_given(minutes, site):
    visitor = Browser(site.port)
    form = visitor.get(minutes.url)
    assert form.status == 200 and b"Minutes\n" not in form.body
    action = f"/documents/authenticate_with_password/{minutes.collection.view_restrictions.get().pk}/"
    passed = visitor.post(action, {"password": SHARED_PASSWORD, "return_url": form_field(form.page, "return_url")})
    assert (passed.status, passed.headers["Location"]) == (302, minutes.url)
    assert visitor.get(minutes.url).body == b"Minutes\n"
    assert site.get(media_address(minutes)).status == 404


def test_a_public_document_still_downloads_for_anyone(site):
    programme = document("Programme", "programme-göteborg.txt", b"Programme\n")
    reply = site.get(programme.url)
    assert (reply.status, reply.body) == (200, b"Programme\n")
