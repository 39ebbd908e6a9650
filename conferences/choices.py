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
