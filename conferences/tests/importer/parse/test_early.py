import datetime

from conferences.importer.parse.early import parse_early_conferences, split_place
from conferences.importer.parse.source import ContentFile

LISTING = """
IASSIST/IFDO 1985: Public access to public data
: Host: Steinmetzarchief
: City: Amsterdam, Netherlands
: Dates: May 20-24, 1985
: **[Conference web site](https://example.org/1985)**

IASSIST 1983: No Theme
: Host:
: City: Philadephia, PA, USA
: Dates: May 19-22, 1983

IASSIST 1977.06: Western European conference
: Host: Danish Data Archives
: City: Copenhagen, Denmark
: Dates: June 1977

IASSIST 1977.05: Canada conference
: Host: OISE
: City: Toronto, ON, Canada
: Dates: May 1977

IASSIST 1977.02: 1st Joint Canada/U.S. IASSIST conference
: Host:
: City: Cocoa Beach, FL, USA
: Dates: February 16-20, 1977

**Pre-ordinal IASSIST conferences**

1976: IASSIST Organizing Committee meeting
: Host:
: Edinburgh, Scotland, U.K.
: Dates: August, 1976
"""


def parse(text=LISTING):
    warnings = []
    return parse_early_conferences(ContentFile("content/early.md", {}, text, 5), warnings), warnings


def test_each_definition_list_entry_is_one_conference():
    conferences, _ = parse()
    assert [c.title for c in conferences] == [
        "IASSIST/IFDO 1985",
        "IASSIST 1983",
        "IASSIST 1977.06",
        "IASSIST 1977.05",
        "IASSIST 1977.02",
        "1976",
    ]


def test_several_events_in_one_year_stay_distinct():
    conferences, _ = parse()
    events_1977 = [c for c in conferences if c.year == 1977]
    assert [c.city for c in events_1977] == ["Copenhagen", "Toronto, ON", "Cocoa Beach, FL"]


def test_fields_are_read_from_the_labelled_definitions():
    first = parse()[0][0]
    assert (first.year, first.theme, first.host, first.city, first.country) == (
        1985,
        "Public access to public data",
        "Steinmetzarchief",
        "Amsterdam",
        "Netherlands",
    )
    assert (first.website_url, first.website_label) == ("https://example.org/1985", "Conference web site")
    assert first.ordinal is None
    assert first.line == 6


def test_day_ranges_give_day_precision():
    first = parse()[0][0]
    assert (first.start_date, first.end_date, first.date_precision) == (
        datetime.date(1985, 5, 20),
        datetime.date(1985, 5, 24),
        "day",
    )


def test_a_month_gives_month_precision_without_inventing_days():
    june_1977 = parse()[0][2]
    assert (june_1977.start_date, june_1977.end_date, june_1977.date_precision) == (
        datetime.date(1977, 6, 1),
        None,
        "month",
    )


def test_missing_dates_give_year_precision_with_a_warning():
    conferences, warnings = parse("IASSIST 1980: Something\n: Host: X\n")
    assert (conferences[0].start_date, conferences[0].date_precision) == (None, "year")
    assert len(warnings) == 1


def test_no_theme_and_an_empty_host_are_empty():
    entry = parse()[0][1]
    assert (entry.theme, entry.host) == ("", "")


def test_an_unlabelled_place_is_read_as_the_city_with_a_warning():
    conferences, warnings = parse()
    assert (conferences[-1].city, conferences[-1].country) == ("Edinburgh, Scotland", "UK")
    assert len(warnings) == 1 and "read as the city" in warnings[0].message


def test_conferences_after_the_pre_ordinal_marker_are_flagged():
    conferences, _ = parse()
    assert [c.pre_ordinal for c in conferences] == [False] * 5 + [True]


def test_the_country_is_the_last_part_of_the_place():
    assert split_place("New Haven, CT, USA") == ("New Haven, CT", "USA")
    assert split_place("Washington, DC, U.S.A.") == ("Washington, DC", "USA")
    assert split_place("Online") == ("Online", "")
    assert split_place("") == ("", "")
