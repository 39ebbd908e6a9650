"""Redirects declared in netlify.toml ([[redirects]] from -> to, status)."""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import SourceError, SourceWarning
from .source import read_text

NETLIFY_FILE = "netlify.toml"
CONFIG_FILE = "config.toml"
DEFAULT_SITE_HOST = "iassistdata.org"
DEFAULT_STATUS = 301  # Netlify's default when a rule gives none
KNOWN_KEYS = {"from", "to", "status", "force", "query", "conditions", "headers", "signed"}
TOML_ERROR_LINE = re.compile(r"at line (\d+)")


@dataclass(frozen=True)
class Redirect:
    from_path: str
    to_path: str
    status: int
    force: bool = False


def parse_netlify_redirects(root, warnings):
    """Every [[redirects]] rule; addresses on the site itself are shortened to paths."""
    if not (Path(root) / NETLIFY_FILE).is_file():
        warnings.append(SourceWarning(NETLIFY_FILE, "file not found; no redirects read"))
        return []
    data = _load_toml(root, NETLIFY_FILE)
    rules = data.get("redirects") or []
    if not isinstance(rules, list):
        raise SourceError(NETLIFY_FILE, None, "redirects is not a list of [[redirects]] tables")
    hosts = _site_hosts(root)
    return [redirect for rule in rules if (redirect := _redirect(rule, hosts, warnings))]


def _load_toml(root, relative):
    try:
        return tomllib.loads(read_text(root, relative))
    except tomllib.TOMLDecodeError as error:
        match = TOML_ERROR_LINE.search(str(error))
        raise SourceError(relative, int(match.group(1)) if match else None, f"broken TOML: {error}") from error


def _site_hosts(root):
    """The site's own host names, from config.toml's baseurl (with and without www.)."""
    host = DEFAULT_SITE_HOST
    if (Path(root) / CONFIG_FILE).is_file():
        config = _load_toml(root, CONFIG_FILE)
        base = config.get("baseurl") or config.get("baseURL") or ""
        host = (urlsplit(base).hostname or host).lower()
    bare = host.removeprefix("www.")
    return {bare, f"www.{bare}"}


def _redirect(rule, hosts, warnings):
    if not isinstance(rule, dict) or not rule.get("from") or not rule.get("to"):
        warnings.append(SourceWarning(NETLIFY_FILE, f"redirect without from/to ignored: {rule!r}"))
        return None
    for key in sorted(rule.keys() - KNOWN_KEYS):
        warnings.append(SourceWarning(NETLIFY_FILE, f"unknown key {key!r} in a redirect ignored"))
    status = rule.get("status", DEFAULT_STATUS)
    if not isinstance(status, int) or isinstance(status, bool):
        warnings.append(
            SourceWarning(NETLIFY_FILE, f"redirect status {status!r} is not a number; {DEFAULT_STATUS} used")
        )
        status = DEFAULT_STATUS
    return Redirect(
        from_path=site_path(str(rule["from"]).strip(), hosts),
        to_path=site_path(str(rule["to"]).strip(), hosts),
        status=status,
        force=bool(rule.get("force", False)),
    )


def site_path(address, hosts):
    """ "https://iassistdata.org/conferences/x/" -> "/conferences/x/"; other sites' addresses stay whole."""
    parts = urlsplit(address)
    if parts.scheme in ("http", "https") and (parts.hostname or "").lower() in hosts:
        path = parts.path or "/"
        return f"{path}?{parts.query}" if parts.query else path
    return address
