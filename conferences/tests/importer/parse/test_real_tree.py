"""The reading layer against the real Hugo tree at ../shared/iassist-hugo (skipped when absent)."""

import json
import re
import tomllib

import pytest

from conferences.blocks import ConferenceStreamBlock, NoticeContentBlock
from conferences.importer.parse.archive import archive_json_files, parse_archive_json, read_archive
from conferences.importer.parse.early import parse_early_conferences
from conferences.importer.parse.markdown import body_to_blocks
from conferences.importer.parse.netlify import parse_netlify_redirects
from conferences.importer.parse.source import conference_content_files, hugo_url, read_content_file
from conferences.zenodo import normalise_doi

from ..trees import HUGO_ROOT, SEED, require_hugo_tree

pytestmark = pytest.mark.shared

STREAM_KINDS = set(ConferenceStreamBlock().child_blocks)
NOTICE_KINDS = set(NoticeContentBlock().child_blocks)


@pytest.fixture(scope="module")
def root():
    return require_hugo_tree()


@pytest.fixture(scope="module")
def programmes(root):
    warnings = []
    return [parse_archive_json(root, relative, warnings) for relative in archive_json_files(root)]


def raw_programmes(root):
    return [json.loads((root / relative).read_text(encoding="utf-8")) for relative in archive_json_files(root)]


def raw_presentations(root):
    for data in raw_programmes(root):
        for session in data["sessions"]:
            for presentation in session["presentations"]:
                if presentation["title"].strip():
                    yield presentation


def raw_dois(presentation):
    values = presentation.get("doi") or []
    values = values if isinstance(values, list) else [values]
    values += [presenter.get("doix", "") for presenter in presentation["presenters"]]
    return {_repaired_doi(value.strip().rstrip("<")) for value in values if value} - {None}


def _repaired_doi(value):
    # A DOI that lost the 1 of its "10." prefix (2022 has one) is repaired by the import.
    return normalise_doi(value) or (normalise_doi(f"1{value}") if value.startswith("0.") else None)


def parsed_presentations(programmes):
    return [
        presentation
        for conference in programmes
        for session in conference.sessions
        for presentation in session.presentations
    ]


def test_every_archive_programme_parses(root, programmes):
    assert len(programmes) == len(list((root / "data/conferences/archive").glob("*.json"))) > 0


def test_sessions_match_the_raw_json(root, programmes):
    assert sum(len(c.sessions) for c in programmes) == sum(len(d["sessions"]) for d in raw_programmes(root))


def test_presentations_match_the_raw_json(root, programmes):
    assert len(parsed_presentations(programmes)) == len(list(raw_presentations(root)))


SPLIT = re.compile(r"names (\d+) people; each presents on their own")


def test_presenter_entries_match_the_raw_json_with_each_split_name_field_warned(root):
    warnings = []
    programmes = [parse_archive_json(root, relative, warnings) for relative in archive_json_files(root)]
    raw = sum(1 for p in raw_presentations(root) for presenter in p["presenters"] if presenter["name"].strip())
    # A name field holding several people ("A, B, C") becomes one entry each, and says so.
    extra = sum(int(match.group(1)) - 1 for warning in warnings if (match := SPLIT.search(str(warning))))
    assert extra > 0
    assert sum(len(p.presenters) for p in parsed_presentations(programmes)) == raw + extra


def test_distinct_dois_match_the_raw_json(root, programmes):
    expected = set().union(*(raw_dois(p) for p in raw_presentations(root)))
    parsed = {doi for p in parsed_presentations(programmes) for doi in p.dois}
    parsed |= {presenter.doi for p in parsed_presentations(programmes) for presenter in p.presenters if presenter.doi}
    assert parsed == expected


def test_the_2022_doi_that_lost_its_leading_1_is_repaired(programmes):
    assert "10.5281/zenodo.6772338" in {doi for p in parsed_presentations(programmes) for doi in p.dois}


def test_the_2023_chair_that_is_a_youtube_id_becomes_the_sessions_recording(programmes):
    philadelphia = next(conference for conference in programmes if conference.year == 2023)
    session = next(session for session in philadelphia.sessions if session.title == "Session F3")
    assert (session.chair, session.video_id) == ("", "H14qEdElzdI")


def test_each_repair_of_the_real_tree_is_warned_about_once(root):
    warnings = []
    for relative in archive_json_files(root):
        parse_archive_json(root, relative, warnings)
    counts = {clue: sum(clue in warning.message for warning in warnings) for clue in REPAIR_CLUES}
    assert counts == REPAIR_CLUES


REPAIR_CLUES = {
    "has lost the 1 of its 10. prefix": 1,  # 2022: 0.5281/zenodo.6772338
    "stray characters removed from DOI": 1,  # 2022: a trailing "<"
    "stored as the bare DOI": 1,  # 2023: a https://doi.org/ address
    "is a YouTube video id, not a name": 1,  # 2023: the chair of Session F3
    "conferenceYear '1900' contradicts": 1,  # 2025-Bristol.json
    "is a placeholder; left empty": 6,  # abstracts: "no abstract available" (4), "." and "n/a"
}


def test_every_archive_stub_finds_its_programme(root):
    pairs = read_archive(root, [])
    assert pairs and all(conference is not None for _, conference in pairs)
    assert all(stub["year"] == conference.year for stub, conference in pairs)


def test_every_content_file_parses_into_known_blocks(root):
    for relative in conference_content_files(root):
        page = read_content_file(root, relative)
        blocks = body_to_blocks(
            page.body,
            path=relative,
            warnings=[],
            page_url=hugo_url(relative, page.front_matter),
            static_root=root / "static",
            first_line=page.body_line,
        )
        assert {kind for kind, _ in blocks} <= STREAM_KINDS, relative
        for kind, value in blocks:
            if kind == "notice":
                assert {inner for inner, _ in value["content"]} <= NOTICE_KINDS, relative


def test_early_conferences_are_one_per_definition_list_entry(root):
    page = read_content_file(root, "content/conferences/1974-1999-conferences.md")
    lines = page.body.split("\n")
    terms = [
        line
        for line, following in zip(lines, lines[1:], strict=False)
        if line.strip() and not line.startswith(":") and following.startswith(":")
    ]
    conferences = parse_early_conferences(page, [])
    assert [c.title for c in conferences] == [term.split(":")[0].strip() for term in terms]
    assert len([c for c in conferences if c.year == 1977]) == 3


def test_early_conferences_have_honest_dates(root):
    conferences = parse_early_conferences(read_content_file(root, "content/conferences/1974-1999-conferences.md"), [])
    for conference in conferences:
        if conference.date_precision == "month":
            assert conference.start_date.day == 1 and conference.end_date is None
        if conference.date_precision == "day":
            assert conference.start_date <= conference.end_date
        assert conference.start_date is None or conference.start_date.year == conference.year


def test_every_netlify_redirect_is_kept(root):
    raw = tomllib.loads((root / "netlify.toml").read_text(encoding="utf-8"))
    assert len(parse_netlify_redirects(root, [])) == len(raw.get("redirects", []))


def landing_blocks(path):
    page = read_content_file(path.parent, path.name)
    warnings = []
    blocks = body_to_blocks(page.body, path=path.name, warnings=warnings)
    return page, blocks, warnings


def heading(text, level):
    return ("heading", {"text": text, "level": level})


def paragraphs_of(body_part):
    """Paragraph texts of a stretch of the markdown source, with its bold and links removed."""
    chunks = [re.sub(r"\s+", " ", chunk).strip() for chunk in body_part.split("\n\n")]
    return [re.sub(r"\*\*|\[|\]\([^)]*\)", "", chunk) for chunk in chunks if chunk]


def text_of(markup):
    return re.sub(r"<[^>]+>", "", markup)


def test_the_seed_landing_page_comes_out_exactly(root):
    if not SEED.is_file():
        pytest.skip(f"the seed {SEED} is absent")
    page, blocks, warnings = landing_blocks(SEED)
    assert warnings == []
    assert [kind for kind, _ in blocks] == [
        "heading", "paragraph", "notice", "notice", "heading", "paragraph", "event_buttons", "paragraph",
        "heading", "paragraph", "event_buttons", "heading", "paragraph",
    ]  # fmt: skip
    assert blocks[0] == heading("Annual IASSIST Conference", "h2")
    intro = page.body.split("## Annual IASSIST Conference")[1].split("<div")[0]
    assert [text_of(p) for p in re.findall(r"<p>.*?</p>", blocks[1][1])] == paragraphs_of(intro)
    assert (
        '<strong>Please familiarize yourself with the <a href="/community/code-of-conduct">Code of Conduct</a>'
        in blocks[1][1]
    )
    assert blocks[2] == (
        "notice",
        {"scheme": "highlight", "content": [heading("Forthcoming and Recent Conferences", "h2")]},
    )
    assert blocks[3] == (
        "notice",
        {
            "scheme": "panel",
            "content": [
                heading("2023 IASSIST Events", "h3"),
                ("paragraph", "<p>We expect the details of the 2023 conference to be announced soon.</p>"),
            ],
        },
    )
    assert blocks[4] == heading("2022 IASSIST Events", "h3")
    assert blocks[5] == ("paragraph", "<p>Conference was arranged as a hybrid event in Gothenburg, Sweden.</p>")
    assert blocks[6] == (
        "event_buttons",
        [{"label": "IASSIST 2022, Sweden", "href": "./iassist-sweden-2022/", "new_tab": False}],
    )
    assert blocks[7] == ("paragraph", "<p><strong>Presentations are available on Zenodo</strong></p>")
    assert blocks[8] == heading("2021 IASSIST Events", "h3")
    assert blocks[9][1].count("<p>") == 2 and "<strong>main conference was virtual" in blocks[9][1]
    assert blocks[10] == (
        "event_buttons",
        [
            {"label": "Global Virtual Conference", "href": "./iassist-virtual-2021/", "new_tab": False},
            {"label": "Africa Workshop", "href": "./iassist-africa-2021/", "new_tab": False},
        ],
    )
    assert blocks[11] == heading("Past Conferences", "h3")
    assert blocks[12] == (
        "paragraph",
        '<p><strong><a href="/conferences/archive">Conference Archive</a></strong> '
        "captures the rich history of IASSIST conferences.</p>",
    )


def test_the_conferences_landing_page_comes_out_exactly(root):
    page, blocks, warnings = landing_blocks(HUGO_ROOT / "content" / "conferences" / "_index.md")
    assert warnings == []
    assert blocks[0] == heading("IASSIST Annual Conference and Regional Events", "h2")
    assert blocks[1][0] == "paragraph" and blocks[1][1].count("<p>") == 4
    assert '<a href="/community/code-of-conduct">Code of Conduct</a>' in blocks[1][1]
    assert blocks[2] == (
        "notice",
        {"scheme": "highlight", "content": [heading("Forthcoming and Recent Conferences", "h2")]},
    )
    scheme, panel = blocks[3][1]["scheme"], blocks[3][1]["content"]
    assert (blocks[3][0], scheme) == ("notice", "panel")
    assert [kind for kind, _ in panel] == [
        "heading", "heading", "paragraph", "event_buttons",
        "heading", "heading", "paragraph", "event_buttons", "heading", "paragraph", "event_buttons",
    ]  # fmt: skip
    assert panel[0] == heading("2027 IASSIST Events", "h3")
    assert panel[3] == (
        "event_buttons",
        [{"label": "IASSIST 2027 Conference website", "href": "./iassist2027/", "new_tab": False}],
    )
    assert panel[4] == heading("2026 IASSIST Events", "h3")
    assert not any("iassist-africa-2027" in str(value) for _, value in panel), "the commented-out 2027 workshop"
    after_panel = blocks[4:]
    assert [kind for kind, _ in after_panel] == [
        "heading", "heading", "paragraph", "event_buttons", "heading", "paragraph", "event_buttons",
        "heading", "paragraph", "heading",
        "paragraph", "event_buttons", "paragraph", "event_buttons",
        "paragraph", "event_buttons", "paragraph", "event_buttons",
    ]  # fmt: skip
    assert after_panel[0] == heading("2025 IASSIST Events", "h3")
    assert after_panel[3] == (
        "event_buttons",
        [{"label": "IASSIST 2025 Conference website", "href": "./iassist2025/", "new_tab": False}],
    )
    assert after_panel[7] == heading("Past Conferences", "h3")
    assert after_panel[8][1].startswith(
        '<p><strong><a href="/conferences/archive">Conference Archive</a></strong> captures'
    )
    assert after_panel[9] == heading("Past Africa Workshops", "h4")
    workshop_buttons = [value[0]["href"] for kind, value in after_panel[10:] if kind == "event_buttons"]
    assert workshop_buttons == [f"./iassist-africa-{year}/" for year in (2024, 2023, 2022, 2021)]
