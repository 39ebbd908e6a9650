"""A submission's own page in an OpenConf export (`s43.html`, `a3a.html`): its title, abstract and authors.

The page's summary (`oc_program_summary_main`) holds the title as its heading, the abstract, and the
authors (`oc_program_summary_authors`): one paragraph each, the name in bold, then a line for the
institution and a last one for the country. OpenConf writes "- NONE -" for an institution not
given; that line is dropped.
"""

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from ..text import clean_line, is_placeholder, plain_text
from .records import Author

SUMMARY_ID = "oc_program_summary_main"
AUTHORS_ID = "oc_program_summary_authors"
FILES_ID = "oc_program_summary_files"


def parse_submission_page(markup):
    """(title, abstract, authors) of a submission's page, or None when it holds no OpenConf summary."""
    soup = BeautifulSoup(markup, "html.parser")
    summary = soup.find(id=SUMMARY_ID)
    if summary is None:
        return None
    heading = summary.find(re.compile(r"^h[1-6]$"))
    title = clean_line(heading.get_text(" ")) if heading else ""
    authors_block = summary.find(id=AUTHORS_ID)
    authors = _authors(authors_block) if authors_block else []
    for part in [heading, authors_block, summary.find(id=FILES_ID), *summary.find_all(["style", "script"])]:
        if part is not None:
            part.extract()
    return title, plain_text(summary.decode_contents()), authors


def _authors(block):
    entries = block.find_all("p") or [block]
    return [author for entry in entries if (author := _author(entry))]


def _author(entry):
    lines = _lines(entry)
    if not lines:
        return None
    name, *rest = lines
    country = rest.pop() if len(rest) >= 2 else ""
    return Author(name=name, institution=", ".join(line for line in rest if not _not_given(line)), country=country)


def _not_given(line):
    return is_placeholder(line.strip("- "))


def _lines(entry):
    """The entry's lines as its <br>s break them."""
    lines, current = [], []
    for node in entry.descendants:
        if isinstance(node, Tag) and node.name == "br":
            lines.append("".join(current))
            current = []
        elif isinstance(node, NavigableString) and type(node) is NavigableString:
            current.append(str(node))
    lines.append("".join(current))
    return [line for line in (clean_line(text) for text in lines) if line]


def authors_from_line(text):
    """Authors from the schedule's one line: "Kara Handren, University of Toronto; Kelly Schultz" (no countries)."""
    authors = []
    for part in (clean_line(piece) for piece in text.split(";")):
        if part:
            name, _, institution = part.partition(",")
            authors.append(Author(name=clean_line(name), institution=clean_line(institution)))
    return authors
