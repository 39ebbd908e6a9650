"""bench/search_copies.py: copies of every presentation and its index entry, written in SQL, that the search finds."""

import pytest
from django.db import connection

from bench.search_copies import copy_url, multiply_statements, parse_args
from conferences.models import Presentation
from search.engine import run_search

pytestmark = pytest.mark.django_db


def test_the_copies_are_found_with_their_originals(site):
    if connection.vendor != "postgresql":
        pytest.skip("the copies are written in PostgreSQL's SQL")
    before = Presentation.objects.count()
    with connection.cursor() as cursor:
        for statement in multiply_statements(2):
            cursor.execute(statement)
    assert Presentation.objects.count() == 3 * before
    assert Presentation.objects.filter(title="FAIR Everywhere").values("slug").distinct().count() == 3
    found = [c for c in run_search("FAIR Everywhere").results if c.title == "FAIR Everywhere"]
    assert len(found) == 3


def test_the_copy_is_named_after_its_source():
    assert copy_url("postgres://u@h:5432/iassist_bench", 98) == (
        "postgres://u@h:5432/iassist_bench_x99",
        "iassist_bench_x99",
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["--source", "sqlite:///bench.sqlite3"],
        ["--source", "postgres://u@h/bad-name;drop"],
        ["--source", "postgres://u@h/"],
        ["--source", "postgres://u@h/db", "--copies", "0"],
        ["--source", "postgres://u@h/db", "--copies", "1000"],
        ["--source", "postgres://u@h/db", "--repeat", "0"],
    ],
)
def test_bad_arguments_are_refused(argv, capsys):
    with pytest.raises(SystemExit):
        parse_args(argv)
    assert "error:" in capsys.readouterr().err
