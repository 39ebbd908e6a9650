"""Conferences and a person's presentations as plain rows for the lists that show many of them.

The archive lists every conference, about eighty; a person page can list dozens of talks.
Read as page instances, each row cost Wagtail's and modelcluster's set-up of a page (most of
the archive's render, a third of a busy person's page); read as values they cost a dictionary.
The rows answer the same names as a ConferencePage (`facts.ConferenceFacts`), so the
templates read them alike. Every conference is a child of the conference index
(ConferencePage.parent_page_types), so its address is the index's followed by its slug, the
address Wagtail itself would give it.
"""

from .choices import ConferenceKind
from .facts import ConferenceFacts
from .paths import presentation_url
from .ror import ror_url

FIELDS = (
    "pk", "slug", "title", "year", "kind", "ordinal", "city", "country", "start_date", "end_date",
    "date_precision", "host", "theme",
)  # fmt: skip
KIND_LABELS = dict(ConferenceKind.choices)


class ConferenceRow(ConferenceFacts):
    """One conference of a list, with the fields the lists show and its address."""

    def __init__(self, values, url):
        self.__dict__.update(values)
        self.url = url

    def get_kind_display(self):
        return KIND_LABELS.get(self.kind, self.kind)


def conference_rows(queryset, index_url):
    """The conferences of `queryset` (children of the index at `index_url`), in its order, as rows."""
    return [ConferenceRow(values, child_url(index_url, values["slug"])) for values in queryset.values(*FIELDS)]


def child_url(index_url, slug):
    return f"{index_url}{slug}/"


def person_entries(queryset, index_url):
    """A person's presenter entries (`queryset` of Presenter, in order) as rows for the person page."""
    rows = []
    for values in queryset.values(
        "institution", "ror_id", "presentation__title", "presentation__slug",
        "presentation__conference__year", "presentation__conference__title", "presentation__conference__slug",
    ):  # fmt: skip
        conference_url = child_url(index_url, values["presentation__conference__slug"])
        rows.append(
            {
                "year": values["presentation__conference__year"],
                "title": values["presentation__title"],
                "url": presentation_url(conference_url, values["presentation__slug"]),
                "conference_title": values["presentation__conference__title"],
                "conference_url": conference_url,
                "institution": values["institution"],
                "ror_id": values["ror_id"],
                "ror_url": ror_url(values["ror_id"]),
            }
        )
    return rows
