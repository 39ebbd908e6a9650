"""A conference with rooms for the schedule's admin tests, and what the admin's schedule forms post."""

import datetime

from django.urls import reverse
from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from conferences.models import Room
from conferences.tests import builders


def bristol_section(home_page):
    """Gothenburg 2022 and Sydney 2019 with the roles, and Bristol 2026 (Europe/London, 2–5 June) with two rooms."""
    section = builders.two_conference_section(home_page)
    bristol = builders.conference(
        section["index"],
        2026,
        title="IASSIST 2026",
        slug="iassist-2026",
        city="Bristol",
        country="United Kingdom",
        time_zone="Europe/London",
        start_date=datetime.date(2026, 6, 2),
        end_date=datetime.date(2026, 6, 5),
    )
    bristol.save_revision().publish()
    rooms = {
        "great_hall": Room.objects.create(conference=bristol, name="Great Hall", sort_order=1),
        "room_241": Room.objects.create(conference=bristol, name="Room 2.41", sort_order=2),
        "sydney_room": Room.objects.create(conference=section["sydney"], name="Darling Harbour Room"),
    }
    return {**section, "bristol": bristol, **rooms}


def utc(day, hour, minute=0):
    """A moment of June 2026 in UTC."""
    return datetime.datetime(2026, 6, day, hour, minute, tzinfo=datetime.UTC)


def session_data(conference, title, starts_at="", ends_at="", room=None, **changes):
    """The session form's fields, times as an editor types them (local to the venue)."""
    fields = {
        "conference": conference.pk,
        "sort_order": 0,
        "title": title,
        "session_type": "paper",
        "code": "",
        "starts_at": starts_at,
        "ends_at": ends_at,
        "room": room.pk if room else "",
        "day": "",
        "chair": "",
        "moderator": "",
        "description": "",
        "video_id": "",
    }
    return {**fields, **changes}


def item_data(conference, title, starts_at, ends_at="", room=None, **changes):
    fields = {
        "conference": conference.pk,
        "title": title,
        "item_type": "break",
        "starts_at": starts_at,
        "ends_at": ends_at,
        "room": room.pk if room else "",
        "place": "",
        "description": "",
    }
    return {**fields, **changes}


def presentation_data(session, title, people, **changes):
    presenters = [{"person": person.pk, "institution": "", "country": "", "doi": ""} for person in people]
    fields = {
        "session": session.pk,
        "title": title,
        "slug": slugify(title),
        "sort_order": 1,
        "starts_at": "",
        "ends_at": "",
        "abstract": "",
        "video_id": "",
        "presenters": inline_formset(presenters),
        "dois": inline_formset([]),
        "materials": inline_formset([]),
    }
    return nested_form_data({**fields, **changes})


def add_url(model):
    return reverse(f"wagtailsnippets_conferences_{model}:add")


def edit_url(model, pk):
    return reverse(f"wagtailsnippets_conferences_{model}:edit", args=[pk])


def field_errors(response, name):
    """The errors the form shows on one field."""
    return [str(error) for error in response.context["form"].errors.get(name, [])]
