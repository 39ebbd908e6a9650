"""A conference programme as plain data for templates.

The biggest programme has about 170 presentations and 300 presenters; reading
them as values rather than model instances keeps its page well under 50 ms.
"""

from collections import defaultdict

from .models import Presentation, PresentationDOI, Presenter, Session
from .youtube import youtube_watch_url


def conference_programme(conference):
    """Published sessions in order, each with its published presentations, presenters and DOIs:
    four queries in all."""
    sessions = list(
        Session.objects.live()
        .filter(conference=conference)
        .order_by("sort_order", "pk")
        .values("pk", "title", "day", "chair", "moderator", "description", "video_id")
    )
    presentations = _presentations(Presentation.objects.live().filter(conference=conference))
    by_session = defaultdict(list)
    for item in presentations:
        by_session[item["session_id"]].append(item)
    for session in sessions:
        session["video_url"] = youtube_watch_url(session["video_id"]) if session["video_id"] else ""
        session["presentations"] = by_session.get(session["pk"], [])
    return sessions


def presentation_details(presentation_queryset):
    """The same plain data for a set of presentations (e.g. one presentation's page)."""
    return _presentations(presentation_queryset)


def _presentations(queryset):
    items = list(
        queryset.order_by("sort_order", "pk").values("pk", "session_id", "title", "slug", "abstract", "video_id")
    )
    ids = [item["pk"] for item in items]
    presenters, dois = defaultdict(list), defaultdict(list)
    for entry in (
        Presenter.objects.filter(presentation_id__in=ids)
        .order_by("sort_order", "pk")
        .values("presentation_id", "institution", "doi", "person__name", "person__slug")
    ):
        presenters[entry["presentation_id"]].append(
            {
                "name": entry["person__name"],
                "slug": entry["person__slug"],
                "institution": entry["institution"],
                "doi": entry["doi"],
            }
        )
    for entry in (
        PresentationDOI.objects.filter(presentation_id__in=ids)
        .order_by("sort_order", "pk")
        .values("presentation_id", "doi")
    ):
        dois[entry["presentation_id"]].append({"doi": entry["doi"], "url": f"https://doi.org/{entry['doi']}"})
    for item in items:
        item["presenters"] = presenters[item["pk"]]
        item["dois"] = dois[item["pk"]]
        item["video_url"] = youtube_watch_url(item["video_id"]) if item["video_id"] else ""
    return items
