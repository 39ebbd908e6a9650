"""Password guessing, over HTTP against the live server: each client is refused after a few failures,
with a message, while any other client who knows the password still gets in.

Clients are told apart by their source address (127.0.0.2, 127.0.0.3: the live server's
REMOTE_ADDR); through nginx, by the address nginx adds to X-Forwarded-For
(test_nginx_limits.py).
"""

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from conferences.tests import builders
from iassist_site.tests.reference_nginx import Browser, form_action, form_field

# The live server sees only committed data: transactional, with the migrated database put back.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "a-long-password-1"
SHARED_PASSWORD = "committee-only-2025"
SIGN_IN_REFUSED = b"Too many failed sign-in attempts from your network address. Wait 15 minutes, then try again."
PASSWORD_REFUSED = b"Too many wrong passwords were entered from your network address. Wait 15 minutes"


@pytest.fixture(autouse=True)
def no_failures_counted(migrated_site_put_back):
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def client(live_server, source):
    return Browser(live_server.thread.port, source)


def sign_in(browser, username, password, login="/admin/login/"):
    browser.get(login)
    return browser.post(login, {"username": username, "password": password})


def fail_sign_ins(browser, times, username="editor"):
    return [sign_in(browser, username, f"wrong-guess-{attempt}") for attempt in range(times)]


def test_five_wrong_passwords_for_an_account_refuse_that_client_with_a_message(live_server, editor):
    attacker = client(live_server, "127.0.0.2")
    assert [reply.status for reply in fail_sign_ins(attacker, 5)] == [200] * 5
    refused = sign_in(attacker, "editor", "wrong-guess-5")
    assert refused.status == 429 and SIGN_IN_REFUSED in refused.body
    # The right password too: it is not even checked until the wait is over.
    assert sign_in(attacker, "editor", PASSWORD).status == 429
    assert "sessionid" not in attacker.cookies


def test_another_client_signs_in_to_the_attacked_account(live_server, editor):
    fail_sign_ins(client(live_server, "127.0.0.2"), 6)
    owner = client(live_server, "127.0.0.3")
    signed_in = sign_in(owner, "editor", PASSWORD)
    assert (signed_in.status, signed_in.headers["Location"]) == (302, "/admin/")
    assert owner.get("/admin/").status == 200


def test_a_client_guessing_across_accounts_is_refused_after_twenty_failures(live_server, editor):
    attacker = client(live_server, "127.0.0.2")
    for account in range(20):
        assert sign_in(attacker, f"user{account}", "wrong-guess").status == 200
    refused = sign_in(attacker, "editor", PASSWORD)
    assert refused.status == 429 and SIGN_IN_REFUSED in refused.body


def test_signing_in_clears_that_clients_failures_on_the_account(live_server, editor):
    typist = client(live_server, "127.0.0.2")
    fail_sign_ins(typist, 4)
    assert sign_in(typist, "editor", PASSWORD).status == 302
    fail_sign_ins(typist, 4)
    assert sign_in(typist, "editor", PASSWORD).status == 302


def test_the_django_admin_sign_in_shares_the_count_and_the_message(live_server, editor):
    attacker = client(live_server, "127.0.0.2")
    fail_sign_ins(attacker, 5)
    refused = sign_in(attacker, "editor", PASSWORD, login="/django-admin/login/")
    assert refused.status == 429 and SIGN_IN_REFUSED in refused.body


@pytest.fixture
def committee_page(home_page):
    page = builders.content_page(home_page, title="Committee minutes")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=SHARED_PASSWORD
    )
    return page


def give_password(browser, url, password):
    """Visit a protected page or document, and answer its password form."""
    form = browser.get(url)
    fields = {"password": password, "return_url": form_field(form.page, "return_url")}
    return browser.post(form_action(form.page), fields)


def test_five_wrong_page_passwords_refuse_that_client_with_a_message(live_server, committee_page):
    attacker = client(live_server, "127.0.0.2")
    assert [give_password(attacker, committee_page.url, f"guess-{n}").status for n in range(5)] == [200] * 5
    refused = give_password(attacker, committee_page.url, SHARED_PASSWORD)
    assert refused.status == 429 and PASSWORD_REFUSED in refused.body


def test_another_client_with_the_page_password_still_reads_the_page(live_server, committee_page):
    attacker = client(live_server, "127.0.0.2")
    for n in range(6):
        give_password(attacker, committee_page.url, f"guess-{n}")
    reader = client(live_server, "127.0.0.3")
    assert give_password(reader, committee_page.url, SHARED_PASSWORD).status == 302
    page = reader.get(committee_page.url)
    assert page.status == 200 and b"Committee minutes" in page.body and b'name="password"' not in page.body


@pytest.fixture
def minutes(db, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    collection = Collection.get_first_root_node().add_child(name="Committee")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password=SHARED_PASSWORD
    )
    return Document.objects.create(
        title="Minutes", file=ContentFile(b"Minutes\n", name="minutes.txt"), collection=collection
    )


def test_a_collections_password_form_refuses_a_guessing_client_but_not_another(
    live_server, minutes, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    attacker = client(live_server, "127.0.0.2")
    assert [give_password(attacker, minutes.url, f"guess-{n}").status for n in range(5)] == [200] * 5
    refused = give_password(attacker, minutes.url, SHARED_PASSWORD)
    assert refused.status == 429 and PASSWORD_REFUSED in refused.body
    reader = client(live_server, "127.0.0.3")
    assert give_password(reader, minutes.url, SHARED_PASSWORD).status == 302
    assert reader.get(minutes.url).body == b"Minutes\n"
