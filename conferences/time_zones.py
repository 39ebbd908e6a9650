"""A conference's time zone: which one, what it is called, and its times as a schedule prints them.

Times are stored in UTC; visitors read them in the venue's zone, named in words ("British
Summer Time (Europe/London)"), because an abbreviation alone is ambiguous (IST is Irish, India
and Israel Standard Time) and an IANA name alone says nothing about summer time.
"""

import datetime
import zoneinfo

UTC = datetime.UTC

# The long names of the abbreviations that the IANA database gives the zones of IASSIST's
# venues and their neighbours. An abbreviation not listed reads as its offset from UTC.
ABBREVIATIONS = {
    "UTC": "Coordinated Universal Time",
    "GMT": "Greenwich Mean Time",
    "BST": "British Summer Time",
    "WET": "Western European Time",
    "WEST": "Western European Summer Time",
    "CET": "Central European Time",
    "CEST": "Central European Summer Time",
    "EET": "Eastern European Time",
    "EEST": "Eastern European Summer Time",
    "MSK": "Moscow Time",
    "NST": "Newfoundland Standard Time",
    "NDT": "Newfoundland Daylight Time",
    "AST": "Atlantic Standard Time",
    "ADT": "Atlantic Daylight Time",
    "EST": "Eastern Standard Time",
    "EDT": "Eastern Daylight Time",
    "CST": "Central Standard Time",
    "CDT": "Central Daylight Time",
    "MST": "Mountain Standard Time",
    "MDT": "Mountain Daylight Time",
    "PST": "Pacific Standard Time",
    "PDT": "Pacific Daylight Time",
    "AKST": "Alaska Standard Time",
    "AKDT": "Alaska Daylight Time",
    "HST": "Hawaii-Aleutian Standard Time",
    "WAT": "West Africa Time",
    "CAT": "Central Africa Time",
    "EAT": "East Africa Time",
    "SAST": "South Africa Standard Time",
    "PKT": "Pakistan Standard Time",
    "JST": "Japan Standard Time",
    "KST": "Korea Standard Time",
    "HKT": "Hong Kong Time",
    "WIB": "Western Indonesia Time",
    "AWST": "Australian Western Standard Time",
    "ACST": "Australian Central Standard Time",
    "ACDT": "Australian Central Daylight Time",
    "AEST": "Australian Eastern Standard Time",
    "AEDT": "Australian Eastern Daylight Time",
    "NZST": "New Zealand Standard Time",
    "NZDT": "New Zealand Daylight Time",
}

# Abbreviations that mean something else in these zones.
ZONE_ABBREVIATIONS = {
    "Europe/Dublin": {"IST": "Irish Standard Time", "GMT": "Greenwich Mean Time"},
    "Asia/Kolkata": {"IST": "India Standard Time"},
    "Asia/Calcutta": {"IST": "India Standard Time"},
    "Asia/Jerusalem": {"IST": "Israel Standard Time", "IDT": "Israel Daylight Time"},
    "Asia/Shanghai": {"CST": "China Standard Time"},
    "Asia/Taipei": {"CST": "Taipei Standard Time"},
    "America/Havana": {"CST": "Cuba Standard Time", "CDT": "Cuba Daylight Time"},
}


def conference_zone(name):
    """The ZoneInfo of a conference's `time_zone` field; UTC when it is empty or unknown."""
    if not name:
        return UTC
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return UTC


def zone_key(zone):
    return getattr(zone, "key", None) or "UTC"


def zone_name_at(zone, moment):
    """The zone's name in words at `moment`: "British Summer Time", or "UTC+03:00" for an unnamed one."""
    local = moment.astimezone(zone)
    abbreviation = local.tzname() or ""
    named = ZONE_ABBREVIATIONS.get(zone_key(zone), {}).get(abbreviation) or ABBREVIATIONS.get(abbreviation)
    return named or utc_offset_text(local)


def utc_offset_text(local):
    offset = local.utcoffset() or datetime.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def zone_label(zone, moments):
    """ "British Summer Time (Europe/London)": every name the zone has at `moments`, then its IANA name."""
    names = list(dict.fromkeys(zone_name_at(zone, moment) for moment in moments)) or [zone_name_at(zone, _now())]
    return f"{' and '.join(names)} ({zone_key(zone)})"


def _now():
    return datetime.datetime.now(UTC)


def clock_time(moment, zone):
    """ "09:05": the 24-hour time of `moment` in `zone`, as the schedule prints it."""
    return moment.astimezone(zone).strftime("%H:%M")


def day_heading(day):
    """ "Tuesday, June 2": a day of the schedule, as the programmes write days."""
    return f"{day:%A}, {day:%B} {day.day}"


def iso_utc(moment):
    """The instant in ISO 8601 UTC, for `<time datetime>` and the scripts that read it."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
