"""Production settings, run in a subprocess so that each test gets a fresh settings module."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run_django(code, tmp_path, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "STATIC_ROOT"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="iassist_site.settings.production",
        DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}",
        CACHE_DIR=str(tmp_path / "cache"),
    )
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key(tmp_path):
    result = run_django("print('started')", tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
    assert "started" not in result.stdout


def test_production_reads_hosts_and_ssl_redirect_from_the_environment(tmp_path):
    code = (
        "from django.conf import settings\nprint(settings.ALLOWED_HOSTS, settings.SECURE_SSL_REDIRECT, settings.DEBUG)"
    )
    result = run_django(
        code, tmp_path, SECRET_KEY="x" * 50, ALLOWED_HOSTS="a.example.org, b.example.org", SECURE_SSL_REDIRECT="false"
    )
    assert result.stdout.strip() == "['a.example.org', 'b.example.org'] False False"


def test_check_deploy_reports_no_issues(tmp_path):
    result = run_django(
        "from django.core.management import call_command\ncall_command('check', deploy=True, fail_level='WARNING')",
        tmp_path,
        SECRET_KEY="k3y-" + "x9" * 30,
        ALLOWED_HOSTS="conferences.example.org",
        EMAIL_HOST="smtp.example.org",
        DEFAULT_FROM_EMAIL="conferences@example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in (result.stdout + result.stderr)


def test_production_takes_client_addresses_from_the_local_nginx_unless_told_otherwise(tmp_path):
    code = "from django.conf import settings\nprint(settings.TRUSTED_PROXIES)"
    assert run_django(code, tmp_path, SECRET_KEY="x" * 50).stdout.strip() == "['127.0.0.1', '::1']"
    told = run_django(code, tmp_path, SECRET_KEY="x" * 50, TRUSTED_PROXIES="10.0.0.5")
    assert told.stdout.strip() == "['10.0.0.5']"


PRINT_SENDFILE = (
    "from django.conf import settings\n"
    "print(settings.WAGTAILDOCS_SERVE_METHOD, getattr(settings, 'SENDFILE_BACKEND', None), "
    "getattr(settings, 'SENDFILE_URL', None), getattr(settings, 'SENDFILE_ROOT', None))"
)


def test_production_hands_documents_to_nginx_after_djangos_checks(tmp_path):
    result = run_django(PRINT_SENDFILE, tmp_path, SECRET_KEY="x" * 50, MEDIA_ROOT=str(tmp_path / "media"))
    assert result.stdout.split() == [
        "serve_view",
        "iassist_site.security.sendfile",
        "/__media/",
        str(tmp_path / "media"),
    ]


def test_production_sends_documents_itself_when_told_no_nginx_is_in_front(tmp_path):
    result = run_django(PRINT_SENDFILE, tmp_path, SECRET_KEY="x" * 50, DOCUMENTS_ACCEL_REDIRECT="false")
    assert result.stdout.split() == ["serve_view", "None", "None", "None"]


MAIL_SERVER = {
    "EMAIL_HOST": "smtp.example.org",
    "EMAIL_PORT": "587",
    "EMAIL_HOST_USER": "conferences",
    "EMAIL_HOST_PASSWORD": "s3cret-for-smtp",
    "EMAIL_USE_TLS": "true",
    "DEFAULT_FROM_EMAIL": "IASSIST conferences <conferences@example.org>",
    "SERVER_EMAIL": "errors@example.org",
}
MAIL_SETTINGS = (
    "EMAIL_BACKEND EMAIL_HOST EMAIL_PORT EMAIL_HOST_USER EMAIL_HOST_PASSWORD EMAIL_USE_TLS EMAIL_USE_SSL "
    "EMAIL_TIMEOUT DEFAULT_FROM_EMAIL SERVER_EMAIL WAGTAILADMIN_NOTIFICATION_FROM_EMAIL"
).split()
PRINT_MAIL_SETTINGS = (
    f"from django.conf import settings\nfor name in {MAIL_SETTINGS!r}:\n    print(getattr(settings, name))"
)


def test_production_reads_the_mail_server_from_the_environment(tmp_path):
    result = run_django(PRINT_MAIL_SETTINGS, tmp_path, SECRET_KEY="x" * 50, **MAIL_SERVER)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.org",
        "587",
        "conferences",
        "s3cret-for-smtp",
        "True",
        "False",
        "10",
        "IASSIST conferences <conferences@example.org>",
        "errors@example.org",
        # Moderation notices come from the site's address unless told otherwise.
        "IASSIST conferences <conferences@example.org>",
    ]


def test_without_a_mail_server_each_message_is_logged_as_unsent_without_its_body(tmp_path):
    code = (
        "from django.core.mail import send_mail\n"
        "print(send_mail('Password reset', 'https://example.org/reset/secret-token/', None, ['ada@example.org']))"
    )
    result = run_django(code, tmp_path, SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"
    assert "E-mail not sent (EMAIL_HOST is not set): 'Password reset' to ada@example.org" in result.stderr
    assert "secret-token" not in result.stderr + result.stdout


def test_check_deploy_warns_when_no_mail_server_or_sender_is_set(tmp_path):
    result = run_django(
        "from django.core.management import call_command\ncall_command('check', deploy=True)",
        tmp_path,
        SECRET_KEY="k3y-" + "x9" * 30,
        ALLOWED_HOSTS="conferences.example.org",
    )
    assert "iassist_site.W001" in result.stderr and "Set EMAIL_HOST" in result.stderr
    assert "iassist_site.W002" in result.stderr and "Set DEFAULT_FROM_EMAIL" in result.stderr


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"EMAIL_USE_TLS": "true", "EMAIL_USE_SSL": "true"}, "Set EMAIL_USE_TLS (STARTTLS, usually port 587) or"),
        ({"EMAIL_PORT": "smtp"}, "EMAIL_PORT must be a whole number, not 'smtp'."),
    ],
)
def test_production_refuses_to_start_with_contradictory_or_malformed_mail_settings(tmp_path, variables, message):
    result = run_django("print('started')", tmp_path, SECRET_KEY="x" * 50, EMAIL_HOST="smtp.example.org", **variables)
    assert result.returncode != 0 and "started" not in result.stdout
    assert message in result.stderr


@pytest.mark.slow
def test_static_files_are_served_compressed_with_hashed_names(tmp_path, collected_static):
    code = (
        "from django.contrib.staticfiles.storage import staticfiles_storage\n"
        "from django.test import Client\n"
        "url = staticfiles_storage.url('css/site.css')\n"
        "response = Client().get(url, HTTP_ACCEPT_ENCODING='gzip', secure=True, HTTP_HOST='conferences.example.org')\n"
        "print(url, response.status_code, response.get('Content-Encoding'), response.get('Cache-Control'))"
    )
    result = run_django(
        code,
        tmp_path,
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="conferences.example.org",
        STATIC_ROOT=str(collected_static),
    )
    assert result.returncode == 0, result.stderr
    url, status, encoding, cache_control = result.stdout.split()[:4]
    assert url.startswith("/static/css/site.") and url.endswith(".css") and url != "/static/css/site.css"
    assert status == "200"
    assert encoding in {"gzip", "br"}
    assert "immutable" in result.stdout and cache_control
