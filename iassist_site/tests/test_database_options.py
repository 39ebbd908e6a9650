"""The PostgreSQL connection's planner setting (DATABASE_RANDOM_PAGE_COST), read in a fresh settings module each;
the database checks that `migrate` runs."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from iassist_site.tests.test_production import run_django

POSTGRES_URL = "postgres://nobody@127.0.0.1:5432/not_connected"
SHOW_OPTIONS = "from django.conf import settings\nprint(settings.DATABASES['default'].get('OPTIONS', {}))"


def test_postgresql_connections_plan_for_cheap_random_reads_by_default(tmp_path):
    result = run_django(SHOW_OPTIONS, tmp_path, DATABASE_URL=POSTGRES_URL, SECRET_KEY="x" * 50, ALLOWED_HOSTS="a")
    assert result.returncode == 0, result.stderr
    assert "-c random_page_cost=1.1" in result.stdout


def test_the_random_page_cost_comes_from_the_environment(tmp_path):
    result = run_django(
        SHOW_OPTIONS, tmp_path, DATABASE_URL=POSTGRES_URL, DATABASE_RANDOM_PAGE_COST="4", SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="a",
    )  # fmt: skip
    assert "-c random_page_cost=4'" in result.stdout


@pytest.mark.parametrize("value", ["", "fast", "0", "-1", "nan", "inf", "1e9", "1; DROP TABLE x"])
def test_a_random_page_cost_that_is_not_a_sane_number_stops_the_site_with_its_name(tmp_path, value):
    result = run_django(
        SHOW_OPTIONS, tmp_path, DATABASE_URL=POSTGRES_URL, DATABASE_RANDOM_PAGE_COST=value, SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="a",
    )  # fmt: skip
    assert result.returncode != 0
    assert "DATABASE_RANDOM_PAGE_COST must be a number above 0 and at most 100" in result.stderr


def test_sqlite_takes_no_planner_option(tmp_path):
    result = run_django(
        SHOW_OPTIONS, tmp_path, DATABASE_RANDOM_PAGE_COST="fast", SECRET_KEY="x" * 50, ALLOWED_HOSTS="a"
    )
    assert result.returncode == 0, result.stderr
    assert "random_page_cost" not in result.stdout


@pytest.mark.django_db
def test_the_test_database_connection_carries_both_options():
    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL connection's settings")
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('random_page_cost'), current_setting('synchronous_commit')")
        assert cursor.fetchone() == ("1.1", "off")


@pytest.mark.django_db
def test_the_database_checks_that_migrate_runs_find_nothing_to_warn_about():
    # `make run` migrates SQLite first: a warning there would be the newcomer's first sight of the site.
    out = StringIO()
    call_command("check", databases=["default"], stdout=out, stderr=out)
    assert "System check identified no issues" in out.getvalue(), out.getvalue()
