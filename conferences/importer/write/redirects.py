"""Wagtail redirects from the old site's addresses: the pages' former URLs and netlify.toml's rules."""

from wagtail.contrib.redirects.models import Redirect

from conferences.feeds import FEED_FILE, has_feed

from .bookkeeping import fingerprint
from .links import normalise_site_path

REDIRECT_SECTIONS = ("/conferences", "/community/code-of-conduct")


def write_redirects(plan, pages, resolver, records, report):
    """`pages` is the PageWriter that wrote the plan's pages; `resolver` resolves netlify's targets."""
    for old, (kind, value, permanent) in sorted(_wanted(plan, pages, resolver).items()):
        _redirect(old, kind, value, permanent, records, report)


def _wanted(plan, pages, resolver):
    wanted = {}
    live_paths = {pages.site_path(page) for page in pages.pages.values()}
    for item in plan.pages:
        page = pages.pages[item.key]
        for url in item.hugo_urls:
            old = normalise_site_path(url)
            if old not in live_paths:
                wanted[old] = ("page", page.pk, True)
    wanted.update(_feeds(plan, pages))
    for rule in plan.redirects:
        old = normalise_site_path(rule.from_path)
        if not old.startswith(REDIRECT_SECTIONS) or old in live_paths or "*" in rule.from_path:
            continue
        target = resolver.resolve(rule.to_path, page_url="/", source="netlify.toml")
        value = target.value.url if target.kind == "document" else target.value
        if value:
            wanted.setdefault(old, (target.kind if target.kind == "page" else "url", value, rule.status != 302))
    return wanted


def _feeds(plan, pages):
    """Hugo published a feed for each section: where its page moved, or has no feed now, the feed above it answers."""
    wanted = {}
    by_key = plan.by_key()
    for item in (item for item in plan.pages if item.section_url):
        old = normalise_site_path(item.section_url) + FEED_FILE
        owner = item
        while owner.parent_key and not _has_feed(pages.pages[owner.key]):
            owner = by_key[owner.parent_key]
        new = pages.site_path(pages.pages[owner.key]) + FEED_FILE
        if new != old:
            wanted[old] = ("url", new, True)
    return wanted


def _has_feed(page):
    page.refresh_from_db(fields=["numchild"])
    return has_feed(page)


def _redirect(old, kind, value, permanent, records, report):
    key, digest = f"redirect:{old}", fingerprint([kind, value, permanent])
    if records.fingerprint(key) == digest:
        report.unchanged["redirects"] += 1
        return
    redirect, created = Redirect.objects.update_or_create(
        old_path=Redirect.normalise_path(old),
        site=None,
        defaults={
            "redirect_page_id": value if kind == "page" else None,
            "redirect_link": "" if kind == "page" else value,
            "is_permanent": permanent,
        },
    )
    records.remember(key, redirect, digest)
    (report.created if created else report.updated)["redirects"] += 1
