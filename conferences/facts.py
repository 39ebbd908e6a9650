"""What a conference's list entry and page say about it, from its fields: for pages and plain rows alike."""

from .choices import DatePrecision
from .text import ordinal as english_ordinal


class ConferenceFacts:
    """Needs `year`, `ordinal`, `city`, `country`, `start_date`, `end_date` and `date_precision`."""

    @property
    def year_text(self):
        parts = [str(self.year)]
        if self.ordinal:
            parts.append(self.ordinal_text)
        return " ".join(parts)

    @property
    def ordinal_text(self):
        return english_ordinal(self.ordinal) if self.ordinal else ""

    @property
    def location(self):
        return ", ".join(part for part in (self.city, self.country) if part)

    @property
    def date_display(self):
        start, end = self.start_date, self.end_date
        if not start:
            return str(self.year)
        if self.date_precision == DatePrecision.YEAR:
            return str(start.year)
        if self.date_precision == DatePrecision.MONTH:
            return start.strftime("%B %Y")
        if not end or end == start:
            return f"{start:%B} {start.day}, {start.year}"
        if (start.year, start.month) == (end.year, end.month):
            return f"{start:%B} {start.day}–{end.day}, {start.year}"
        if start.year == end.year:
            return f"{start:%B} {start.day} – {end:%B} {end.day}, {start.year}"
        return f"{start:%B} {start.day}, {start.year} – {end:%B} {end.day}, {end.year}"
