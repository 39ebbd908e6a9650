from .imports import ImportedSource
from .pages import (
    AttendanceMode,
    ConferenceArchivePage,
    ConferenceIndexPage,
    ConferenceKind,
    ConferencePage,
    ContentPage,
    DatePrecision,
)
from .programme import Person, Presentation, PresentationDOI, Presenter, Session, person_name_key

__all__ = [
    "AttendanceMode",
    "ConferenceArchivePage",
    "ConferenceIndexPage",
    "ConferenceKind",
    "ConferencePage",
    "ContentPage",
    "DatePrecision",
    "ImportedSource",
    "Person",
    "Presentation",
    "PresentationDOI",
    "Presenter",
    "Session",
    "person_name_key",
]
