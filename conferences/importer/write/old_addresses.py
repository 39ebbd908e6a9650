"""The old site's addresses that are not pages: each imported file at the path it was served at, and folder rules.

Folder rules come from netlify.toml's splats (`/conferences/archive/2018/*`) and from the OpenConf
programme exports, whose every address leads to the conference's programme until the schedule
is imported; conferences.old_addresses answers them.
"""

from conferences.models import FolderRedirect, OldFileAddress

from ..errors import SourceWarning
from .bookkeeping import fingerprint
from .redirects import REDIRECT_SECTIONS

SPLAT = "*"


def write_old_file_addresses(media, records, report):
    """Every image and document the run holds answers at its old path."""
    for path, kind, item in media.held():
        key, digest = f"file-address:{path}", fingerprint([kind, item.pk])
        if records.fingerprint(key) == digest:
            report.unchanged["old file addresses"] += 1
            continue
        address, created = OldFileAddress.objects.update_or_create(
            path=path,
            defaults={"image": item if kind == "image" else None, "document": item if kind == "document" else None},
        )
        records.remember(key, address, digest)
        (report.created if created else report.updated)["old file addresses"] += 1


def write_folder_redirects(plan, pages, resolver, records, report):
    """`pages` is the PageWriter that wrote the plan's pages; `resolver` resolves netlify's targets."""
    for folder, (page_id, link, permanent) in sorted(_wanted(plan, pages, resolver, report.warnings).items()):
        _folder_redirect(folder, page_id, link, permanent, records, report)


def folder_rules(plan):
    """The folders of the plan's splat rules and programme exports, whose addresses this site answers."""
    folders = [folder for folder, _ in plan.programme_exports]
    return folders + [_splat_folder(rule.from_path) for rule in plan.redirects if _is_section_splat(rule)]


def _wanted(plan, pages, resolver, warnings):
    wanted = {}
    for folder, key in plan.programme_exports:
        wanted[folder] = (pages.pages[key].pk, "", True)
    for rule in plan.redirects:
        if SPLAT not in rule.from_path or not rule.from_path.startswith(REDIRECT_SECTIONS):
            continue
        if not _is_section_splat(rule):
            warnings.append(SourceWarning("netlify.toml", f"redirect {rule.from_path}: only a final /* is understood"))
            continue
        target = _target(rule, resolver)
        if target:
            wanted.setdefault(_splat_folder(rule.from_path), (*target, rule.status != 302))
    return wanted


def _is_section_splat(rule):
    path = rule.from_path
    return path.startswith(REDIRECT_SECTIONS) and path.endswith("/" + SPLAT) and path.count(SPLAT) == 1


def _splat_folder(from_path):
    return from_path[: -len(SPLAT)].lower()


def _target(rule, resolver):
    """(page id, "") or (None, address); an address using :splat is kept as written."""
    if ":splat" in rule.to_path:
        return None, rule.to_path
    target = resolver.resolve(rule.to_path, page_url="/", source="netlify.toml")
    if target.kind == "page":
        return target.value, ""
    value = target.value.url if target.kind == "document" else target.value
    return (None, value) if value else None


def _folder_redirect(folder, page_id, link, permanent, records, report):
    key, digest = f"folder-redirect:{folder}", fingerprint([page_id, link, permanent])
    if records.fingerprint(key) == digest:
        report.unchanged["folder redirects"] += 1
        return
    rule, created = FolderRedirect.objects.update_or_create(
        folder=folder, defaults={"redirect_page_id": page_id, "redirect_link": link, "is_permanent": permanent}
    )
    records.remember(key, rule, digest)
    (report.created if created else report.updated)["folder redirects"] += 1
