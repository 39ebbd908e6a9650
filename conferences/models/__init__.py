from .imports import ImportedSource
from .pages import ConferenceArchivePage, ConferenceIndexPage, ConferencePage, ContentPage
from .programme import Person, Presentation, PresentationDOI, Presenter, Session
from .schedule import Room, ScheduleItem

__all__ = [
    "ConferenceArchivePage",
    "ConferenceIndexPage",
    "ConferencePage",
    "ContentPage",
    "ImportedSource",
    "Person",
    "Presentation",
    "PresentationDOI",
    "Presenter",
    "Room",
    "ScheduleItem",
    "Session",
]
