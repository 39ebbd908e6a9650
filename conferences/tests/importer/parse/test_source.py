import datetime

import pytest

from conferences.importer.errors import SourceError, SourceWarning
from conferences.importer.parse.source import (
    conference_content_files,
    front_matter_bool,
    front_matter_date,
    hugo_aliases,
    hugo_url,
    read_content_file,
)

from ..trees import write_file


def test_toml_front_matter_is_read_and_the_body_starts_after_it(tmp_path):
    write_file(tmp_path, "page.md", '+++\ntitle = "Conferences"\ndraft = "false"\n+++\n## Heading\n')
    page = read_content_file(tmp_path, "page.md")
    assert page.front_matter == {"title": "Conferences", "draft": "false"}
    assert page.body == "## Heading\n"
    assert page.body_line == 5


def test_yaml_front_matter_is_read(tmp_path):
    write_file(tmp_path, "page.md", '---\ntitle: "Conference Archive"\ndate: 2020-04-06\ndraft: false\n---\nText')
    page = read_content_file(tmp_path, "page.md")
    assert page.front_matter == {"title": "Conference Archive", "date": datetime.date(2020, 4, 6), "draft": False}
    assert page.body == "Text"


def test_a_file_without_front_matter_is_all_body(tmp_path):
    write_file(tmp_path, "page.md", "Just text\n")
    page = read_content_file(tmp_path, "page.md")
    assert (page.front_matter, page.body, page.body_line) == ({}, "Just text\n", 1)


def test_windows_line_endings_and_a_byte_order_mark_are_accepted(tmp_path):
    write_file(tmp_path, "page.md", '\ufeff+++\r\ntitle = "T"\r\n+++\r\nBody\r\n')
    page = read_content_file(tmp_path, "page.md")
    assert page.front_matter == {"title": "T"}
    assert page.body == "Body\n"


def test_broken_toml_front_matter_names_the_file_and_line(tmp_path):
    write_file(tmp_path, "content/page.md", '+++\ntitle = "Conferences"\ndraft = false"\n+++\n')
    with pytest.raises(SourceError) as raised:
        read_content_file(tmp_path, "content/page.md")
    assert raised.value.path == "content/page.md"
    assert raised.value.line == 3
    assert str(raised.value).startswith("content/page.md:3: broken TOML front matter")


def test_broken_yaml_front_matter_names_the_line(tmp_path):
    write_file(tmp_path, "page.md", "---\ntitle: ok\ndraft: [unclosed\n---\n")
    with pytest.raises(SourceError) as raised:
        read_content_file(tmp_path, "page.md")
    assert raised.value.line in (3, 4)


def test_front_matter_that_is_never_closed_is_an_error(tmp_path):
    write_file(tmp_path, "page.md", '+++\ntitle = "T"\n')
    with pytest.raises(SourceError, match="never closed"):
        read_content_file(tmp_path, "page.md")


def test_text_that_is_not_utf8_is_an_error_naming_the_line(tmp_path):
    write_file(tmp_path, "page.md", "+++\ntitle = 'Qu\xe9bec'\n+++\n", encoding="latin-1")
    with pytest.raises(SourceError, match="not UTF-8") as raised:
        read_content_file(tmp_path, "page.md")
    assert raised.value.line == 2


def test_source_error_without_a_line_reads_path_colon_message():
    assert str(SourceError("netlify.toml", None, "cannot be read")) == "netlify.toml: cannot be read"


def test_source_warning_reads_like_a_compiler_message():
    assert str(SourceWarning("data/x.json", "odd", 7)) == "data/x.json:7: odd"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("false", False), ("true", True), (" True ", True), (True, True), (False, False), (None, False), ("no", False)],
)
def test_draft_is_read_from_strings_and_booleans(value, expected):
    assert front_matter_bool(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.date(2020, 4, 6), datetime.date(2020, 4, 6)),
        (datetime.datetime(2017, 5, 31, 10, 0, tzinfo=datetime.UTC), datetime.date(2017, 5, 31)),
        ("2017-05-31", datetime.date(2017, 5, 31)),
        ("2020-04-06T10:00:00Z", datetime.date(2020, 4, 6)),
        ("2011-02-02 09:54:16 -0700", datetime.date(2011, 2, 2)),
        ("soon", None),
        ("2021-02-30", None),
        (None, None),
        (2020, None),
    ],
)
def test_front_matter_dates_are_read_or_none(value, expected):
    assert front_matter_date(value) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("content/conferences/_index.md", "/conferences/"),
        ("content/conferences/archive/2022-Gothenburg.md", "/conferences/archive/2022-gothenburg/"),
        ("content/conferences/iassist2025/registration.md", "/conferences/iassist2025/registration/"),
        ("content/conferences/iassist2025/_index.md", "/conferences/iassist2025/"),
        ("content/community/code-of-conduct.md", "/community/code-of-conduct/"),
        ("content/conferences/iassist2023/sponsorship_old.md", "/conferences/iassist2023/sponsorship_old/"),
        ("content/_index.md", "/"),
    ],
)
def test_hugo_url_is_the_lower_cased_path_with_a_trailing_slash(path, expected):
    assert hugo_url(path) == expected


def test_hugo_url_honours_slug_and_url_front_matter():
    assert hugo_url("content/conferences/old-Name.md", {"slug": "New-Name"}) == "/conferences/new-name/"
    assert hugo_url("content/conferences/x.md", {"url": "/somewhere/Else"}) == "/somewhere/Else/"


def test_aliases_are_returned_as_a_list():
    assert hugo_aliases({"aliases": ["/old/", " /older/ "]}) == ["/old/", "/older/"]
    assert hugo_aliases({"aliases": "/old/"}) == ["/old/"]
    assert hugo_aliases({}) == []


def test_conference_content_files_lists_the_section_and_the_code_of_conduct(tmp_path):
    for relative in (
        "content/conferences/_index.md",
        "content/conferences/iassist2025/faq.md",
        "content/community/code-of-conduct.md",
        "content/community/other.md",
        "content/conferences/notes.txt",
    ):
        write_file(tmp_path, relative, "x")
    assert conference_content_files(tmp_path) == [
        "content/community/code-of-conduct.md",
        "content/conferences/_index.md",
        "content/conferences/iassist2025/faq.md",
    ]
