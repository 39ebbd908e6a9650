"""Figures on conference pages: their markup, and what showing many of them costs."""

import json

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from conferences.blocks import FIGURE_RENDITION
from conferences.tests import builders

pytestmark = pytest.mark.django_db


def figures(images, **fields):
    """A body of one figure per image, as the editor's form stores it, alt text from the title."""
    blocks = [
        {
            "type": "image",
            "value": {"image": {"image": image.pk, "alt_text": image.title, "decorative": False}, **fields},
        }
        for image in images
    ]
    return json.dumps(blocks)


def conference_with_figures(home_page, images, **fields):
    index = builders.conference_index(home_page)
    return builders.conference(index, body=figures(images), **fields)


def rendered_images(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select("figure.figure img")


def test_a_figure_shows_its_rendition_with_its_alt_text(client, home_page):
    image = wagtail_factories.ImageFactory(title="Delegates at the opening plenary")
    page = conference_with_figures(home_page, [image])
    [img] = rendered_images(client, page)
    rendition = image.get_rendition(FIGURE_RENDITION)
    assert img["src"] == rendition.url
    assert (img["width"], img["height"]) == (str(rendition.width), str(rendition.height))
    assert img["alt"] == "Delegates at the opening plenary"


def test_a_pages_first_figure_loads_at_once_and_the_later_ones_as_the_visitor_scrolls(client, home_page):
    images = [wagtail_factories.ImageFactory(title=f"Figure {number}") for number in range(3)]
    page = conference_with_figures(home_page, images)
    first, *later = rendered_images(client, page)
    assert "loading" not in first.attrs
    assert [(img.get("loading"), img.get("decoding")) for img in later] == [("lazy", "async")] * 2
    # Their size is in the markup, so an image arriving late moves nothing.
    assert all(img.get("width") and img.get("height") for img in later)


def test_hostile_alt_text_stays_inside_its_attribute(client, home_page):
    image = wagtail_factories.ImageFactory(title='"><script>alert(1)</script>')
    page = conference_with_figures(home_page, [image])
    response = client.get(page.url)
    assert b"<script>alert(1)</script>" not in response.content
    [img] = BeautifulSoup(response.content, "html.parser").select("figure.figure img")
    assert img["alt"] == '"><script>alert(1)</script>'


def test_a_figure_whose_file_is_missing_shows_a_broken_image_rather_than_failing(client, home_page):
    image = wagtail_factories.ImageFactory(title="Lost photograph")
    image.file.storage.delete(image.file.name)
    page = conference_with_figures(home_page, [image])
    [img] = rendered_images(client, page)
    assert img["alt"] == "Lost photograph"


def test_eight_figures_cost_as_many_queries_as_two(client, home_page, django_assert_max_num_queries):
    images = [wagtail_factories.ImageFactory(title=f"Figure {number}") for number in range(8)]
    few = conference_with_figures(home_page, images[:2], slug="few-figures")
    many = builders.conference(few.get_parent(), body=figures(images), slug="many-figures")
    counts = {}
    for page in (few, many):
        rendered_images(client, page)  # the first visit creates the renditions
        with django_assert_max_num_queries(40) as captured:
            assert len(rendered_images(client, page)) == len(page.body)
        counts[page.slug] = len(captured)
    assert counts["few-figures"] == counts["many-figures"]


def test_figures_shown_again_send_nothing_to_the_rendition_cache(client, home_page):
    # With Redis, each read or write of Wagtail's rendition cache is a round trip.
    images = [wagtail_factories.ImageFactory(title=f"Figure {number}") for number in range(3)]
    page = conference_with_figures(home_page, images)
    rendered_images(client, page)  # the first visit creates the renditions
    renditions = [image.get_rendition(FIGURE_RENDITION) for image in images]
    cache = renditions[0].cache_backend
    cache.clear()
    rendered_images(client, page)
    assert [cache.get(rendition.get_cache_key()) for rendition in renditions] == [None, None, None]


def test_a_figure_leads_to_its_document(client, home_page):
    image = wagtail_factories.ImageFactory(title="Workshop flyer")
    flyer = wagtail_factories.DocumentFactory(title="Flyer")
    index = builders.conference_index(home_page)
    page = builders.conference(index, body=figures([image], document=flyer.pk))
    response = client.get(page.url)
    [link] = BeautifulSoup(response.content, "html.parser").select("figure.figure a")
    assert link["href"] == flyer.url


def test_the_conferences_own_image_is_shown_above_a_body_that_does_not_show_it(client, home_page):
    banner, photo = (wagtail_factories.ImageFactory(title=title) for title in ("Banner", "Harbour at sunset"))
    page = conference_with_figures(home_page, [photo], image=banner)
    images = rendered_images(client, page)
    assert [img["src"] for img in images] == [
        banner.get_rendition("max-1000x600").url,
        photo.get_rendition(FIGURE_RENDITION).url,
    ]


def test_the_conferences_own_image_is_not_shown_again_when_the_body_shows_it_as_a_figure(client, home_page):
    banner, photo = (wagtail_factories.ImageFactory(title=title) for title in ("Banner", "Harbour at sunset"))
    page = conference_with_figures(home_page, [banner, photo], image=banner)
    assert [img["alt"] for img in rendered_images(client, page)] == ["Banner", "Harbour at sunset"]
