"""Median render time (uncached) and SQL queries of each kind of page, the archive's heaviest among them.

    .venv/bin/python bench/render_bench.py [--database-url URL] [--repeat 30]

Imports ../shared/iassist-hugo into a fresh database first, then renders through
Django's test client, so the numbers include routing, the page and its templates.

The site shell's shared parts (header, footer, section menus) are kept per content generation as in
production (SITE_SHELL_GENERATION; the test settings leave it off), and so is what the content memo
keeps (SEARCH_CONTENT_MEMO): the request's Wagtail site, the restricted pages' paths, linked pages'
addresses. With --fresh-generation the generation is replaced before every render, as a publish
does: each render is then the first after an edit that leaves the programme alone (a notice, a page's
text), with the shell and the memo built afresh and the programme's fingerprint read again; the
related presentations' index and answers are kept under that fingerprint
(conferences/models/related.py), so they are not built again.

The biggest programme's schedule page, calendar and schedule.xml are measured too: the schedule
its OpenConf export gave it (IASSIST 2025), or, for a tree without one, a timetable made up
first (its sessions six at a time in six rooms, four slots a day, with breaks and a reception
each day, in Europe/London).
"""

import os
import statistics
import time

from _setup import import_tree, machine, parse_args, setup_django


def extra(parser):
    parser.add_argument("--repeat", type=int, default=30, help="Renders per page (default 30).")
    parser.add_argument(
        "--fresh-generation", action="store_true", help="Replace the content generation before every render."
    )


def main():
    args = parse_args(__doc__, extra)
    url = setup_django(args.database_url)
    import_tree(args.tree)
    from django.conf import settings
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from conferences.models import ConferenceIndexPage, ConferencePage, Person, Presentation, ScheduleItem, Session

    biggest = ConferencePage.objects.annotate(size=Count("presentations")).order_by("-size").first()
    presentation = Presentation.objects.filter(conference=biggest).annotate(n=Count("presenters")).order_by("-n")[0]
    timed = Session.objects.filter(conference=biggest, starts_at__isnull=False).count()
    entries = timed + ScheduleItem.objects.filter(conference=biggest).count() if timed else give_a_timetable(biggest)
    index = ConferenceIndexPage.objects.live().first()
    person = Person.objects.annotate(n=Count("presenter_entries")).order_by("-n", "pk").first()
    bare = ConferencePage.objects.live().annotate(n=Count("sessions")).filter(n=0).order_by("year").first()
    pages = {
        "home": "/",
        f"biggest programme ({biggest.presentations.count()} presentations)": biggest.url,
        f"its schedule ({entries} sessions and breaks)": f"{biggest.url}schedule/",
        "its calendar (.ics)": f"{biggest.url}calendar/",
        "its schedule.xml": f"{biggest.url}schedule.xml",
        "conference archive": "/conferences/archive/",
        "conferences index": "/conferences/",
        "presentation page": presentation.get_url(),
        f"person with the most talks ({person.n})": index.person_url(person.slug),
    }
    if bare is not None:
        pages[f"a conference without a programme ({bare.year})"] = bare.url
    from pagecache import generation

    settings.SITE_SHELL_GENERATION = "pagecache.generation.current"
    # As production keeps them, the request's site and the sites' root paths (search/cache.py).
    settings.SEARCH_CONTENT_MEMO = True
    before_each = generation.bump if args.fresh_generation else (lambda: None)
    client = Client(HTTP_HOST="localhost")
    print(
        f"machine: {machine()}; database: {url.split(':', 1)[0]}; renders per page: {args.repeat}; "
        f"{'a new content generation before each render; ' if args.fresh_generation else ''}"
        f"load average: {os.getloadavg()[0]:.1f}"
    )
    for label, path in pages.items():
        client.get(path)  # the first render makes image renditions; measure the steady state
        timings, cpu_timings = [], []
        for _ in range(args.repeat):
            before_each()
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
            cpu_timings.append((time.process_time() - cpu_started) * 1000)
        before_each()
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        print(
            f"{label:45} median {statistics.median(timings):6.1f} ms  p95 {_p95(timings):6.1f} ms  "
            f"CPU median {statistics.median(cpu_timings):6.1f} ms  min {min(cpu_timings):6.1f} ms  "
            f"{len(queries):3d} queries  {len(response.content) // 1024} KiB"
        )


ROOMS = 6
SLOTS = ("09:00", "11:00", "14:00", "16:00")
BREAKS = (
    ("Coffee", "break", "10:30", "11:00"),
    ("Lunch", "meal", "12:30", "14:00"),
    ("Tea", "break", "15:30", "16:00"),
)


def give_a_timetable(conference):
    """Times and rooms for every session of `conference`, as its organisers might have set them."""
    import datetime
    import zoneinfo

    from conferences.models import Room, ScheduleItem, Session

    zone = zoneinfo.ZoneInfo("Europe/London")
    conference.time_zone = "Europe/London"
    conference.save(update_fields=["time_zone"])
    rooms = [Room.objects.create(conference=conference, name=f"Room {n + 1}", sort_order=n) for n in range(ROOMS)]
    first_day = conference.start_date or datetime.date(conference.year, 6, 1)

    def at(day, clock):
        date = first_day + datetime.timedelta(days=day)
        return datetime.datetime.combine(date, datetime.time.fromisoformat(clock), zone)

    sessions = list(Session.objects.filter(conference=conference).order_by("sort_order", "pk"))
    for number, session in enumerate(sessions):
        day, slot = divmod(number // ROOMS, len(SLOTS))
        start = at(day, SLOTS[slot])
        Session.objects.filter(pk=session.pk).update(
            starts_at=start, ends_at=start + datetime.timedelta(minutes=90), room=rooms[number % ROOMS]
        )
    days = (len(sessions) // ROOMS) // len(SLOTS) + 1
    for day in range(days):
        for title, kind, start, end in BREAKS:
            ScheduleItem.objects.create(
                conference=conference, title=title, item_type=kind, starts_at=at(day, start), ends_at=at(day, end)
            )
        ScheduleItem.objects.create(
            conference=conference, title="Reception", item_type="reception", starts_at=at(day, "18:30"), place="Hall"
        )
    return len(sessions) + days * (len(BREAKS) + 1)


def _p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


if __name__ == "__main__":
    main()
