"""Write the conferences' programmes (sessions, presentations, presenters, DOIs) in bulk."""

import unicodedata
from dataclasses import asdict

from django.utils.text import slugify

from conferences.models import Person, Presentation, PresentationDOI, Presenter, Session
from conferences.text import person_name_key

from .bookkeeping import fingerprint


def write_programmes(plan, pages, records, report, progress):
    """Replace each programme whose source changed; returns the new presentations and the new people."""
    changed = []
    for item in (item for item in plan.pages if item.programme is not None):
        conference = pages[item.key]
        digest = fingerprint(asdict(item.programme))
        if records.fingerprint(f"programme:{item.key}") == digest and conference.sessions.exists():
            report.unchanged["programmes"] += 1
        else:
            changed.append((item, conference, digest))
    people = PeopleDirectory()
    new_people = people.ensure(name for item, _, _ in changed for name in programme_names(item.programme))
    report.created["people"] += len(new_people)
    new_presentations = []
    for done, (item, conference, digest) in enumerate(changed, start=1):
        existed = conference.sessions.exists()
        new_presentations += replace_programme(conference, item.programme, people)
        records.remember(f"programme:{item.key}", conference, digest)
        (report.updated if existed else report.created)["programmes"] += 1
        progress("programmes", done, len(changed))
    return new_presentations, new_people


class PeopleDirectory:
    """Every person by matching key, created in bulk when first needed."""

    def __init__(self):
        self.by_key = {person.name_key: person for person in Person.objects.all()}
        self.slugs = set(Person.objects.values_list("slug", flat=True))

    def ensure(self, names):
        """Create the people named in `names` that do not exist yet; spellings choose the display name."""
        spellings = {}
        for name in names:
            key = person_name_key(name)
            if key and key not in self.by_key:
                spellings.setdefault(key, []).append(name)
        new_people = [
            Person(name=_best_spelling(options), name_key=key, slug=self._slug(key))
            for key, options in spellings.items()
        ]
        for person in Person.objects.bulk_create(new_people):
            self.by_key[person.name_key] = person
        return new_people

    def get(self, name):
        return self.by_key[person_name_key(name)]

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


def programme_names(record):
    return [
        presenter.name
        for session in record.sessions
        for presentation in session.presentations
        for presenter in presentation.presenters
    ]


def replace_programme(conference, record, people):
    """Replace `conference`'s programme with the one in `record`; returns the new presentations."""
    Session.objects.filter(conference=conference).delete()
    sessions = Session.objects.bulk_create(
        [
            Session(
                conference=conference,
                sort_order=order,
                title=item.title[:500] or "Session",
                day=item.day[:100],
                chair=item.chair[:300],
                moderator=item.moderator[:300],
                description=item.description,
                video_id=item.video_id,
                live=True,  # published as imported: the archive is not held for review
            )
            for order, item in enumerate(record.sessions)
        ]
    )
    slugs, presentations, children = set(), [], []
    for session, session_record in zip(sessions, record.sessions, strict=True):
        for order, item in enumerate(session_record.presentations):
            presentation = Presentation(
                conference=conference,
                session=session,
                sort_order=order,
                title=item.title[:1000],
                slug=_unique_slug(item.title, slugs),
                abstract=item.abstract,
                video_id=item.video_id,
                live=True,
            )
            presentations.append(presentation)
            children.append(item)
    Presentation.objects.bulk_create(presentations)
    _write_presenters_and_dois(presentations, children, people)
    return presentations


def _write_presenters_and_dois(presentations, records, people):
    presenters, dois = [], []
    for presentation, record in zip(presentations, records, strict=True):
        presenters += [
            Presenter(
                presentation=presentation,
                person=people.get(entry.name),
                institution=(entry.institution or "")[:500],
                doi=entry.doi,
                sort_order=order,
            )
            for order, entry in enumerate(record.presenters)
        ]
        dois += [
            PresentationDOI(presentation=presentation, doi=doi, sort_order=order)
            for order, doi in enumerate(record.dois)
        ]
    Presenter.objects.bulk_create(presenters)
    PresentationDOI.objects.bulk_create(dois)


def _unique_slug(title, taken):
    base = slugify(title)[:100].strip("-") or "presentation"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base[:95]}-{number}", number + 1
    taken.add(slug)
    return slug
