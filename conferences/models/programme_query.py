"""A conference programme as plain data for templates.

The biggest programme has about 170 presentations and 300 presenters; reading
them as values rather than model instances keeps its page well under 50 ms.
"""

from collections import defaultdict

from ..material_links import material_values, presentation_links
from ..ror import ror_url
from ..time_zones import clock_time, iso_utc
from ..youtube import youtube_watch_url
from ..zenodo import doi_url
from .conflicts import conference_zone
from .materials import PresentationMaterial
from .programme import Presentation, PresentationDOI, Presenter, Session

# When and where each session runs, for the schedule (schedule_query.py) and the programme's times.
SCHEDULE_FIELDS = (
    "session_type",
    "code",
    "starts_at",
    "ends_at",
    "room_id",
    "room__name",
    "room__building",
    "room__sort_order",
)


def conference_programme(conference):
    """Published sessions in order, each with its published presentations, presenters, DOIs and
    materials: five queries in all."""
    sessions = list(
        Session.objects.live()
        .filter(conference=conference)
        .order_by("sort_order", "pk")
        .values("pk", "title", "day", "chair", "moderator", "description", "video_id", *SCHEDULE_FIELDS)
    )
    presentations = _presentations(Presentation.objects.live().filter(conference=conference))
    zone = conference_zone(conference)
    by_session = defaultdict(list)
    for item in presentations:
        item["own_time"] = own_time(item, zone)
        by_session[item["session_id"]].append(item)
    for session in sessions:
        session["video_url"] = youtube_watch_url(session["video_id"]) if session["video_id"] else ""
        session["presentations"] = by_session.get(session["pk"], [])
    return sessions


def presentation_item(presentation):
    """The same plain data for one presentation read with `with_programme_details()` (its own page)."""
    return _item(
        {"pk": presentation.pk, "session_id": presentation.session_id, "title": presentation.title,
         "slug": presentation.slug, "abstract": presentation.abstract, "video_id": presentation.video_id},
        [_presenter(e.person.name, e.person.slug, e.institution, e.doi, e.ror_id)
         for e in presentation.presenters.all()],
        [_doi(doi.doi, doi.kind) for doi in presentation.dois.all()],
        [material_values(material) for material in presentation.materials.all()],
    )  # fmt: skip


def _presentations(queryset):
    items = list(
        queryset.order_by("sort_order", "pk").values(
            "pk", "session_id", "title", "slug", "abstract", "video_id", "starts_at", "ends_at"
        )
    )
    if not items:
        return []
    # The presentations' rows again as a subquery: a list of their ids would be a parameter each.
    ids = queryset.values("pk")
    presenters, dois, materials = defaultdict(list), defaultdict(list), defaultdict(list)
    for entry in (
        Presenter.objects.filter(presentation_id__in=ids)
        .order_by("sort_order", "pk")
        .values("presentation_id", "institution", "doi", "ror_id", "person__name", "person__slug")
    ):
        presenters[entry["presentation_id"]].append(
            _presenter(
                entry["person__name"], entry["person__slug"], entry["institution"], entry["doi"], entry["ror_id"]
            )
        )
    for entry in (
        PresentationDOI.objects.filter(presentation_id__in=ids)
        .order_by("sort_order", "pk")
        .values("presentation_id", "doi", "kind")
    ):
        dois[entry["presentation_id"]].append(_doi(entry["doi"], entry["kind"]))
    for entry in _material_rows(ids):
        materials[entry.pop("presentation_id")].append(entry)
    return [_item(item, presenters[item["pk"]], dois[item["pk"]], materials[item["pk"]]) for item in items]


def own_time(values, zone):
    """A presentation's own slot in its session (a lightning talk's five minutes), on the venue's clock, or None."""
    starts_at, ends_at = values.get("starts_at"), values.get("ends_at")
    if not starts_at:
        return None
    return {
        "start": clock_time(starts_at, zone),
        "start_iso": iso_utc(starts_at),
        "end": clock_time(ends_at, zone) if ends_at else "",
        "end_iso": iso_utc(ends_at) if ends_at else "",
    }


def _material_rows(ids):
    """Each material as `material_link()` takes it, with its presentation's id."""
    rows = (
        PresentationMaterial.objects.filter(presentation_id__in=ids)
        .order_by("sort_order", "pk")
        .values("presentation_id", "kind", "label", "url", "doi", "document_id", "document__file",
                "document__file_size")
    )  # fmt: skip
    for row in rows:
        document_id, name, size = row.pop("document_id"), row.pop("document__file"), row.pop("document__file_size")
        row["document"] = document_id and (document_id, name, size)
        yield row


def _item(values, presenters, dois, materials=()):
    values["presenters"] = presenters
    values["dois"] = dois
    values["video_url"] = youtube_watch_url(values["video_id"]) if values["video_id"] else ""
    dois_and_kinds = [(doi["doi"], doi["kind"]) for doi in dois]
    values["materials"] = presentation_links(dois_and_kinds, materials, values["video_url"])
    return values


def _presenter(name, slug, institution, doi, ror_id=""):
    return {"name": name, "slug": slug, "institution": institution, "doi": doi, "ror_url": ror_url(ror_id)}


def _doi(doi, kind=""):
    return {"doi": doi, "url": doi_url(doi), "kind": kind}
