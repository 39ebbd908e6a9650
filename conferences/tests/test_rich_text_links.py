"""Links to pages in rich text: each page's address, every linked page read in one query."""

import pytest
from wagtail.rich_text import RichText

from conferences.tests import builders

pytestmark = pytest.mark.django_db


def test_links_lead_to_each_pages_address_in_one_query(home_page, django_assert_num_queries):
    index = builders.conference_index(home_page)
    conference = builders.conference(index, 2025)
    about = builders.content_page(conference)
    text = RichText(
        f'<p><a linktype="page" id="{conference.pk}">this year</a>, <a linktype="page" id="{about.pk}">about</a>, '
        f'<a linktype="page" id="{index.pk}">all</a></p>'
    )
    # The addresses first: they leave the site root paths in the cache, where a served page finds them.
    links = f'<a href="{conference.url}">this year</a>, <a href="{about.url}">about</a>, <a href="{index.url}">all</a>'
    with django_assert_num_queries(1):
        html = str(text)
    assert html == f"<p>{links}</p>"


def test_a_link_to_a_page_that_is_gone_keeps_its_text_without_an_address(home_page):
    assert str(RichText('<p><a linktype="page" id="999999">gone</a></p>')) == "<p><a>gone</a></p>"
