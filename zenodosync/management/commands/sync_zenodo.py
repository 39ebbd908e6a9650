"""manage.py sync_zenodo: read conferences' Zenodo communities and queue what they propose for review.

Nothing in the programme changes: proposals wait in the admin (Zenodo proposals) for an editor.
Zenodo is read completely before anything is written, so an offline run writes nothing.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from conferences.models import ConferencePage

from ...client import CommunityRecords, ZenodoUnavailable, fetch_community, hits_of
from ...proposals import community_of, sync_conference
from ...records import parse_hits

MAX_FILE_BYTES = 50 * 1024 * 1024


class Command(BaseCommand):
    help = "Match the records of conferences' Zenodo communities to their presentations and queue proposals."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--community", help="A Zenodo community's identifier, e.g. iassist-2022.")
        which.add_argument("--conference", help="A conference's year (every conference of that year) or slug.")
        which.add_argument("--all", action="store_true", help="Every conference that links a Zenodo community.")
        parser.add_argument(
            "--from-file",
            action="append",
            help="Read recorded API responses instead of Zenodo: a file of one search response or a list "
            "of them; give it once per file.",
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        recorded = _read_recordings(options["from_file"]) if options["from_file"] else None
        conferences = self._conferences(options)
        for reason in recorded[1] if recorded else ():
            self.stdout.write(f"left out of the recordings: {reason}")
        try:
            fetched = [(conference, self._records(community, recorded)) for conference, community in conferences]
        except ZenodoUnavailable as error:
            raise CommandError(f"{error} Nothing was written.") from error
        totals = {"records": 0, "matched": 0, "near-misses": 0, "proposals": 0}
        for conference, records in fetched:
            result = sync_conference(conference, records)
            self._report(result)
            totals["records"] += result.records
            totals["matched"] += result.count("matched")
            totals["near-misses"] += result.count("near-miss")
            totals["proposals"] += sum(result.new.values())
        if len(fetched) > 1:
            self.stdout.write("total: " + " ".join(f"{name}={count}" for name, count in totals.items()))

    def _conferences(self, options):
        pages = ConferencePage.objects.defer_streamfields().exclude(zenodo_community="").order_by("year", "pk")
        linked = [(page, community_of(page)) for page in pages]
        linked = [(page, community) for page, community in linked if community]
        if options["community"]:
            wanted = options["community"].strip().lower()
            chosen = [(page, community) for page, community in linked if community == wanted]
            if not chosen:
                raise CommandError(f"No conference page links the Zenodo community '{wanted}'. {_known(linked)}")
        elif options["conference"]:
            reference = options["conference"].strip()
            chosen = [
                (page, community)
                for page, community in linked
                if (reference.isdigit() and page.year == int(reference)) or page.slug == reference
            ]
            if not chosen:
                raise CommandError(f"No conference '{reference[:80]}' links a Zenodo community. {_known(linked)}")
        else:
            chosen = linked
            if not chosen:
                raise CommandError("No conference page links a Zenodo community.")
        return chosen

    def _records(self, community, recorded):
        if recorded is None:
            return fetch_community(community)
        records, _ = recorded
        # A record names its communities; one written without them counts for the community asked for.
        mine = [record for record in records if not record.communities or community in record.communities]
        return CommunityRecords(community, mine, pages=1)

    def _report(self, result):
        conference = result.conference
        kinds = " ".join(f"{kind}={result.new.get(kind, 0)}" for kind in ("doi", "orcid", "title"))
        self.stdout.write(
            f"{result.community} ({conference.title}, {conference.year}): records={result.records} "
            f"matched={result.count('matched')} near-misses={result.count('near-miss')} "
            f"unmatched={result.count('unmatched')} new proposals: {kinds} already proposed={result.known}"
        )
        if self.verbosity >= 2:
            for match in result.matches:
                if match.outcome != "matched":
                    self.stdout.write(
                        f"  {match.outcome}: {match.record.url} “{match.record.title[:80]}” {match.reason}"
                    )
        for reason in result.skipped:
            self.stdout.write(f"  left out: {reason}")
        for note, count in sorted(result.notes.items()):
            self.stdout.write(f"  not proposed: {note} ({count})")
        if result.capped:
            self.stdout.write(self.style.WARNING("  stopped at the page limit: some records were not read"))


def _known(linked):
    names = ", ".join(sorted({community for _, community in linked}))
    return f"Communities linked: {names}." if names else "No conference page links a Zenodo community."


def _read_recordings(paths):
    records, skipped = [], []
    for path_text in paths:
        file_records, file_skipped = _read_recorded(path_text)
        records.extend(file_records)
        skipped.extend(file_skipped)
    return records, skipped


def _read_recorded(path_text):
    """(records, skipped) from a file of recorded responses; a clear error for anything else."""
    path = Path(path_text)
    if not path.is_file():
        raise CommandError(f"{path_text}: no such file.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise CommandError(f"{path_text} is larger than {MAX_FILE_BYTES // 1048576} MB.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise CommandError(f"{path_text} is not JSON: {error}") from error
    responses = data if isinstance(data, list) else [data]
    records, skipped = [], []
    try:
        for response in responses:
            page_records, page_skipped = parse_hits(hits_of(response, path_text))
            records.extend(page_records)
            skipped.extend(page_skipped)
    except ZenodoUnavailable as error:
        raise CommandError(str(error).replace("Zenodo's answer to", "The recording")) from error
    return records, skipped
