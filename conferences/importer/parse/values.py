"""DOIs and YouTube ids as the archive writes them."""

import re

from conferences.youtube import youtube_video_id
from conferences.zenodo import normalise_doi

from .text import clean_line

DOI_SEPARATORS = re.compile(r"[\s,;]+")
STRAY_CHARACTERS = "<>\"'()[]"


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
    """One normalised DOI, or "" with a warning when the text is not a DOI."""
    text = clean_line(text)
    if not text:
        return ""
    trimmed = text.strip(STRAY_CHARACTERS)
    doi = normalise_doi(trimmed)
    if doi is None:
        hint = f" (perhaps 1{trimmed}?)" if normalise_doi(f"1{trimmed}") else ""
        warn(f"{where}: {text!r} is not a DOI{hint}; dropped")
        return ""
    if trimmed != text:
        warn(f"{where}: stray characters removed from DOI {text!r}")
    return doi


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
