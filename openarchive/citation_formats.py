"""A conference's presentations as reference managers import them: BibTeX, RIS and CSL-JSON."""

import json
import re

from conferences.citations import bibtex, conference_title, dois, presenter_names, slides_note, slides_url

# RIS: one tag per line, "XX  - value"; a value may not break its line.
RIS_LINE_END = "\r\n"


def bibtex_file(presentations, request=None):
    return "\n".join(bibtex(presentation, request) for presentation in presentations)


def ris_file(presentations, request=None):
    return "".join(_ris_record(presentation, request) for presentation in presentations)


def _ris_record(presentation, request):
    conference = presentation.conference
    tags = [("TY", "CPAPER"), ("TI", presentation.title)]
    tags += [("AU", name) for name in presenter_names(presentation)]
    tags += [("PY", str(conference.year)), ("T2", conference_title(conference))]
    if conference.start_date:
        tags.append(("DA", conference.start_date.strftime("%Y/%m/%d/")))
    tags += [("CY", conference.location), ("PB", "IASSIST"), ("AB", presentation.abstract)]
    tags += [("DO", doi) for doi in dois(presentation)]
    tags.append(("UR", _url(presentation, request)))
    # L1 is RIS's link to the full text: here the slides' own file or page.
    tags.append(("L1", slides_url(presentation, request)))
    lines = [f"{tag}  - {_one_line(value)}" for tag, value in tags if value and _one_line(value)]
    return RIS_LINE_END.join(lines + ["ER  - ", ""])


def csl_json_file(presentations, request=None):
    items = [csl_item(presentation, request) for presentation in presentations]
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"


def csl_item(presentation, request=None):
    conference = presentation.conference
    item = {
        "id": f"iassist-{conference.year}-{presentation.pk}",
        "type": "paper-conference",
        "title": presentation.title,
        "author": [csl_name(name) for name in presenter_names(presentation)],
        "issued": {"date-parts": [_date_parts(conference)]},
        "event-title": conference_title(conference),
        "publisher": "IASSIST",
        "URL": _url(presentation, request),
    }
    optional = {
        "event-place": conference.location,
        "abstract": presentation.abstract,
        "DOI": (dois(presentation) or [""])[0],
        "note": slides_note(presentation, request),
    }
    item.update({key: value for key, value in optional.items() if value})
    return item


def csl_name(name):
    """Family and given names when the name is written "Given Family"; the whole name otherwise."""
    parts = name.split()
    if len(parts) < 2 or "," in name:
        return {"literal": name}
    return {"family": parts[-1], "given": " ".join(parts[:-1])}


def _date_parts(conference):
    if conference.start_date and conference.date_precision == "day":
        return [conference.start_date.year, conference.start_date.month, conference.start_date.day]
    return [conference.year]


def _url(presentation, request):
    url = presentation.get_url(request) or ""
    return request.build_absolute_uri(url) if url.startswith("/") and request is not None else url


def _one_line(value):
    return re.sub(r"\s+", " ", str(value)).strip()
