"""A session's or presentation's content as plain values: what the source says, and what a row holds.

Both sides go through the same functions, so that their fingerprints are equal exactly when the row
holds what the source says. The fingerprint the import records for a row is that of the values it
wrote; a row whose values differ from it was changed since, in the admin.
"""

from conferences.models import Presentation, PresentationDOI, Presenter, Session

from .bookkeeping import fingerprint

SESSION_FIELDS = ("sort_order", "title", "day", "chair", "moderator", "description", "video_id")
PRESENTATION_FIELDS = ("session_id", "sort_order", "title", "abstract", "video_id")


def session_values(record, order):
    return {
        "sort_order": order,
        "title": record.title[:500] or "Session",
        "day": record.day[:100],
        "chair": record.chair[:300],
        "moderator": record.moderator[:300],
        "description": record.description,
        "video_id": record.video_id,
    }


def presentation_values(record, session_id, order, people):
    return {
        "session_id": session_id,
        "sort_order": order,
        "title": record.title[:1000],
        "abstract": record.abstract,
        "video_id": record.video_id,
        "presenters": [
            [people.get(entry.name).pk, (entry.institution or "")[:500], entry.doi] for entry in record.presenters
        ],
        "dois": list(record.dois),
    }


def row_values(row):
    """The values of a row, or of an unsaved version of it from a revision (a draft)."""
    if isinstance(row, Session):
        return {name: getattr(row, name) for name in SESSION_FIELDS}
    values = {name: getattr(row, name) for name in PRESENTATION_FIELDS}
    values["presenters"] = [
        [entry.person_id, entry.institution, entry.doi] for entry in _in_order(row.presenters.all())
    ]
    values["dois"] = [entry.doi for entry in _in_order(row.dois.all())]
    return values


def row_fingerprint(row):
    return fingerprint(row_values(row))


def apply_values(row, values):
    """Set `values` on `row` in memory, keeping the ids of presenter entries and DOIs by their place."""
    fields = SESSION_FIELDS if isinstance(row, Session) else PRESENTATION_FIELDS
    for name in fields:
        setattr(row, name, values[name])
    if isinstance(row, Presentation):
        entries = list(_in_order(row.presenters.all()))
        row.presenters = [
            Presenter(pk=_id_at(entries, order), person_id=person, institution=institution, doi=doi, sort_order=order)
            for order, (person, institution, doi) in enumerate(values["presenters"])
        ]
        dois = list(_in_order(row.dois.all()))
        row.dois = [
            PresentationDOI(pk=_id_at(dois, order), doi=doi, sort_order=order)
            for order, doi in enumerate(values["dois"])
        ]
    return row


def _in_order(entries):
    return sorted(entries, key=lambda entry: (entry.sort_order if entry.sort_order is not None else 0, entry.pk or 0))


def _id_at(entries, order):
    return entries[order].pk if order < len(entries) else None
