"""On the imported real tree: every address the old site published answers, every page can be reached by
clicking from the home page, and no page sends visitors to the old host for what this site holds."""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page, Site

from conferences import paths

from .old_site import SITE_HOSTS, published_addresses

pytestmark = pytest.mark.django_db

# Sub-routes of pages, not pages: thousands of them, reached from the programmes and the people list.
NOT_CRAWLED = (f"/{paths.PRESENTATIONS}", f"/{paths.PEOPLE}", "/admin/", "/search/", "/documents/")
EXPECTED_TYPE = {"page": "text/html", "export": "text/html", "rule": "text/html", "feed": "application/rss+xml"}


def content(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def problem(client, tree, address):
    """Why `address` does not answer as the old site's did, or None when it does."""
    response = client.get(address.path, follow=True)
    if response.status_code != 200:
        return f"{address}: {response.status_code} after {response.redirect_chain}"
    served = response["Content-Type"].split(";")[0]
    expected = EXPECTED_TYPE.get(address.kind) or mimetypes.guess_type(address.path)[0]
    if address.kind == "file":
        family_matches = served.split("/")[0] == expected.split("/")[0] == "image" or served == expected
        if not family_matches:
            return f"{address}: served as {served}, not {expected}"
        if content(response) != (Path(tree) / "static" / address.path.lstrip("/")).read_bytes():
            return f"{address}: answers with another file"
    elif served != expected:
        return f"{address}: served as {served}, not {expected}"
    return None


def test_every_address_the_old_site_published_for_the_section_answers(client, imported_site):
    addresses = published_addresses(imported_site)
    problems = [found for address in addresses if (found := problem(client, imported_site, address))]
    answering = len(addresses) - len(problems)
    assert not problems, f"{answering}/{len(addresses)} old addresses answer:\n" + "\n".join(problems)


CRAWLS = {}


def crawl(client, start="/"):
    """Every page reached by following links from `start`, and each link found: {path: final path}, [links].

    The imported site does not change between the tests that read it, so one crawl serves them all.
    """
    if start not in CRAWLS:
        CRAWLS[start] = _crawl(client, start)
    return CRAWLS[start]


def _crawl(client, start):
    reached, links, queue = {}, [], [start]
    while queue:
        path = queue.pop()
        if path in reached:
            continue
        response = client.get(path, follow=True)
        final = response.request["PATH_INFO"]
        reached[path] = final if response.status_code == 200 else None
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        for element in BeautifulSoup(response.content, "html.parser").select("a[href], img[src]"):
            address = urljoin(final, element.get("href") or element.get("src"))
            links.append((final, address))
            queue += [nxt for nxt in [_crawlable(address)] if nxt and nxt not in reached]
    return reached, links


def _crawlable(address):
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https", "") or parts.netloc not in ("", "testserver"):
        return None
    if any(part in parts.path for part in NOT_CRAWLED) or Path(parts.path).suffix not in ("", ".html"):
        return None
    return unquote(parts.path)


def live_page_addresses():
    root = Site.objects.get(is_default_site=True).root_page
    return {page.url for page in Page.objects.live().public().descendant_of(root, inclusive=True).specific()}


def test_a_visitor_clicking_from_the_home_page_reaches_every_live_page(client, imported_site):
    reached, _ = crawl(client)
    orphans = sorted(live_page_addresses() - set(reached.values()))
    assert not orphans, f"{len(orphans)} pages no link leads to: {orphans}"


def test_no_page_sends_visitors_to_the_old_host_for_what_this_site_holds(client, imported_site):
    held = {address.path for address in published_addresses(imported_site)}
    _, links = crawl(client)
    to_old_host = sorted(
        {
            (page, address)
            for page, address in links
            if (urlsplit(address).hostname or "") in SITE_HOSTS
            and (
                urlsplit(address).path.startswith(("/conferences", "/community/code-of-conduct"))
                or unquote(urlsplit(address).path) in held
            )
        }
    )
    assert not to_old_host, f"{len(to_old_host)} links to the old host: {to_old_host[:20]}"
