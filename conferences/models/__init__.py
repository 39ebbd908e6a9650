from .imports import ImportedSource
from .pages import ConferenceArchivePage, ConferenceIndexPage, ConferencePage, ContentPage
from .programme import Person, Presentation, PresentationDOI, Presenter, Session

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
    "Session",
]
