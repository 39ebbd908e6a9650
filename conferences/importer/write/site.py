"""Apply a SitePlan to the database in one transaction: pages, programmes, redirects, then the indexes."""

from collections import Counter

from django.db import transaction
from wagtail.signal_handlers import disable_reference_index_auto_update

from conferences.models import ConferencePage, Presentation, PresentationDOI, Presenter, Session

from .bookkeeping import ImportRecords
from .indexes import refresh_planner_statistics, search_updates_suspended, update_indexes
from .links import LinkResolver
from .media import MediaLibrary
from .old_addresses import folder_rules, write_folder_redirects, write_old_file_addresses
from .pages import PageWriter
from .programmes import write_programmes
from .redirects import write_redirects
from .report import ImportReport
from .schedule import write_schedules
from .stream import StreamBuilder


def write_site(plan, warnings, *, dry_run=False, prefer_source=False, progress=None):
    """Write `plan`; on any error, or in a dry run, the database rolls back and the files written are deleted."""
    report = ImportReport(dry_run=dry_run, warnings=warnings)
    progress = progress or (lambda step, done, total: None)
    media = None
    try:
        with transaction.atomic():
            with disable_reference_index_auto_update(), search_updates_suspended():
                records = ImportRecords()
                media = MediaLibrary(plan.static_root, records, report)
                _write(plan, report, records, media, progress, prefer_source)
            if dry_run:
                transaction.set_rollback(True)
    except BaseException:
        if media:
            media.discard_created_files()
        raise
    if dry_run and media:
        media.discard_created_files()
    return report


def _write(plan, report, records, media, progress, prefer_source):
    pages = PageWriter(plan, report, records, media)
    # Pages exist before any content is written, so that links between them resolve to page ids.
    pages.ensure_pages()
    resolver = LinkResolver(pages.by_url(), pages.by_source(), media, report.warnings, folder_rules(plan))
    pages.write_content(StreamBuilder(resolver, media, report.warnings, report.created), progress)
    written, new_people = write_programmes(plan, pages.pages, records, report, progress, prefer_source)
    write_schedules(plan, pages.pages, records, report)
    write_redirects(plan, pages, resolver, records, report)
    write_folder_redirects(plan, pages, resolver, records, report)
    for path in plan.section_files:
        media.bring_in(path, report.warnings)
    write_old_file_addresses(media, records, report)
    if report.changed:
        update_indexes(pages.changed, new_people, written)
        refresh_planner_statistics()
    report.totals = _totals(pages.pages, records)


def _totals(pages, records):
    """What the site now holds from this source."""
    conference_ids = [page.pk for page in pages.values() if isinstance(page, ConferencePage)]
    presentations = Presentation.objects.filter(conference_id__in=conference_ids)
    dois = set(PresentationDOI.objects.filter(presentation__in=presentations).values_list("doi", flat=True))
    dois |= set(Presenter.objects.filter(presentation__in=presentations).exclude(doi="").values_list("doi", flat=True))
    by_kind = Counter(record.key.split(":", 1)[0] for record in records.by_key.values())
    return {
        "conferences": len(conference_ids),
        "sessions": Session.objects.filter(conference_id__in=conference_ids).count(),
        "presentations": presentations.count(),
        "presenters": Presenter.objects.filter(presentation__in=presentations).count(),
        "dois": len(dois),
        "pages": len(pages),
        "images": by_kind["image"],
        "documents": by_kind["document"],
        "redirects": by_kind["redirect"] + by_kind["folder-redirect"],
    }
