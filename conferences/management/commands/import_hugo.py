import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from conferences.importer.errors import ImportConflict, SourceError
from conferences.importer.run import HugoImporter


class Command(BaseCommand):
    help = (
        "Import the conferences section of the IASSIST Hugo site at PATH (content/, data/, static/, netlify.toml). "
        "Safe to run again: only what changed in the source is updated, through new revisions."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Root of the Hugo site source, e.g. ../shared/iassist-hugo")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change, and the conflicts, and write nothing."
        )
        parser.add_argument(
            "--prefer-source",
            action="store_true",
            help="Where an editor changed a programme row that the source changed too, write the source's version "
            "(the editor's stays in the row's history) and say what was replaced.",
        )

    def handle(self, *args, path, dry_run, prefer_source, verbosity, **options):
        root = Path(path)
        if not (root / "content").is_dir():
            raise CommandError(f"{root} is not a Hugo site source: it has no content/ folder.")
        progress = ProgressBar(self.stderr) if verbosity >= 1 and sys.stderr.isatty() else None
        try:
            report = HugoImporter(root, dry_run=dry_run, prefer_source=prefer_source, progress=progress).run()
        except (SourceError, ImportConflict) as error:
            raise CommandError(f"Import stopped, nothing was changed: {error}") from error
        finally:
            if progress:
                progress.finish()
        self._report(report, verbosity)

    def _report(self, report, verbosity):
        if verbosity >= 1:
            for warning in report.warnings:
                self.stdout.write(self.style.WARNING(f"warning: {warning}"))
            self.stdout.write(self._changes(report))
            for conflict in report.conflicts:
                self.stdout.write(self.style.WARNING(f"conflict: {conflict}"))
        if verbosity >= 1 or report.dry_run:
            self.stdout.write(report.summary_line())

    def _changes(self, report):
        conflicts = _conflicts_sentence(report)
        if not report.changed:
            if conflicts:
                verb = "Dry run, nothing was written. Nothing would change" if report.dry_run else "Nothing changed"
                return f"{verb}, but the site differs from the source where editors changed it: {conflicts}."
            return "Nothing changed: the site already holds this source."
        parts = []
        for verb, counter in (("created", report.created), ("updated", report.updated),
                              ("deleted", report.deleted), ("unpublished", report.unpublished)):  # fmt: skip
            counts = [f"{count} {name}" for name, count in sorted(counter.items()) if count]
            if counts:
                parts.append(f"{verb} " + ", ".join(counts))
        prefix = "Dry run, nothing was written. Would have " if report.dry_run else ""
        return prefix + "; ".join(parts) + (f"; {conflicts}." if conflicts else ".")


def _conflicts_sentence(report):
    count = len(report.conflicts)
    if not count:
        return ""
    return f"{count} conflict{'s' if count != 1 else ''} with editors' work, listed below"


class ProgressBar:
    width = 30

    def __init__(self, stream):
        self.stream = stream

    def __call__(self, step, done, total):
        filled = int(self.width * done / total) if total else self.width
        self.stream.write(f"\r{step:<11} [{'#' * filled}{'.' * (self.width - filled)}] {done}/{total}", ending="")
        self.stream.flush()

    def finish(self):
        self.stream.write("\r" + " " * (self.width + 30) + "\r", ending="")
