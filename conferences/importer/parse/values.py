"""DOIs and YouTube ids as the archive writes them."""

import re

from conferences.youtube import youtube_video_id
from conferences.zenodo import normalise_doi

from .text import clean_line

DOI_SEPARATORS = re.compile(r"[\s,;]+")
STRAY_CHARACTERS = "<>\"'()[]"
TRUNCATED_DOI = re.compile(r"^0\.\d{4,9}/")
DOI_DECORATION = re.compile(r"^(?:doi:\s*|https?://(?:dx\.|www\.)?doi\.org/)", re.IGNORECASE)


def read_dois(value, where, warn):
    """Normalised DOIs in order without repeats, from "", a string, several in one string, or a list."""
    values = value if isinstance(value, list) else [value]
    dois = []
    for item in values:
        if item is None or item == "":
            continue
        if not isinstance(item, str):
            warn(f"{where}: DOI {item!r} is not text; dropped")
            continue
        for token in _doi_tokens(item):
            doi = read_doi(token, where, warn)
            if doi and doi not in dois:
                dois.append(doi)
    return dois


def _doi_tokens(text):
    tokens = [token for token in DOI_SEPARATORS.split(text.strip()) if token]
    merged = []
    for token in tokens:
        # "doi: 10.5281/..." splits into two tokens that belong together.
        if merged and merged[-1].lower() == "doi:":
            merged[-1] += token
        else:
            merged.append(token)
    return merged


def read_doi(text, where, warn):
    """One normalised DOI, or "" with a warning when the text is not a DOI; every repair is warned about."""
    text = clean_line(text)
    if not text:
        return ""
    trimmed = text.strip(STRAY_CHARACTERS)
    doi = normalise_doi(trimmed)
    if doi is None and TRUNCATED_DOI.match(trimmed) and normalise_doi(f"1{trimmed}"):
        # "0.5281/zenodo.6772338": a DOI that lost the first character of its "10." prefix.
        doi = normalise_doi(f"1{trimmed}")
        warn(f"{where}: DOI {text!r} has lost the 1 of its 10. prefix; repaired to {doi}")
        return doi
    if doi is None:
        warn(f"{where}: {text!r} is not a DOI; dropped")
        return ""
    if trimmed != text or doi != _bare(trimmed).lower():
        warn(f"{where}: stray characters removed from DOI {text!r}; stored as {doi}")
    elif _bare(trimmed) != trimmed:
        warn(f"{where}: DOI written as {text!r}; stored as the bare DOI {doi}")
    return doi


def _bare(text):
    """The DOI without a doi.org address or a "doi:" prefix around it."""
    return DOI_DECORATION.sub("", text)


def read_video_id(value, where, warn):
    text = clean_line(value)
    if not text:
        return ""
    video_id = youtube_video_id(text)
    if video_id:
        return video_id
    # Share links add tracking parameters ("ePquFsyi8BM?si=..."), which the id check rejects.
    video_id = youtube_video_id(re.split(r"[?&#]", text)[0])
    if video_id:
        warn(f"{where}: parameters removed from YouTube id {text!r}")
        return video_id
    warn(f"{where}: {text!r} is not a YouTube video id; dropped")
    return ""
