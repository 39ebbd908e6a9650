"""Menus filled from the old site's sidebars, every page reachable, and an editor's menu kept on a re-import."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page

from conferences.models import ConferenceIndexPage, ConferencePage

from ..trees import write_file

pytestmark = pytest.mark.django_db

INDEX = '+++\ntitle = "Conferences"\n+++\n<a class="btn" href="./iassist2030/">IASSIST 2030</a>\n'
SECTION_SIDEBAR = """<ul>
  <li><a href="/conferences/#annual">Annual IASSIST Conference</a></li>
  <li><a href="/conferences/hosting">Guidelines for Hosting</a></li>
</ul>"""
WEBSITE_SIDEBAR = """<ul>
  <li><a href="/conferences/iassist2030">Home</a></li>
  <li><a href="/conferences/iassist2030/registration">Register</a></li>
  <li><a href="/conferences/iassist2030/faq">FAQ</a></li>
</ul>"""


def page(title, weight=None, type_=None):
    lines = (
        [f'title = "{title}"'] + ([f"weight = {weight}"] if weight else []) + ([f'type = "{type_}"'] if type_ else [])
    )
    return "+++\n" + "\n".join(lines) + "\n+++\nSome words.\n"


def make_tree(root, website_type="conference-2030", extra=None):
    files = {
        "content/conferences/_index.md": INDEX,
        "content/conferences/hosting.md": page("Guidelines for Hosting"),
        "content/conferences/souvenirs.md": page("Conference Souvenirs"),
        "content/conferences/iassist2030/_index.md": page("IASSIST 2030 - Main Page", type_=website_type),
        "content/conferences/iassist2030/faq.md": page("IASSIST 2030 - FAQ", type_=website_type),
        "content/conferences/iassist2030/registration.md": page("IASSIST 2030 - Registration", weight=2),
        "content/conferences/iassist2030/hotel.md": page("IASSIST 2030 - Hotel", weight=1),
        "layouts/conferences/list.html": '{{ partial "sidebar-conferences.html" . }}',
        "layouts/conference-2030/list.html": '{{ partial "sidebar-conference-2030.html" . }}',
        "layouts/partials/sidebar-conferences.html": SECTION_SIDEBAR,
        "layouts/partials/sidebar-conference-2030.html": WEBSITE_SIDEBAR,
        **(extra or {}),
    }
    for relative, text in files.items():
        write_file(root, relative, text)
    return root


def run(root):
    output = StringIO()
    call_command("import_hugo", str(root), verbosity=1, stdout=output)
    return output.getvalue()


def menu(page_model):
    """The menu as (label, page address or address)."""
    entries = page_model.objects.get().menu.raw_data
    return [
        (
            entry["value"]["label"],
            Page.objects.get(pk=entry["value"]["page"]).url if entry["value"]["page"] else entry["value"]["url"],
        )
        for entry in entries
    ]


def test_a_website_menu_follows_its_sidebar_with_its_labels_then_the_pages_it_left_out(home_page, tmp_path):
    run(make_tree(tmp_path))
    assert menu(ConferencePage) == [
        ("Home", "/conferences/iassist2030/"),
        ("Register", "/conferences/iassist2030/registration/"),
        ("FAQ", "/conferences/iassist2030/faq/"),
        ("Hotel", "/conferences/iassist2030/hotel/"),
    ]


def test_a_website_without_a_sidebar_gets_home_then_its_pages_by_weight_then_title(home_page, tmp_path):
    run(make_tree(tmp_path, website_type="conference-2031"))
    assert menu(ConferencePage) == [
        ("Home", "/conferences/iassist2030/"),
        ("Hotel", "/conferences/iassist2030/hotel/"),
        ("Registration", "/conferences/iassist2030/registration/"),
        ("FAQ", "/conferences/iassist2030/faq/"),
    ]


def test_the_sections_menu_follows_its_sidebar_then_gains_the_pages_nothing_leads_to(home_page, tmp_path):
    run(make_tree(tmp_path))
    assert menu(ConferenceIndexPage) == [
        ("Annual IASSIST Conference", "/conferences/#annual"),
        ("Guidelines for Hosting", "/conferences/hosting/"),
        ("Conference Souvenirs", "/conferences/souvenirs/"),
    ]


def test_a_page_that_another_page_leads_to_stays_out_of_the_menu(home_page, tmp_path):
    linking = page("Guidelines for Hosting") + "\nSee the [souvenirs](/conferences/souvenirs/).\n"
    run(make_tree(tmp_path, extra={"content/conferences/hosting.md": linking}))
    assert "Conference Souvenirs" not in [label for label, _ in menu(ConferenceIndexPage)]


def test_a_namesake_in_the_same_menu_is_told_apart_by_its_folder(home_page, tmp_path):
    second_site = {
        "content/conferences/iassist2030_onsite/_index.md": page("IASSIST 2030 - During the conference"),
        "content/conferences/iassist2030_onsite/faq.md": page("IASSIST 2030 - FAQ"),
    }
    run(make_tree(tmp_path, extra=second_site))
    assert ("FAQ (iassist2030_onsite)", "/conferences/iassist2030/iassist2030_onsite/faq/") in menu(ConferencePage)


def test_a_re_import_keeps_the_menu_an_editor_changed(home_page, tmp_path):
    tree = make_tree(tmp_path)
    run(tree)
    conference = ConferencePage.objects.get()
    conference.menu = [("link", {"page": conference, "url": "", "label": "Welcome"})]
    conference.save_revision().publish()
    write_file(tree, "layouts/partials/sidebar-conference-2030.html", WEBSITE_SIDEBAR.replace("FAQ<", "Questions<"))
    output = run(tree)
    assert menu(ConferencePage) == [("Welcome", "/conferences/iassist2030/")]
    assert "menu changed in the admin since the last import: kept" in output


def test_a_re_import_follows_a_changed_sidebar_where_no_editor_changed_the_menu(home_page, tmp_path):
    tree = make_tree(tmp_path)
    run(tree)
    write_file(tree, "layouts/partials/sidebar-conference-2030.html", WEBSITE_SIDEBAR.replace("FAQ<", "Questions<"))
    output = run(tree)
    assert ("Questions", "/conferences/iassist2030/faq/") in menu(ConferencePage)
    assert "updated 1 menus" in output


def test_a_second_import_leaves_the_menus_alone(home_page, tmp_path):
    tree = make_tree(tmp_path)
    run(tree)
    assert "Nothing changed" in run(tree)
