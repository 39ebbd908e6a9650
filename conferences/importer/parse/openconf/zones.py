"""The venues' time zones: an export's times are the venue's clock, and only the city says which zone that is.

Kept explicit and small: one line per city that has held a conference with an OpenConf export.
A conference in a city missing here keeps its day-only programme, with a warning naming the city.
"""

from conferences.text import fold_accents

VENUE_TIME_ZONES = {
    "philadelphia": "America/New_York",  # IASSIST 2023
    "bristol": "Europe/London",  # IASSIST 2025
}


def venue_time_zone(city):
    """The zone of `city` as the facts write it: "Philadelphia" or "Philadelphia, PA"."""
    name = fold_accents(city or "").split(",")[0].strip().casefold()
    return VENUE_TIME_ZONES.get(name, "")
