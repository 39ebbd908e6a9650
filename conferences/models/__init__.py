from .important_dates import ImportantDate
from .imports import ImportedSource
from .landing import ConferenceLandingPin, LandingChoice
from .materials import PresentationMaterial
from .old_addresses import FolderRedirect, OldFileAddress, ProgrammeExportAddress
from .pages import ConferenceArchivePage, ConferenceIndexPage, ConferencePage, ContentPage
from .people import PersonAlias, PersonMerge
from .programme import Person, Presentation, PresentationDOI, Presenter, Session
from .schedule import Room, ScheduleItem
from .sponsors import Sponsor

__all__ = [
    "ConferenceArchivePage",
    "ConferenceIndexPage",
    "ConferenceLandingPin",
    "ConferencePage",
    "ContentPage",
    "FolderRedirect",
    "ImportantDate",
    "ImportedSource",
    "LandingChoice",
    "OldFileAddress",
    "Person",
    "PersonAlias",
    "PersonMerge",
    "Presentation",
    "PresentationDOI",
    "PresentationMaterial",
    "ProgrammeExportAddress",
    "Presenter",
    "Room",
    "ScheduleItem",
    "Session",
    "Sponsor",
]
