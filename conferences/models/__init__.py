from .important_dates import ImportantDate
from .imports import ImportedSource
from .old_addresses import FolderRedirect, OldFileAddress, ProgrammeExportAddress
from .pages import ConferenceArchivePage, ConferenceIndexPage, ConferencePage, ContentPage
from .programme import Person, Presentation, PresentationDOI, Presenter, Session
from .schedule import Room, ScheduleItem

__all__ = [
    "ConferenceArchivePage",
    "ConferenceIndexPage",
    "ConferencePage",
    "ContentPage",
    "FolderRedirect",
    "ImportantDate",
    "ImportedSource",
    "OldFileAddress",
    "Person",
    "Presentation",
    "PresentationDOI",
    "ProgrammeExportAddress",
    "Presenter",
    "Room",
    "ScheduleItem",
    "Session",
]
