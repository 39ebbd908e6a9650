"""A page's banner (front matter) becomes its image unless the body shows that picture already."""

from conferences.importer.plan import _banner_unless_shown

BANNER = "/img/conferences/annual/bristol2025-socialmedia.jpg"


def _figure(src):
    return ("image", {"src": src, "alt": "", "caption": "", "link": ""})


def test_a_banner_the_body_does_not_show_is_kept():
    assert _banner_unless_shown(BANNER, [_figure("/img/other.jpg"), ("prose", "<p>Hello</p>")]) == BANNER


def test_a_banner_that_is_one_of_the_bodys_figures_is_dropped():
    assert _banner_unless_shown(BANNER, [("prose", "<p>Hello</p>"), _figure(BANNER)]) == ""


def test_a_banner_shown_inside_a_notice_is_dropped_too():
    assert _banner_unless_shown(BANNER, [("notice", {"content": [_figure(BANNER)]})]) == ""


def test_no_banner_stays_empty_whatever_the_body_shows():
    assert _banner_unless_shown("", [_figure(BANNER)]) == ""
