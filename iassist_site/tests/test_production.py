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
        **env,
    )
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
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in (result.stdout + result.stderr)


@pytest.mark.slow
def test_static_files_are_served_compressed_with_hashed_names(tmp_path):
    code = (
        "from django.core.management import call_command\n"
        "call_command('collectstatic', interactive=False, verbosity=0)\n"
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
        STATIC_ROOT=str(tmp_path / "static"),
    )
    assert result.returncode == 0, result.stderr
    url, status, encoding, cache_control = result.stdout.split()[:4]
    assert url.startswith("/static/css/site.") and url.endswith(".css") and url != "/static/css/site.css"
    assert status == "200"
    assert encoding in {"gzip", "br"}
    assert "immutable" in result.stdout and cache_control
