import datetime
import json

import pytest

from conferences.importer.errors import SourceError
from conferences.importer.parse.archive import (
    ArchiveConference,
    archive_stub,
    check_ordinals,
    conference_theme,
    datalink_to_data_path,
    parse_archive_json,
    read_archive,
)
from conferences.importer.parse.source import read_content_file

from ..trees import write_file

ARCHIVE = "data/conferences/archive"


def conference(**overrides):
    data = {
        "conferenceYear": "2022",
        "title": "IASSIST 2022: Data by Design",
        "host": "SND",
        "city": "Gothenburg",
        "dateText": "June 7-10, 2022",
        "startDate": "2022-06-07",
        "endDate": "2022-06-10",
        "conferenceNum": "47",
        "conferenceUrl": "https://iassist2022.org/",
        "sessions": [],
    }
    data.update(overrides)
    return data


def session(*presentations, **overrides):
    return {"title": "Session A1", "day": "June 8, 2022", "chair": "Chair", "presentations": list(presentations)} | (
        overrides
    )


def presentation(**overrides):
    return {"title": "A talk", "abstract": "", "doi": "", "presenters": [{"name": "Ann", "institution": "X"}]} | (
        overrides
    )


def parse(tmp_path, data, name="2022-Gothenburg.json"):
    warnings = []
    write_file(tmp_path, f"{ARCHIVE}/{name}", json.dumps(data) if not isinstance(data, str) else data)
    return parse_archive_json(tmp_path, f"{ARCHIVE}/{name}", warnings), warnings


def only_presentation(result):
    return result.sessions[0].presentations[0]


def test_a_programme_is_read_into_records(tmp_path):
    data = conference(sessions=[session(presentation(doi="10.5281/zenodo.6624093", video="YNsXkIGb0oY"))])
    result, warnings = parse(tmp_path, data)
    assert isinstance(result, ArchiveConference)
    assert (result.year, result.ordinal, result.theme, result.city) == (2022, 47, "Data by Design", "Gothenburg")
    assert (result.start_date, result.end_date) == (datetime.date(2022, 6, 7), datetime.date(2022, 6, 10))
    talk = only_presentation(result)
    assert (talk.title, talk.dois, talk.video_id) == ("A talk", ["10.5281/zenodo.6624093"], "YNsXkIGb0oY")
    assert [(p.name, p.institution, p.doi) for p in talk.presenters] == [("Ann", "X", "")]
    assert warnings == []


def test_broken_json_names_the_file_and_line(tmp_path):
    with pytest.raises(SourceError) as raised:
        parse(tmp_path, '{\n  "title": "x",\n  "sessions": [\n}\n')
    assert raised.value.path == f"{ARCHIVE}/2022-Gothenburg.json"
    assert raised.value.line == 4
    assert "broken JSON" in str(raised.value)


def test_json_whose_top_level_is_not_an_object_is_an_error(tmp_path):
    with pytest.raises(SourceError, match="not an object"):
        parse(tmp_path, "[1, 2]")


def test_json_that_is_not_utf8_is_an_error(tmp_path):
    write_file(tmp_path, f"{ARCHIVE}/2022-X.json", '{"title": "Qu\xe9bec"}'.encode("latin-1"))
    with pytest.raises(SourceError, match="not UTF-8"):
        parse_archive_json(tmp_path, f"{ARCHIVE}/2022-X.json", [])


@pytest.mark.parametrize(
    ("doi", "expected"),
    [
        ("", []),
        ("10.5281/ZENODO.1", ["10.5281/zenodo.1"]),
        (["10.5281/zenodo.1", "10.5281/zenodo.2"], ["10.5281/zenodo.1", "10.5281/zenodo.2"]),
        (
            "10.5281/zenodo.1 10.5281/zenodo.2; 10.5281/zenodo.3,10.5281/zenodo.1",
            [f"10.5281/zenodo.{n}" for n in (1, 2, 3)],
        ),
    ],
)
def test_bare_dois_are_read_from_every_list_normalised_and_deduplicated(tmp_path, doi, expected):
    result, warnings = parse(tmp_path, conference(sessions=[session(presentation(doi=doi))]))
    assert only_presentation(result).dois == expected
    assert warnings == []


def dois_and_warnings(tmp_path, doi):
    result, warnings = parse(tmp_path, conference(sessions=[session(presentation(doi=doi))]))
    return only_presentation(result).dois, [warning.message for warning in warnings]


@pytest.mark.parametrize(
    "doi",
    [
        "https://doi.org/10.5281/zenodo.8229483",
        "http://dx.doi.org/10.5281/zenodo.8229483",
        "doi: 10.5281/zenodo.8229483",
    ],
)
def test_a_doi_written_as_a_link_or_with_a_prefix_is_stored_bare_with_a_warning(tmp_path, doi):
    dois, warnings = dois_and_warnings(tmp_path, doi)
    assert dois == ["10.5281/zenodo.8229483"]
    assert len(warnings) == 1 and "stored as the bare DOI 10.5281/zenodo.8229483" in warnings[0]


def test_a_doi_that_lost_the_1_of_its_prefix_is_repaired_with_a_warning(tmp_path):
    dois, warnings = dois_and_warnings(tmp_path, "0.5281/zenodo.6772338")
    assert dois == ["10.5281/zenodo.6772338"]
    assert warnings == [
        "presentation 'A talk': DOI '0.5281/zenodo.6772338' has lost the 1 of its 10. prefix; "
        "repaired to 10.5281/zenodo.6772338"
    ]


def test_text_that_is_no_doi_is_dropped_with_a_warning(tmp_path):
    dois, warnings = dois_and_warnings(tmp_path, "zenodo 6772338")
    assert dois == []
    assert len(warnings) == 2 and all("is not a DOI; dropped" in warning for warning in warnings)


@pytest.mark.parametrize("doi", ["10.5281/zenodo.6624093<", "(10.5281/zenodo.6624093)", "10.5281/zenodo.6624093."])
def test_a_doi_with_stray_characters_is_repaired_with_a_warning(tmp_path, doi):
    dois, warnings = dois_and_warnings(tmp_path, doi)
    assert dois == ["10.5281/zenodo.6624093"]
    assert len(warnings) == 1 and "stray characters removed" in warnings[0]


def test_a_presenters_own_doi_is_read_from_doix(tmp_path):
    presenters = [{"name": "Jon Johnson", "institution": "UCL", "doix": "10.5281/zenodo.8001540"}]
    result, _ = parse(tmp_path, conference(sessions=[session(presentation(presenters=presenters))]))
    assert only_presentation(result).presenters[0].doi == "10.5281/zenodo.8001540"


def test_the_misspelt_moserator_key_is_read_as_the_moderator_with_a_warning(tmp_path):
    result, warnings = parse(tmp_path, conference(sessions=[session(moserator="Jane Moderator")]))
    assert result.sessions[0].moderator == "Jane Moderator"
    assert len(warnings) == 1 and "moserator" in warnings[0].message


def test_an_unknown_key_is_reported_once_per_file(tmp_path):
    sessions = [session(presentation(colour="red"), presentation(colour="blue")), session(colour="green")]
    _, warnings = parse(tmp_path, conference(sessions=sessions, flavour="x"))
    messages = sorted(warning.message for warning in warnings)
    assert len(messages) == 2
    assert "'colour'" in messages[0] and "'flavour'" in messages[1]


def test_legacy_cms_keys_are_known_and_ignored_quietly(tmp_path):
    data = conference(oldPath="/conference/2003", nid="1", postDate="2011-02-02 09:54:16 -0700")
    data["sessions"] = [session(presentation(files=[{"path": "a.pdf"}], nid="2", sessNid="3"), webcastLink="x")]
    result, warnings = parse(tmp_path, data)
    assert warnings == []
    assert only_presentation(result).title == "A talk"


def test_html_abstracts_become_plain_text_with_paragraph_breaks(tmp_path):
    abstract = "<p>First  part of\n   the text &amp; more.</p><p><em>Second</em><br />line</p>"
    result, _ = parse(tmp_path, conference(sessions=[session(presentation(abstract=abstract))]))
    assert only_presentation(result).abstract == "First part of the text & more.\n\nSecond\nline"


def test_entities_in_plain_abstracts_are_decoded_but_ampersands_kept(tmp_path):
    abstract = "Data&nbsp;sharing at AT&T &eacute;t&eacute;\nsecond line  "
    result, _ = parse(tmp_path, conference(sessions=[session(presentation(abstract=abstract))]))
    assert only_presentation(result).abstract == "Data sharing at AT&T été\nsecond line"


@pytest.mark.parametrize(
    "placeholder", ["no abstract available", "n/a", "N/A", ".", "...", "–", "TBA", "No abstract."]
)
def test_placeholder_abstracts_are_empty_with_a_warning(tmp_path, placeholder):
    result, warnings = parse(tmp_path, conference(sessions=[session(presentation(abstract=placeholder))]))
    assert only_presentation(result).abstract == ""
    assert [warning.message for warning in warnings] == [
        f"presentation 'A talk': abstract {placeholder!r} is a placeholder; left empty"
    ]


def test_an_empty_abstract_is_no_placeholder(tmp_path):
    result, warnings = parse(tmp_path, conference(sessions=[session(presentation(abstract="  "))]))
    assert only_presentation(result).abstract == "" and warnings == []


def test_a_short_abstract_with_words_is_kept(tmp_path):
    result, warnings = parse(tmp_path, conference(sessions=[session(presentation(abstract="Nota bene."))]))
    assert only_presentation(result).abstract == "Nota bene." and warnings == []


def test_a_placeholder_session_description_is_empty_with_a_warning(tmp_path):
    result, warnings = parse(tmp_path, conference(sessions=[session(abstract="tbd")]))
    assert result.sessions[0].description == ""
    assert [warning.message for warning in warnings] == [
        "session 'Session A1': description 'tbd' is a placeholder; left empty"
    ]


def test_a_placeholder_institution_is_empty_with_a_warning(tmp_path):
    presenters = [{"name": "Ann", "institution": "n/a"}]
    result, warnings = parse(tmp_path, conference(sessions=[session(presentation(presenters=presenters))]))
    assert only_presentation(result).presenters[0].institution == ""
    assert [warning.message for warning in warnings] == [
        "presentation 'A talk': institution 'n/a' of presenter 'Ann' is a placeholder; left empty"
    ]


def test_a_youtube_id_given_as_the_chair_becomes_the_sessions_recording(tmp_path):
    result, warnings = parse(tmp_path, conference(sessions=[session(chair="H14qEdElzdI")]))
    assert (result.sessions[0].chair, result.sessions[0].video_id) == ("", "H14qEdElzdI")
    assert [warning.message for warning in warnings] == [
        "session 'Session A1': chair 'H14qEdElzdI' is a YouTube video id, not a name; moved to the session's recording"
    ]


def test_a_youtube_id_given_as_the_chair_does_not_replace_the_sessions_recording(tmp_path):
    result, warnings = parse(tmp_path, conference(sessions=[session(chair="H14qEdElzdI", video="R7mH1L2ODDM")]))
    assert (result.sessions[0].chair, result.sessions[0].video_id) == ("", "R7mH1L2ODDM")
    assert len(warnings) == 1 and "left out of chair" in warnings[0].message


def test_a_youtube_id_given_as_the_moderator_is_taken_out_of_the_moderator(tmp_path):
    result, warnings = parse(tmp_path, conference(sessions=[session(moderator="H14qEdElzdI")]))
    assert (result.sessions[0].moderator, result.sessions[0].video_id) == ("", "H14qEdElzdI")
    assert len(warnings) == 1


@pytest.mark.parametrize("name", ["Christopher", "Jane Fisher", "McDonald"])
def test_a_chair_whose_name_could_pass_for_an_id_is_kept(tmp_path, name):
    result, warnings = parse(tmp_path, conference(sessions=[session(chair=name)]))
    assert result.sessions[0].chair == name and warnings == []


def test_names_and_titles_have_their_whitespace_collapsed(tmp_path):
    presenters = [
        {"name": "  Vigdis   Kvalheim\t", "institution": " NSD "},
        {"name": "Shawn Sobers,", "institution": ""},
    ]
    talk = presentation(title="  A\n  long   title ", presenters=presenters)
    result, _ = parse(tmp_path, conference(sessions=[session(talk)]))
    record = only_presentation(result)
    assert record.title == "A long title"
    assert [(p.name, p.institution) for p in record.presenters] == [
        ("Vigdis Kvalheim", "NSD"),
        ("Shawn Sobers", ""),
    ]


def test_presenters_without_names_are_dropped_with_a_warning(tmp_path):
    presenters = [{"name": "", "institution": "n/a"}, {"name": "Ann", "institution": None}]
    result, warnings = parse(tmp_path, conference(sessions=[session(presentation(presenters=presenters))]))
    assert [(p.name, p.institution) for p in only_presentation(result).presenters] == [("Ann", "")]
    assert len(warnings) == 1 and "without a name" in warnings[0].message


def test_a_name_repeating_the_institution_loses_the_repetition(tmp_path):
    presenters = [{"name": "Bill Block, University of Minnesota", "institution": "University of Minnesota"}]
    result, warnings = parse(tmp_path, conference(sessions=[session(presentation(presenters=presenters))]))
    assert only_presentation(result).presenters[0].name == "Bill Block"
    assert warnings == []


def test_a_file_writing_surname_first_is_turned_round_with_one_warning(tmp_path):
    names = [f"Surname{n}, Given{n}" for n in range(12)]
    talks = [
        presentation(title=f"Talk {n}", presenters=[{"name": name, "institution": "X"}])
        for n, name in enumerate(names)
    ]
    result, warnings = parse(tmp_path, conference(sessions=[session(*talks)]))
    assert result.sessions[0].presentations[0].presenters[0].name == "Given0 Surname0"
    assert len(warnings) == 1 and "Surname, Given" in warnings[0].message


def test_two_people_in_one_name_become_two_presenters_with_a_warning(tmp_path):
    presenters = [{"name": "Hayley Mills, Jon Johnson", "institution": "UCL"}]
    result, warnings = parse(tmp_path, conference(sessions=[session(presentation(presenters=presenters))]))
    assert [p.name for p in only_presentation(result).presenters] == ["Hayley Mills", "Jon Johnson"]
    assert len(warnings) == 1 and "2 people" in warnings[0].message


def test_a_single_name_with_a_comma_is_kept_with_a_warning(tmp_path):
    presenters = [{"name": "T.E, Raghunathan", "institution": "University of Michigan"}]
    result, warnings = parse(tmp_path, conference(sessions=[session(presentation(presenters=presenters))]))
    assert only_presentation(result).presenters[0].name == "T.E, Raghunathan"
    assert len(warnings) == 1 and "kept as written" in warnings[0].message


def test_presentations_without_titles_are_skipped_with_a_warning(tmp_path):
    result, warnings = parse(tmp_path, conference(sessions=[session(presentation(title="  "), presentation())]))
    assert [p.title for p in result.sessions[0].presentations] == ["A talk"]
    assert len(warnings) == 1 and "without a title" in warnings[0].message


def test_invalid_video_ids_are_dropped_with_a_warning(tmp_path):
    result, warnings = parse(tmp_path, conference(sessions=[session(presentation(video="not a video"), video="abc")]))
    assert result.sessions[0].video_id == "" and only_presentation(result).video_id == ""
    assert len(warnings) == 2


def test_a_video_id_with_share_parameters_keeps_the_id_with_a_warning(tmp_path):
    result, warnings = parse(
        tmp_path, conference(sessions=[session(presentation(video="ePquFsyi8BM?si=tBtiOm1DHT42-m1g"))])
    )
    assert only_presentation(result).video_id == "ePquFsyi8BM"
    assert len(warnings) == 1


def test_youtube_addresses_are_reduced_to_their_id(tmp_path):
    result, warnings = parse(tmp_path, conference(sessions=[session(video="https://youtu.be/YNsXkIGb0oY")]))
    assert result.sessions[0].video_id == "YNsXkIGb0oY"
    assert warnings == []


@pytest.mark.parametrize(("number", "expected"), [("47", 47), ("47th", 47), (" 1st ", 1), (47, 47), ("", None)])
def test_ordinals_are_read_from_numbers_and_ordinal_words(tmp_path, number, expected):
    result, warnings = parse(tmp_path, conference(conferenceNum=number))
    assert result.ordinal == expected
    assert warnings == []


def test_an_unreadable_ordinal_is_empty_with_a_warning(tmp_path):
    result, warnings = parse(tmp_path, conference(conferenceNum="forty-seventh"))
    assert result.ordinal is None
    assert len(warnings) == 1 and "conferenceNum" in warnings[0].message


def test_ordinals_that_disagree_with_the_others_are_reported():
    def numbered(year, ordinal):
        return ArchiveConference(f"{year}.json", year, "", "", "", "", "", None, None, ordinal, "", [])

    conferences = [numbered(2000, 36), numbered(2001, 37), numbered(2003, 29), numbered(2004, 30)]
    conferences += [numbered(2010, 36), numbered(2019, 45), numbered(2021, 46), numbered(2022, 47)]
    warnings = []
    disagreeing = check_ordinals(conferences, warnings)
    assert [c.year for c in disagreeing] == [2000, 2001]
    assert len(warnings) == 2 and "disagrees" in warnings[0].message


def test_the_file_name_year_wins_over_a_mistyped_conference_year(tmp_path):
    data = conference(conferenceYear="1900", startDate="2025-06-03", endDate="2025-06-06", dateText="June 3-6, 2025")
    result, warnings = parse(tmp_path, data, name="2025-Bristol.json")
    assert result.year == 2025
    assert [warning.message for warning in warnings] == [
        "conferenceYear '1900' contradicts the file name and the startDate; 2025 used"
    ]


def test_without_a_year_in_the_file_name_the_dates_win_over_a_mistyped_conference_year(tmp_path):
    data = conference(conferenceYear="1900", startDate="2025-06-03", endDate="2025-06-06", dateText="June 3-6, 2025")
    result, warnings = parse(tmp_path, data, name="Bristol.json")
    assert result.year == 2025
    assert [warning.message for warning in warnings] == ["conferenceYear '1900' contradicts the startDate; 2025 used"]


def test_impossible_iso_dates_are_replaced_by_the_written_dates(tmp_path):
    result, warnings = parse(tmp_path, conference(startDate="2022-06-07", endDate="2021-06-10"))
    assert (result.start_date, result.end_date) == (datetime.date(2022, 6, 7), datetime.date(2022, 6, 10))
    assert len(warnings) == 1 and "impossible for 2022" in warnings[0].message


def test_written_dates_without_a_year_use_the_conference_year(tmp_path):
    result, warnings = parse(tmp_path, conference(startDate="", endDate="", dateText="June 7-10"))
    assert (result.start_date, result.end_date) == (datetime.date(2022, 6, 7), datetime.date(2022, 6, 10))
    assert len(warnings) == 1


def test_iso_dates_that_disagree_with_the_written_ones_are_kept_with_a_warning(tmp_path):
    result, warnings = parse(tmp_path, conference(startDate="2022-06-06"))
    assert result.start_date == datetime.date(2022, 6, 6)
    assert len(warnings) == 1 and "disagree" in warnings[0].message


@pytest.mark.parametrize(
    ("title", "theme"),
    [
        (
            "IASSIST 2022: Data by Design: Building a Sustainable Data Culture",
            "Data by Design: Building a Sustainable Data Culture",
        ),
        ("IASSIST 2001-A data odyssey", "A data odyssey"),
        ("IASSIST 2025: IASSIST at 50! Bridging oceans", "IASSIST at 50! Bridging oceans"),
        ("Strength in Numbers", "Strength in Numbers"),
        ("IASSIST Global Virtual Conference 2021", ""),
    ],
)
def test_the_theme_is_the_title_without_the_iassist_year_prefix(title, theme):
    assert conference_theme(title) == theme


def test_an_archive_stub_names_its_programme_file(tmp_path):
    stub_text = (
        '+++\nyear = "2022"\ndraft = "false"\ntitle = "IASSIST 2022 Conference Archive"\n'
        'location = "Gothenburg, Sweden"\t\ndatalink = "/data/conferences/archive/2022-Gothenburg.json"\n'
        'type = "conferences-archive"\n+++\n'
    )
    write_file(tmp_path, "content/conferences/archive/2022-Gothenburg.md", stub_text)
    stub = archive_stub(read_content_file(tmp_path, "content/conferences/archive/2022-Gothenburg.md"))
    assert stub["year"] == 2022
    assert stub["location"] == "Gothenburg, Sweden"
    assert stub["data_path"] == "data/conferences/archive/2022-Gothenburg.json"
    assert datalink_to_data_path("/data/conferences/archive/X.json") == "data/conferences/archive/X.json"


def test_read_archive_pairs_stubs_with_programmes_and_reports_orphans(tmp_path):
    stub_text = '+++\nyear = "2022"\ntitle = "IASSIST 2022"\ndatalink = "/data/conferences/archive/{}.json"\n+++\n'
    write_file(tmp_path, "content/conferences/archive/2022-Gothenburg.md", stub_text.format("2022-Gothenburg"))
    write_file(tmp_path, "content/conferences/archive/2024-Halifax.md", stub_text.format("2024-Halifax"))
    write_file(tmp_path, f"{ARCHIVE}/2022-Gothenburg.json", json.dumps(conference()))
    write_file(
        tmp_path, f"{ARCHIVE}/2019-Sydney.json", json.dumps(conference(conferenceYear="2019", conferenceNum="45"))
    )
    warnings = []
    pairs = read_archive(tmp_path, warnings)
    assert [(stub["year"], result and result.year) for stub, result in pairs] == [(2022, 2022), (2022, None)]
    assert sorted(
        warning.path for warning in warnings if "stub" in warning.message or "datalink" in warning.message
    ) == [
        "content/conferences/archive/2024-Halifax.md",
        f"{ARCHIVE}/2019-Sydney.json",
    ]
