"""bench/synthetic_archive.py: archives k times the real one, from its own records, that the importer accepts."""

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from bench.scale import parse_args
from bench.synthetic_archive import (
    ARCHIVE_CONTENT,
    ARCHIVE_DATA,
    FIRST_SYNTHETIC_YEAR,
    SYNTHETIC_YEARS,
    build_tree,
    read_real_archive,
)
from conferences.models import ConferencePage, PresentationDOI

SYNTHETIC_DOI = re.compile(r"^10\.5281/zenodo\.\d{8,}$")


def files_of(tree):
    return {path.relative_to(tree): path.read_bytes() for path in sorted(Path(tree).rglob("*")) if path.is_file()}


def synthetic_programmes(tree):
    return {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in (Path(tree) / ARCHIVE_DATA).glob("*.json")
        if int(path.name[:4]) <= FIRST_SYNTHETIC_YEAR
    }


def presentations_of(programme):
    return [talk for session in programme["sessions"] for talk in session["presentations"]]


def test_the_same_seed_writes_the_same_tree(hugo_tree, tmp_path):
    build_tree(hugo_tree, tmp_path / "a", 0.02, seed=7)
    build_tree(hugo_tree, tmp_path / "b", 0.02, seed=7)
    assert files_of(tmp_path / "a") == files_of(tmp_path / "b")


def test_another_seed_writes_other_records(hugo_tree, tmp_path):
    build_tree(hugo_tree, tmp_path / "a", 0.02, seed=7)
    build_tree(hugo_tree, tmp_path / "b", 0.02, seed=8)
    assert files_of(tmp_path / "a") != files_of(tmp_path / "b")


def test_a_share_below_one_holds_that_share_of_the_presentations(hugo_tree, tmp_path):
    made = build_tree(hugo_tree, tmp_path / "tree", 0.02)
    expected = round(0.02 * read_real_archive(hugo_tree).presentations)
    [programme] = synthetic_programmes(tmp_path / "tree").values()
    assert made["presentations"] == len(presentations_of(programme)) == expected


def test_twice_the_archive_adds_one_copy_of_each_programme_in_years_before_the_first(hugo_tree, tmp_path):
    real = read_real_archive(hugo_tree)
    made = build_tree(hugo_tree, tmp_path / "tree", 2)
    copies = synthetic_programmes(tmp_path / "tree")
    assert made["conferences"] == len(copies) == len(real.programmes)
    assert sorted(int(name[:4]) for name in copies) == list(range(FIRST_SYNTHETIC_YEAR - len(copies) + 1, 1974))
    assert made["presentations"] == real.presentations
    assert files_of(hugo_tree / ARCHIVE_DATA).keys() <= files_of(tmp_path / "tree" / ARCHIVE_DATA).keys()


def test_copies_recombine_the_real_words_and_give_new_unique_dois(hugo_tree, tmp_path):
    real = read_real_archive(hugo_tree)
    build_tree(hugo_tree, tmp_path / "tree", 2)
    talks = [
        talk for programme in synthetic_programmes(tmp_path / "tree").values() for talk in presentations_of(programme)
    ]
    dois = [doi for talk in talks for doi in ([talk["doi"]] if isinstance(talk["doi"], str) else talk["doi"]) if doi]
    assert dois and all(SYNTHETIC_DOI.match(doi) for doi in dois)
    assert len(dois) == len(set(dois))
    real_talks = [talk for _, _, programme in real.programmes for talk in presentations_of(programme)]
    real_words = {word for talk in real_talks for word in str(talk.get("title") or "").split()}
    assert all(set(talk["title"].split()) <= real_words for talk in talks if talk["title"])
    assert len({talk["title"] for talk in talks}) > 0.9 * len(talks)


def test_more_copies_than_years_share_a_year(hugo_tree, tmp_path, monkeypatch):
    monkeypatch.setattr("bench.synthetic_archive.SYNTHETIC_YEARS", 5)
    real = read_real_archive(hugo_tree)
    made = build_tree(hugo_tree, tmp_path / "tree", 2)
    assert made["conferences"] == 5
    assert made["presentations"] == real.presentations
    assert SYNTHETIC_YEARS == FIRST_SYNTHETIC_YEAR - 1000 + 1


@pytest.mark.parametrize("scale", [0, -1])
def test_a_scale_that_is_not_positive_is_refused(hugo_tree, tmp_path, scale):
    with pytest.raises(ValueError, match="positive"):
        build_tree(hugo_tree, tmp_path / "tree", scale)


def test_a_tree_without_programmes_is_refused(tmp_path):
    (tmp_path / "real" / ARCHIVE_CONTENT).mkdir(parents=True)
    with pytest.raises(ValueError, match="no programme"):
        build_tree(tmp_path / "real", tmp_path / "tree", 0.5)


@pytest.mark.django_db
def test_the_importer_accepts_a_small_synthetic_tree(home_page, hugo_tree, tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    made = build_tree(hugo_tree, tmp_path / "tree", 0.02)
    output = StringIO()
    call_command("import_hugo", str(tmp_path / "tree"), verbosity=1, stdout=output)
    conference = ConferencePage.objects.get(year=FIRST_SYNTHETIC_YEAR)
    assert conference.live
    assert conference.presentations.count() == made["presentations"]
    dois = PresentationDOI.objects.filter(presentation__conference=conference).values_list("doi", flat=True)
    assert dois and all(SYNTHETIC_DOI.match(doi) for doi in dois)
    assert f"presentations={made['presentations']} " in output.getvalue()


@pytest.mark.parametrize(
    "argv",
    [["--scales", "abc"], ["--scales", "0"], ["--scales", ""], ["--scales", "1,-10"], ["--scales", "1e9"],
     ["--databases", "mysql"], ["--databases", ","], ["--repeat", "0"]],
)  # fmt: skip
def test_the_benchmark_refuses_bad_options(argv, capsys):
    with pytest.raises(SystemExit) as stopped:
        parse_args(argv)
    assert stopped.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_the_benchmark_reads_its_options():
    args = parse_args(["--scales", "10,1,10", "--databases", "postgres", "--seed", "3"])
    assert (args.scales, args.databases, args.seed) == ([1.0, 10.0], ["postgres"], 3)
