"""The old site's menus: the sidebar partials its layouts include (layouts/partials/sidebar-*.html).

A page's front-matter `type` chooses its layout folder (layouts/conference-2025/), whose list and
single templates include one sidebar partial; a type without a folder falls back to the
section's layouts (layouts/conferences/), and so to the section's own sidebar. Each sidebar is
a hand-written list of links, some hidden in HTML comments.
"""

import re
from pathlib import Path

from bs4 import BeautifulSoup

from ..errors import SourceWarning

LAYOUTS = "layouts"
PARTIALS = f"{LAYOUTS}/partials"
SECTION_TYPE = "conferences"
TEMPLATES = ("list.html", "single.html")
SIDEBAR_PARTIAL = re.compile(r'\{\{-?\s*partial\s+"(?P<name>sidebar[\w.-]*\.html)"')


def sidebar_of_type(root, page_type):
    """The sidebar partial that pages of `page_type` show, e.g. "sidebar-conference-2025.html"; "" for none."""
    folder = Path(root) / LAYOUTS / (page_type or SECTION_TYPE)
    if not folder.is_dir():
        folder = Path(root) / LAYOUTS / SECTION_TYPE
    for name in TEMPLATES:
        template = folder / name
        if template.is_file() and (
            match := SIDEBAR_PARTIAL.search(template.read_text(encoding="utf-8", errors="replace"))
        ):
            return match["name"]
    return ""


def section_sidebar(root):
    """The partial of the section's own menu, which every page without a menu of its own showed."""
    return sidebar_of_type(root, SECTION_TYPE)


def read_sidebar(root, name, warnings):
    """The links of a sidebar partial in order, as (href, label), leaving out those inside HTML comments."""
    path = Path(root) / PARTIALS / name
    if not name or not path.is_file():
        if name:
            warnings.append(SourceWarning(f"{PARTIALS}/{name}", "sidebar not found; its pages get a default menu"))
        return []
    # Links inside HTML comments are comments' text to the parser, so they are never among these.
    soup = BeautifulSoup(path.read_text(encoding="utf-8", errors="replace"), "html.parser")
    entries = []
    for link in soup.select("li a[href]"):
        label = re.sub(r"\s+", " ", link.get_text()).strip()
        if label and link["href"].strip() not in ("", "#"):
            entries.append((link["href"].strip(), label))
    return entries
