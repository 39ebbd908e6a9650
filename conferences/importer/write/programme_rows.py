"""A session's or presentation's content and place as plain values: what the source says, what a row holds.

Both sides go through the same functions, so that they are equal exactly when the row holds what
the source says. Content (title, abstract, presenters...) and place (session and order) are kept
apart: inserting one talk moves every later talk of its session, which changes nothing an editor
wrote.
"""

from dataclasses import dataclass

from conferences.models import Presentation, PresentationDOI, Presenter, Session

from .bookkeeping import fingerprint

SESSION_CONTENT = ("title", "day", "chair", "moderator", "description", "video_id")
PRESENTATION_CONTENT = ("title", "abstract", "video_id")
SESSION_PLACE = ("sort_order",)
PRESENTATION_PLACE = ("session_id", "sort_order")


@dataclass
class RowValues:
    content: dict
    place: dict

    @property
    def fingerprint(self):
        """Of the content only: the place is compared on its own."""
        return fingerprint(self.content)

    def merged(self):
        return {**self.content, **self.place}


def session_values(record, order):
    content = {
        "title": record.title[:500] or "Session",
        "day": record.day[:100],
        "chair": record.chair[:300],
        "moderator": record.moderator[:300],
        "description": record.description,
        "video_id": record.video_id,
    }
    return RowValues(content, {"sort_order": order})


def presentation_values(record, session_id, order, people):
    content = {
        "title": record.title[:1000],
        "abstract": record.abstract,
        "video_id": record.video_id,
        "presenters": [
            [people.get(entry.name).pk, (entry.institution or "")[:500], entry.doi] for entry in record.presenters
        ],
        "dois": list(record.dois),
    }
    return RowValues(content, {"session_id": session_id, "sort_order": order})


def row_values(row):
    """The values of a row, or of an unsaved version of it from a revision (a draft)."""
    if isinstance(row, Session):
        return RowValues(_fields(row, SESSION_CONTENT), _fields(row, SESSION_PLACE))
    content = _fields(row, PRESENTATION_CONTENT)
    content["presenters"] = [
        [entry.person_id, entry.institution, entry.doi] for entry in _in_order(row.presenters.all())
    ]
    content["dois"] = [entry.doi for entry in _in_order(row.dois.all())]
    return RowValues(content, _fields(row, PRESENTATION_PLACE))


def apply_values(row, values):
    """Set `values` on `row` in memory; what the import does not write (times, rooms, countries) stays."""
    for name, value in values.merged().items():
        if name not in ("presenters", "dois"):
            setattr(row, name, value)
    if isinstance(row, Presentation):
        row.presenters = _presenter_entries(row, values.content["presenters"])
        dois = list(_in_order(row.dois.all()))
        # The source has no kinds: what an editor said a DOI holds stays with that DOI.
        kinds = {entry.doi: entry.kind for entry in dois}
        row.dois = [
            PresentationDOI(
                pk=dois[order].pk if order < len(dois) else None, doi=doi, kind=kinds.get(doi, ""), sort_order=order
            )
            for order, doi in enumerate(values.content["dois"])
        ]
    return row


def _presenter_entries(row, presenters):
    """The entries for `presenters`, each person's existing entry kept (with its id and country) where there is one."""
    existing = {}
    for entry in _in_order(row.presenters.all()):
        existing.setdefault(entry.person_id, entry)
    entries = []
    for order, (person, institution, doi) in enumerate(presenters):
        entry = existing.pop(person, None) or Presenter(person_id=person)
        if entry.institution != institution:
            # An editor's ROR ID names the institution the entry had: it does not carry over to another.
            entry.ror_id = ""
        entry.institution, entry.doi, entry.sort_order = institution, doi, order
        entries.append(entry)
    return entries


def _fields(row, names):
    return {name: getattr(row, name) for name in names}


def _in_order(entries):
    return sorted(entries, key=lambda entry: (entry.sort_order if entry.sort_order is not None else 0, entry.pk or 0))
