"""The whole import: read and plan the Hugo tree, then write the plan."""

from .plan import build_site_plan
from .write.site import write_site


class HugoImporter:
    def __init__(self, root, *, dry_run=False, prefer_source=False, progress=None):
        self.root = root
        self.dry_run = dry_run
        self.prefer_source = prefer_source
        self.progress = progress

    def run(self):
        """Returns the ImportReport; raises SourceError or ImportConflict, having changed nothing."""
        warnings = []
        plan = build_site_plan(self.root, warnings)
        return write_site(
            plan, warnings, dry_run=self.dry_run, prefer_source=self.prefer_source, progress=self.progress
        )
