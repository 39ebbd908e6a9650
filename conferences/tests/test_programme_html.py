"""The programme's presentations as HTML: every value escaped, empty parts left out."""

from conferences.material_links import presentation_links
from conferences.programme_html import presentations_html

HOSTILE = '<script>alert("x")</script>&\''


def _item(**overrides):
    item = {
        "slug": "versioning-data",
        "title": "Versioning data",
        "abstract": "",
        "presenters": [],
        "dois": [],
        "video_url": "",
        "materials": [],
    }
    return {**item, **overrides}


def _presenter(**overrides):
    return {"name": "Ada Byron", "slug": "ada-byron", "institution": "", "doi": "", **overrides}


def test_links_the_presentation_under_its_conference():
    html = presentations_html([_item()], "/conferences/iassist2025/", "/people/")
    assert '<a href="/conferences/iassist2025/presentations/versioning-data/">Versioning data</a>' in html


def test_every_database_value_is_escaped():
    presenter = _presenter(name=HOSTILE, slug=HOSTILE, institution=HOSTILE, doi=HOSTILE)
    item = _item(
        title=HOSTILE,
        slug=HOSTILE,
        abstract=HOSTILE,
        presenters=[presenter],
        dois=[{"doi": HOSTILE, "url": HOSTILE}],
        video_url=HOSTILE,
        materials=[
            {
                "kind": "slides",
                "text": HOSTILE,
                "detail": HOSTILE,
                "url": HOSTILE,
                "doi": HOSTILE,
                "pdf": False,
                "document": False,
            }
        ],
    )
    html = presentations_html([item], HOSTILE, HOSTILE)
    assert "<script>" not in html
    assert '"x"' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#x27;" in html


def test_a_bare_presentation_has_no_empty_lists_or_abstract():
    html = presentations_html([_item()], "/c/", "/people/")
    assert "<ul" not in html
    assert "<details" not in html
    assert '<a href="/c/presentations/versioning-data/">Versioning data</a>' in html


def test_presenters_show_institution_and_their_own_doi():
    presenter = _presenter(institution="GESIS", doi="10.5281/zenodo.1")
    html = presentations_html([_item(presenters=[presenter])], "/c/", "/people/")
    assert '<a href="/people/ada-byron/">Ada Byron</a> <span class="muted">(GESIS)</span>' in html
    assert '<a class="presenter__doi" href="https://doi.org/10.5281/zenodo.1">doi:10.5281/zenodo.1' in html


def test_dois_and_recording_share_one_list_of_materials():
    item = _item(materials=presentation_links([("10.1/a", "")], [], "https://youtu.be/x"))
    html = presentations_html([item], "/c/", "/people/")
    assert html.count('<ul class="materials">') == 1
    assert '<a class="material" href="https://doi.org/10.1/a"><span>Publication' in html
    assert '<span class="materials__doi">doi:10.1/a</span>' in html
    assert 'class="material recording-link" href="https://youtu.be/x"' in html


def test_the_abstract_keeps_its_paragraphs_inside_details():
    html = presentations_html([_item(abstract="First part.\n\nSecond part.")], "/c/", "/people/")
    assert '<details class="abstract">' in html
    assert "<p>First part.</p>\n\n<p>Second part.</p>" in html


def test_presentations_keep_their_order():
    html = presentations_html([_item(title="One", slug="one"), _item(title="Two", slug="two")], "/c/", "/p/")
    assert html.index(">One<") < html.index(">Two<")
