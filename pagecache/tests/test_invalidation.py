"""Edits show on the next request: every page that shows the changed content is rendered afresh."""

import pytest
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from conferences.tests import builders
from home.models import SiteSettings
from pagecache.middleware import HEADER

from .conftest import page_urls

pytestmark = pytest.mark.django_db


def warm(client, urls):
    for url in urls:
        client.get(url)
    assert all(client.get(url)[HEADER] == "hit" for url in urls)


def test_publishing_a_new_title_changes_every_page_that_shows_it(visitor, programme):
    urls = page_urls(programme)
    warm(visitor, urls)
    conference = programme["conference"]
    conference.title = "IASSIST Renamed Conference"
    conference.save_revision().publish()
    assert_rendered_afresh_with(visitor, urls, conference.title)


def test_unpublishing_a_conference_removes_it_from_the_listings(visitor, programme):
    conference = programme["conference"]
    listings = [programme["index"].url, programme["archive"].url]
    warm(visitor, [*listings, conference.url])
    assert all(conference.title in visitor.get(url).content.decode() for url in listings)
    conference.unpublish()
    assert visitor.get(conference.url).status_code == 404
    for url in listings:
        assert conference.title not in visitor.get(url).content.decode(), url


def test_deleting_a_conference_removes_it_from_the_listings(visitor, programme):
    conference = programme["conference"]
    listings = [programme["index"].url, programme["archive"].url]
    warm(visitor, [*listings, conference.url])
    url, title = conference.url, conference.title
    conference.delete()
    assert visitor.get(url).status_code == 404
    for listing in listings:
        assert title not in visitor.get(listing).content.decode(), listing


def test_moving_a_conference_moves_it_out_of_the_old_listings(visitor, programme, home_page):
    conference = programme["conference"]
    listings = [programme["index"].url, programme["archive"].url]
    warm(visitor, [*listings, conference.url])
    old_url = conference.url
    conference.move(builders.content_page(home_page, title="Elsewhere"), pos="last-child")
    # Wagtail leaves a redirect behind at the old address.
    assert visitor.get(old_url).status_code == 301
    for listing in listings:
        assert conference.title not in visitor.get(listing).content.decode(), listing


def test_an_edited_presentation_changes_its_programme_and_its_page(visitor, programme):
    urls = page_urls(programme)[2:]
    warm(visitor, urls)
    talk = programme["talk"]
    talk.title = "Versioning research data, revised"
    talk.save()
    for url in urls:
        assert talk.title in visitor.get(url).content.decode(), url


def test_an_edited_person_changes_the_presentation_page(visitor, programme):
    talk_url = page_urls(programme)[3]
    warm(visitor, [talk_url])
    person = programme["talk"].presenters.get().person
    person.name = "Augusta Ada King"
    person.save()
    assert person.name in visitor.get(talk_url).content.decode()


def test_a_new_session_appears_on_the_programme(visitor, programme):
    url = programme["conference"].url
    warm(visitor, [url])
    session = builders.session(programme["conference"], title="Metadata in practice")
    builders.presentation(session, title="Codebooks that last")
    assert "Codebooks that last" in visitor.get(url).content.decode()


def test_editing_the_footer_settings_changes_every_page(visitor, programme):
    urls = page_urls(programme)
    warm(visitor, urls)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.footer_text = "Footer edited for the cache test"
    site_settings.save()
    for url in urls:
        assert site_settings.footer_text in visitor.get(url).content.decode(), url


def test_the_generation_is_replaced_again_after_commit(programme, django_capture_on_commit_callbacks):
    from pagecache import generation

    conference = programme["conference"]
    conference.title = "Committed title"
    with django_capture_on_commit_callbacks() as callbacks:
        conference.save_revision().publish()
        during = generation.current()
    for callback in callbacks:
        callback()
    assert generation.current() != during


def test_a_preview_never_lands_in_the_cache(visitor, editor, home_page):
    page = builders.content_page(home_page, title="Call for papers")
    visitor.get(page.url)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    draft_title = "Draft title only editors may see"
    data = nested_form_data(
        {"title": draft_title, "slug": page.slug, "body": streamfield([]), "comments": inline_formset([])}
    )
    assert editor.post(preview_url, data).json()["is_valid"]
    preview = editor.get(preview_url)
    assert draft_title in preview.content.decode()
    assert not preview.has_header(HEADER)
    response = visitor.get(page.url)
    assert response[HEADER] == "hit"
    assert draft_title not in response.content.decode()


def test_a_saved_draft_stays_out_of_the_public_page(visitor, programme):
    conference = programme["conference"]
    visitor.get(conference.url)
    conference.title = "Unpublished draft title"
    conference.save_revision()
    assert "Unpublished draft title" not in visitor.get(conference.url).content.decode()


def test_restricting_a_page_to_signed_in_users_takes_it_out_of_the_cache(visitor, programme):
    from wagtail.models import PageViewRestriction

    conference = programme["conference"]
    warm(visitor, [conference.url])
    PageViewRestriction.objects.create(page=conference, restriction_type=PageViewRestriction.LOGIN)
    assert visitor.get(conference.url).status_code == 302


def test_a_saved_draft_of_a_presentation_stays_out_of_its_pages(visitor, programme):
    urls = page_urls(programme)[2:]
    warm(visitor, urls)
    talk = programme["talk"]
    talk.title = "Draft title awaiting review"
    talk.save_revision()
    for url in urls:
        html = visitor.get(url).content.decode()
        assert "Versioning research data" in html and talk.title not in html, url


def test_publishing_a_presentation_revision_changes_its_pages(visitor, programme):
    urls = page_urls(programme)[2:]
    warm(visitor, urls)
    talk = programme["talk"]
    talk.title = "Versioning research data, approved"
    talk.save_revision().publish()
    assert_rendered_afresh_with(visitor, urls, talk.title)


def test_publishing_a_revision_replaces_the_generation(programme, django_capture_on_commit_callbacks):
    from pagecache import generation

    revision = programme["talk"].save_revision()
    before = generation.current()
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()
    assert generation.current() != before


def assert_rendered_afresh_with(visitor, urls, text):
    """Each page is rendered again (not served from the cache) and shows `text`."""
    for url in urls:
        response = visitor.get(url)
        assert response[HEADER] == "miss", url
        assert text in response.content.decode(), url
