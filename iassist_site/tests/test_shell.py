"""The site shell: base template, navigation, error pages and home page."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.template import Context, Template, engines
from django.template.loader import get_template, render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.views.defaults import server_error

from conferences.models import ConferenceIndexPage, ContentPage
from home.models import HomePage

NAV_LABELS = ["Home", "About", "Conferences", "IQ Journal", "iBlog", "Community", "Contact"]
STATIC_DIR = Path(settings.STATICFILES_DIRS[0])
FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]"

# Measured: 8 queries with a cold site-root-path cache (7 warm), of which the shell makes 3
# (conference index, site settings, footer links). Two to spare.
HOME_PAGE_MAX_QUERIES = 10


def soup_of(html):
    return BeautifulSoup(html, "html.parser")


@pytest.fixture
def home():
    return HomePage.objects.get(slug="home")


@pytest.fixture
def render_base(rf):
    """Render base.html as a page view would, with `page` (or without) in the context."""

    def render(page=None, path=None, template="base.html", **context):
        request = rf.get(path or (page.url if page is not None else "/"))
        request.user = AnonymousUser()
        if page is not None:
            context["page"] = page
        return soup_of(render_to_string(template, context, request=request))

    return render


@pytest.fixture
def section(home):
    """A section under the home page with a nested page and siblings of mixed visibility."""
    parent = home.add_child(instance=ContentPage(title="Guidelines", slug="guidelines", show_in_menus=True))
    child = parent.add_child(instance=ContentPage(title="Code of Conduct", slug="code-of-conduct", show_in_menus=True))
    parent.add_child(instance=ContentPage(title="Sponsorship", slug="sponsorship", show_in_menus=True))
    parent.add_child(instance=ContentPage(title="Not in menus", slug="not-in-menus", show_in_menus=False))
    parent.add_child(instance=ContentPage(title="A draft", slug="a-draft", show_in_menus=True, live=False))
    return {"parent": parent, "child": child}


def nav_links(soup):
    return soup.select("nav[aria-label=Main] a")


# -- home page ---------------------------------------------------------------


@pytest.mark.django_db
def test_home_page_renders_with_its_template_and_title(client, home):
    response = client.get("/")

    assert response.status_code == 200
    assert "home/home_page.html" in [t.name for t in response.templates]
    assert soup_of(response.content).h1.get_text(strip=True) == home.title


@pytest.mark.django_db
def test_home_page_shows_intro_and_body_as_rich_text(client, home):
    home.intro = "<p>An <b>international</b> association.</p>"
    home.body = "<h2>Members</h2><p>Data professionals.</p>"
    home.save()

    soup = soup_of(client.get("/").content)

    assert soup.select_one(".lead b").get_text() == "international"
    assert soup.select_one(".rich-text h2").get_text() == "Members"


@pytest.mark.django_db
def test_home_page_links_to_the_live_conference_index(client, home):
    home.add_child(instance=ConferenceIndexPage(title="IASSIST Conferences", slug="conferences"))

    link = soup_of(client.get("/").content).select_one(".feature-card a")

    assert link["href"] == "/conferences/"
    assert link.get_text(strip=True) == "IASSIST Conferences"


@pytest.mark.django_db
def test_home_page_has_no_breadcrumbs_or_sidebar(client, home):
    soup = soup_of(client.get("/").content)

    assert soup.select_one("nav[aria-label=Breadcrumb]") is None
    assert soup.select_one(".sidebar") is None
    assert soup.select_one("main h1") is not None


@pytest.mark.django_db
def test_home_page_query_count_is_bounded(client, home, django_assert_max_num_queries):
    client.get("/")  # creates the SiteSettings row on first use
    cache.clear()  # measure with Wagtail's cached site root paths gone too

    with django_assert_max_num_queries(HOME_PAGE_MAX_QUERIES):
        response = client.get("/")

    assert response.status_code == 200


@pytest.mark.django_db
def test_shell_queries_do_not_grow_with_the_menu(render_base, section):
    render_base(section["child"])  # warm the caches
    with CaptureQueriesContext(connection) as short_menu:
        render_base(section["child"])
    for number in range(10):
        section["parent"].add_child(
            instance=ContentPage(title=f"Extra {number}", slug=f"extra-{number}", show_in_menus=True)
        )

    with CaptureQueriesContext(connection) as long_menu:
        soup = render_base(section["child"])

    assert len(soup.select(".section-nav__link")) == 12
    assert len(long_menu) == len(short_menu)


# -- document head -----------------------------------------------------------


@pytest.mark.django_db
def test_title_is_page_title_then_site_name(render_base, section):
    soup = render_base(section["child"])

    assert soup.title.get_text() == "Code of Conduct | IASSIST"
    assert soup.select_one("meta[property='og:title']")["content"] == "Code of Conduct"


@pytest.mark.django_db
def test_seo_title_replaces_page_title(render_base, section):
    page = section["child"]
    page.seo_title = "IASSIST Code of Conduct"

    assert render_base(page).title.get_text() == "IASSIST Code of Conduct | IASSIST"


@pytest.mark.django_db
def test_search_description_becomes_meta_and_og_description(render_base, section):
    page = section["child"]
    page.search_description = "How we treat each other at IASSIST events."

    soup = render_base(page)

    assert soup.select_one("meta[name=description]")["content"] == page.search_description
    assert soup.select_one("meta[property='og:description']")["content"] == page.search_description


@pytest.mark.django_db
def test_page_has_canonical_link_and_open_graph_url(render_base, section):
    soup = render_base(section["child"])
    canonical = soup.select_one("link[rel=canonical]")["href"]

    assert canonical.endswith("/guidelines/code-of-conduct/")
    assert soup.select_one("meta[property='og:url']")["content"] == canonical
    assert soup.select_one("meta[property='og:type']")["content"] == "website"
    assert soup.select_one("meta[property='og:site_name']")["content"] == "IASSIST"


@pytest.mark.django_db
def test_sub_route_of_a_page_is_its_own_canonical_url(render_base, section):
    # A person or presentation served by a routable page must not point search
    # engines at the page that serves it.
    soup = render_base(section["parent"], path="/guidelines/people/jane-doe/")

    assert soup.select_one("link[rel=canonical]")["href"].endswith("/guidelines/people/jane-doe/")


@pytest.mark.django_db
def test_sub_route_does_not_mark_its_page_as_current(render_base, section):
    soup = render_base(section["parent"], path="/guidelines/people/jane-doe/")

    assert soup.select("nav[aria-label=Breadcrumb] [aria-current]") == []
    assert soup.select_one(".section-nav__title a")["aria-current"] == "true"


@pytest.mark.django_db
def test_child_template_title_is_text_escaped_once(rf):
    template = engines["django"].from_string(
        '{% extends "base.html" %}{% block title %}Tom & Jerry <em>“quoted”</em>{% endblock %}'
        "{% block meta_description %}A &amp; B{% endblock %}"
    )
    request = rf.get("/search/")
    request.user = AnonymousUser()

    html = template.render({}, request)
    soup = soup_of(html)

    assert "<title>Tom &amp; Jerry “quoted” | IASSIST</title>" in html
    assert soup.select_one("meta[name=description]")["content"] == "A & B"


@pytest.mark.django_db
def test_page_has_language_charset_viewport_and_svg_favicon(render_base, section):
    soup = render_base(section["child"])

    assert soup.html["lang"] == "en-gb"
    assert soup.select_one("meta[charset]")["charset"].lower() == "utf-8"
    assert "width=device-width" in soup.select_one("meta[name=viewport]")["content"]
    assert soup.select_one("link[rel=icon]")["href"].endswith("favicon.svg")


@pytest.mark.django_db
def test_no_inline_scripts_or_styles(client, home):
    # A Content Security Policy without 'unsafe-inline' will forbid both.
    soup = soup_of(client.get("/").content)

    assert all(script.get("src") for script in soup.find_all("script"))
    assert soup.find_all("style") == []
    assert soup.select("[style]") == []


# -- header ------------------------------------------------------------------


@pytest.mark.django_db
def test_skip_link_is_first_focusable_and_targets_main(client, home):
    soup = soup_of(client.get("/").content)
    first = soup.body.select_one(FOCUSABLE)

    assert first["href"] == "#main-content"
    assert soup.find(id="main-content").name == "main"


@pytest.mark.django_db
def test_header_shows_site_name_and_tagline(client, home):
    header = soup_of(client.get("/").content).select_one("header.site-header")

    assert header.select_one(".brand__name").get_text() == "IASSIST"
    assert "International Association for Social Science" in header.select_one(".brand__tagline").get_text()


@pytest.mark.django_db
def test_header_search_form_sends_q_to_search_view(client, home):
    form = soup_of(client.get("/").content).select_one("header form[role=search]")
    field = form.select_one("input[name=q]")

    assert form["action"] == reverse("search") == "/search/"
    assert form["method"].lower() == "get"
    assert field["type"] == "search"
    assert form.select_one(f"label[for={field['id']}]").get_text(strip=True)


@pytest.mark.django_db
def test_header_search_box_keeps_the_query(render_base):
    soup = render_base(path="/search/?q=metadata", search_query="metadata")

    assert soup.select_one("header input[name=q]")["value"] == "metadata"


@pytest.mark.django_db
def test_main_nav_lists_the_seven_sections_in_order(client, home):
    links = nav_links(soup_of(client.get("/").content))

    assert [link.get_text(strip=True) for link in links] == NAV_LABELS
    assert links[1]["href"] == "https://iassistdata.org/about/"
    assert links[6]["href"] == "https://iassistdata.org/contact/"


@pytest.mark.django_db
def test_main_nav_marks_home_as_current_page_on_home(client, home):
    links = nav_links(soup_of(client.get("/").content))

    assert [link.get("aria-current") for link in links] == ["page"] + [None] * 6


@pytest.mark.django_db
def test_main_nav_conferences_falls_back_without_index_page(client, home):
    links = nav_links(soup_of(client.get("/").content))

    assert links[2]["href"] == "/conferences/"


@pytest.mark.django_db
def test_main_nav_marks_conferences_current_inside_the_section(render_base, home):
    index = home.add_child(instance=ConferenceIndexPage(title="Conferences", slug="meetings"))
    page = index.add_child(instance=ContentPage(title="Code of Conduct", slug="code-of-conduct"))

    on_index = nav_links(render_base(index))
    below_index = nav_links(render_base(page))

    assert on_index[2]["href"] == "/meetings/"
    assert on_index[2]["aria-current"] == "page"
    assert below_index[2]["aria-current"] == "true"
    assert [link.get("aria-current") for link in below_index].count(None) == 6


@pytest.mark.django_db
def test_main_nav_works_without_javascript(client, home):
    # The phone menu is a <details>: its toggle opens it without script, and its links are in the page.
    menu = soup_of(client.get("/").content).select_one("nav[aria-label=Main] details")

    assert menu.summary is not None
    assert menu.select("ul a[href]")


@pytest.mark.django_db
def test_main_nav_is_sent_closed_so_that_loading_does_not_shift_the_page(client, home):
    menu = soup_of(client.get("/").content).select_one("nav[aria-label=Main] details")

    assert not menu.has_attr("open")


# -- breadcrumbs and section menu --------------------------------------------


@pytest.mark.django_db
def test_breadcrumbs_trace_the_ancestors_below_the_site_root(render_base, section):
    crumbs = render_base(section["child"]).select("nav[aria-label=Breadcrumb] li a")

    assert [crumb.get_text(strip=True) for crumb in crumbs] == ["Home", "Guidelines", "Code of Conduct"]
    assert [crumb["href"] for crumb in crumbs] == ["/", "/guidelines/", "/guidelines/code-of-conduct/"]
    assert [crumb.get("aria-current") for crumb in crumbs] == [None, None, "page"]


@pytest.mark.django_db
def test_breadcrumbs_can_end_in_a_label_for_a_sub_route(section, rf):
    template = engines["django"].from_string(
        '{% extends "base.html" %}{% block breadcrumbs %}'
        '{% include "includes/breadcrumbs.html" with current_label="Jane Doe" %}{% endblock %}'
    )
    request = rf.get("/guidelines/people/jane-doe/")
    request.user = AnonymousUser()

    crumbs = soup_of(template.render({"page": section["parent"]}, request)).select("nav[aria-label=Breadcrumb] a")

    assert [crumb.get_text(strip=True) for crumb in crumbs] == ["Home", "Guidelines", "Jane Doe"]
    assert [crumb.get("aria-current") for crumb in crumbs] == [None, None, "page"]


@pytest.mark.django_db
def test_sidebar_lists_live_in_menu_pages_of_the_section(render_base, section):
    sidebar = render_base(section["child"]).select_one("main aside.sidebar")

    assert sidebar.select_one(".section-nav__title").get_text(strip=True) == "Guidelines"
    assert [link.get_text(strip=True) for link in sidebar.select(".section-nav__link")] == [
        "Code of Conduct",
        "Sponsorship",
    ]


@pytest.mark.django_db
def test_sidebar_marks_the_current_page(render_base, section):
    links = render_base(section["child"]).select(".section-nav__link")

    assert [link.get("aria-current") for link in links] == ["page", None]


@pytest.mark.django_db
def test_sidebar_is_left_out_when_the_section_has_no_menu_pages(render_base, home):
    page = home.add_child(instance=ContentPage(title="Lonely", slug="lonely", show_in_menus=True))

    soup = render_base(page)

    assert soup.select_one(".sidebar") is None
    assert soup.select_one("nav[aria-label=Breadcrumb]") is not None


@pytest.mark.django_db
def test_base_renders_for_views_without_a_page(render_base):
    soup = render_base(path="/search/")

    assert soup.title.get_text() == "IASSIST"
    assert soup.select_one("link[rel=canonical]") is None
    assert soup.select_one("nav[aria-label=Breadcrumb]") is None
    assert len(nav_links(soup)) == 7
    assert soup.find(id="main-content") is not None


@pytest.mark.django_db
def test_footer_shows_text_and_links_from_site_settings(client, home):
    from wagtail.models import Site

    from home.models import FooterLink, SiteSettings

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.footer_text = "© IASSIST"
    site_settings.save()
    FooterLink.objects.create(settings=site_settings, label="Privacy", url="https://iassistdata.org/privacy/")

    footer = soup_of(client.get("/").content).select_one("footer.site-footer")

    assert "© IASSIST" in footer.get_text()
    assert footer.select_one("a[href='https://iassistdata.org/privacy/']").get_text() == "Privacy"


# -- error pages ---------------------------------------------------------------


@pytest.mark.django_db
def test_unknown_url_returns_404_in_the_site_design(client, home):
    response = client.get("/no-such-page/")
    soup = soup_of(response.content)

    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]
    assert soup.select_one("header.site-header") is not None
    assert soup.h1.get_text() == "Page not found"
    assert soup.select_one("main form[role=search] input[name=q]") is not None


def test_500_page_renders_standalone_without_context():
    html = get_template("500.html").render()
    soup = soup_of(html)

    assert soup.h1.get_text() == "Something went wrong"
    assert soup.select_one("link[rel=stylesheet]")["href"] == "/static/css/site.css"
    assert soup.select_one("a.skip-link")["href"] == "#main-content"


def test_500_page_is_served_by_djangos_error_view(rf):
    response = server_error(rf.get("/"))

    assert response.status_code == 500
    assert b"Something went wrong" in response.content


# -- admin block previews ----------------------------------------------------


def test_block_preview_uses_the_site_stylesheet(rf):
    from wagtail import blocks

    block = blocks.CharBlock()
    block.set_name("heading")
    request = rf.get("/")
    request.user = AnonymousUser()

    soup = soup_of(
        render_to_string(
            "wagtailcore/shared/block_preview.html",
            {"block_def": block, "bound_block": block.bind("Forthcoming conferences"), "page_title": "Preview"},
            request=request,
        )
    )

    assert soup.select_one("link[rel=stylesheet]")["href"].endswith("css/site.css")
    assert soup.select_one(".w-block-heading").get_text(strip=True) == "Forthcoming conferences"


# -- pagination component ----------------------------------------------------


def test_pagination_keeps_the_query_and_marks_the_current_page(rf):
    request = rf.get("/search/", {"q": "data", "page": "2"})
    page_obj = Paginator(list(range(50)), 10).page(2)

    nav = soup_of(render_to_string("components/pagination.html", {"page_obj": page_obj}, request=request))
    links = {a.get_text(" ", strip=True): a for a in nav.select("a")}

    assert nav.nav["aria-label"] == "Pagination"
    assert links["Previous page"]["href"] == "?q=data"
    assert links["Next page"]["href"] == "?q=data&page=3"
    assert links["Page 2"]["aria-current"] == "page"


def test_pagination_is_empty_for_a_single_page(rf):
    page_obj = Paginator([1, 2], 10).page(1)

    html = Template('{% include "components/pagination.html" %}').render(
        Context({"page_obj": page_obj, "request": rf.get("/")})
    )

    assert html.strip() == ""
    two_pages = Paginator([1, 2], 1).page(1)
    assert "<nav" in Template('{% include "components/pagination.html" %}').render(
        Context({"page_obj": two_pages, "request": rf.get("/")})
    )


# -- stylesheet and static files -----------------------------------------------


def _relative_luminance(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    if len(hex_colour) == 3:
        hex_colour = "".join(c * 2 for c in hex_colour)
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    lighter, darker = sorted((_relative_luminance(first), _relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def css_tokens():
    css = (STATIC_DIR / "css" / "site.css").read_text()
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\b", css))


# (text, background, minimum ratio): every pairing the stylesheet uses.
COLOUR_PAIRS = [
    ("text", "white", 4.5),
    ("text-muted", "white", 4.5),
    ("text-muted", "surface", 4.5),
    ("text-muted", "notice-panel", 4.5),
    ("primary", "white", 4.5),
    ("primary", "surface", 4.5),
    ("primary", "primary-tint", 4.5),
    ("primary-dark", "primary-tint", 4.5),
    ("white", "primary", 4.5),
    ("white", "primary-dark", 4.5),
    ("white", "zenodo", 4.5),
    ("text", "mark", 4.5),
    ("text", "notice-highlight", 4.5),
    ("text", "notice-panel", 4.5),
    ("text", "notice-info", 4.5),
    ("text", "notice-alert", 4.5),
    ("link", "notice-highlight", 4.5),
    ("link", "notice-panel", 4.5),
    ("link", "notice-info", 4.5),
    ("link", "notice-alert", 4.5),
    ("link", "mark", 4.5),
    ("border-strong", "white", 3),
    ("accent", "primary", 3),
    ("focus", "white", 3),
    ("focus", "surface", 3),
    ("focus", "notice-highlight", 3),
    ("focus", "notice-panel", 3),
    ("focus-on-dark", "primary", 3),
    ("focus-on-dark", "primary-dark", 3),
    ("alert-border", "notice-alert", 3),
]


@pytest.mark.parametrize(("foreground", "background", "minimum"), COLOUR_PAIRS)
def test_colour_pairs_meet_wcag_aa(foreground, background, minimum):
    tokens = {**css_tokens(), "white": "#ffffff", "link": css_tokens()["primary"]}

    assert contrast(tokens[foreground], tokens[background]) >= minimum


@pytest.mark.parametrize(
    ("text", "background"),
    [("#0f5132", "#e3f4ea"), ("#4a3b00", "#fff4cc"), ("#5c2d91", "#f1e9f9"), ("#1b1b1b", "#fdebd0")],
)
def test_badge_and_notice_literals_meet_wcag_aa(text, background):
    assert contrast(text, background) >= 4.5


def test_files_the_stylesheet_refers_to_exist():
    # ManifestStaticFilesStorage fails collectstatic on a missing url() target.
    css = (STATIC_DIR / "css" / "site.css").read_text()
    targets = set(re.findall(r"url\(\"?([^\")]+)\"?\)", css))

    assert targets
    for target in targets:
        assert (STATIC_DIR / "css" / target).resolve().is_file(), target


def test_shell_assets_exist():
    for name in ("css/site.css", "js/site.js", "favicon.svg"):
        assert (STATIC_DIR / name).is_file(), name
