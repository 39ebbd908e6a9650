"""OpenConf's programme exports: the schedule as the conference ran it, as plain data.

From 2023 on, IASSIST's programme came from OpenConf, exported as static HTML under
`static/conferences/<conference>/full[-_]program/`. `exports.py` finds and reads them into the
records of `records.py`: `schedule.py` reads the schedule page (days, time slots, sessions with
their rooms, chairs and types, `kinds.py`), `submissions.py` each submission's own page (authors
with institution and country).

`conferences.py` then lays each export over the archive programme of its conference: `matching.py`
pairs their sessions and submissions (comparing titles with `titles.py`), `programme.py` gives the
programme as it ran, and `timetable.py` the SchedulePlan (`plans.py`) with times in UTC from the
venue's zone (`zones.py`). Like the rest of `parse/`: no Django model, no database.
"""
