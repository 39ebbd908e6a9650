"""The Hugo import on the real IASSIST tree (../shared/iassist-hugo), imported once per run."""

import json
import re
import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision

from conferences.models import (
    ConferenceIndexPage,
    ConferencePage,
    Person,
    Presentation,
    PresentationDOI,
    Presenter,
    Session,
)
from conferences.tests.test_import_openconf import exports

pytestmark = pytest.mark.django_db

SUMMARY = re.compile(
    r"^conferences=(\d+) sessions=(\d+) presentations=(\d+) presenters=(\d+) dois=(\d+) pages=(\d+) "
    r"images=(\d+) documents=(\d+) redirects=(\d+) warnings=(\d+)$",
    re.MULTILINE,
)
# "0.5281/..." too: a DOI that lost the 1 of its "10." prefix, which the import repairs.
DOI = re.compile(r"(?<![\d.])1?0\.\d{4,9}/[A-Za-z0-9._()/:;-]*[A-Za-z0-9]")


def archive_programmes(tree):
    return [json.loads(path.read_text()) for path in sorted((tree / "data/conferences/archive").glob("*.json"))]


def summary(output):
    match = SUMMARY.search(output)
    assert match, output[-500:]
    names = "conferences sessions presentations presenters dois pages images documents redirects warnings".split()
    return dict(zip(names, map(int, match.groups()), strict=True))


def row_counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            ConferencePage,
            Session,
            Presentation,
            Presenter,
            PresentationDOI,
            Person,
            Redirect,
            Revision,
        )
    }


def run_import(path, *args):
    output = StringIO()
    call_command("import_hugo", str(path), *args, verbosity=1, stdout=output)
    return output.getvalue()


@pytest.fixture
def tree_copy(imported_site, tmp_path):
    """A writable copy of the tree (static/ and layouts/ shared by links) to change or break."""
    copy = tmp_path / "hugo"
    copy.mkdir()
    for name in ("content", "data"):
        shutil.copytree(imported_site / name, copy / name)
    for name in ("config.toml", "netlify.toml"):
        shutil.copy(imported_site / name, copy / name)
    for name in ("static", "layouts"):
        (copy / name).symlink_to(imported_site / name)
    return copy


class TestCounts:
    def test_programme_counts_match_the_archive_json(self, imported_site, first_import_output):
        programmes = archive_programmes(imported_site)
        sessions = [session for programme in programmes for session in programme["sessions"]]
        presentations = [item for session in sessions for item in session.get("presentations", [])]
        titled = [item for item in presentations if str(item.get("title") or "").strip()]
        presenters = [
            person
            for item in titled
            for person in item.get("presenters") or []
            if str(person.get("name") or "").strip()
        ]
        counts = summary(first_import_output)
        assert counts["sessions"] == Session.objects.count()
        # An OpenConf export gives its conference's sessions as they ran (test_import_openconf.py).
        laid_over = set(exports(imported_site))
        json_only = [
            session
            for path in sorted((imported_site / "data/conferences/archive").glob("*.json"))
            if int(path.name[:4]) not in laid_over
            for session in json.loads(path.read_text())["sessions"]
        ]
        assert Session.objects.exclude(conference__year__in=laid_over).count() == len(json_only)
        assert counts["presentations"] == len(titled) == Presentation.objects.count()
        # A name field holding several people becomes one entry each, with a warning saying how many.
        split = sum(
            int(n) - 1 for n in re.findall(r"names (\d+) people; each presents on their own", first_import_output)
        )
        assert counts["presenters"] == len(presenters) + split == Presenter.objects.count()

    def test_distinct_dois_match_the_archive_json(self, imported_site, first_import_output):
        found = set()
        for programme in archive_programmes(imported_site):
            for session in programme["sessions"]:
                for item in session.get("presentations", []):
                    raw = json.dumps([item.get("doi"), [p.get("doix") for p in item.get("presenters") or []]])
                    found |= {doi.lower() if doi.startswith("1") else f"1{doi}" for doi in DOI.findall(raw)}
        assert summary(first_import_output)["dois"] == len(found)

    def test_every_annual_conference_and_event_becomes_a_conference_page(self, imported_site, first_import_output):
        stubs = [p for p in (imported_site / "content/conferences/archive").glob("*.md") if p.name != "_index.md"]
        early_text = (imported_site / "content/conferences/1974-1999-conferences.md").read_text()
        early_entries = re.findall(r"^(?!:)\S.*\n(?=:\s)", early_text, re.MULTILINE)
        annual_years = {re.match(r"\d{4}", p.name).group() for p in stubs}
        other_events = set()
        for folder in (imported_site / "content/conferences").iterdir():
            year = re.search(r"\d{4}", folder.name)
            if not folder.is_dir() or not folder.name.startswith("iassist") or not year:
                continue
            title = re.search(r'title\s*=\s*"([^"]*)"', (folder / "_index.md").read_text()).group(1)
            if re.fullmatch(r"iassist\d{4}.*", folder.name) or title.startswith(f"IASSIST {year.group()}"):
                annual_years.add(year.group())
            else:
                other_events.add(folder.name)
        expected = len(annual_years) + len(early_entries) + len(other_events)
        assert summary(first_import_output)["conferences"] == expected == ConferencePage.objects.count()

    def test_summary_line_closes_the_output(self, first_import_output):
        assert SUMMARY.match(first_import_output.strip().splitlines()[-1])

    def test_warnings_are_listed_one_per_line_and_counted(self, first_import_output):
        warning_lines = [line for line in first_import_output.splitlines() if line.startswith("warning: ")]
        assert len(warning_lines) == summary(first_import_output)["warnings"] > 0


class TestLandingPage:
    def test_blocks_follow_the_source_order_without_the_hand_made_panel(self, imported_site):
        index = ConferenceIndexPage.objects.get()
        outline = [(block.block_type, _label(block)) for block in index.body]
        # The panel of forthcoming and recent conferences is computed now (test_import_typed_pages.py).
        assert outline[:4] == [
            ("heading", "IASSIST Annual Conference and Regional Events"),
            ("paragraph", None),
            ("heading", "Past Conferences"),
            ("paragraph", None),
        ]

    def test_buttons_to_imported_events_become_page_links(self, imported_site):
        index = ConferenceIndexPage.objects.get()
        buttons = [button for block in index.body if block.block_type == "event_buttons" for button in block.value]
        by_label = {button["label"]: button for button in buttons}
        assert by_label["Africa Workshop 2023"]["page"].url == "/conferences/iassist-africa-2023/"
        bristol = ConferencePage.objects.get(year=2025, kind="annual")
        landing = [button for block in bristol.landing_buttons for button in block.value]
        assert [(button["label"], button["page"].pk) for button in landing] == [
            ("IASSIST 2025 Conference website", bristol.pk)
        ]

    def test_button_to_a_missing_event_stays_on_this_site_and_warns(self, imported_site, first_import_output):
        index = ConferenceIndexPage.objects.get()
        buttons = [button for block in index.body if block.block_type == "event_buttons" for button in block.value]
        missing = next(button for button in buttons if button["label"] == "Africa Workshop 2024")
        assert missing["page"] is None
        assert missing["url"] == "/conferences/iassist-africa-2024/"
        assert "/conferences/iassist-africa-2024/ names no imported page" in first_import_output

    def test_landing_page_renders_with_notices_and_buttons(self, client, imported_site):
        html = client.get("/conferences/").content.decode()
        assert 'class="notice notice--highlight"' in html
        assert 'href="/conferences/iassist2025/"' in html
        assert "<!--" not in html.split("<main", 1)[1]


def _collapsed(text):
    return " ".join(str(text or "").split())


def _label(block):
    if block.block_type == "heading":
        return block.value["text"]
    if block.block_type == "notice":
        return block.value["scheme"]
    return None


class TestConferences:
    def test_2022_merges_its_archive_entry_with_its_event_page(self, imported_site):
        conference = ConferencePage.objects.get(year=2022, kind="annual")
        assert conference.slug == "iassist-sweden-2022"
        assert (conference.city, conference.country, conference.ordinal) == ("Gothenburg", "Sweden", 47)
        assert conference.theme == "Data by Design: Building a Sustainable Data Culture"
        assert conference.host == "Swedish National Data Service (SND)"
        assert str(conference.start_date) == "2022-06-07" and str(conference.end_date) == "2022-06-10"
        assert conference.zenodo_url.startswith("https://zenodo.org/communities/")

    def test_2022_programme_matches_its_json(self, imported_site):
        data = json.loads((imported_site / "data/conferences/archive/2022-Gothenburg.json").read_text())
        conference = ConferencePage.objects.get(year=2022, kind="annual")
        sessions = list(conference.sessions.live().order_by("sort_order", "pk"))
        assert [s.title for s in sessions] == [s["title"].strip() for s in data["sessions"]]
        plenaries = sessions[0]
        assert plenaries.chair == "San Cannon"
        keynote = plenaries.presentations.live().order_by("sort_order", "pk")[0]
        assert keynote.title == "Key Note 1: FAIR Everywhere?"
        assert keynote.video_id == "R7mH1L2ODDM"
        assert [(e.person.name, e.institution) for e in keynote.presenters.all()] == [
            ("Niklas Blomberg", "ELIXIR Europe")
        ]

    def test_every_programme_arrives_whole_in_its_conference(self, imported_site):
        laid_over = set(exports(imported_site))
        for path in sorted((imported_site / "data/conferences/archive").glob("*.json")):
            data = json.loads(path.read_text())
            conference = ConferencePage.objects.get(kind="annual", year=int(path.name[:4]))
            sessions = list(conference.sessions.live().order_by("sort_order", "pk"))
            if conference.year in laid_over:
                # The sessions as they ran; the presentations all there, in the JSON's order.
                titles = [p.title for s in sessions for p in s.presentations.live().order_by("sort_order", "pk")]
                source = [_collapsed(p["title"]) for s in data["sessions"] for p in s.get("presentations", [])]
                assert titles == [title for title in source if title], path.name
                continue
            assert [s.title for s in sessions] == [_collapsed(s["title"]) for s in data["sessions"]], path.name
            for session, source in zip(sessions, data["sessions"], strict=True):
                titled = [item for item in source.get("presentations", []) if _collapsed(item.get("title"))]
                assert [p.title for p in session.presentations.live().order_by("sort_order", "pk")] == [
                    _collapsed(item["title"]) for item in titled
                ], f"{path.name}: {session.title}"

    def test_a_youtube_id_typed_as_a_chair_shows_as_the_sessions_recording(self, client, imported_site):
        conference = ConferencePage.objects.get(year=2023, kind="annual")
        html = client.get(conference.url).content.decode()
        assert "Chair: H14qEdElzdI" not in html
        assert 'href="https://www.youtube.com/watch?v=H14qEdElzdI"' in html

    def test_an_event_pages_youtube_playlist_becomes_its_recordings_link(self, client, imported_site):
        playlist = re.compile(r"https://www\.youtube\.com/playlist\?list=[\w-]+")
        events = {
            folder.name: playlist.search((folder / "_index.md").read_text())
            for folder in (imported_site / "content/conferences").iterdir()
            if (folder / "_index.md").is_file()
        }
        found = {name: match.group() for name, match in events.items() if match}
        assert found, "some event page links its recordings"
        for slug, url in found.items():
            conference = ConferencePage.objects.get(slug=slug)
            assert conference.recordings_url == url
            assert f'href="{url}"' in client.get(conference.url).content.decode()

    def test_dois_arrive_on_their_presentation(self, imported_site):
        item = Presentation.objects.get(dois__doi="10.5281/zenodo.6620829")
        assert item.title.startswith("Data Skills Pathway")
        assert item.conference.year == 2022

    def test_1977_keeps_its_three_conferences(self, imported_site):
        assert ConferencePage.objects.filter(year=1977).count() == 3

    def test_early_conference_with_only_a_month_says_so(self, imported_site):
        copenhagen = ConferencePage.objects.get(year=1977, city="Copenhagen")
        assert copenhagen.date_precision == "month"
        assert copenhagen.date_display == "June 1977"

    def test_workshop_facts_come_from_the_landing_page_line(self, imported_site):
        entebbe = ConferencePage.objects.get(slug="iassist-africa-2026")
        assert entebbe.kind == "workshop"
        assert (entebbe.city, entebbe.country) == ("Entebbe", "Uganda")
        assert str(entebbe.start_date) == "2026-11-04"

    def test_conference_sub_pages_become_child_pages(self, client, imported_site):
        bristol = ConferencePage.objects.get(slug="iassist2025")
        children = {page.slug for page in bristol.get_children()}
        assert {"registration", "faq", "conference-schedule"} <= children
        assert client.get("/conferences/iassist2025/faq/").status_code == 200

    def test_a_banner_the_body_already_shows_is_not_shown_again_above_it(self, client, imported_site):
        bristol = ConferencePage.objects.get(slug="iassist2025")
        html = client.get(bristol.url).content.decode()
        assert bristol.image is None
        figures = [block for block in bristol.body if block.block_type == "image" and block.value["image"]]
        # One picture per figure of the body: no image of the page's own above them.
        assert html.count("<img") == len(figures)

    def test_a_banner_the_body_does_not_show_becomes_the_conference_image(self, imported_site):
        entebbe = ConferencePage.objects.get(url_path__endswith="/iassist-africa-2026/")
        assert "iassist-africa-workshop-flyer2026" in entebbe.image.file.name

    def test_draft_source_page_imports_as_a_draft(self, imported_site):
        draft = Page.objects.get(url_path__endswith="/iassist2026/maps-and-local-information/")
        assert not draft.live and draft.has_unpublished_changes

    def test_a_person_across_years_is_one_person(self, imported_site):
        people = Person.objects.filter(presenter_entries__presentation__conference__year__gte=2000).distinct()
        returning = [p for p in people if len({e.presentation.conference_id for e in p.presenter_entries.all()}) > 1]
        assert returning, "someone presented in more than one year"

    def test_biggest_programme_page_renders(self, client, imported_site):
        conference = max(ConferencePage.objects.all(), key=lambda page: page.presentations.count())
        response = client.get(conference.url)
        assert response.status_code == 200
        assert response.content.decode().count('class="presentation"') == conference.presentations.count()

    def test_the_search_index_is_current(self, imported_site):
        assert Presentation.objects.search("Blomberg").count() >= 1
        assert Person.objects.search("Blomberg").count() >= 1


class TestRedirects:
    def test_old_archive_url_answers_301_to_the_conference(self, client, imported_site):
        response = client.get("/conferences/archive/2022-gothenburg/")
        assert response.status_code == 301
        assert response["Location"] == "/conferences/iassist-sweden-2022/"

    def test_event_url_that_did_not_move_serves_the_page(self, client, imported_site):
        assert client.get("/conferences/iassist-sweden-2022/").status_code == 200

    def test_the_early_conference_list_leads_to_the_archive(self, client, imported_site):
        response = client.get("/conferences/1974-1999-conferences/")
        assert response.status_code == 301 and response["Location"] == "/conferences/archive/"

    def test_every_old_url_of_an_imported_page_leads_somewhere(self, client, imported_site):
        for redirect in Redirect.objects.all():
            response = client.get(redirect.old_path + "/")
            assert response.status_code in (301, 302), redirect.old_path


class TestReRuns:
    def test_second_run_changes_nothing_and_says_so(self, imported_site):
        before = row_counts()
        output = run_import(imported_site)
        assert "Nothing changed" in output
        assert row_counts() == before

    def test_changed_source_updates_only_that_page_through_a_new_revision(self, tree_copy):
        path = tree_copy / "content/conferences/iassist2027/_index.md"
        path.write_text(path.read_text() + "\n\nA sentence added for the test.\n")
        page = ConferencePage.objects.get(slug="iassist2027")
        revisions = page.revisions.count()
        output = run_import(tree_copy)
        assert "updated 1 pages" in output
        page.refresh_from_db()
        assert page.revisions.count() == revisions + 1
        assert "A sentence added for the test." in str(page.body)

    def test_a_changed_programme_keeps_its_rows_ids_and_an_editors_edit(self, tree_copy):
        path = tree_copy / "data/conferences/archive/2022-Gothenburg.json"
        data = json.loads(path.read_text())
        data["sessions"][0]["presentations"][0]["abstract"] = "Changed in the source for the test."
        added = {"title": "A talk added for the test", "presenters": [{"name": "Ann Green", "institution": "SND"}]}
        data["sessions"][1]["presentations"].insert(0, added)
        path.write_text(json.dumps(data))
        conference = ConferencePage.objects.get(year=2022, kind="annual")
        before = set(conference.presentations.values_list("pk", flat=True))
        edited = conference.presentations.get(title=_collapsed(data["sessions"][1]["presentations"][1]["title"]))
        edited.abstract = "Edited in the admin."
        edited.save_revision().publish()
        output = run_import(tree_copy)
        after = set(conference.presentations.values_list("pk", flat=True))
        assert before < after and len(after - before) == 1
        assert Presentation.objects.get(pk=edited.pk).abstract == "Edited in the admin."
        assert "created 1 presentations" in output and "conflict:" not in output

    def test_dry_run_reports_and_writes_nothing(self, tree_copy):
        path = tree_copy / "content/conferences/iassist2027/_index.md"
        path.write_text(path.read_text() + "\n\nA dry-run sentence.\n")
        before = row_counts()
        output = run_import(tree_copy, "--dry-run")
        assert "Dry run, nothing was written. Would have updated 1 pages" in output
        assert row_counts() == before
        assert "A dry-run sentence." not in str(ConferencePage.objects.get(slug="iassist2027").body)


class TestMessyContent:
    def test_each_messy_case_imports_with_one_warning(self, tree_copy):
        programme = tree_copy / "data/conferences/archive/2019-Sydney.json"
        data = json.loads(programme.read_text())
        data["favouriteColour"] = "teal"
        programme.write_text(json.dumps(data))
        page = tree_copy / "content/conferences/iassist2027/_index.md"
        page.write_text(
            page.read_text() + "\n\nSee [the old page](/conferences/no-such-page/).\n\n"
            '{{< figure src="/img/no-such-image.png" alt="Nothing" >}}\n'
        )
        output = run_import(tree_copy)
        warnings = [line for line in output.splitlines() if line.startswith("warning: ")]
        for clue in ("'favouriteColour'", "/conferences/no-such-page/", "/img/no-such-image.png"):
            assert len([line for line in warnings if clue in line]) == 1, clue
        assert summary(output)["warnings"] == len(warnings)
        assert "updated 1 pages" in output


class TestAtomicity:
    def test_broken_json_stops_the_import_naming_file_and_line(self, tree_copy):
        path = tree_copy / "data/conferences/archive/2019-Sydney.json"
        path.write_text(path.read_text()[:5000] + "\n{broken")
        before = row_counts()
        with pytest.raises(CommandError, match=r"data/conferences/archive/2019-Sydney\.json:\d+"):
            run_import(tree_copy)
        assert row_counts() == before

    def test_broken_front_matter_names_the_file(self, tree_copy):
        path = tree_copy / "content/conferences/iassist2025/faq.md"
        path.write_text('+++\ntitle = "FAQ\ndraft = false\n+++\nBody\n')
        with pytest.raises(CommandError, match=r"content/conferences/iassist2025/faq\.md"):
            run_import(tree_copy)

    def test_undecodable_text_names_the_file(self, tree_copy):
        path = tree_copy / "content/conferences/event-sponsorship.md"
        path.write_bytes(b"+++\ntitle = 'x'\n+++\n\xff\xfe broken")
        before = row_counts()
        with pytest.raises(CommandError, match=r"event-sponsorship\.md"):
            run_import(tree_copy)
        assert row_counts() == before

    def test_a_folder_that_is_not_a_hugo_site_is_refused(self, tmp_path, imported_site):
        with pytest.raises(CommandError, match="no content/ folder"):
            run_import(tmp_path)


def test_the_import_leaves_postgresql_with_statistics_of_the_search_index(imported_site):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("planner statistics are refreshed on PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'wagtailsearch_indexentry'")
        (rows,) = cursor.fetchone()
    assert rows > 0
