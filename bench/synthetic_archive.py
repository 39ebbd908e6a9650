"""A Hugo source tree k times the size of the real archive, made from the real archive's own records.

bench/scale.py imports these trees with the real `import_hugo`, so its numbers are the real
import path's. At scale k >= 1 the tree is the real one plus (k - 1) copies of each real
programme; below 1 it holds only the Conferences and archive pages and a share k of one
programme's presentations (for tests). Each copy is one synthetic annual conference of a year
before the first real one (1974), counting down, so that none is forthcoming or recent and the
Conferences page stays as it is; the importer reads a year as four digits, so there are 974
such years, and a scale that needs more copies puts two or three programmes into one year.

A copy keeps its real programme's shape (sessions, presentations per session, presenters per
presentation, which have DOIs, videos and files) and recombines its words with a seeded RNG:
titles from halves of two real titles, abstracts from real sentences, names from one real
presenter's given names and another's surname. A tenth of a copy's presenters keep their real
names, so the people with many talks have more at each scale. DOIs are new and unique, of the
form 10.5281/zenodo.N. Nothing but the arguments decides the tree: the same seed gives the same
bytes.
"""

import json
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ARCHIVE_DATA = Path("data/conferences/archive")
ARCHIVE_CONTENT = Path("content/conferences/archive")
FIRST_SYNTHETIC_YEAR = 1973
LAST_SYNTHETIC_YEAR = 1000
SYNTHETIC_YEARS = FIRST_SYNTHETIC_YEAR - LAST_SYNTHETIC_YEAR + 1
FIRST_DOI = 90_000_000  # far above the real records' numbers, so no synthetic DOI is a real one
REAL_NAME_SHARE = 0.1
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
MINIMAL_INDEX = '+++\ntitle = "Conferences"\ndraft = "false"\n+++\nIASSIST conferences, a synthetic archive.\n'


@dataclass
class RealArchive:
    """The real programmes and the word pools that copies draw from."""

    programmes: list  # (file stem, stub location, JSON data), in file order
    titles: list = field(default_factory=list)
    sentences: list = field(default_factory=list)
    given_names: list = field(default_factory=list)
    surnames: list = field(default_factory=list)

    @property
    def presentations(self):
        return sum(len(s.get("presentations") or []) for _, _, data in self.programmes for s in data["sessions"])


def read_real_archive(root):
    root = Path(root)
    programmes = []
    for path in sorted((root / ARCHIVE_DATA).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        programmes.append((path.stem, _stub_location(root, path.name), data))
    archive = RealArchive(programmes)
    titles, sentences, given, surnames = set(), set(), set(), set()
    for presentation in _presentations(programmes):
        titles.add(str(presentation.get("title") or "").strip())
        for sentence in SENTENCE_END.split(str(presentation.get("abstract") or "")):
            sentences.add(sentence.strip())
        for presenter in presentation.get("presenters") or []:
            first, last = _name_parts(presenter.get("name"))
            given.add(first)
            surnames.add(last)
    # Sorted, so that the pools do not depend on the order of a set.
    archive.titles = sorted(t for t in titles if len(t.split()) >= 2)
    archive.sentences = sorted(s for s in sentences if len(s) >= 20)
    archive.given_names = sorted(n for n in given if n)
    archive.surnames = sorted(n for n in surnames if n)
    return archive


def build_tree(real_root, out, scale, seed=2026):
    """Write the tree for `scale` into `out` (a new folder); return what it holds."""
    if scale <= 0:
        raise ValueError(f"the scale must be positive, not {scale}")
    real_root, out = Path(real_root), Path(out)
    archive = read_real_archive(real_root)
    if not archive.programmes:
        raise ValueError(f"{real_root / ARCHIVE_DATA} holds no programme to copy")
    if scale >= 1:
        shutil.copytree(real_root, out, ignore=shutil.ignore_patterns(".git"))
        copies = [
            archive.programmes[n % len(archive.programmes)]
            for n in range(round((scale - 1) * len(archive.programmes)))
        ]
        limit = None
    else:
        _write_skeleton(real_root, out)
        copies = [random.Random(f"{seed}:pick").choice(archive.programmes)]
        limit = max(1, round(scale * archive.presentations))
    years = _synthetic_conferences(archive, copies, seed, limit)
    for year, (stem, location, data) in years.items():
        _write_conference(out, year, stem, location, data)
    return {"conferences": len(years), "copies": len(copies), "presentations": _count(years.values())}


def _synthetic_conferences(archive, copies, seed, limit):
    """{year: (stem, location, JSON)}: copy n goes to year 1973 - n % 974, joining any copy already there."""
    doi = iter(range(FIRST_DOI, FIRST_DOI + 10**9))
    years = {}
    for number, (stem, location, data) in enumerate(copies):
        rng = random.Random(f"{seed}:{number}")
        year = FIRST_SYNTHETIC_YEAR - number % SYNTHETIC_YEARS
        sessions = [_copy_session(archive, session, year, rng, doi) for session in data["sessions"]]
        if year in years:
            years[year][2]["sessions"].extend(sessions)
            continue
        years[year] = (stem.split("-", 1)[-1], location, _copy_conference(archive, data, year, sessions, rng))
    if limit is not None:
        for _, _, data in years.values():
            _truncate(data, limit)
    return years


def _copy_conference(archive, data, year, sessions, rng):
    theme = _recombine(str(data.get("title") or "").split(":", 1)[-1], rng.choice(archive.titles), rng)
    start, end = str(data.get("startDate") or ""), str(data.get("endDate") or "")
    return {
        "conferenceYear": str(year),
        "title": f"IASSIST {year}: {theme}",
        "host": data.get("host") or "",
        "city": data.get("city") or "",
        "dateText": "",
        "startDate": _in_year(start, year),
        "endDate": _in_year(end, year) if end[5:] >= start[5:] else _in_year(start, year),
        "conferenceUrl": "",
        "sessions": sessions,
    }


def _copy_session(archive, session, year, rng, doi):
    copied = {
        "title": session.get("title") or "",
        "day": _in_year(str(session.get("day") or ""), year) or session.get("day") or "",
        "abstract": _abstract(archive, session.get("abstract"), rng),
        "chair": _person(archive, session.get("chair"), rng),
        "moderator": _person(archive, session.get("moderator") or session.get("moserator"), rng),
    }
    if session.get("video"):
        copied["video"] = session["video"]
    copied["presentations"] = [_copy_presentation(archive, p, rng, doi) for p in session.get("presentations") or []]
    return copied


def _copy_presentation(archive, presentation, rng, doi):
    real_dois = presentation.get("doi")
    if isinstance(real_dois, list):
        dois = [_doi(doi) for _ in real_dois]
    else:
        dois = _doi(doi) if real_dois else ""
    copied = {
        "title": _recombine(presentation.get("title") or "", rng.choice(archive.titles), rng),
        "abstract": _abstract(archive, presentation.get("abstract"), rng),
        "doi": dois,
        "video": presentation.get("video") or "",
        "presenters": [_presenter(archive, p, rng, doi) for p in presentation.get("presenters") or []],
    }
    if presentation.get("files"):
        copied["files"] = presentation["files"]
    return copied


def _presenter(archive, presenter, rng, doi):
    copied = {"name": _person(archive, presenter.get("name"), rng), "institution": presenter.get("institution") or ""}
    if presenter.get("doix"):
        copied["doix"] = _doi(doi)
    return copied


def _person(archive, name, rng):
    """A new person of the same form (surname first or not), or the real one for a tenth of them."""
    name = str(name or "").strip()
    if not name or rng.random() < REAL_NAME_SHARE:
        return name
    given, surname = rng.choice(archive.given_names), rng.choice(archive.surnames)
    return f"{surname}, {given}" if "," in name else f"{given} {surname}"


def _recombine(first, second, rng):
    """The first half of one title's words and the second half of another's."""
    a, b = str(first).split(), str(second).split()
    if not a:
        return " ".join(b)
    cut_a, cut_b = max(1, len(a) // 2), len(b) // 2
    words = a[:cut_a] + b[cut_b:] if rng.random() < 0.5 else b[: max(1, cut_b)] + a[cut_a:]
    return " ".join(words) or " ".join(a)


def _abstract(archive, text, rng):
    sentences = [s for s in SENTENCE_END.split(str(text or "")) if s.strip()]
    return " ".join(rng.choice(archive.sentences) for _ in sentences)


def _doi(numbers):
    return f"10.5281/zenodo.{next(numbers)}"


def _in_year(iso_date, year):
    """The same day of the year in `year` (28 February for 29 February); empty if there is none."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso_date):
        return ""
    month_day = iso_date[5:]
    if month_day == "02-29":
        month_day = "02-28"
    return f"{year:04d}-{month_day}"


def _truncate(data, limit):
    kept = 0
    for session in data["sessions"]:
        session["presentations"] = session["presentations"][: max(0, limit - kept)]
        kept += len(session["presentations"])
    data["sessions"] = [s for s in data["sessions"] if s["presentations"]]


def _write_skeleton(real_root, out):
    """The Conferences page and the archive page; nothing else of the real tree."""
    (out / ARCHIVE_CONTENT).mkdir(parents=True)
    (out / ARCHIVE_DATA).mkdir(parents=True)
    (out / "content/conferences/_index.md").write_text(MINIMAL_INDEX, encoding="utf-8")
    landing = real_root / ARCHIVE_CONTENT / "_index.md"
    if landing.is_file():
        shutil.copyfile(landing, out / ARCHIVE_CONTENT / "_index.md")


def _write_conference(out, year, city, location, data):
    stem = f"{year:04d}-{city}"
    (out / ARCHIVE_DATA / f"{stem}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    stub = (
        f'+++\nyear = "{year}"\ndraft = "false"\ntitle = "IASSIST {year} Conference Archive"\n'
        f'location = {json.dumps(location)}\ndatalink = "/{ARCHIVE_DATA}/{stem}.json"\n'
        'type = "conferences-archive"\n+++\n'
    )
    (out / ARCHIVE_CONTENT / f"{stem}.md").write_text(stub, encoding="utf-8")


def _stub_location(root, json_name):
    """The `location` of the archive stub whose datalink names this JSON file."""
    for stub in sorted((root / ARCHIVE_CONTENT).glob("*.md")):
        text = stub.read_text(encoding="utf-8")
        if f"/{json_name}" in text:
            found = re.search(r'^location\s*[=:]\s*"([^"]*)"', text, re.MULTILINE)
            return found[1] if found else ""
    return ""


def _name_parts(name):
    """(given names, surname) of "Surname, Given" or "Given Surname"."""
    name = str(name or "").strip()
    if "," in name:
        surname, _, given = name.partition(",")
        return given.strip(), surname.strip()
    words = name.split()
    return (" ".join(words[:-1]), words[-1]) if len(words) >= 2 else ("", "")


def _presentations(programmes):
    for _, _, data in programmes:
        for session in data.get("sessions") or []:
            yield from session.get("presentations") or []


def _count(conferences):
    return sum(len(s["presentations"]) for _, _, data in conferences for s in data["sessions"])
