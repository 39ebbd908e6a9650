import datetime

import pytest

from conferences.importer.parse.dates import parse_date_text

D = datetime.date


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("May 21-24, 1996", D(1996, 5, 21), D(1996, 5, 24), "day"),
        ("May 30-June 3, 1990", D(1990, 5, 30), D(1990, 6, 3), "day"),
        ("May 31 - June 3, 2016", D(2016, 5, 31), D(2016, 6, 3), "day"),
        ("May 18–22, 2021", D(2021, 5, 18), D(2021, 5, 22), "day"),
        ("7-10 June 2022", D(2022, 6, 7), D(2022, 6, 10), "day"),
        ("30 May-2 June 2023", D(2023, 5, 30), D(2023, 6, 2), "day"),
        ("June 8, 2022", D(2022, 6, 8), D(2022, 6, 8), "day"),
        ("August 1978", D(1978, 8, 1), None, "month"),
        ("August, 1976", D(1976, 8, 1), None, "month"),
        ("1976", None, None, "year"),
    ],
)
def test_dates_are_read_as_precisely_as_they_are_written(text, start, end, precision):
    span = parse_date_text(text)
    assert (span.start, span.end, span.precision) == (start, end, precision)


def test_a_date_without_a_year_takes_the_default_year():
    span = parse_date_text("May 24-27", default_year=2005)
    assert (span.start, span.end) == (D(2005, 5, 24), D(2005, 5, 27))


@pytest.mark.parametrize(
    "text", ["", "soon", "February 30-31, 2020", "May 24-27", "Smarch 3, 2020", "June 10-4, 2020"]
)
def test_unreadable_or_impossible_dates_give_none(text):
    assert parse_date_text(text) is None
