"""Sponsors named on the sponsorship pages, kept once: the sponsor of 2024 is the sponsor of 2025."""

from conferences.models import Sponsor

WEB_STARTS = ("https://", "http://")


class SponsorFinder:
    """Finds a sponsor by name, or creates it with its logo; a sponsor an editor has changed is left as it is."""

    def __init__(self, media, created):
        self.media, self.created = media, created
        self.found = {}

    def sponsor(self, entry):
        name = " ".join((entry.get("name") or "").split())[:200]
        if not name:
            return None
        key = name.casefold()
        if key not in self.found:
            self.found[key] = Sponsor.objects.filter(name__iexact=name).first() or self._create(name, entry)
        return self.found[key]

    def _create(self, name, entry):
        logo = self.media.image(entry.get("logo")) if entry.get("logo") else None
        url = (entry.get("url") or "").strip()
        sponsor = Sponsor.objects.create(
            name=name,
            logo=logo,
            logo_alt_text=(entry.get("alt") or name)[:255] if logo else "",
            url=url[:500] if url.startswith(WEB_STARTS) else "",
        )
        self.created["sponsors"] += 1
        return sponsor
