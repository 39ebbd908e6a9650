"""`make run` loads the demo content, which tells a newcomer how to sign in to the admin.

No password is written in the code: each new database gets its own, shown once.
"""

import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command

from conferences.models import ConferencePage

pytestmark = pytest.mark.django_db

SIGN_IN = re.compile(r"as '(?P<username>[^']+)' with password '(?P<password>[^']+)'")


def load_demo(*args):
    output = StringIO()
    call_command("load_demo_content", *args, stdout=output)
    return output.getvalue()


def test_first_load_creates_an_admin_and_prints_a_working_sign_in(home_page):
    output = load_demo()
    match = SIGN_IN.search(output)
    assert match, output
    assert "/admin/" in output
    user = authenticate(username=match["username"], password=match["password"])
    assert user is not None and user.is_superuser


def test_each_new_database_gets_its_own_password(home_page):
    first = SIGN_IN.search(load_demo())["password"]
    get_user_model().objects.all().delete()
    second = SIGN_IN.search(load_demo())["password"]
    assert first != second
    assert len(second) >= 12


def test_second_load_creates_no_account_and_shows_no_password(home_page):
    load_demo()
    output = load_demo()
    assert get_user_model().objects.filter(is_superuser=True).count() == 1
    assert not SIGN_IN.search(output)
    assert "/admin/" in output and "changepassword" in output


def test_no_admin_option_creates_no_account(home_page):
    output = load_demo("--no-admin")
    assert not get_user_model().objects.exists()
    assert not SIGN_IN.search(output)
    assert ConferencePage.objects.live().exists()
