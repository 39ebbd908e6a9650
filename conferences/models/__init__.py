from .imports import ImportedSource
from .landing import ConferenceLandingPin, LandingChoice
from .old_addresses import FolderRedirect, OldFileAddress, ProgrammeExportAddress
from .pages import ConferenceArchivePage, ConferenceIndexPage, ConferencePage, ContentPage
from .programme import Person, Presentation, PresentationDOI, Presenter, Session
from .schedule import Room, ScheduleItem

__all__ = [
    "ConferenceArchivePage",
    "ConferenceIndexPage",
    "ConferenceLandingPin",
    "ConferencePage",
    "ContentPage",
    "FolderRedirect",
    "ImportedSource",
    "LandingChoice",
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
