import pytest

from conferences.importer.errors import SourceError
from conferences.importer.parse.netlify import Redirect, parse_netlify_redirects

from ..trees import write_file

NETLIFY = """[build]
publish = "public"

[[redirects]]
from = "https://iassistdata.org/conferences/archive/2018/*"
to = "https://iassistdata.org/conferences/archive/2018-montreal/"
status = 301

[[redirects]]
from = "/old/"
to = "https://iassistquarterly.com/article/504"
"""


def test_redirects_are_read_with_the_sites_own_host_removed(tmp_path):
    write_file(tmp_path, "netlify.toml", NETLIFY)
    write_file(tmp_path, "config.toml", 'baseurl = "https://iassistdata.org/"\n')
    warnings = []
    assert parse_netlify_redirects(tmp_path, warnings) == [
        Redirect("/conferences/archive/2018/*", "/conferences/archive/2018-montreal/", 301),
        Redirect("/old/", "https://iassistquarterly.com/article/504", 301),
    ]
    assert warnings == []


def test_a_broken_netlify_toml_names_the_line(tmp_path):
    write_file(tmp_path, "netlify.toml", '[[redirects]]\nfrom = "/a/"\nto = /b/\n')
    with pytest.raises(SourceError) as raised:
        parse_netlify_redirects(tmp_path, [])
    assert (raised.value.path, raised.value.line) == ("netlify.toml", 3)


def test_a_rule_without_a_target_is_skipped_with_a_warning(tmp_path):
    write_file(tmp_path, "netlify.toml", '[[redirects]]\nfrom = "/a/"\n')
    warnings = []
    assert parse_netlify_redirects(tmp_path, warnings) == []
    assert len(warnings) == 1


def test_a_missing_netlify_toml_gives_no_redirects_and_a_warning(tmp_path):
    warnings = []
    assert parse_netlify_redirects(tmp_path, warnings) == []
    assert len(warnings) == 1
