"""The Settings screens for the old site's addresses: the web team sees and corrects them, nobody else does."""

import pytest
from django.urls import reverse

from conferences import roles
from conferences.models import FolderRedirect, OldFileAddress, ProgrammeExportAddress
from conferences.tests import builders

pytestmark = pytest.mark.django_db

FOLDERS = "folder_redirects"
FILES = "old_file_addresses"
EXPORTS = "programme_export_addresses"


@pytest.fixture
def section(home_page):
    return builders.two_conference_section(home_page)


@pytest.fixture
def web_team(client, section):
    client.force_login(builders.member(roles.WEB_TEAM, "webby"))
    return client


def _url(name, action="index", *args):
    return reverse(f"{name}:{action}", args=args)


def _folder_form(**changes):
    return {"folder": "/conferences/archive/2018/", "redirect_page": "", "redirect_link": "", "is_permanent": "on",
            **changes}  # fmt: skip


def test_the_web_team_finds_the_three_screens_in_the_settings_menu(web_team):
    admin_home = web_team.get(reverse("wagtailadmin_home")).content.decode()
    for name in (FOLDERS, FILES, EXPORTS):
        assert _url(name) in admin_home
        assert web_team.get(_url(name)).status_code == 200


def test_a_conference_editor_is_refused_the_screens(client, section):
    client.force_login(builders.member(roles.CONFERENCE_EDITORS, "eddy"))
    assert _url(FOLDERS) not in client.get(reverse("wagtailadmin_home")).content.decode()
    for name in (FOLDERS, FILES, EXPORTS):
        assert client.get(_url(name)).status_code in (302, 403)
    assert client.post(_url(FOLDERS, "add"), _folder_form(redirect_link="/elsewhere/")).status_code in (302, 403)
    assert not FolderRedirect.objects.exists()


def test_a_folder_rule_added_in_the_admin_answers_every_address_below_it(web_team, section):
    sydney = section["sydney"]
    response = web_team.post(_url(FOLDERS, "add"), _folder_form(redirect_page=sydney.pk))
    assert response.status_code == 302
    web_team.logout()
    answer = web_team.get("/conferences/archive/2018/programme/day-2.html")
    assert answer.status_code == 301 and answer["Location"] == sydney.url


def test_a_rule_for_the_whole_site_is_refused_and_the_input_kept(web_team):
    response = web_team.post(_url(FOLDERS, "add"), _folder_form(folder="/", redirect_link="/conferences/"))
    assert response.status_code == 200
    assert "would send every missing address of the site to one place" in response.content.decode()
    assert 'value="/conferences/"' in response.content.decode()
    assert not FolderRedirect.objects.exists()


@pytest.mark.parametrize(
    "folder, message",
    [
        ("conferences/archive/", "Start and end the folder with a slash."),
        ("/conferences/archive/2018/*/", "Leave out *, ? and #"),
        ("/conferences/a?b/", "Leave out *, ? and #"),
        ("//evil.example/", "Start the address with one slash"),
    ],
)
def test_a_malformed_folder_is_refused_with_what_to_change(web_team, folder, message):
    response = web_team.post(_url(FOLDERS, "add"), _folder_form(folder=folder, redirect_link="/conferences/"))
    assert response.status_code == 200 and message in response.content.decode()
    assert not FolderRedirect.objects.exists()


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "//evil.example/x", "/\\evil.example/", "ftp://files.example/", "x/"]
)
def test_a_link_that_is_not_a_path_or_a_web_address_is_refused(web_team, link):
    response = web_team.post(_url(FOLDERS, "add"), _folder_form(redirect_link=link))
    assert response.status_code == 200
    assert "Enter an address on this site starting with /" in response.content.decode()
    assert not FolderRedirect.objects.exists()


def test_a_page_and_a_link_together_are_refused(web_team, section):
    response = web_team.post(
        _url(FOLDERS, "add"), _folder_form(redirect_page=section["sydney"].pk, redirect_link="/elsewhere/")
    )
    assert response.status_code == 200 and "Choose a page or enter an address, not both." in response.content.decode()


def test_the_listing_says_where_each_rule_leads_and_escapes_it(web_team, section):
    FolderRedirect.objects.create(folder="/conferences/archive/2019/", redirect_page=section["sydney"])
    FolderRedirect.objects.create(folder="/x/", redirect_link='/y/"><script>alert(1)</script>')
    listing = web_team.get(_url(FOLDERS)).content.decode()
    assert "/conferences/archive/2019/" in listing and "page “IASSIST 2019”" in listing
    assert "<script>alert(1)</script>" not in listing and "&lt;script&gt;" in listing


def test_the_listing_finds_a_rule_by_its_folder(web_team):
    FolderRedirect.objects.create(folder="/conferences/archive/2018/", redirect_link="/a/")
    FolderRedirect.objects.create(folder="/blog/", redirect_link="/b/")
    found = web_team.get(_url(FOLDERS), {"q": "archive"}).content.decode()
    assert "/conferences/archive/2018/" in found and "/blog/" not in found


@pytest.mark.parametrize("name", [FOLDERS, FILES, EXPORTS])
def test_a_listing_runs_the_same_queries_however_many_rows(web_team, section, name, django_assert_max_num_queries):
    web_team.get(_url(name))  # the first admin request reads settings the next ones keep
    _rows(name, section, 3)
    with django_assert_max_num_queries(30) as few:
        assert web_team.get(_url(name)).status_code == 200
    _rows(name, section, 30, start=3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert web_team.get(_url(name)).status_code == 200


def _rows(name, section, count, start=0):
    sydney = section["sydney"]
    session = builders.session(sydney) if name == EXPORTS else None
    for number in range(start, start + count):
        if name == FOLDERS:
            FolderRedirect.objects.create(folder=f"/old/{number}/", redirect_page=sydney)
        elif name == FILES:
            OldFileAddress.objects.create(path=f"/files/{number}.pdf", document=builders.document(f"f{number}.pdf"))
        else:
            talk = builders.presentation(session, f"Talk {number}")
            ProgrammeExportAddress.objects.create(path=f"/x/{number}.html", conference=sydney, presentation=talk)


def test_an_old_file_address_needs_one_file_and_a_path(web_team):
    response = web_team.post(_url(FILES, "add"), {"path": "files/report.pdf", "image": "", "document": ""})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Start the address with one slash" in content
    assert "An old file address leads to an image or to a document." in content
    assert not OldFileAddress.objects.exists()


def test_an_old_file_address_added_in_the_admin_leads_to_its_document(web_team):
    document = builders.document("report.pdf")
    response = web_team.post(_url(FILES, "add"), {"path": "/files/report.pdf", "image": "", "document": document.pk})
    assert response.status_code == 302
    answer = web_team.get("/files/report.pdf")
    assert answer.status_code == 301 and answer["Location"] == document.url


def test_an_export_address_keeps_to_its_conferences_programme(web_team, section):
    other_session = builders.session(section["gothenburg"], "Gothenburg session")
    other_talk = builders.presentation(other_session, "Gothenburg talk")
    form = {"path": "/conferences/iassist2019/full_program/a1.html", "conference": section["sydney"].pk,
            "session": other_session.pk, "presentation": other_talk.pk}  # fmt: skip
    response = web_team.post(_url(EXPORTS, "add"), form)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Choose a session of this conference." in content
    assert "Choose a presentation of this conference." in content
    assert not ProgrammeExportAddress.objects.exists()


def test_an_export_address_corrected_in_the_admin_leads_to_the_new_presentation(web_team, section):
    sydney = section["sydney"]
    session = builders.session(sydney)
    wrong, right = builders.presentation(session, "Wrong talk"), builders.presentation(session, "Right talk")
    address = ProgrammeExportAddress.objects.create(path="/old/a1.html", conference=sydney, presentation=wrong)
    form = {"path": address.path, "conference": sydney.pk, "session": "", "presentation": right.pk}
    assert web_team.post(_url(EXPORTS, "edit", address.pk), form).status_code == 302
    answer = web_team.get("/old/a1.html")
    assert answer.status_code == 301 and answer["Location"].endswith(f"/{right.slug}/")


def test_an_old_file_address_may_have_spaces_as_old_file_names_did(web_team):
    document = builders.document("report.pdf")
    form = {"path": "/files/IASSIST 2005 slides.pdf", "image": "", "document": document.pk}
    assert web_team.post(_url(FILES, "add"), form).status_code == 302
    assert web_team.get("/files/IASSIST%202005%20slides.pdf").status_code == 301
