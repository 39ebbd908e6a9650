"""The plan's pages in the page tree: found again or created, then given their content through revisions."""

import datetime
from collections import Counter
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page, Site

from conferences.models import ConferenceArchivePage, ConferenceIndexPage, ConferencePage, ContentPage

from ..errors import ImportConflict, SourceWarning
from .bookkeeping import fingerprint
from .important_dates import apply_dates, dates_to_write, remember_dates
from .landing import apply_landing, desired_landing, landing_to_write, remember_landing
from .links import normalise_site_path
from .menus import plan_menus

PAGE_MODELS = {
    "index": ConferenceIndexPage,
    "archive": ConferenceArchivePage,
    "conference": ConferencePage,
    "content": ContentPage,
}
CONFERENCE_FACTS = (
    "kind", "ordinal", "year", "theme", "start_date", "end_date", "date_precision", "city", "country", "host",
    "attendance_mode", "website_url", "zenodo_community", "recordings_url", "time_zone",
)  # fmt: skip
NULLABLE_FACTS = ("ordinal", "start_date", "end_date")


class PageWriter:
    """Holds the page written for each planned page (`pages`, by plan key) and those whose content changed."""

    def __init__(self, plan, report, records, media):
        self.plan, self.report, self.records, self.media = plan, report, records, media
        self.warnings = report.warnings
        self.root_page = Site.objects.get(is_default_site=True).root_page.specific
        self.pages = {}
        self.changed = []

    def ensure_pages(self):
        """Every planned page exists in the tree (parents first), so that links between them can resolve."""
        for item in self.plan.pages:
            parent = self.root_page if item.parent_key is None else self.pages[item.parent_key]
            self.pages[item.key] = self._find_page(item, parent) or self._create_page(item, parent)

    def write_content(self, streams, progress):
        # Every body is built first: the menus need to know which pages the bodies lead to.
        desired, links, landings = {}, {}, {}
        index_item = self.plan.by_key().get("index")
        for item in self.plan.pages:
            streams.begin_page()
            desired[item.key] = self._desired_state(item, self.pages[item.key], streams)
            links[item.key] = streams.linked_pages
            landings[item.key] = desired_landing(item, streams, index_item) if index_item else None
        menus = plan_menus(self.plan, self, streams.resolver, links, self.warnings)
        for done, item in enumerate(self.plan.pages, start=1):
            page = self.pages[item.key]
            landing = landing_to_write(item, page, landings[item.key], self.records, self.warnings)
            dates = dates_to_write(item, page, self.records, self.warnings)
            self._apply_content(item, page, desired[item.key], menus.get(item.key), landing, dates)
            progress("pages", done, len(self.plan.pages))

    def by_url(self):
        by_url = {}
        for item in self.plan.pages:
            page = self.pages[item.key]
            by_url[self.site_path(page)] = page.pk
            for url in item.hugo_urls:
                by_url.setdefault(normalise_site_path(url), page.pk)
        return by_url

    def by_source(self):
        names = Counter()
        candidates = {}
        for item in self.plan.pages:
            for name in _source_names(item.source):
                names[name] += 1
                candidates[name] = self.pages[item.key].pk
        return {name: page_id for name, page_id in candidates.items() if names[name] == 1}

    def site_path(self, page):
        root_path = self.root_page.url_path
        return "/" + page.url_path[len(root_path) :] if page.url_path.startswith(root_path) else page.url_path

    def _find_page(self, item, parent):
        model = PAGE_MODELS[item.kind]
        page = self.records.existing(f"page:{item.key}", Page)
        if page is None:
            found = parent.get_children().filter(slug=item.slug).first()
            page = found.specific if found else None
        if page is not None and not isinstance(page, model):
            raise ImportConflict(
                f"{item.source}: the site already has a {type(page).__name__} at {page.url_path} where the import "
                f"needs a {model.__name__}; move or rename it, then run the import again."
            )
        return page

    def _create_page(self, item, parent):
        page = PAGE_MODELS[item.kind](title=item.title[:255], slug=item.slug, live=False)
        _set_facts(page, item)
        parent.add_child(instance=page)
        self.report.created["pages"] += 1
        return page

    def _apply_content(self, item, page, desired, menu, landing=None, dates=None):
        key = f"page:{item.key}"
        digest = fingerprint(desired)
        content_changed = self.records.fingerprint(key) != digest
        menu = self._menu_to_write(item, page, menu)
        if not content_changed and menu is None and landing is None and dates is None:
            self.report.unchanged["pages"] += 1
            return
        if content_changed:
            if self.records.fingerprint(key) is not None:
                self.report.updated["pages"] += 1
            page.title = item.title[:255]
            _set_facts(page, item)
            _set_content(page, desired)
            self._check(page, item)
        if menu is not None:
            page.menu = menu
            (self.report.updated if self.records.fingerprint(f"menu:{item.key}") else self.report.created)[
                "menus"
            ] += 1
        if landing is not None:
            apply_landing(page, landing)
        if dates is not None:
            apply_dates(page, dates)
        revision = page.save_revision(clean=False, log_action=True)
        if item.live:
            revision.publish(log_action=True)
            if item.published:
                published = timezone.make_aware(datetime.datetime.combine(item.published, datetime.time(12)))
                Page.objects.filter(pk=page.pk).update(first_published_at=published)
        if content_changed:
            self.records.remember(key, page, digest)
        if menu is not None:
            self.records.remember(f"menu:{item.key}", page, fingerprint(_menu_entries(menu)))
        if landing is not None:
            remember_landing(item, page, landing, self.records)
        if dates is not None:
            remember_dates(item, page, dates, self.records)
        self.changed.append(page)

    def _menu_to_write(self, item, page, menu):
        """The planned menu, unless the page holds it already or an editor changed what the last import wrote."""
        if menu is None or not hasattr(page, "menu"):
            return None
        key = f"menu:{item.key}"
        wanted, written = fingerprint(_menu_entries(menu)), self.records.fingerprint(key)
        current = fingerprint(_menu_entries(page.menu.raw_data))
        if wanted in (written, current):
            if written != wanted:
                self.records.remember(key, page, wanted)
            return None
        if current != (written or fingerprint([])):
            self.warnings.append(
                SourceWarning(
                    item.source, "menu changed in the admin since the last import: kept as the editor left it"
                )
            )
            return None
        return menu

    def _desired_state(self, item, page, streams):
        """Everything the page should hold, as plain data: what its fingerprint is taken of."""
        is_archive = isinstance(page, ConferenceArchivePage)
        body = (
            streams.build(
                item.blocks,
                stream_block=type(page).body.field.stream_block if hasattr(type(page), "body") else None,
                page_url=item.hugo_urls[0] if item.hugo_urls else "/",
                source=item.source,
            )
            if not is_archive
            else []
        )
        intro = _archive_intro(item, streams) if is_archive else ""
        banner = self.media.image(item.banner) if item.banner else None
        return {
            "title": item.title,
            "facts": {name: item.facts.get(name) for name in sorted(item.facts)},
            "body": body,
            "intro": intro,
            "image": banner.pk if banner else None,
            "live": item.live,
            "published": item.published,
        }

    def _check(self, page, item):
        """Keep a page whose facts the editor's validation would refuse, without the refused facts."""
        try:
            page.full_clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                if name in CONFERENCE_FACTS and name not in ("kind", "year"):
                    self.warnings.append(SourceWarning(item.source, f"{name} left empty: {' '.join(messages)}"))
                    setattr(page, name, None if name in NULLABLE_FACTS else "")
                elif name not in ("slug",):
                    self.warnings.append(SourceWarning(item.source, f"{name}: {' '.join(messages)}"))


def _menu_entries(raw):
    """A menu as what it shows, whatever the blocks' ids: [(page id, address, label), ...]."""
    values = [entry.get("value") or {} for entry in raw]
    return [[value.get("page"), value.get("url") or "", value.get("label") or ""] for value in values]


def _archive_intro(item, streams):
    parts = [
        streams.rich_text(value, page_url=item.hugo_urls[0], source=item.source)
        for kind, value in item.blocks
        if kind == "paragraph"
    ]
    return "".join(part for part in parts if part)


def _set_facts(page, item):
    if not isinstance(page, ConferencePage):
        return
    for name in CONFERENCE_FACTS:
        if name in item.facts:
            value = item.facts[name]
            setattr(page, name, value if value is not None or name in NULLABLE_FACTS else "")
    page.year = item.facts.get("year") or page.year


def _set_content(page, desired):
    if isinstance(page, ConferenceArchivePage):
        page.intro = desired["intro"]
    else:
        page.body = desired["body"]
    if isinstance(page, ConferencePage) and desired["image"]:
        page.image_id = desired["image"]


def _source_names(source):
    """Names a Hugo `ref` may use for a file: conferences/archive, archive, faq.md's "faq"."""
    path = PurePosixPath(source)
    parts = path.parts[1:] if path.parts and path.parts[0] == "content" else path.parts
    stem_parts = list(parts[:-1]) + ([] if path.stem == "_index" else [path.stem])
    names = {"/".join(stem_parts).lower()}
    if stem_parts:
        names.add(stem_parts[-1].lower())
    return {name for name in names if name}
