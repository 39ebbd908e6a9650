"""A presentation's slides and other materials: what editors may enter, what visitors and citations get."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from conferences.choices import MaterialKind
from conferences.citations import bibtex, citation_pdf_url, dois
from conferences.models import Presentation, PresentationDOI, PresentationMaterial
from conferences.tests import builders

pytestmark = pytest.mark.django_db

TITLE = "Who is counted? The Census of Canada"
MB = 1024 * 1024


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def conference(home_page):
    return builders.conference(builders.conference_index(home_page), 2022, title="IASSIST 2022")


@pytest.fixture
def talk(conference):
    session = builders.session(conference, "Session A1")
    return builders.presentation(session, TITLE, slug="who-is-counted", presenters=[("Kevin Manuel", "TMU")])


def private_collection():
    collection = Collection.get_first_root_node().add_child(name="Committee only")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    return collection


def links(html, selector=".materials a"):
    return [(a.get_text(" ", strip=True), a["href"]) for a in BeautifulSoup(html, "html.parser").select(selector)]


def visible_text(anchor_html):
    soup = BeautifulSoup(anchor_html, "html.parser")
    for hidden in soup.select(".visually-hidden"):
        hidden.decompose()
    return " ".join(soup.get_text().split())


def programme_links(client, conference):
    return links(client.get(conference.url).content)


def page_links(client, talk):
    return links(client.get(talk.get_url()).content)


def visible_links(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [visible_text(str(a)) for a in soup.select(".materials a")]


# -- what visitors see ---------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        (MaterialKind.SLIDES, "Slides (example.org)"),
        (MaterialKind.PAPER, "Paper (example.org)"),
        (MaterialKind.DATA, "Data (example.org)"),
        (MaterialKind.CODE, "Code (example.org)"),
        (MaterialKind.POSTER, "Poster (example.org)"),
        (MaterialKind.RECORDING, "Recording (example.org)"),
        (MaterialKind.OTHER, "Material (example.org)"),
    ],
)
def test_each_kind_is_named_on_the_programme_and_the_presentation_page(client, conference, talk, kind, text):
    builders.material(talk, kind=kind, url="https://www.example.org/census")
    assert visible_links(client, conference.url) == [text]
    assert visible_links(client, talk.get_url()) == [text]


def test_an_editors_label_replaces_the_kinds_name(client, conference, talk):
    builders.material(talk, kind=MaterialKind.OTHER, label="Workshop exercises", url="https://example.org/ex")
    assert visible_links(client, conference.url) == ["Workshop exercises (example.org)"]


def test_a_zenodo_doi_is_the_slides_and_keeps_its_doi_visible(client, conference, talk):
    PresentationDOI.objects.create(presentation=talk, doi="10.5281/zenodo.8135967")
    soup = BeautifulSoup(client.get(conference.url).content, "html.parser")
    anchor = soup.select_one(".materials a")
    assert visible_text(str(anchor)) == "Slides (Zenodo)"
    assert anchor["href"] == "https://doi.org/10.5281/zenodo.8135967"
    assert soup.select_one(".materials__doi").get_text() == "doi:10.5281/zenodo.8135967"


def test_a_doi_of_another_kind_says_so(client, conference, talk):
    PresentationDOI.objects.create(presentation=talk, doi="10.5281/zenodo.1", kind=MaterialKind.POSTER, sort_order=0)
    PresentationDOI.objects.create(presentation=talk, doi="10.1177/0000000000", sort_order=1)
    assert visible_links(client, talk.get_url()) == ["Poster (Zenodo)", "Publication (DOI)"]


def test_the_recording_is_a_material_too(client, conference, talk):
    Presentation.objects.filter(pk=talk.pk).update(video_id="R7mH1L2ODDM")
    assert visible_links(client, conference.url) == ["Recording (YouTube)"]


def test_a_document_shows_its_file_type_and_size(client, conference, talk):
    paper = builders.document("census-paper.pdf", size=int(1.2 * MB))
    builders.material(talk, kind=MaterialKind.PAPER, document=paper)
    assert visible_links(client, conference.url) == ["Paper (PDF, 1.2 MB)"]
    assert page_links(client, talk)[0][1] == paper.url


def test_repeated_links_name_the_presentation_for_screen_readers(client, conference, talk):
    builders.material(talk, kind=MaterialKind.SLIDES, url="https://example.org/s.pdf")
    hidden = BeautifulSoup(client.get(conference.url).content, "html.parser").select_one(
        ".materials a .visually-hidden"
    )
    assert hidden["class"] == ["visually-hidden"] and hidden.get_text() == f" of “{TITLE}”"


def test_materials_come_after_the_dois_and_before_the_recording(client, conference, talk):
    PresentationDOI.objects.create(presentation=talk, doi="10.5281/zenodo.2")
    Presentation.objects.filter(pk=talk.pk).update(video_id="R7mH1L2ODDM")
    builders.material(talk, kind=MaterialKind.CODE, url="https://github.com/iassist/census")
    assert visible_links(client, talk.get_url()) == ["Slides (Zenodo)", "Code (github.com)", "Recording (YouTube)"]


def test_hostile_labels_and_addresses_are_escaped(client, conference, talk):
    builders.material(talk, kind=MaterialKind.OTHER, label='<script>alert("x")</script>', url='https://e.org/"><b>x')
    html = client.get(conference.url).content.decode()
    assert "<script>alert" not in html and '"><b>x' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_a_material_whose_document_was_deleted_is_left_out(client, conference, talk):
    slides = builders.document()
    builders.material(talk, kind=MaterialKind.SLIDES, document=slides)
    slides.delete()
    assert PresentationMaterial.objects.get().document is None
    assert visible_links(client, conference.url) == []
    assert client.get(talk.get_url()).status_code == 200


# -- documents keep their collection's privacy ----------------------------------


def test_a_private_document_is_linked_through_wagtails_serve_view(client, talk):
    secret = builders.document("committee-slides.pdf", collection=private_collection())
    builders.material(talk, kind=MaterialKind.SLIDES, document=secret)
    href = page_links(client, talk)[0][1]
    assert href == secret.url == reverse("wagtaildocs_serve", args=[secret.pk, "committee-slides.pdf"])
    assert "/media/" not in href


def test_a_private_document_is_refused_to_anonymous_visitors(client, talk):
    secret = builders.document("committee-slides.pdf", collection=private_collection())
    builders.material(talk, kind=MaterialKind.SLIDES, document=secret)
    response = client.get(page_links(client, talk)[0][1])
    assert response.status_code == 302 and "/login/" in response["Location"]


# -- what editors may enter --------------------------------------------------------


def material_errors(talk, **fields):
    with pytest.raises(ValidationError) as raised:
        PresentationMaterial(presentation=talk, kind=MaterialKind.SLIDES, **fields).full_clean(
            exclude=["presentation"]
        )
    return raised.value.message_dict


def test_a_material_needs_a_target(talk):
    assert material_errors(talk) == {"__all__": ["Choose a document, or enter a web address or a DOI."]}


def test_a_material_has_only_one_target(talk):
    errors = material_errors(talk, url="https://example.org/s.pdf", doi="10.5281/zenodo.1")
    assert set(errors) == {"url", "doi"}
    assert "only one of the document, the web address and the DOI" in errors["url"][0]


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(1)//https://x.org", "data:text/html,<b>", "ftp://example.org/s.pdf",
     "https://", "example.org/slides.pdf", "https://example.org/" + "a" * 1000],
)  # fmt: skip
def test_only_web_addresses_are_accepted(talk, url):
    assert "url" in material_errors(talk, url=url)


@pytest.mark.parametrize("doi", ["zenodo.123", "10.5281", "doi:", "https://example.org/10.5281/zenodo.1", "1" * 300])
def test_a_malformed_doi_is_refused(talk, doi):
    assert "doi" in material_errors(talk, doi=doi)


def test_a_doi_is_stored_bare_and_lower_case(talk):
    material = builders.material(talk, kind=MaterialKind.DATA, doi="https://doi.org/10.5281/ZENODO.77")
    assert PresentationMaterial.objects.get(pk=material.pk).doi == "10.5281/zenodo.77"


def presentation_post(talk, materials):
    return nested_form_data(
        {
            "session": talk.session_id, "title": talk.title, "slug": talk.slug, "sort_order": talk.sort_order,
            "abstract": "", "video_id": "",
            "presenters": inline_formset([]), "dois": inline_formset([]),
            "materials": inline_formset(materials),
            "action-publish": "1",
        }
    )  # fmt: skip


def test_editors_add_materials_inline_in_the_presentations_form(admin_client, talk):
    paper = builders.document("census-paper.pdf")
    materials = [
        {"kind": "paper", "label": "", "document": paper.pk, "url": "", "doi": ""},
        {"kind": "code", "label": "Scripts", "document": "", "url": "https://github.com/iassist/census", "doi": ""},
    ]
    url = reverse("wagtailsnippets_conferences_presentation:edit", args=[talk.pk])
    response = admin_client.post(url, presentation_post(talk, materials))
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = [(m.kind, m.label, m.document_id, m.url) for m in Presentation.objects.get(pk=talk.pk).materials.all()]
    assert saved == [("paper", "", paper.pk, ""), ("code", "Scripts", None, "https://github.com/iassist/census")]


def test_the_form_refuses_a_javascript_link_and_saves_nothing(admin_client, talk):
    materials = [{"kind": "slides", "label": "Slides", "document": "", "url": "javascript:alert(1)", "doi": ""}]
    url = reverse("wagtailsnippets_conferences_presentation:edit", args=[talk.pk])
    response = admin_client.post(url, presentation_post(talk, materials))
    assert response.status_code == 200
    assert "Enter a web address that starts with https://" in response.content.decode()
    assert not PresentationMaterial.objects.exists()


def test_the_form_says_when_a_material_has_no_target(admin_client, talk):
    materials = [{"kind": "slides", "label": "Slides", "document": "", "url": "", "doi": ""}]
    url = reverse("wagtailsnippets_conferences_presentation:edit", args=[talk.pk])
    response = admin_client.post(url, presentation_post(talk, materials))
    assert response.status_code == 200
    assert "Choose a document, or enter a web address or a DOI." in response.content.decode()
    assert not PresentationMaterial.objects.exists()


# -- citations ---------------------------------------------------------------------


def meta(client, talk, name):
    soup = BeautifulSoup(client.get(talk.get_url()).content, "html.parser")
    return [tag["content"] for tag in soup.find_all("meta", attrs={"name": name})]


def read(talk):
    return Presentation.objects.with_programme_details().select_related("conference").get(pk=talk.pk)


def test_a_pdf_document_is_the_citation_pdf_url(client, talk):
    paper = builders.document("census-paper.pdf")
    builders.material(talk, kind=MaterialKind.PAPER, document=paper)
    assert meta(client, talk, "citation_pdf_url") == [f"http://testserver{paper.url}"]


def test_slides_come_first_for_citation_pdf_url(client, talk):
    builders.material(talk, kind=MaterialKind.PAPER, url="https://example.org/paper.pdf")
    builders.material(talk, kind=MaterialKind.SLIDES, url="https://example.org/slides.PDF", sort_order=1)
    assert meta(client, talk, "citation_pdf_url") == ["https://example.org/slides.PDF"]


def test_no_pdf_means_no_citation_pdf_url(client, talk):
    PresentationDOI.objects.create(presentation=talk, doi="10.5281/zenodo.1")
    builders.material(talk, kind=MaterialKind.CODE, url="https://github.com/iassist/census")
    builders.material(talk, kind=MaterialKind.DATA, document=builders.document("counts.csv"), sort_order=1)
    assert meta(client, talk, "citation_pdf_url") == []
    assert citation_pdf_url(read(talk)) == ""


def test_a_materials_doi_is_cited_once_after_the_presentations(client, talk):
    PresentationDOI.objects.create(presentation=talk, doi="10.5281/zenodo.1")
    builders.material(talk, kind=MaterialKind.DATA, doi="10.5281/zenodo.2")
    builders.material(talk, kind=MaterialKind.SLIDES, doi="10.5281/zenodo.1", sort_order=1)
    assert meta(client, talk, "citation_doi") == ["10.5281/zenodo.1", "10.5281/zenodo.2"]
    assert dois(read(talk)) == ["10.5281/zenodo.1", "10.5281/zenodo.2"]


def test_bibtex_gives_the_slides_own_address(rf, talk):
    slides = builders.document("census-slides.pdf")
    builders.material(talk, kind=MaterialKind.SLIDES, document=slides)
    assert f"  note = {{Slides: http://testserver{slides.url}}}" in bibtex(read(talk), rf.get("/"))


def test_slides_known_only_by_their_doi_are_cited_by_the_doi(rf, talk):
    PresentationDOI.objects.create(presentation=talk, doi="10.5281/zenodo.1")
    text = bibtex(read(talk), rf.get("/"))
    assert "doi = {10.5281/zenodo.1}" in text and "note = " not in text


# -- queries -----------------------------------------------------------------------


def build_programme(conference, sessions=5, per_session=10):
    talks = []
    for number in range(sessions):
        session = builders.session(conference, f"Session {number}")
        for _ in range(per_session):
            talks.append(builders.presentation(session, presenters=[("A Person", "Inst")], dois=["10.5281/zenodo.1"]))
    return talks


def count_queries(client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(30) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_materials_on_fifty_presentations_add_no_queries_to_the_programme(
    client, conference, django_assert_max_num_queries
):
    talks = build_programme(conference)
    before = count_queries(client, conference.url, django_assert_max_num_queries)
    slides = builders.document()
    for number, talk in enumerate(talks):
        builders.material(talk, kind=MaterialKind.SLIDES, document=slides)
        builders.material(talk, kind=MaterialKind.CODE, url=f"https://example.org/{number}", sort_order=1)
    with django_assert_max_num_queries(before):
        html = client.get(conference.url).content.decode()
    assert html.count(f'href="{slides.url}"') == 50 and html.count("Code<span") == 50


def test_the_presentation_pages_queries_do_not_grow_with_its_materials(client, talk, django_assert_max_num_queries):
    builders.material(talk, kind=MaterialKind.SLIDES, document=builders.document())
    few = count_queries(client, talk.get_url(), django_assert_max_num_queries)
    for number in range(10):
        builders.material(
            talk, kind=MaterialKind.POSTER, document=builders.document(f"poster-{number}.pdf"), sort_order=number + 1
        )
    with django_assert_max_num_queries(few):
        client.get(talk.get_url())
