"""Citations of presentations: plain text for people, BibTeX for reference managers."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .choices import MaterialKind
from .material_links import links_of, pdf_url
from .zenodo import doi_url

DOI_URL = re.compile(r"https://doi\.org/(\S+)")


def presenter_names(presentation):
    return [entry.person.name for entry in presentation.presenters.all()]


def dois(presentation):
    """The presentation's DOIs, then those of its materials that the list does not already hold."""
    listed = [doi.doi for doi in presentation.dois.all()]
    extra = [material.doi for material in presentation.materials.all() if material.doi]
    return listed + [doi for doi in dict.fromkeys(extra) if doi not in listed]


def slides_url(presentation, request=None):
    """Where the slides are when they are a file or a link of their own (a DOI is cited as the DOI), or ""."""
    for link in links_of(presentation):
        if link["kind"] == MaterialKind.SLIDES and not link["doi"]:
            return absolute_url(link["url"], request)
    return ""


def citation_pdf_url(presentation, request=None):
    """The PDF that Google Scholar should index for the presentation (its slides first), or ""."""
    return absolute_url(pdf_url(links_of(presentation)), request)


def absolute_url(url, request):
    if url and url.startswith("/") and request is not None:
        return request.build_absolute_uri(url)
    return url


def conference_title(conference):
    if conference.theme:
        return f"IASSIST {conference.year}: {conference.theme}"
    return conference.title


def plain_citation(presentation):
    conference = presentation.conference
    names = presenter_names(presentation)
    authors = _join_names(names)
    parts = [f"{authors} ({conference.year})." if authors else f"({conference.year})."]
    parts.append(f"{presentation.title.rstrip('.')}.")
    venue = conference_title(conference)
    if conference.location:
        venue = f"{venue}, {conference.location}"
    parts.append(f"{venue}.")
    parts.extend(doi_url(doi) for doi in dois(presentation))
    return " ".join(parts)


def citation_html(presentation):
    """The plain citation, escaped, with each DOI a link that may wrap after its slashes.

    Without the break opportunities a phone breaks a DOI wherever the line ends, mid-number.
    """
    return mark_safe(DOI_URL.sub(_doi_link, escape(plain_citation(presentation))))


def _doi_link(match):
    doi = match[1]
    return f'<a href="{match[0]}">https://doi.org/<wbr>{doi.replace("/", "/<wbr>")}</a>'


def _join_names(names):
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " & " + names[-1]


def bibtex(presentation, request=None):
    conference = presentation.conference
    fields = [
        ("title", presentation.title),
        ("author", " and ".join(presenter_names(presentation))),
        ("booktitle", conference_title(conference)),
        ("year", str(conference.year)),
        ("address", conference.location),
        ("organization", "IASSIST"),
        ("doi", ", ".join(dois(presentation))),
        ("url", _full_url(presentation, request)),
        ("note", slides_note(presentation, request)),
    ]
    body = ",\n".join(f"  {name} = {{{bibtex_escape(value)}}}" for name, value in fields if value)
    return f"@inproceedings{{{citation_key(presentation)},\n{body}\n}}\n"


def slides_note(presentation, request=None):
    url = slides_url(presentation, request)
    return f"Slides: {url}" if url else ""


def _full_url(presentation, request):
    return absolute_url(presentation.get_url(request) or "", request)


def citation_key(presentation):
    names = presenter_names(presentation)
    surname = names[0].split()[-1] if names else "iassist"
    first_word = next((w for w in re.findall(r"[A-Za-z]+", presentation.title) if len(w) > 3), "talk")
    key = f"{surname}{presentation.conference.year}{first_word}"
    return re.sub(r"[^A-Za-z0-9]", "", key).lower()


def bibtex_escape(value):
    """Escape characters that BibTeX treats specially; keep letters as they are."""
    value = re.sub(r"\s+", " ", str(value)).strip()
    for char in "\\{}":
        value = value.replace(char, "")
    return re.sub(r"([&%$#_])", r"\\\1", value)
