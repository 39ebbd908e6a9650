"""Where the programme lives below the pages' addresses: the one place that spells those addresses.

A presentation is a sub-page of its conference (`<conference>/presentations/<slug>/`) and a
person a sub-page of the conference index (`<index>/people/<slug>/`). The page types' routes and
every link to them, in Python and in templates, are built from these.
"""

PRESENTATIONS = "presentations/"
PEOPLE = "people/"
BIBTEX = "bibtex/"
CALENDAR = "calendar/"


def presentation_url(conference_url, slug):
    return f"{conference_url}{PRESENTATIONS}{slug}/"


def presentation_bibtex_url(conference_url, slug):
    return f"{presentation_url(conference_url, slug)}{BIBTEX}"


def people_url(index_url):
    return f"{index_url}{PEOPLE}"


def person_url(index_url, slug):
    return f"{people_url(index_url)}{slug}/"
