"""A presentation's materials as the links visitors follow: what each is, where it is, and its format.

The programme lists hundreds of presentations, so links are plain dicts built from
values() rows; the presentation page builds the same dicts from its prefetched rows.
"""

import os
from urllib.parse import urlsplit

from django.template.defaultfilters import filesizeformat
from wagtail.documents import get_document_model

from .choices import MaterialKind
from .zenodo import doi_url, is_zenodo_doi

# The kind's name on a link when the editor gave no label of their own.
LINK_TEXT = {**dict(MaterialKind.choices), MaterialKind.OTHER: "Material"}


def doi_link(doi, kind=""):
    """A DOI of the presentation's DOI list: on Zenodo, the slides unless its kind says otherwise."""
    zenodo = is_zenodo_doi(doi)
    kind = kind or (MaterialKind.SLIDES if zenodo else "")
    text = LINK_TEXT[kind] if kind else "Publication"
    return _link(kind or MaterialKind.OTHER, text, "Zenodo" if zenodo else "DOI", doi_url(doi), doi=doi)


def material_link(kind, label, document=None, url="", doi=""):
    """One material; `document` is (id, file name, size in bytes or None). None when it has no target."""
    text = label or LINK_TEXT.get(kind, "Material")
    if document and document[0]:
        return _document_link(kind, text, *document)
    if url:
        return _link(kind, text, (urlsplit(url).hostname or "").removeprefix("www."), url, pdf=_is_pdf(url))
    if doi:
        link = doi_link(doi, kind)
        link["text"] = text
        return link
    return None


def recording_link(video_url):
    return _link(MaterialKind.RECORDING, "Recording", "YouTube", video_url)


def _document_link(kind, text, document_id, file_name, size):
    # Document.url is the serve view, which checks the collection's privacy on every download. Naming
    # the collection skips its default, which would be a query per document on the programme.
    url = get_document_model()(id=document_id, file=file_name, collection_id=None).url
    extension = os.path.splitext(file_name)[1][1:].upper()
    detail = ", ".join(part for part in (extension, filesizeformat(size) if size else "") if part)
    return _link(kind, text, detail, url, pdf=extension == "PDF", document=True)


def _link(kind, text, detail, url, doi="", pdf=False, document=False):
    return {"kind": kind, "text": text, "detail": detail, "url": url, "doi": doi, "pdf": pdf, "document": document}


def _is_pdf(url):
    return urlsplit(url).path.lower().endswith(".pdf")


def presentation_links(dois, materials, video_url):
    """What visitors follow, in order: the DOIs (slides on Zenodo, mostly), the editors' materials, the recording."""
    links = [doi_link(doi, kind) for doi, kind in dois]
    links += [link for link in (material_link(**material) for material in materials) if link]
    if video_url:
        links.append(recording_link(video_url))
    return links


def links_of(presentation):
    """The same for a presentation read with `with_programme_details()`."""
    materials = [material_values(material) for material in presentation.materials.all()]
    dois = [(doi.doi, doi.kind) for doi in presentation.dois.all()]
    return presentation_links(dois, materials, presentation.video_url)


def material_values(material):
    """A PresentationMaterial row as `material_link()` takes it."""
    document = material.document
    return {
        "kind": material.kind,
        "label": material.label,
        "url": material.url,
        "doi": material.doi,
        "document": document and (document.pk, document.file.name, document.file_size),
    }


def pdf_url(links):
    """The address of the presentation's PDF for Google Scholar: its slides first, then any other."""
    pdfs = [link for link in links if link["pdf"]]
    slides = [link for link in pdfs if link["kind"] == MaterialKind.SLIDES]
    return (slides or pdfs or [{"url": ""}])[0]["url"]
