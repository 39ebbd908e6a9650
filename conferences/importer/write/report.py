"""What one run of the import did, for the command to print."""

from collections import Counter
from dataclasses import dataclass, field

SUMMARY_NAMES = ("conferences", "sessions", "presentations", "presenters", "dois", "pages", "images", "documents",
                 "redirects")  # fmt: skip


@dataclass
class ImportReport:
    dry_run: bool = False
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)
    unpublished: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    warnings: list = field(default_factory=list)
    # Where the source and an editor's work disagree: what the run kept, replaced or left out, one sentence each.
    conflicts: list = field(default_factory=list)
    totals: dict = field(default_factory=dict)

    @property
    def changed(self):
        return any(sum(counter.values()) for counter in (self.created, self.updated, self.deleted, self.unpublished))

    def summary_line(self):
        counts = " ".join(f"{name}={self.totals.get(name, 0)}" for name in SUMMARY_NAMES)
        return f"{counts} warnings={len(self.warnings)}"
