"""The writes of a programme's rows: new ones in bulk, changed ones through published revisions."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify

from conferences.models import Presentation, PresentationDOI, Presenter, Session

from ..errors import SourceWarning
from .programme_rows import PRESENTATION_CONTENT, apply_values


class RowWriter:
    """Writes one conference's rows and counts what it did in the report."""

    def __init__(self, conference, path, report):
        self.conference, self.path, self.report = conference, path, report
        self.written_presentations = []

    def create_sessions(self, values):
        # Published as imported: the archive is not held for review.
        rows = [Session(conference=self.conference, live=True, **item.content, **item.place) for item in values]
        Session.objects.bulk_create(rows)
        self.report.created["sessions"] += len(rows)
        return rows

    def create_presentations(self, values):
        taken = set(Presentation.objects.filter(conference=self.conference).values_list("slug", flat=True))
        rows = [
            Presentation(
                conference=self.conference,
                slug=_unique_slug(item.content["title"], taken),
                live=True,
                **_fields(item.content, PRESENTATION_CONTENT),
                **item.place,
            )
            for item in values
        ]
        Presentation.objects.bulk_create(rows)
        Presenter.objects.bulk_create(
            Presenter(presentation=row, person_id=person, institution=institution, doi=doi, sort_order=order)
            for row, item in zip(rows, values, strict=True)
            for order, (person, institution, doi) in enumerate(item.content["presenters"])
        )
        PresentationDOI.objects.bulk_create(
            PresentationDOI(presentation=row, doi=doi, sort_order=order)
            for row, item in zip(rows, values, strict=True)
            for order, doi in enumerate(item.content["dois"])
        )
        self.report.created["presentations"] += len(rows)
        self.written_presentations += rows
        return rows

    def publish(self, kind, row, values):
        """A new revision of `row` with `values` (RowValues), published; an invalid one is left out with a warning."""
        apply_values(row, values)
        try:
            revision = row.save_revision(log_action=True)
        except ValidationError as error:
            message = "; ".join(error.messages)
            self.report.warnings.append(SourceWarning(self.path, f"{kind} “{row.title}” not updated: {message}"))
            return False
        revision.publish(log_action=True)
        self.report.updated[f"{kind}s"] += 1
        if kind == "presentation":
            self.written_presentations.append(row)
        return True

    def delete(self, row):
        row.delete()
        self.report.deleted[f"{type(row).__name__.lower()}s"] += 1

    def unpublish(self, kind, row):
        if row.live:
            row.unpublish(log_action=True)
            self.report.unpublished[f"{kind}s"] += 1
            if kind == "presentation":
                self.written_presentations.append(row)  # its entry in the search index says live


def _fields(values, names):
    return {name: values[name] for name in names}


def _unique_slug(title, taken):
    base = slugify(title)[:100].strip("-") or "presentation"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base[:95]}-{number}", number + 1
    taken.add(slug)
    return slug
