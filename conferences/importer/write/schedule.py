"""Write the conferences' schedules from their OpenConf exports (the plan's SchedulePlans).

The programme itself (sessions, their days and chairs, presentations, presenters) is written by
`programmes.py` from the plan, which has already laid the export over it; this writes what only
the schedule has: rooms, each session's type, code, start, end and room, presenters' countries,
and the schedule items (breaks, meals, registration, social events). A schedule whose plan and
programme are as the last run left them is not looked at, so an editor's later changes stay.
Otherwise each value is written only where it differs: straight into a row that has no
revisions (as the import created it), through a published revision into one that has (so that
the admin, which edits the latest revision, shows it), and not at all into a row with a draft
or a lock, which is an editor's work in progress (reported).
"""

from dataclasses import asdict

from conferences.models import Presenter, ProgrammeExportAddress, Room, ScheduleItem, Session
from conferences.text import person_name_key

from ..errors import SourceWarning
from .bookkeeping import fingerprint

ITEM_KEY = "schedule-item:{conference}:{place}"


def write_schedules(plan, pages, records, report):
    for item in plan.pages:
        schedule = getattr(item, "schedule", None)
        if schedule is None:
            continue
        key = f"schedule:{item.key}"
        digest = fingerprint({"schedule": asdict(schedule), "programme": records.fingerprint(f"programme:{item.key}")})
        if records.fingerprint(key) == digest:
            report.unchanged["schedules"] += 1
            continue
        counts = report.updated if records.fingerprint(key) is not None else report.created
        if ScheduleWriter(pages[item.key], item.key, schedule, records, report, counts).write():
            counts["schedules"] += 1
        records.remember(key, pages[item.key], digest)


class ScheduleWriter:
    def __init__(self, conference, key, schedule, records, report, counts):
        self.conference, self.key, self.schedule = conference, key, schedule
        self.records, self.report = records, report
        self.counts = counts  # the report's created counts on the first run, its updated ones after
        self.changed = False
        self.sessions_found, self.presentations_found = {}, {}  # by the plan's orders, for the export's addresses

    def warn(self, message):
        self.report.warnings.append(SourceWarning(self.schedule.source, message))

    def write(self):
        """Returns whether anything changed."""
        rooms = self._rooms()
        self._sessions(rooms)
        self._items(rooms)
        self._addresses()
        return self.changed

    # -- rooms ---------------------------------------------------------------------------------

    def _rooms(self):
        rooms = {room.name: room for room in Room.objects.filter(conference=self.conference)}
        for order, plan in enumerate(self.schedule.rooms):
            room = rooms.get(plan.name)
            if room is None:
                rooms[plan.name] = Room.objects.create(
                    conference=self.conference, name=plan.name, building=plan.building, sort_order=order
                )
                self.report.created["rooms"] += 1
                self.changed = True
            elif (room.building, room.sort_order) != (plan.building, order):
                Room.objects.filter(pk=room.pk).update(building=plan.building, sort_order=order)
                self.counts["rooms"] += 1
                self.changed = True
        return rooms

    # -- sessions and their presenters -------------------------------------------------------

    def _sessions(self, rooms):
        rows = list(Session.objects.filter(conference=self.conference))
        for plan in self.schedule.sessions:
            row = _find(rows, plan.order, _session_title(plan.title))
            if row is None:
                self.warn(f"session {plan.title!r} is not in the site as imported: its schedule is not written")
                continue
            self.sessions_found[plan.order] = row
            values = {
                "session_type": plan.kind,
                "code": plan.code[:40],
                "starts_at": plan.starts_at,
                "ends_at": plan.ends_at,
                "room_id": rooms[plan.room].pk if plan.room else None,
            }
            if self._update(row, values, f"session {row.title!r}"):
                self.counts["session times"] += 1
            self._countries(row, plan)

    def _countries(self, session, plan):
        rows = list(session.presentations.all())
        for item in plan.presentations:
            presentation = _find(rows, item.order, item.title[:1000])
            if presentation is None:
                self.warn(
                    f"presentation {item.title[:80]!r} is not in the site as imported: its countries are not written"
                )
                continue
            self.presentations_found[(plan.order, item.order)] = presentation
            entries = list(presentation.presenters.select_related("person"))
            wanted = {}
            for country in item.countries:
                entry = _entry(entries, country.order, country.name)
                if entry is not None and entry.country != country.country[:100]:
                    wanted[entry.pk] = country.country[:100]
            if wanted and self._update_presenters(presentation, entries, wanted):
                self.counts["presenter countries"] += len(wanted)

    def _update_presenters(self, presentation, entries, wanted):
        if self._editing(presentation, f"presentation {presentation.title[:80]!r}"):
            return False
        if presentation.latest_revision_id is None:
            for pk, country in wanted.items():
                Presenter.objects.filter(pk=pk).update(country=country)
        else:
            for entry in entries:
                entry.country = wanted.get(entry.pk, entry.country)
            presentation.presenters = entries
            presentation.save_revision().publish()
        self.changed = True
        return True

    # -- breaks, meals, registration and social events ---------------------------------------

    def _items(self, rooms):
        prefix = ITEM_KEY.format(conference=self.key, place="")
        known = {key: record for key, record in self.records.by_key.items() if key.startswith(prefix)}
        for plan in self.schedule.items:
            key = ITEM_KEY.format(conference=self.key, place=plan.key)
            values = {
                "title": plan.title[:500],
                "item_type": plan.kind,
                "starts_at": plan.starts_at,
                "ends_at": plan.ends_at,
                "room_id": rooms[plan.room].pk if plan.room else None,
                "description": plan.description,
            }
            known.pop(key, None)
            row = self.records.existing(key, ScheduleItem)
            if row is None:
                row = ScheduleItem.objects.create(conference=self.conference, live=True, **values)
                self.records.remember(key, row, "")
                self.report.created["schedule items"] += 1
                self.changed = True
            elif self._update(row, values, f"schedule item {row.title!r}"):
                self.counts["schedule items"] += 1
        self._items_gone(known)

    def _items_gone(self, known):
        """Items the import wrote that the export no longer has go, unless an editor has worked on them."""
        for key, record in known.items():
            row = ScheduleItem.objects.filter(pk=record.object_id).first()
            if row is not None and (row.latest_revision_id or row.has_unpublished_changes):
                self.warn(f"schedule item {row.title!r} is no longer in the export; kept, as an editor has changed it")
                continue
            if row is not None:
                self.warn(f"schedule item {row.title!r} is no longer in the export: removed")
                row.delete()
                self.changed = True
            record.delete()
            del self.records.by_key[key]

    # -- the export's old addresses -------------------------------------------------------------

    def _addresses(self):
        """Each address of the export leads to what it was; addresses the export no longer has go."""
        known = {row.path: row for row in ProgrammeExportAddress.objects.filter(conference=self.conference)}
        for plan in self.schedule.addresses:
            session = self.sessions_found.get(plan.session)
            presentation = self.presentations_found.get((plan.session, plan.presentation))
            values = {"session": session, "presentation": presentation}
            row = known.pop(plan.url[:500], None)
            if row is None:
                row, created = ProgrammeExportAddress.objects.update_or_create(
                    path=plan.url[:500], defaults={"conference": self.conference, **values}
                )
                (self.report.created if created else self.counts)["programme export addresses"] += 1
                self.changed = True
            elif (row.session_id, row.presentation_id) != (
                getattr(session, "pk", None),
                getattr(presentation, "pk", None),
            ):
                ProgrammeExportAddress.objects.filter(pk=row.pk).update(**values)
                self.counts["programme export addresses"] += 1
                self.changed = True
        if known:
            ProgrammeExportAddress.objects.filter(pk__in=[row.pk for row in known.values()]).delete()
            self.changed = True

    # -- writing a row ------------------------------------------------------------------------

    def _update(self, row, values, label):
        changed = {name: value for name, value in values.items() if getattr(row, name) != value}
        if not changed or self._editing(row, label):
            return False
        if row.latest_revision_id is None:
            type(row).objects.filter(pk=row.pk).update(**changed)
        else:
            for name, value in changed.items():
                setattr(row, name, value)
            row.save_revision().publish()
        self.changed = True
        return True

    def _editing(self, row, label):
        if row.has_unpublished_changes or row.locked:
            self.warn(f"{label} has a draft or a lock in the admin: its schedule is left as the editor has it")
            return True
        return False


def _session_title(title):
    return title[:500] or "Session"


def _find(rows, order, title):
    """The row at `order` with `title`, else the only row with that title."""
    same = [row for row in rows if row.title == title]
    return next((row for row in same if row.sort_order == order), same[0] if len(same) == 1 else None)


def _entry(entries, order, name):
    """The presenter entry at `order` if it names `name`, else the only entry that does."""
    key = person_name_key(name)
    same = [entry for entry in entries if entry.person.name_key == key]
    return next((entry for entry in same if entry.sort_order == order), same[0] if len(same) == 1 else None)
