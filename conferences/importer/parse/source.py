"""Content files of the Hugo tree: front matter, body and the URL Hugo serves them at."""

import datetime
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from ..errors import SourceError

TOML_FENCE = "+++"
YAML_FENCE = "---"
CONFERENCES_DIR = "content/conferences"
CODE_OF_CONDUCT = "content/community/code-of-conduct.md"
TOML_ERROR_LINE = re.compile(r"at line (\d+)")
TRUE_WORDS = {"true", "yes", "on", "1"}


@dataclass(frozen=True)
class ContentFile:
    path: str
    front_matter: dict
    body: str
    body_line: int


def read_text(root, relative):
    """The file's text as UTF-8 with Unix line endings; anything else is a SourceError."""
    try:
        data = (Path(root) / relative).read_bytes()
    except OSError as error:
        raise SourceError(relative, None, f"cannot be read ({error.strerror or error})") from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(relative, line, f"is not UTF-8 text (byte 0x{data[error.start]:02x})") from error
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_content_file(root, relative):
    text = read_text(root, relative)
    lines = text.split("\n")
    fence = lines[0].strip() if lines else ""
    if fence not in (TOML_FENCE, YAML_FENCE):
        return ContentFile(relative, {}, text, 1)
    closing = _closing_fence(lines, fence)
    if closing is None:
        raise SourceError(relative, 1, f"front matter opened with {fence} is never closed")
    source = "\n".join(lines[1:closing])
    parse = _parse_toml if fence == TOML_FENCE else _parse_yaml
    front_matter = parse(source, relative, closing + 1)
    return ContentFile(relative, front_matter, "\n".join(lines[closing + 1 :]), closing + 2)


def _closing_fence(lines, fence):
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() == fence:
            return number
    return None


def _parse_toml(source, relative, closing_line):
    try:
        return tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        match = TOML_ERROR_LINE.search(str(error))
        # Front matter starts on the file's second line; "end of document" means the closing fence.
        line = int(match.group(1)) + 1 if match else closing_line
        raise SourceError(relative, line, f"broken TOML front matter: {error}") from error


def _parse_yaml(source, relative, closing_line):
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 2 if mark else closing_line
        problem = getattr(error, "problem", None) or str(error)
        raise SourceError(relative, line, f"broken YAML front matter: {problem}") from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SourceError(relative, 2, "YAML front matter is not a mapping of keys to values")
    return data


def front_matter_bool(value):
    """Hugo front matter writes booleans both as TOML booleans and as strings ("false")."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in TRUE_WORDS
    return False


def front_matter_date(value):
    """A date from a TOML/YAML date or datetime or an ISO string; None for anything else."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    match = re.match(r"^(\d{4}-\d{2}-\d{2})\b", text)
    if match:
        try:
            return datetime.date.fromisoformat(match.group(1))
        except ValueError:
            return None
    return None


def hugo_url(relative_path, front_matter=None):
    """The address Hugo publishes a content file at (default permalinks, paths lower-cased)."""
    front_matter = front_matter or {}
    explicit = front_matter.get("url")
    if isinstance(explicit, str) and explicit.strip():
        return _with_slashes(explicit.strip())
    parts = PurePosixPath(relative_path).parts
    if parts and parts[0] == "content":
        parts = parts[1:]
    directories, stem = parts[:-1], PurePosixPath(parts[-1]).stem
    segments = list(directories)
    # _index.md is a section's page and index.md a leaf bundle's: both live at their folder's address.
    if stem not in ("_index", "index"):
        slug = front_matter.get("slug")
        segments.append(slug.strip() if isinstance(slug, str) and slug.strip() else stem)
    path = "/".join(segment.replace(" ", "-") for segment in segments).lower()
    return _with_slashes(path)


def _with_slashes(path):
    if "://" in path:
        return path
    path = "/" + path.strip("/")
    return path if path == "/" or PurePosixPath(path).suffix else path + "/"


def hugo_aliases(front_matter):
    """The old addresses a page declares in `aliases` (Hugo serves redirects from them)."""
    aliases = (front_matter or {}).get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    return [alias.strip() for alias in aliases if isinstance(alias, str) and alias.strip()]


def conference_content_files(root):
    root = Path(root)
    found = {path.relative_to(root).as_posix() for path in (root / CONFERENCES_DIR).rglob("*.md") if path.is_file()}
    if (root / CODE_OF_CONDUCT).is_file():
        found.add(CODE_OF_CONDUCT)
    return sorted(found)
