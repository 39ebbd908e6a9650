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


def test_a_page_linked_twice_gets_both_links(home_page):
    index = builders.conference_index(home_page)
    html = str(
        RichText(f'<p><a linktype="page" id="{index.pk}">one</a> <a linktype="page" id="{index.pk}">two</a></p>')
    )
    assert html == f'<p><a href="{index.url}">one</a> <a href="{index.url}">two</a></p>'


def test_a_link_read_again_in_the_same_generation_runs_no_query(home_page, content_memo, django_assert_num_queries):
    index = builders.conference_index(home_page)
    text = RichText(f'<p><a linktype="page" id="{index.pk}">all</a></p>')
    first = str(text)
    with django_assert_num_queries(0):
        again = str(RichText(f'<p><a linktype="page" id="{index.pk}">all</a></p>'))
    assert again == first == f'<p><a href="{index.url}">all</a></p>'


def test_a_page_given_a_new_address_is_linked_there_at_once(home_page, content_memo):
    index = builders.conference_index(home_page)
    conference = builders.conference(index, 2025)
    text = f'<p><a linktype="page" id="{conference.pk}">this year</a></p>'
    old_url = conference.url
    assert old_url in str(RichText(text))
    conference.slug = "iassist-2025-renamed"
    conference.save_revision().publish()
    conference.refresh_from_db()
    html = str(RichText(text))
    assert conference.url in html and old_url not in html
