"""Problems found during the import, fatal or not; shared by every layer, so it imports nothing of theirs."""

from dataclasses import dataclass


def _location(path, line):
    return f"{path}:{line}" if line else path


class SourceError(Exception):
    """A problem that stops the import: the file cannot be understood at all."""

    def __init__(self, path, line, message):
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(f"{_location(self.path, line)}: {message}")


class ImportConflict(Exception):
    """The site holds something the import cannot adopt (a page of another type in its place)."""


@dataclass
class SourceWarning:
    """An oddity that the import works around; reported so editors can fix the source."""

    path: str
    message: str
    line: int | None = None

    def __str__(self):
        return f"{_location(self.path, self.line)}: {self.message}"
