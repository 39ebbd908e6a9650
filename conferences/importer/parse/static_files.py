"""The section's own static files (static/conferences/): the OpenConf programme exports, and every other file.

Hugo copies static/ as it is, so static/conferences/iassist2023/sponsorship/aristotle.png was
served at /conferences/iassist2023/sponsorship/aristotle.png whether a page showed it or not.
"""

from pathlib import Path

SECTION_FOLDER = "conferences"
EXPORT_PAGE = "index.html"
# OpenConf names itself in the head of every page it exports (its stylesheet, "powered by OpenConf").
EXPORT_MARK = "openconf"
HEAD_BYTES = 4096


def programme_exports(static_root):
    """The folders holding an OpenConf export, as addresses: ["/conferences/iassist2025/full-program/", ...]."""
    static_root = Path(static_root)
    section = static_root / SECTION_FOLDER
    if not section.is_dir():
        return []
    exports = []
    for page in sorted(section.rglob(EXPORT_PAGE)):
        folder = _address(page.parent, static_root) + "/"
        if not any(folder.startswith(export) for export in exports) and _is_export(page):
            exports.append(folder)
    return exports


def section_files(static_root, exports):
    """Every file under static/conferences/ outside the `exports` folders, as the address Hugo served it at."""
    static_root = Path(static_root)
    section = static_root / SECTION_FOLDER
    if not section.is_dir():
        return []
    addresses = (_address(path, static_root) for path in sorted(section.rglob("*")) if path.is_file())
    return [address for address in addresses if not address.startswith(tuple(exports))]


def _address(path, static_root):
    return "/" + path.relative_to(static_root).as_posix()


def _is_export(page):
    with page.open("rb") as handle:
        return EXPORT_MARK.encode() in handle.read(HEAD_BYTES).lower()
