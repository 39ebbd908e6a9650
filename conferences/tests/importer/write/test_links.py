"""Links written in the source, resolved to what the import holds, to a place on this site, or to the main site."""

import pytest
from wagtail.images import get_image_model

from conferences.importer.write.bookkeeping import ImportRecords
from conferences.importer.write.links import LinkResolver
from conferences.importer.write.media import MediaLibrary
from conferences.importer.write.report import ImportReport

from ..trees import write_file
from .test_media import png

pytestmark = pytest.mark.django_db

PAGES_BY_URL = {"/conferences/": 1, "/conferences/iassist2023/registration/": 2}
PAGES_BY_SOURCE = {
    "conferences/conference-committees": 3,
    "conferences/iassist2025/conference-committees": 4,
    "conferences/iassist2027/conference-committees": 5,
}
PAGE = "content/conferences/conference-committees-2019.md"


@pytest.fixture
def resolver(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.MAIN_SITE_URL = "https://main.example"
    write_file(tmp_path, "static/img/conferences/flyer.png", png((8, 8)))
    write_file(tmp_path, "static/file/conferences/sign-up-sheet.xlsx", b"PK sheet")
    warnings = []
    media = MediaLibrary(tmp_path / "static", ImportRecords(), ImportReport())
    return LinkResolver(
        PAGES_BY_URL, PAGES_BY_SOURCE, media, warnings, held_folders=["/conferences/iassist2025/full-program/"]
    )


def resolve(resolver, href, page_url="/conferences/conference-committees-2019/"):
    return resolver.resolve(href, page_url=page_url, source=PAGE)


def test_a_ref_names_the_page_beside_its_own_before_a_namesake_elsewhere(resolver):
    assert resolve(resolver, "ref:conference-committees.md").value == 3


def test_a_ref_with_a_folder_is_read_from_the_pages_folder(resolver):
    assert resolve(resolver, "ref:iassist2027/conference-committees.md").value == 5


def test_a_google_redirect_leads_where_it_wraps(resolver):
    target = resolve(
        resolver, "https://www.google.com/url?q=https://iassistdata.org/file/conferences/sign-up-sheet.xlsx&sa=D"
    )
    assert (target.kind, target.value.filename) == ("document", "sign-up-sheet.xlsx")


def test_a_link_to_an_image_the_import_holds_stays_at_its_address_here(resolver):
    target = resolve(resolver, "https://iassistdata.org/img/conferences/flyer.png")
    assert (target.kind, target.value) == ("url", "/img/conferences/flyer.png")
    assert get_image_model().objects.get().file.read() == png((8, 8))


def test_a_link_into_a_programme_export_stays_on_this_site_quietly(resolver):
    target = resolve(resolver, "https://iassistdata.org/conferences/iassist2025/full-program/")
    assert target.value == "/conferences/iassist2025/full-program/"
    assert resolver.warnings == []


def test_a_link_into_the_section_that_names_nothing_stays_on_this_site_and_warns(resolver):
    target = resolve(resolver, "https://iassistdata.org/conferences/iassist2024/#venue")
    assert target.value == "/conferences/iassist2024/#venue"
    assert "/conferences/iassist2024/ names no imported page" in str(resolver.warnings[0])


def test_a_link_to_a_section_this_site_does_not_hold_leads_to_the_main_site(resolver):
    assert resolve(resolver, "/about/become-a-member/").value == "https://main.example/about/become-a-member/"
