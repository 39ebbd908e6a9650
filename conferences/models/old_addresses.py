"""Addresses the old Hugo site published that are not pages: its files, and whole folders it redirected.

Wagtail's redirects match one path each and lead to a page or an address. A file is answered
with the image or document it became, looked up when asked, so that it stays right when an
editor replaces the file; a folder rule answers every address below the folder (netlify's
`/conferences/archive/2018/*`, the OpenConf programme exports).
"""

import re

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string

# Characters a path rule cannot mean: a splat, a query, a fragment; and a line break.
NOT_IN_A_PATH = re.compile(r"[*?#\r\n\t]")


def check_old_path(path):
    """The errors of an address as the old site served it (a path on this site)."""
    if not path.startswith("/") or path.startswith("//"):
        return "Start the address with one slash, as the old site served it: /conferences/…"
    if NOT_IN_A_PATH.search(path):
        return "Leave out *, ? and #: the rule matches the address itself."
    return None


def check_redirect_link(link):
    """A folder rule leads to a path on this site or to a full http(s) address, nothing else."""
    if link.startswith("/") and not link.startswith(("//", "/\\")):
        return None
    if re.match(r"https?://[^/\s]+", link) and not re.search(r"\s", link):
        return None
    return "Enter an address on this site starting with /, or a full address starting with https://."


class OldFileAddress(models.Model):
    """A file the old site served at `path`, now an image or a document of this site."""

    path = models.CharField(max_length=500, unique=True, help_text="As the old site served it: /img/conferences/x.jpg")
    image = models.ForeignKey(
        get_image_model_string(), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    document = models.ForeignKey(
        get_document_model_string(), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = "old file address"

    def __str__(self):
        return self.path

    def clean(self):
        errors = {}
        if problem := check_old_path(self.path):
            errors["path"] = problem
        if bool(self.image_id) == bool(self.document_id):
            errors[NON_FIELD_ERRORS] = "An old file address leads to an image or to a document."
        if errors:
            raise ValidationError(errors)


class FolderRedirect(models.Model):
    """Every address below `folder` leads to one page or address."""

    folder = models.CharField(
        max_length=500, unique=True, help_text="With slashes at both ends: /conferences/archive/2018/"
    )
    redirect_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    redirect_link = models.CharField(
        max_length=500, blank=True, help_text="When no page is chosen; :splat stands for the rest of the address."
    )
    is_permanent = models.BooleanField(default=True)

    class Meta:
        verbose_name = "folder redirect"

    def __str__(self):
        return f"{self.folder}*"

    def clean(self):
        errors = {}
        if not (self.folder.startswith("/") and self.folder.endswith("/")):
            errors["folder"] = "Start and end the folder with a slash."
        elif self.folder == "/":
            errors["folder"] = "A rule for / would send every missing address of the site to one place: name a folder."
        elif problem := check_old_path(self.folder):
            errors["folder"] = problem
        if bool(self.redirect_page_id) == bool(self.redirect_link):
            errors[NON_FIELD_ERRORS] = "Choose a page or enter an address, not both."
        elif self.redirect_link and (problem := check_redirect_link(self.redirect_link)):
            errors["redirect_link"] = problem
        if errors:
            raise ValidationError(errors)

    def target(self, path, request=None):
        """Where `path`, an address below the folder, leads."""
        if self.redirect_page_id:
            return self.redirect_page.get_url(request)
        # Without leading slashes: "/folder//evil.example" must not lead to "//evil.example", off the site.
        rest = path[len(self.folder) :].lstrip("/\\") if path.startswith(self.folder) else ""
        return self.redirect_link.replace(":splat", rest)


class ProgrammeExportAddress(models.Model):
    """An address of a conference's OpenConf programme export on the old site, and what it now is.

    A submission's page leads to its presentation, a session's part of the export to the session on
    the schedule, and the rest (the schedule page, the folder, its stylesheets) to the schedule.
    The target is worked out when asked, so it follows the pages' and rows' current addresses and
    visibility: a presentation visitors cannot see leads to the schedule instead.
    """

    path = models.CharField(
        max_length=500,
        unique=True,
        help_text="As the old site served it, e.g. "
        "/conferences/iassist2023/full_program/a3a.html; a folder ends with a slash.",
    )
    conference = models.ForeignKey("conferences.ConferencePage", on_delete=models.CASCADE, related_name="+")
    session = models.ForeignKey(
        "conferences.Session", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    presentation = models.ForeignKey(
        "conferences.Presentation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "programme export address"

    def __str__(self):
        return self.path

    def clean(self):
        if problem := check_old_path(self.path):
            raise ValidationError({"path": problem})
        wrong = [
            name
            for name, row in (("session", self.session), ("presentation", self.presentation))
            if row is not None and self.conference_id and row.conference_id != self.conference_id
        ]
        if wrong:
            raise ValidationError({name: f"Choose a {name} of this conference." for name in wrong})
