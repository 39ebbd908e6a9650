"""Third layer of the Hugo import: apply a SitePlan to the database, idempotently and atomically."""

import datetime
import hashlib
import json
from collections import Counter
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

from ..models import (
    ConferenceArchivePage,
    ConferenceIndexPage,
    ConferencePage,
    ContentPage,
    Person,
    Presentation,
    PresentationDOI,
    Presenter,
    Session,
)
from .bookkeeping import ImportRecords
from .errors import SourceWarning
from .links import LinkResolver, normalise_site_path
from .media import MediaLibrary
from .plan import build_site_plan
from .programme_writer import PeopleDirectory, programme_names, replace_programme
from .stream import StreamBuilder

PAGE_MODELS = {
    "index": ConferenceIndexPage,
    "archive": ConferenceArchivePage,
    "conference": ConferencePage,
    "content": ContentPage,
}
CONFERENCE_FACTS = (
    "kind", "ordinal", "year", "theme", "start_date", "end_date", "date_precision", "city", "country", "host",
    "attendance_mode", "website_url", "zenodo_community", "recordings_url",
)  # fmt: skip
REDIRECT_SECTIONS = ("/conferences", "/community/code-of-conduct")


class ImportConflict(Exception):
    """The site holds something the import cannot adopt (a page of another type in its place)."""


@dataclass
class ImportReport:
    dry_run: bool = False
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    warnings: list = field(default_factory=list)
    totals: dict = field(default_factory=dict)

    @property
    def changed(self):
        return bool(sum(self.created.values()) or sum(self.updated.values()))

    def summary_line(self):
        names = ("conferences", "sessions", "presentations", "presenters", "dois", "pages", "images", "documents",
                 "redirects")  # fmt: skip
        counts = " ".join(f"{name}={self.totals.get(name, 0)}" for name in names)
        return f"{counts} warnings={len(self.warnings)}"


@contextmanager
def search_updates_suspended():
    """Index once at the end instead of once per saved object (the import saves thousands)."""
    models = list(search_index.get_indexed_models())
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            if getattr(model, "search_auto_update", True):
                post_save.connect(post_save_signal_handler, sender=model)


def fingerprint(data):
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


class HugoImporter:
    def __init__(self, root, *, dry_run=False, progress=None):
        self.root = root
        self.dry_run = dry_run
        self.progress = progress or (lambda step, done, total: None)

    def run(self):
        warnings = []
        plan = build_site_plan(self.root, warnings)
        report = ImportReport(dry_run=self.dry_run, warnings=warnings)
        media = None
        try:
            with transaction.atomic():
                with disable_reference_index_auto_update(), search_updates_suspended():
                    self.records = ImportRecords()
                    media = MediaLibrary(plan.static_root, self.records, dry_run=self.dry_run)
                    _Run(plan, report, self.records, media, self.progress).write()
                if self.dry_run:
                    transaction.set_rollback(True)
        except BaseException:
            if media:
                media.discard_created_files()
            raise
        if self.dry_run and media:
            media.discard_created_files()
        return report


class _Run:
    def __init__(self, plan, report, records, media, progress):
        self.plan, self.report, self.records, self.media, self.progress = plan, report, records, media, progress
        self.warnings = report.warnings
        self.site = Site.objects.get(is_default_site=True)
        self.root_page = self.site.root_page.specific
        self.pages = {}
        self.changed_pages = []
        self.new_presentations = []
        self.new_people = []

    def write(self):
        self._ensure_pages()
        resolver = LinkResolver(self._pages_by_url(), self._pages_by_source(), self.media, self.warnings)
        self.streams = StreamBuilder(resolver, self.media, self.warnings)
        self.resolver = resolver
        for done, item in enumerate(self.plan.pages, start=1):
            self._apply_content(item, self.pages[item.key])
            self.progress("pages", done, len(self.plan.pages))
        self._programmes()
        self._redirects()
        if self.report.changed:
            self._update_indexes()
            _refresh_planner_statistics()
        self.report.totals = self._totals()

    # -- pages ----------------------------------------------------------------------

    def _ensure_pages(self):
        for item in self.plan.pages:
            parent = self.root_page if item.parent_key is None else self.pages[item.parent_key]
            self.pages[item.key] = self._find_page(item, parent) or self._create_page(item, parent)

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
        self._set_facts(page, item)
        parent.add_child(instance=page)
        self.report.created["pages"] += 1
        return page

    def _pages_by_url(self):
        by_url = {}
        for item in self.plan.pages:
            page = self.pages[item.key]
            by_url[self._site_path(page)] = page.pk
            for url in item.hugo_urls:
                by_url.setdefault(normalise_site_path(url), page.pk)
        return by_url

    def _pages_by_source(self):
        names = Counter()
        candidates = {}
        for item in self.plan.pages:
            for name in _source_names(item.source):
                names[name] += 1
                candidates[name] = self.pages[item.key].pk
        return {name: page_id for name, page_id in candidates.items() if names[name] == 1}

    def _site_path(self, page):
        root_path = self.root_page.url_path
        return "/" + page.url_path[len(root_path) :] if page.url_path.startswith(root_path) else page.url_path

    def _apply_content(self, item, page):
        desired = self._desired_state(item, page)
        key = f"page:{item.key}"
        digest = fingerprint(desired)
        if self.records.fingerprint(key) == digest:
            self.report.unchanged["pages"] += 1
            return
        if self.records.fingerprint(key) is not None:
            self.report.updated["pages"] += 1
        page.title = item.title[:255]
        self._set_facts(page, item)
        self._set_content(page, desired)
        self._check(page, item)
        revision = page.save_revision(clean=False, log_action=True)
        if item.live:
            revision.publish(log_action=True)
            if item.published:
                published = timezone.make_aware(datetime.datetime.combine(item.published, datetime.time(12)))
                Page.objects.filter(pk=page.pk).update(first_published_at=published)
        self.records.remember(key, page, digest)
        self.changed_pages.append(page)

    def _desired_state(self, item, page):
        body = (
            self.streams.build(
                item.blocks,
                stream_block=type(page).body.field.stream_block if hasattr(type(page), "body") else None,
                page_url=item.hugo_urls[0] if item.hugo_urls else "/",
                source=item.source,
            )
            if not isinstance(page, ConferenceArchivePage)
            else []
        )
        intro = self._archive_intro(item) if isinstance(page, ConferenceArchivePage) else ""
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

    def _archive_intro(self, item):
        parts = [
            self.streams.rich_text(value, page_url=item.hugo_urls[0], source=item.source)
            for kind, value in item.blocks
            if kind == "paragraph"
        ]
        return "".join(part for part in parts if part)

    def _set_facts(self, page, item):
        if not isinstance(page, ConferencePage):
            return
        for name in CONFERENCE_FACTS:
            if name in item.facts:
                value = item.facts[name]
                setattr(
                    page, name, value if value is not None or name in ("ordinal", "start_date", "end_date") else ""
                )
        page.year = item.facts.get("year") or page.year

    def _set_content(self, page, desired):
        if isinstance(page, ConferenceArchivePage):
            page.intro = desired["intro"]
        else:
            page.body = desired["body"]
        if isinstance(page, ConferencePage) and desired["image"]:
            page.image_id = desired["image"]

    def _check(self, page, item):
        """Keep a page whose facts the editor's validation would refuse, without the refused facts."""
        try:
            page.full_clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                if name in CONFERENCE_FACTS and name not in ("kind", "year"):
                    self.warnings.append(SourceWarning(item.source, f"{name} left empty: {' '.join(messages)}"))
                    setattr(page, name, None if name in ("ordinal", "start_date", "end_date") else "")
                elif name not in ("slug",):
                    self.warnings.append(SourceWarning(item.source, f"{name}: {' '.join(messages)}"))

    # -- programmes -----------------------------------------------------------------

    def _programmes(self):
        with_programme = [item for item in self.plan.pages if item.programme is not None]
        changed = []
        for item in with_programme:
            conference = self.pages[item.key]
            digest = fingerprint(asdict(item.programme))
            if self.records.fingerprint(f"programme:{item.key}") == digest and conference.sessions.exists():
                self.report.unchanged["programmes"] += 1
            else:
                changed.append((item, conference, digest))
        people = PeopleDirectory()
        self.new_people = people.ensure(name for item, _, _ in changed for name in programme_names(item.programme))
        self.report.created["people"] += len(self.new_people)
        for done, (item, conference, digest) in enumerate(changed, start=1):
            existed = conference.sessions.exists()
            self.new_presentations += replace_programme(conference, item.programme, people)
            self.records.remember(f"programme:{item.key}", conference, digest)
            (self.report.updated if existed else self.report.created)["programmes"] += 1
            self.progress("programmes", done, len(changed))

    # -- redirects ------------------------------------------------------------------

    def _redirects(self):
        wanted = {}
        live_paths = {self._site_path(page) for page in self.pages.values()}
        for item in self.plan.pages:
            page = self.pages[item.key]
            for url in item.hugo_urls:
                old = normalise_site_path(url)
                if old not in live_paths:
                    wanted[old] = ("page", page.pk, True)
        for rule in self.plan.redirects:
            old = normalise_site_path(rule.from_path)
            if not old.startswith(REDIRECT_SECTIONS) or old in live_paths or "*" in rule.from_path:
                continue
            target = self.resolver.resolve(rule.to_path, page_url="/", source="netlify.toml")
            value = target.value.url if target.kind == "document" else target.value
            if value:
                wanted.setdefault(old, (target.kind if target.kind == "page" else "url", value, rule.status != 302))
        for old, (kind, value, permanent) in sorted(wanted.items()):
            self._redirect(old, kind, value, permanent)

    def _redirect(self, old, kind, value, permanent):
        key, digest = f"redirect:{old}", fingerprint([kind, value, permanent])
        if self.records.fingerprint(key) == digest:
            self.report.unchanged["redirects"] += 1
            return
        redirect, created = Redirect.objects.update_or_create(
            old_path=Redirect.normalise_path(old),
            site=None,
            defaults={
                "redirect_page_id": value if kind == "page" else None,
                "redirect_link": "" if kind == "page" else value,
                "is_permanent": permanent,
            },
        )
        self.records.remember(key, redirect, digest)
        (self.report.created if created else self.report.updated)["redirects"] += 1

    # -- indexes and totals ---------------------------------------------------------

    def _update_indexes(self):
        for page in self.changed_pages:
            ReferenceIndex.create_or_update_for_object(page)
        backends = list(get_search_backends(with_auto_update=True))
        for backend in backends:
            for page in self.changed_pages:
                backend.add(page.specific)
            for chunk in _chunks([person.pk for person in self.new_people]):
                backend.add_bulk(Person, list(Person.objects.filter(pk__in=chunk)))
            for chunk in _chunks([presentation.pk for presentation in self.new_presentations]):
                queryset = Presentation.objects.filter(pk__in=chunk).prefetch_related("dois", "presenters__person")
                backend.add_bulk(Presentation, list(queryset))

    def _totals(self):
        conference_ids = [page.pk for key, page in self.pages.items() if isinstance(page, ConferencePage)]
        presentations = Presentation.objects.filter(conference_id__in=conference_ids)
        dois = set(PresentationDOI.objects.filter(presentation__in=presentations).values_list("doi", flat=True))
        dois |= set(
            Presenter.objects.filter(presentation__in=presentations).exclude(doi="").values_list("doi", flat=True)
        )
        by_kind = Counter(record.key.split(":", 1)[0] for record in self.records.by_key.values())
        return {
            "conferences": len(conference_ids),
            "sessions": Session.objects.filter(conference_id__in=conference_ids).count(),
            "presentations": presentations.count(),
            "presenters": Presenter.objects.filter(presentation__in=presentations).count(),
            "dois": len(dois),
            "pages": len(self.pages),
            "images": by_kind["image"],
            "documents": by_kind["document"],
            "redirects": by_kind["redirect"],
        }


def _chunks(items, size=200):
    """SQLite limits how large one statement's expression may grow; the index is written in slices."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _source_names(source):
    """Names a Hugo `ref` may use for a file: conferences/archive, archive, faq.md's "faq"."""
    path = PurePosixPath(source)
    parts = path.parts[1:] if path.parts and path.parts[0] == "content" else path.parts
    stem_parts = list(parts[:-1]) + ([] if path.stem == "_index" else [path.stem])
    names = {"/".join(stem_parts).lower()}
    if stem_parts:
        names.add(stem_parts[-1].lower())
    return {name for name in names if name}


def _refresh_planner_statistics():
    """Let PostgreSQL plan the site search's queries on the tables the import has just filled.

    Until autovacuum gets round to it, the planner knows nothing of the new rows: a search over the
    freshly imported archive took 1.8 s instead of 0.1 s. ANALYZE may run inside the import's transaction.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
