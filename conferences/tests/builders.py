"""Small builders for conference content in tests: each makes one thing, live."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from conferences import roles
from conferences.choices import ConferenceKind
from conferences.models import (
    ConferenceArchivePage,
    ConferenceIndexPage,
    ConferencePage,
    ContentPage,
    ImportantDate,
    Person,
    Presentation,
    PresentationDOI,
    PresentationMaterial,
    Presenter,
    Session,
)
from conferences.text import person_name_key

_counter = itertools.count(1)


def conference_index(home, **fields):
    page = ConferenceIndexPage(
        title=fields.pop("title", "Conferences"), slug=fields.pop("slug", "conferences"), **fields
    )
    home.add_child(instance=page)
    return page


def archive_page(index, **fields):
    page = ConferenceArchivePage(title="Conference Archive", slug="archive", **fields)
    index.add_child(instance=page)
    return page


def content_page(parent, title="About", **fields):
    page = ContentPage(title=title, slug=fields.pop("slug", None) or f"page-{next(_counter)}", **fields)
    parent.add_child(instance=page)
    return page


def conference(index, year=2022, **fields):
    number = next(_counter)
    defaults = {
        "title": f"IASSIST {year}",
        "slug": f"iassist-{year}-{number}",
        "kind": ConferenceKind.ANNUAL,
        "year": year,
        "start_date": datetime.date(year, 6, 7),
        "end_date": datetime.date(year, 6, 10),
        "city": "Gothenburg",
        "country": "Sweden",
    }
    defaults.update(fields)
    page = ConferencePage(**defaults)
    index.add_child(instance=page)
    return page


def important_date(conference_page, kind, date, end_date=None, label=""):
    return ImportantDate.objects.create(page=conference_page, kind=kind, date=date, end_date=end_date, label=label)


def session(conference_page, title="Session A1", **fields):
    order = fields.pop("sort_order", conference_page.sessions.count())
    return Session.objects.create(conference=conference_page, title=title, sort_order=order, **fields)


def person(name):
    return Person.objects.filter(name_key=person_name_key(name)).first() or Person.objects.create(name=name)


def presentation(session_obj, title=None, presenters=(), dois=(), **fields):
    """`presenters` is a list of (name, institution) pairs."""
    number = next(_counter)
    item = Presentation(
        conference=session_obj.conference,
        session=session_obj,
        title=title or f"Presentation {number}",
        slug=fields.pop("slug", None) or f"presentation-{number}",
        sort_order=fields.pop("sort_order", number),
        **fields,
    )
    # Each child with a place of its own: rows without sort_order come back in any order on PostgreSQL.
    item.presenters = [
        Presenter(person=person(name), institution=institution, sort_order=place)
        for place, (name, institution) in enumerate(presenters)
    ]
    item.dois = [PresentationDOI(doi=doi, sort_order=place) for place, doi in enumerate(dois)]
    item.save()
    return item


def document(name="census-slides.pdf", size=0, collection=None):
    """A Wagtail document of about `size` bytes, its size and hash recorded as the upload form records them."""
    content = b"%PDF-1.4 slides" + b" " * max(0, size - 15)
    item = get_document_model()(
        title=name, file=ContentFile(content, name=name), collection=collection or Collection.get_first_root_node()
    )
    item._set_document_file_metadata()
    item.save()
    return item


def material(presentation_obj, kind="slides", **fields):
    """A material of `presentation_obj`, checked as the admin's form checks it."""
    item = PresentationMaterial(presentation=presentation_obj, kind=kind, **fields)
    item.full_clean(exclude=["presentation"])
    item.save()
    return item


def conference_form_data(page, body=(), important_dates=(), **changes):
    """What the admin's edit form posts for `page` with its facts and important dates as they are, `changes` applied.

    `important_dates` are new rows to add: dicts of kind, label, date and end_date.
    """
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    kept = [
        {"id": str(entry.pk), "kind": entry.kind, "label": entry.label, "date": str(entry.date),
         "end_date": str(entry.end_date or "")}
        for entry in page.important_date_entries.all()
    ]  # fmt: skip
    added = [{"label": "", "end_date": "", **row} for row in important_dates]

    fields = {
        "title": page.title,
        "slug": page.slug,
        "kind": page.kind,
        "year": str(page.year),
        "date_precision": "day",
        "attendance_mode": page.attendance_mode,
        "start_date": str(page.start_date),
        "end_date": str(page.end_date),
        "body": streamfield(list(body)),
        "menu": streamfield([]),
        "landing_buttons": streamfield([]),
        "important_date_entries": inline_formset(kept + added, initial=len(kept)),
    }
    return nested_form_data({**fields, **changes})


def two_conference_section(home):
    """The conferences index with IASSIST 2022 (Gothenburg) and 2019 (Sydney), published, and the editors' roles."""
    index = conference_index(home)
    gothenburg = conference(index, 2022, title="IASSIST 2022", slug="iassist-2022")
    sydney = conference(index, 2019, title="IASSIST 2019", slug="iassist-2019", city="Sydney")
    for page in (gothenburg, sydney):
        page.save_revision().publish()
    roles.ensure_roles()
    return {"index": index, "gothenburg": gothenburg, "sydney": sydney}


def member(group_name, username):
    """A user in the named group."""
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "a-long-pass-phrase")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def landing_pin(index, conference_page, choice="pin"):
    """A pin (or hide) of `conference_page` on the index's computed panel, after the index's other pins."""
    from conferences.models import ConferenceLandingPin

    order = ConferenceLandingPin.objects.filter(page=index).count()
    return ConferenceLandingPin.objects.create(page=index, conference=conference_page, choice=choice, sort_order=order)


def notice(heading, scheme="panel", show_from=None, show_until=None):
    """A notice block's raw value with one heading, for a StreamField body; the days as dates or None."""
    value = {"scheme": scheme, "content": [{"type": "heading", "value": {"text": heading, "level": "h2"}}]}
    for name, day in (("show_from", show_from), ("show_until", show_until)):
        if day is not None:
            value[name] = day.isoformat()
    return {"type": "notice", "value": value}


def event_button(label, url, show_from=None, show_until=None):
    """One event button's raw value; the days as dates or None."""
    value = {"label": label, "url": url, "page": None, "new_tab": False}
    for name, day in (("show_from", show_from), ("show_until", show_until)):
        if day is not None:
            value[name] = day.isoformat()
    return value
