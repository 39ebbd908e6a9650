"""Write the conferences' programmes (sessions, presentations, presenters, DOIs), keeping editors' work.

A programme whose source is unchanged is not looked at. A changed one is brought up to date row by
row (`programme_sync.py`); the programme's fingerprint is recorded only when no conflict with an
editor's work is left, so that every run reports what stays unresolved and `--prefer-source` can
still settle it.
"""

import unicodedata
from dataclasses import asdict

from django.utils.text import slugify

from conferences.models import Person, PersonAlias
from conferences.text import person_name_key

from .bookkeeping import fingerprint
from .programme_sync import ProgrammeSync


def write_programmes(plan, pages, records, report, progress, prefer_source=False):
    """Bring each changed programme up to date; returns the presentations written and the new people."""
    changed = []
    for item in (item for item in plan.pages if item.programme is not None):
        conference = pages[item.key]
        digest = fingerprint(asdict(item.programme))
        if records.fingerprint(f"programme:{item.key}") == digest and conference.sessions.exists():
            report.unchanged["programmes"] += 1
        else:
            changed.append((item, conference, digest))
    people = PeopleDirectory()
    new_people = people.ensure(entry for item, _, _ in changed for entry in programme_presenters(item.programme))
    report.created["people"] += len(new_people)
    written = []
    for done, (item, conference, digest) in enumerate(changed, start=1):
        existed = conference.sessions.exists()
        before = _row_changes(report)
        sync = ProgrammeSync(conference, item.key, item.programme, people, records, report, prefer_source)
        written += sync.run()
        records.remember(f"programme:{item.key}", conference, "" if sync.unresolved else digest)
        if _row_changes(report) != before:
            (report.updated if existed else report.created)["programmes"] += 1
        progress("programmes", done, len(changed))
    return written, new_people


def _row_changes(report):
    return sum(sum(counter.values()) for counter in (report.created, report.updated, report.deleted,
                                                      report.unpublished))  # fmt: skip


class PeopleDirectory:
    """Every person by matching key, created in bulk when first needed.

    A curator's merge leaves the merged spelling as an alias of the person kept: the source still
    has that spelling, and the import must find the kept person rather than bring the duplicate back.
    """

    def __init__(self):
        people = list(Person.objects.all())
        self.by_key = {person.name_key: person for person in people}
        self.names = {person.pk: person.name for person in people}
        for alias in PersonAlias.objects.select_related("person"):
            self.by_key.setdefault(alias.name_key, alias.person)
        self.slugs = {person.slug for person in people} | set(PersonAlias.objects.values_list("old_slug", flat=True))

    def ensure(self, presenters):
        """Create the people among `presenters` (records) that do not exist yet; spellings choose the display name."""
        spellings, groups = {}, set()
        for presenter in presenters:
            key = person_name_key(presenter.name)
            if key and key not in self.by_key:
                spellings.setdefault(key, []).append(presenter.name)
                if presenter.is_group:
                    groups.add(key)
        new_people = [
            Person(name=_best_spelling(options), name_key=key, slug=self._slug(key), is_group=key in groups)
            for key, options in spellings.items()
        ]
        for person in Person.objects.bulk_create(new_people):
            self.by_key[person.name_key] = person
            self.names[person.pk] = person.name
        return new_people

    def get(self, name):
        return self.by_key[person_name_key(name)]

    def name_of(self, pk):
        return self.names.get(pk, "?")

    def _slug(self, key):
        base = slugify(key)[:200] or "person"
        slug, number = base, 2
        while slug in self.slugs:
            slug, number = f"{base}-{number}", number + 1
        self.slugs.add(slug)
        return slug


def _best_spelling(options):
    """Prefer the spelling with accents and capitals kept: "José García" over "jose garcia"."""

    def score(name):
        accents = sum(1 for char in unicodedata.normalize("NFD", name) if unicodedata.combining(char))
        return (accents, sum(char.isupper() for char in name), -options.index(name))

    return max(options, key=score)


def programme_presenters(record):
    return [
        presenter
        for session in record.sessions
        for presentation in session.presentations
        for presenter in presentation.presenters
    ]
