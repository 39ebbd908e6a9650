import pytest

from conferences.zenodo import NotAZenodoTarget, normalise_doi, parse_zenodo


@pytest.mark.parametrize(
    ("pasted", "expected"),
    [
        (
            "https://zenodo.org/communities/iassist-2022/search?page=1&size=20",
            "https://zenodo.org/communities/iassist-2022",
        ),
        ("https://zenodo.org/communities/iassist-2022", "https://zenodo.org/communities/iassist-2022"),
        ("zenodo.org/communities/IASSIST-2022/", "https://zenodo.org/communities/iassist-2022"),
        ("https://zenodo.org/records/123", "https://zenodo.org/records/123"),
        ("https://zenodo.org/record/6620829#.YrB", "https://zenodo.org/records/6620829"),
        ("https://doi.org/10.5281/zenodo.123", "https://doi.org/10.5281/zenodo.123"),
        ("http://dx.doi.org/10.5281/ZENODO.123", "https://doi.org/10.5281/zenodo.123"),
        ("10.5281/zenodo.123", "https://doi.org/10.5281/zenodo.123"),
        ("  doi:10.5281/zenodo.123  ", "https://doi.org/10.5281/zenodo.123"),
    ],
)
def test_accepts_what_editors_paste_and_normalises_it(pasted, expected):
    assert parse_zenodo(pasted).url == expected


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "   ",
        "https://example.org/communities/iassist-2022",
        "https://zenodo.org/",
        "https://zenodo.org/search?q=iassist",
        "javascript:alert(1)",
        "ftp://zenodo.org/records/1",
        "<script>alert(1)</script>",
        "zenodo",
        "x" * 600,
    ],
)
def test_rejects_anything_else(bad):
    with pytest.raises(NotAZenodoTarget):
        parse_zenodo(bad)


def test_rejection_message_says_what_is_accepted():
    with pytest.raises(NotAZenodoTarget) as error:
        parse_zenodo("https://example.org/x")
    assert "10.5281/zenodo.123456" in str(error.value)
    assert "communities" in str(error.value)


def test_normalise_doi_returns_none_for_non_dois():
    assert normalise_doi("https://example.org/10.5281/zenodo.1") is None
    assert normalise_doi("not a doi") is None
