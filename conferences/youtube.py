"""Recognise YouTube videos from the forms editors and the Hugo source use."""

import re
from urllib.parse import parse_qs, urlsplit

VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com"}


def youtube_video_id(value):
    """Return the 11-character video id in `value` (an id or a video URL), else None."""
    text = (value or "").strip()
    if VIDEO_ID.match(text):
        return text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower()
    candidate = None
    if host == "youtu.be":
        candidate = parts.path.strip("/")
    elif host in YOUTUBE_HOSTS:
        if parts.path == "/watch":
            candidate = (parse_qs(parts.query).get("v") or [""])[0]
        elif parts.path.startswith(("/embed/", "/shorts/", "/live/", "/v/")):
            candidate = parts.path.split("/")[2]
    if candidate and VIDEO_ID.match(candidate):
        return candidate
    return None


def youtube_watch_url(video_id):
    return f"https://www.youtube.com/watch?v={video_id}"
