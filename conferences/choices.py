"""The fixed vocabularies of the conferences section, shared by its pages, data and markup."""

from django.db import models


class ConferenceKind(models.TextChoices):
    ANNUAL = "annual", "Annual conference"
    WORKSHOP = "workshop", "Regional workshop"
    OTHER = "other", "Other event"


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    ONLINE = "online", "Online"
    HYBRID = "hybrid", "Hybrid"


class DatePrecision(models.TextChoices):
    DAY = "day", "Exact days known"
    MONTH = "month", "Only the month is known"
    YEAR = "year", "Only the year is known"


class SessionType(models.TextChoices):
    """What kind of slot a session or schedule item is: the vocabulary of IASSIST's programmes."""

    PLENARY = "plenary", "Plenary"
    PAPER = "paper", "Paper session"
    PANEL = "panel", "Panel"
    POSTER = "poster", "Poster session"
    WORKSHOP = "workshop", "Workshop"
    LIGHTNING = "lightning", "Lightning talks"
    BOF = "bof", "Birds of a feather"
    BREAK = "break", "Break"
    MEAL = "meal", "Lunch or meal"
    REGISTRATION = "registration", "Registration"
    RECEPTION = "reception", "Reception"
    BANQUET = "banquet", "Banquet"
    SOCIAL = "social", "Social event"
    MEETING = "meeting", "Meeting"
    CLOSING = "closing", "Closing"
    OTHER = "other", "Other"


# Slots that gather everyone rather than run beside other sessions.
NOT_SESSIONS = {
    SessionType.BREAK,
    SessionType.MEAL,
    SessionType.REGISTRATION,
    SessionType.RECEPTION,
    SessionType.BANQUET,
    SessionType.SOCIAL,
}


class ImportantDateKind(models.TextChoices):
    """The dates a conference website announces, in the order they come in a conference's year."""

    CFP_OPENS = "cfp_opens", "Call for proposals opens"
    PROPOSALS_DUE = "proposals_due", "Proposals due"
    NOTIFICATIONS = "notifications", "Acceptance notifications"
    EARLY_BIRD_ENDS = "early_bird_ends", "Early-bird registration ends"
    REGISTRATION_CLOSES = "registration_closes", "Registration closes"
    HOTEL_DEADLINE = "hotel_deadline", "Hotel booking deadline"
    CONFERENCE_DAYS = "conference_days", "Conference days"
    OTHER = "other", "Other"


# The kinds that are not deadlines, and so may fall on or after the conference's last day.
NOT_DEADLINES = {ImportantDateKind.CONFERENCE_DAYS, ImportantDateKind.OTHER}


class MaterialKind(models.TextChoices):
    """What a presentation's material is: the files and links presenters leave behind."""

    SLIDES = "slides", "Slides"
    PAPER = "paper", "Paper"
    DATA = "data", "Data"
    CODE = "code", "Code"
    POSTER = "poster", "Poster"
    RECORDING = "recording", "Recording"
    OTHER = "other", "Other"
