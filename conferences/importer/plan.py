"""Second layer of the Hugo import: turn parsed source into a plan of pages and programmes.

The plan says which pages the site should hold, where, with which facts and
blocks (links still as written in the source), which programme each conference
carries, and netlify.toml's redirects. It reads the tree through `parse/` and uses
plain helpers (Django's slugify, conferences.zenodo); it imports no Django model,
touches no database and imports nothing from `write/`, which applies the plan.
"""

import html
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import parse_qs, urlsplit

from django.utils.text import slugify

from conferences.zenodo import NotAZenodoTarget, parse_zenodo

from .errors import SourceWarning
from .parse.archive import check_ordinals, read_archive
from .parse.dated_lists import find_dated_lists
from .parse.dates import parse_date_text
from .parse.early import parse_early_conferences, split_place
from .parse.landing_sections import map_landing
from .parse.markdown import body_to_blocks
from .parse.netlify import parse_netlify_redirects
from .parse.openconf.conferences import lay_over_exports
from .parse.sidebars import read_sidebar, section_sidebar, sidebar_of_type
from .parse.source import conference_content_files, front_matter_bool, front_matter_date, hugo_aliases, hugo_url
from .parse.source import read_content_file as read_file
from .parse.static_files import programme_exports, section_files
from .parse.typed_pages import type_page

SECTION = "content/conferences"
INDEX_FILE = f"{SECTION}/_index.md"
ARCHIVE_FILE = f"{SECTION}/archive/_index.md"
EARLY_FILE = f"{SECTION}/1974-1999-conferences.md"
COMMUNITY_KEY = "section:community"
ANNUAL_FOLDER = re.compile(r"^iassist(?P<year>\d{4})(?P<suffix>.*)$")
AFRICA_FOLDER = re.compile(r"^iassist-africa-(?P<year>\d{4})$")
VIRTUAL_PLACES = {"gvc", "virtual", "online"}
YOUTUBE_HOSTS = {"www.youtube.com", "youtube.com", "m.youtube.com"}
REGIONAL_FOLDER = re.compile(r"^iassist-(?P<place>[a-z]+)-(?P<year>\d{4})$")
WEBSITE_PREFIX = re.compile(r"^IASSIST\b[^-–—:]*\b\d{4}\s*[-–—:]\s+")
HOME_LABEL = "Home"


@dataclass
class PagePlan:
    key: str
    kind: str  # "index", "archive", "conference" or "content"
    parent_key: str | None  # None for pages directly under the home page
    slug: str
    title: str
    source: str
    facts: dict = field(default_factory=dict)
    blocks: list = field(default_factory=list)
    live: bool = True
    published: object = None
    hugo_urls: list = field(default_factory=list)
    banner: str = ""
    programme: object = None  # an ArchiveConference, for conferences with a programme
    schedule: object = None  # a SchedulePlan, for conferences with an OpenConf export
    section_url: str = ""  # for a page made from a section's _index.md: the section, whose feed Hugo published
    weight: int = 0  # front matter's `weight`: Hugo lists pages by it, then by title
    menu: list | None = None  # (href, label) as the old sidebar wrote them; None: no menu of its own
    # The Conferences page's computed panel: {"panel": True} on the index, {"summary", "buttons"} on a conference.
    landing: dict | None = None
    important_dates: list = field(default_factory=list)  # a conference's, read from its pages' dated lists

    @property
    def menu_label(self):
        """The title without the website's name in front: "IASSIST 2025 - FAQ" is "FAQ" in its menu."""
        return WEBSITE_PREFIX.sub("", self.title).strip() or self.title

    def menu_order(self):
        """Hugo's order of a section's pages: by weight (pages without one last), then by title."""
        return (self.weight == 0, self.weight, self.menu_label.lower(), self.source)


@dataclass
class SitePlan:
    pages: list
    redirects: list
    static_root: object
    # Files the old site served under /conferences/ whether a page showed them or not: all come in.
    section_files: list = field(default_factory=list)
    # (folder, page key): every address in an OpenConf export folder leads to that conference.
    programme_exports: list = field(default_factory=list)

    def by_key(self):
        return {page.key: page for page in self.pages}


def build_site_plan(root, warnings):
    """Everything the import will write, read from the Hugo tree at `root`."""
    root = PurePosixPath(str(root))
    files = {path: read_file(root, path) for path in conference_content_files(root)}
    builder = _PlanBuilder(root, files, warnings)
    pages = builder.build()
    _lay_over_exports(root, pages, warnings)
    static_root = f"{root}/static"
    exports = programme_exports(static_root)
    return SitePlan(
        pages,
        parse_netlify_redirects(root, warnings),
        static_root,
        section_files=section_files(static_root, exports),
        programme_exports=[(folder, _owner_of(folder, pages)) for folder in exports],
    )


def _owner_of(folder, pages):
    """The key of the planned page nearest above `folder` by address: the conference whose export it is."""
    by_url = {url.lower(): page.key for page in pages for url in page.hugo_urls}
    parent = PurePosixPath(folder)
    while str(parent) != "/":
        parent = parent.parent
        address = str(parent).rstrip("/").lower() + "/"
        if address in by_url:
            return by_url[address]
    return "index"


def _lay_over_exports(root, pages, warnings):
    """A conference with an OpenConf export: its programme as it ran, its schedule, its venue's time zone."""
    conferences = [page for page in pages if page.kind == "conference"]
    for page, programme, schedule in lay_over_exports(root, conferences, warnings):
        page.programme, page.schedule = programme, schedule
        page.facts["time_zone"] = schedule.time_zone


class _PlanBuilder:
    def __init__(self, root, files, warnings):
        self.root, self.files, self.warnings = root, files, warnings
        self.pages = {}
        self.used = set()

    def build(self):
        self._index()
        self._archive()
        self._archive_conferences()
        self._early_conferences()
        self._event_folders()
        self._landing_panel()
        self._section_pages()
        self._code_of_conduct()
        return self._parents_first()

    # -- the section's landing pages -------------------------------------------

    def _index(self):
        source = self.files.get(INDEX_FILE)
        plan = self._page_from_file(source, "index", None, slug="conferences") if source else None
        if plan is None:
            self.warnings.append(SourceWarning(INDEX_FILE, "missing: the Conferences page is created empty"))
            plan = PagePlan(
                "index", "index", None, "conferences", "Conferences", INDEX_FILE, hugo_urls=["/conferences/"]
            )
        plan.key = "index"
        plan.menu = read_sidebar(self.root, section_sidebar(self.root), self.warnings)
        self._add(plan)

    def _archive(self):
        source = self.files.get(ARCHIVE_FILE)
        if source:
            plan = self._page_from_file(source, "archive", "index", slug="archive")
        else:
            plan = PagePlan("archive", "archive", "index", "archive", "Conference Archive", ARCHIVE_FILE)
        plan.key = "archive"
        if EARLY_FILE in self.files:
            plan.hugo_urls.append(hugo_url(EARLY_FILE, self.files[EARLY_FILE].front_matter))
            self.used.add(EARLY_FILE)
        self._add(plan)

    # -- conferences ----------------------------------------------------------------

    def _archive_conferences(self):
        pairs = read_archive(self.root, self.warnings)
        disputed = {id(conference) for conference in check_ordinals([c for _, c in pairs if c], [])}
        for stub, conference in pairs:
            self.used.add(stub["path"]) if "path" in stub else None
            self._add(self._archive_conference(stub, conference, disputed))

    def _archive_conference(self, stub, conference, disputed):
        year = conference.year if conference else int(stub["year"])
        city, country = split_place(stub.get("location") or (conference.city if conference else ""))
        stem = PurePosixPath(stub.get("data_path") or f"{year}").stem
        city = city or (conference.city if conference else "")
        facts = {"kind": "annual", "year": year, "city": city, "country": country}
        if city.strip().lower() in VIRTUAL_PLACES:
            facts.update(city="", attendance_mode="online")
        if conference:
            facts.update(
                theme=conference.theme,
                host=conference.host,
                start_date=conference.start_date,
                end_date=conference.end_date,
                date_precision="day" if conference.start_date else "year",
                ordinal=None if id(conference) in disputed else conference.ordinal,
                website_url=conference.url if conference.url.startswith(("http://", "https://")) else "",
            )
        stub_path = _stub_path(stub, year)
        self.used.add(stub_path)
        return PagePlan(
            key=f"annual-{year}",
            kind="conference",
            parent_key="index",
            slug=_slug(stem),
            title=f"IASSIST {year}",
            source=conference.path if conference else stub_path,
            facts=facts,
            hugo_urls=[hugo_url(stub_path)],
            programme=conference,
        )

    def _early_conferences(self):
        source = self.files.get(EARLY_FILE)
        if not source:
            return
        counts = {}
        for early in parse_early_conferences(source, self.warnings):
            counts[early.year] = counts.get(early.year, 0) + 1
            key = f"early-{early.year}-{counts[early.year]}"
            title = f"IASSIST {early.title}" if early.title.strip().isdigit() else early.title
            self._add(
                PagePlan(
                    key=key,
                    kind="conference",
                    parent_key="index",
                    slug=_slug(f"{title}-{early.city}" if counts[early.year] > 1 else title),
                    title=title,
                    source=EARLY_FILE,
                    facts={
                        "kind": "annual",
                        "year": early.year,
                        "theme": early.theme,
                        "host": early.host,
                        "city": early.city,
                        "country": early.country,
                        "start_date": early.start_date,
                        "end_date": early.end_date,
                        "date_precision": early.date_precision,
                        "website_url": early.website_url,
                        "ordinal": early.ordinal,
                    },
                )
            )

    def _event_folders(self):
        groups = {}
        for folder in self._folders():
            identity = self._folder_identity(folder)
            if identity:
                groups.setdefault(identity, []).append(folder)
        for identity, folders in sorted(groups.items()):
            folders.sort(
                key=lambda name: (not ANNUAL_FOLDER.match(name) or bool(ANNUAL_FOLDER.match(name)["suffix"]), name)
            )
            self._event_conference(identity, folders[0])
            for secondary in folders[1:]:
                self.warnings.append(
                    SourceWarning(
                        f"{SECTION}/{secondary}/_index.md",
                        f"another site of the same event as {folders[0]}: imported as its sub-page",
                    )
                )
                self._folder_pages(secondary, parent_key=identity, as_section=True)

    def _folders(self):
        names = set()
        for path in self.files:
            parts = PurePosixPath(path).parts
            if len(parts) > 3 and path.startswith(f"{SECTION}/") and parts[2] != "archive":
                names.add(parts[2])
        return sorted(names)

    def _folder_identity(self, folder):
        index_file = self.files.get(f"{SECTION}/{folder}/_index.md")
        title = str(index_file.front_matter.get("title", "")) if index_file else ""
        if match := ANNUAL_FOLDER.match(folder):
            return f"annual-{match['year']}"
        if match := AFRICA_FOLDER.match(folder):
            return f"workshop-africa-{match['year']}"
        if match := REGIONAL_FOLDER.match(folder):
            if title.strip().startswith(f"IASSIST {match['year']}"):
                return f"annual-{match['year']}"
            return f"event-{folder}"
        return None

    def _event_conference(self, identity, folder):
        index_path = f"{SECTION}/{folder}/_index.md"
        source = self.files[index_path]
        page = self._page_from_file(source, "conference", "index", slug=folder)
        existing = self.pages.get(identity)
        year = int(re.search(r"(\d{4})", identity)[1])
        if existing:
            existing.blocks, existing.banner, existing.slug = page.blocks, page.banner, page.slug
            existing.hugo_urls += page.hugo_urls
            existing.live, existing.published = page.live, page.published
            existing.source = index_path
            existing.section_url = page.section_url
            page = existing
        else:
            page.key = identity
            page.title = _event_title(page.title, year)
            page.facts = {"kind": _kind(identity), "year": year, "date_precision": "year"}
            self._add(page)
        self._event_facts(page, folder)
        self._folder_pages(folder, parent_key=identity, as_section=False)
        page.menu = self._website_menu(page, source)

    def _event_facts(self, page, folder):
        text = " ".join(_block_text(block) for block in page.blocks).lower()
        if "virtual" in folder or "virtual" in page.title.lower():
            page.facts["attendance_mode"] = "online"
        elif "hybrid" in text or "remote participation" in text:
            page.facts["attendance_mode"] = "hybrid"
        zenodo = _first_zenodo_community(page.blocks)
        if zenodo:
            page.facts["zenodo_community"] = zenodo
        playlist = _first_recordings_playlist(page.blocks)
        if playlist:
            page.facts["recordings_url"] = playlist
        if not page.facts.get("start_date"):
            for line in (_event_line(self.pages["index"].blocks, folder), _event_line(page.blocks, None)):
                facts = _facts_from_line(line, page.facts["year"]) if line else None
                if facts:
                    page.facts.update(facts)
                    break

    def _landing_panel(self):
        """The hand-made panel of forthcoming and recent conferences becomes the computed one, if it all maps."""
        index = self.pages["index"]
        mapped = map_landing(
            index.blocks, conference_for=self._conference_for, path=index.source, warnings=self.warnings
        )
        if mapped is None:
            return
        index.blocks, index.landing = mapped.blocks, {"panel": True}
        for key, entry in mapped.entries.items():
            self.pages[key].landing = entry

    def _conference_for(self, href):
        """The key of the planned conference whose website `href` (as the Conferences page wrote it) leads to."""
        path = urlsplit(href.strip()).path
        if urlsplit(href.strip()).netloc:
            return None
        parts = [part for part in path.split("/") if part not in ("", ".")]
        if parts[:1] == ["conferences"]:
            parts = parts[1:]
        identity = self._folder_identity(parts[0]) if len(parts) == 1 else None
        page = self.pages.get(identity) if identity else None
        return identity if page is not None and page.kind == "conference" else None

    def _folder_pages(self, folder, parent_key, as_section):
        prefix = f"{SECTION}/{folder}/"
        conference = self.pages[parent_key]
        if as_section:
            source = self.files[f"{prefix}_index.md"]
            section = self._page_from_file(source, "content", parent_key, slug=folder)
            self._add(section)
            parent_key = section.key
        self.used.add(f"{prefix}_index.md")
        for path in sorted(p for p in self.files if p.startswith(prefix) and p != f"{prefix}_index.md"):
            if path.count("/") != prefix.count("/"):
                continue
            page = self._page_from_file(self.files[path], "content", parent_key)
            page.blocks = type_page(page.blocks, path=path, warnings=self.warnings)
            page.blocks, dates = find_dated_lists(
                page.blocks, path=path, warnings=self.warnings, year=conference.facts.get("year")
            )
            conference.important_dates.extend(dates)
            self._add(page)

    def _website_menu(self, page, index_file):
        """The sidebar that the website's type chose; failing one of its own, Home and its pages in Hugo's order."""
        sidebar = sidebar_of_type(self.root, index_file.front_matter.get("type"))
        if sidebar and sidebar != section_sidebar(self.root):
            return read_sidebar(self.root, sidebar, self.warnings)
        children = sorted(
            (child for child in self.pages.values() if child.parent_key == page.key and child.live),
            key=PagePlan.menu_order,
        )
        if not children:
            return None
        return [(page.section_url, HOME_LABEL)] + [(child.hugo_urls[0], child.menu_label) for child in children]

    # -- other pages ----------------------------------------------------------------

    def _section_pages(self):
        for path, source in sorted(self.files.items()):
            if path in self.used or not path.startswith(f"{SECTION}/") or path.count("/") != 2:
                continue
            self._add(self._page_from_file(source, "content", "index"))

    def _code_of_conduct(self):
        path = "content/community/code-of-conduct.md"
        if path not in self.files:
            return
        self._add(
            PagePlan(
                COMMUNITY_KEY,
                "content",
                None,
                "community",
                "Community",
                path,
                blocks=[
                    (
                        "paragraph",
                        '<p>The IASSIST community: <a href="https://iassistdata.org/community/">'
                        "news, interest groups and membership</a>.</p>",
                    )
                ],
            )
        )
        self._add(self._page_from_file(self.files[path], "content", COMMUNITY_KEY))

    # -- helpers --------------------------------------------------------------------

    def _page_from_file(self, source, kind, parent_key, slug=None):
        url = hugo_url(source.path, source.front_matter)
        blocks = body_to_blocks(
            source.body,
            path=source.path,
            warnings=self.warnings,
            page_url=url,
            static_root=f"{self.root}/static",
            first_line=source.body_line,
        )
        title = str(source.front_matter.get("title") or "").strip() or _title_from_path(source.path)
        self.used.add(source.path)
        return PagePlan(
            key=source.path,
            kind=kind,
            parent_key=parent_key,
            slug=_slug(slug or PurePosixPath(url.rstrip("/")).name or title),
            title=title,
            source=source.path,
            blocks=blocks,
            live=not front_matter_bool(source.front_matter.get("draft")),
            published=front_matter_date(source.front_matter.get("date")),
            hugo_urls=[url, *hugo_aliases(source.front_matter)],
            banner=_banner_unless_shown(str(source.front_matter.get("banner") or ""), blocks),
            section_url=url if PurePosixPath(source.path).name == "_index.md" else "",
            weight=_weight(source.front_matter.get("weight")),
        )

    def _add(self, plan):
        self.pages[plan.key] = plan

    def _parents_first(self):
        ordered, placed = [], set()

        def place(plan):
            if plan.key in placed:
                return
            if plan.parent_key and plan.parent_key in self.pages:
                place(self.pages[plan.parent_key])
            placed.add(plan.key)
            ordered.append(plan)

        for plan in self.pages.values():
            place(plan)
        _dedupe_slugs(ordered)
        return ordered


def _banner_unless_shown(banner, blocks):
    """The front matter's banner, or "" when the body shows that image already.

    A conference page shows its image above the body: a banner that is also one of the body's
    figures (IASSIST 2025's and 2027's front pages) would show the same picture twice in a row.
    """
    shown = {value["src"] for kind, value in _flatten(blocks) if kind == "image"}
    return "" if banner in shown else banner


def _weight(value):
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _stub_path(stub, year):
    return stub.get("path") or f"{SECTION}/archive/{PurePosixPath(stub.get('data_path', str(year))).stem}.md"


def _slug(text):
    return slugify(str(text).replace(".", "-"))[:80] or "page"


def _dedupe_slugs(plans):
    taken = {}
    for plan in plans:
        siblings = taken.setdefault(plan.parent_key, set())
        slug, number = plan.slug, 2
        while slug in siblings:
            slug, number = f"{plan.slug}-{number}", number + 1
        plan.slug = slug
        siblings.add(slug)


def _title_from_path(path):
    return PurePosixPath(path).stem.replace("-", " ").replace("_", " ").strip().capitalize()


def _event_title(title, year):
    cleaned = re.sub(r"\s*-\s*Main Page\s*$", "", title).strip()
    return cleaned or f"IASSIST {year}"


def _kind(identity):
    if identity.startswith("annual-"):
        return "annual"
    return "workshop" if identity.startswith("workshop-") else "other"


def _block_text(block):
    kind, value = block
    if kind == "heading":
        return value["text"]
    if kind == "paragraph":
        return re.sub(r"<[^>]+>", " ", value)
    if kind == "notice":
        return " ".join(_block_text(child) for child in value["content"])
    return ""


def _first_zenodo_community(blocks):
    for href in _hrefs(blocks):
        if "zenodo.org/communities/" in href:
            try:
                return parse_zenodo(href).url
            except NotAZenodoTarget:
                continue
    return ""


def _first_recordings_playlist(blocks):
    """Event pages link their recordings as a YouTube playlist; that link is the conference's playlist."""
    for href in _hrefs(blocks):
        parts = urlsplit(html.unescape(href))
        playlist = parse_qs(parts.query).get("list")
        if parts.scheme == "https" and parts.hostname in YOUTUBE_HOSTS and parts.path == "/playlist" and playlist:
            return f"https://www.youtube.com/playlist?list={playlist[0]}"
    return ""


def _hrefs(blocks):
    for kind, value in blocks:
        if kind == "event_buttons":
            yield from (button["href"] for button in value)
        elif kind == "paragraph":
            yield from re.findall(r'href="([^"]+)"', value)
        elif kind == "notice":
            yield from _hrefs(value["content"])


def _flatten(blocks):
    for kind, value in blocks:
        if kind == "notice":
            yield from _flatten(value["content"])
        else:
            yield kind, value


def _event_line(blocks, folder):
    """The text just before the button that leads to `folder` ("Entebbe, Uganda, November 4-6, 2026")."""
    last_text = ""
    for kind, value in _flatten(blocks):
        if kind in ("paragraph", "heading"):
            last_text = _block_text((kind, value)).strip()
            if folder is None and _facts_from_line(last_text, None):
                return last_text
        elif kind == "event_buttons" and folder:
            if any(button["href"].strip("./").split("/")[0] == folder for button in value):
                return last_text
    return ""


def _facts_from_line(line, year):
    """City, country and dates from a line such as "Bristol, England, UK, June 3 - June 6, 2025"."""
    parts = [part.strip() for part in re.sub(r"\s+", " ", line).strip(" .").split(",")]
    for cut in range(1, len(parts)):
        span = parse_date_text(", ".join(parts[cut:]), default_year=year)
        if span and span.start and (year is None or span.year == year):
            place = parts[:cut]
            if place and re.search(r"(workshop|conference|annual)", place[0], re.IGNORECASE):
                head = re.split(r"\bin\b", place[0], maxsplit=1)
                place = ([head[1].strip()] if len(head) > 1 else []) + place[1:]
            city, country = (
                split_place(", ".join(place)) if len(place) > 1 else ((place[0], "") if place else ("", ""))
            )
            facts = {"start_date": span.start, "end_date": span.end, "date_precision": span.precision}
            if city and "virtual" not in city.lower():
                facts.update(city=city, country=country)
            return facts
    return None
