"""Reading a Zenodo community's records through Zenodo's public REST API, page by page.

Only reads: no token is sent and nothing is written to Zenodo. Every way the read can fail (no
network, a refused connection, a timeout, an HTTP error, a body that is not the JSON Zenodo sends)
becomes one ZenodoUnavailable with a sentence for the command to print.
"""

import json
from dataclasses import dataclass, field
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlsplit
from urllib.request import Request, urlopen

from django.conf import settings

from .records import parse_hits

# Zenodo serves at most 25 records a page to anonymous clients.
PAGE_SIZE = 25
# IASSIST's biggest community holds a few hundred records; a cap keeps a wrong `links.next` from looping.
MAX_PAGES = 40
MAX_RESPONSE_BYTES = 10 * 1024 * 1024
USER_AGENT = "IASSIST-conferences-zenodo-sync/1.0 (+https://iassistdata.org)"


class ZenodoUnavailable(RuntimeError):
    """Zenodo could not be read; the message says why in one line."""


@dataclass
class CommunityRecords:
    community: str
    records: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    pages: int = 0
    capped: bool = False


def api_url():
    return getattr(settings, "ZENODO_API_URL", "https://zenodo.org/api").rstrip("/")


def first_page_url(community):
    query = urlencode({"communities": community, "size": PAGE_SIZE, "page": 1, "sort": "mostrecent"})
    return f"{api_url()}/records?{query}"


def fetch_community(community, max_pages=MAX_PAGES):
    """Every record of `community` (its Zenodo identifier, e.g. iassist-2022), following `links.next`."""
    result = CommunityRecords(community)
    url = first_page_url(community)
    while url:
        if result.pages == max_pages:
            result.capped = True
            break
        response = get_json(url)
        records, skipped = parse_hits(hits_of(response, url))
        result.records.extend(records)
        result.skipped.extend(skipped)
        result.pages += 1
        url = next_url(response, url)
    return result


def hits_of(response, url):
    hits = response.get("hits") if isinstance(response, dict) else None
    hits = hits.get("hits") if isinstance(hits, dict) else None
    if not isinstance(hits, list):
        raise ZenodoUnavailable(f"Zenodo's answer to {url} is not a list of records (no hits.hits).")
    return hits


def next_url(response, url):
    """The next page, followed only on Zenodo's own host: the address comes from outside the site."""
    links = response.get("links") if isinstance(response.get("links"), dict) else {}
    following = links.get("next")
    if not isinstance(following, str) or not following:
        return None
    here, there = urlsplit(url), urlsplit(following)
    if (there.scheme, there.netloc) != (here.scheme, here.netloc):
        raise ZenodoUnavailable(f"Zenodo's next page points away from {here.netloc}: {following[:120]}")
    return following


def get_json(url):
    timeout = getattr(settings, "ZENODO_TIMEOUT", 20)
    request = Request(url, headers={"Accept": "application/json", "User-Agent": USER_AGENT})  # noqa: S310
    try:
        with urlopen(request, timeout=timeout) as response:  # noqa: S310 (the address is the setting's)
            body = response.read(MAX_RESPONSE_BYTES + 1)
    except HTTPError as error:
        raise ZenodoUnavailable(f"Zenodo answered {error.code} {error.reason} for {url}.") from error
    except TimeoutError as error:
        raise ZenodoUnavailable(f"Zenodo did not answer within {timeout} s ({url}).") from error
    except URLError as error:
        raise ZenodoUnavailable(f"Zenodo cannot be reached at {url}: {error.reason}.") from error
    except OSError as error:
        raise ZenodoUnavailable(f"Zenodo cannot be reached at {url}: {error}.") from error
    if len(body) > MAX_RESPONSE_BYTES:
        raise ZenodoUnavailable(f"Zenodo's answer to {url} is larger than {MAX_RESPONSE_BYTES // 1048576} MB.")
    try:
        return json.loads(body)
    except ValueError as error:
        raise ZenodoUnavailable(f"Zenodo's answer to {url} is not JSON ({error.msg}).") from error
