"""A conference's programme as HTML, built in Python rather than by nested template loops.

The biggest programme (IASSIST 2025) lists 59 sessions, 166 presentations and about 430
presenter entries; Django's template engine spent two thirds of the page's render time in
those loops (then, with the presentations built here, a third of it in the sessions' own
headers), and `format_html` (lazy-aware escaping on every value) was not much cheaper. The
markup is the one `includes/programme.html` had. Every value read from the database goes
through `_e` (the standard library's `html.escape`, which Django's own `escape` wraps), so
it is escaped exactly as a template would escape it; the tests hold that.
"""

import re
from html import escape

from django.utils.html import linebreaks
from django.utils.safestring import mark_safe

from .paths import presentation_url, session_calendar_url
from .zenodo import doi_url, is_zenodo_doi

PARAGRAPH_BREAK = re.compile(r"\n{2,}")


def _e(text):
    """`html.escape(text)`; most names, titles and addresses need nothing escaped, and `in` tests that in C.

    The biggest programme escapes about 3,400 values a render: five replaces each cost twice these tests.
    """
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
        return escape(text)
    return text


def sessions_html(sessions, links, conference_url, people_url):
    """Each session of the programme (as `conference_programme()` and `programme_days()` give them), in order.

    `links` are the schedule's addresses (`schedule_links()`), or None for a programme without times.
    """
    base, people = _e(conference_url), _e(people_url)
    return mark_safe("".join(_session(session, links, base, people) for session in sessions))


def index_html(days, session_count):
    """The programme's index of days and sessions, for a programme of more than one session; else ""."""
    if session_count < 2:
        return ""
    one_day = len(days) == 1
    return mark_safe(
        '<nav class="programme-index" aria-labelledby="programme-index-heading">\n'
        '<h3 id="programme-index-heading" class="programme-index__heading">Days and sessions</h3>\n'
        '<ul class="programme-index__days">\n' + "".join(_index_day(day, one_day) for day in days) + "</ul>\n</nav>"
    )


def _index_day(day, open_):
    count = len(day["sessions"])
    sessions = f"{count} session{'' if count == 1 else 's'}"
    entries = "".join(
        f'<li><a href="#session-{session["pk"]}">{_index_time(session)}{_e(_heading(session))}</a></li>'
        for session in day["sessions"]
    )
    return (
        f'<li>\n<details class="programme-index__day"{" open" if open_ else ""}>\n'
        f'<summary>{_e(day["label"])} <span class="programme-index__count">({sessions})</span></summary>\n'
        f"<ol>\n{entries}\n</ol>\n</details>\n</li>\n"
    )


def _index_time(session):
    slot = session.get("slot")
    return f'<span class="programme-index__time">{_e(slot.start_text)}</span> ' if slot else ""


def _heading(session):
    return f"{session['code']}: {session['title']}" if session["code"] else session["title"]


def _session(session, links, base, people):
    pk = session["pk"]
    description = session["description"]
    return (
        f'<section class="session" aria-labelledby="session-{pk}">\n<header class="session__header">\n'
        f'<h3 class="session__title" id="session-{pk}">{_e(_heading(session))}</h3>\n'
        f"{_session_meta(session, links)}</header>\n"
        + (
            f'<div class="session__description">{linebreaks(description, autoescape=True)}</div>\n'
            if description
            else ""
        )
        + _session_recording(session)
        + '<ol class="presentations">\n'
        + "".join(_presentation(item, base, people) for item in session["presentations"])
        + "</ol>\n</section>\n"
    )


def _session_meta(session, links):
    slot = session.get("slot")
    parts = []
    if slot:
        when = f'{_e(slot.day_heading)}, <time datetime="{slot.starts_iso}">{_e(slot.start_text)}</time>'
        if slot.ends_at:
            when += f'–<time datetime="{slot.ends_iso}">{_e(slot.end_text)}</time>'
        parts.append(when)
        parts += [_e(text) for text in (slot.location, slot.type_label) if text]
    elif session["day"]:
        parts.append(_e(session["day"]))
    parts += [
        f"{label}: {_e(session[key])}"
        for key, label in (("chair", "Chair"), ("moderator", "Moderator"))
        if session[key]
    ]
    if slot:
        parts.append(
            f'<a href="{_e(session_calendar_url(links.conference, session["pk"]))}" download>Add to calendar'
            f'<span class="visually-hidden">: {_e(session["title"])} (iCalendar file)</span></a>'
        )
    if not parts:
        return ""
    return '<p class="session__meta">' + " ".join(f"<span>{part}</span>" for part in parts) + "</p>\n"


def _session_recording(session):
    if not session["video_url"]:
        return ""
    return (
        f'<p class="recording-link"><a href="{_e(session["video_url"])}">Recording of this session'
        f'<span class="visually-hidden">: {_e(session["title"])}, on YouTube</span></a></p>\n'
    )


def presentations_html(presentations, conference_url, people_url):
    """The `<li>` of each presentation (as `conference_programme()` returns them), in order."""
    base, people = _e(conference_url), _e(people_url)
    return mark_safe("".join(_presentation(item, base, people) for item in presentations))


def presenters_html(presenters, people_url):
    """The list of a presentation's presenters, each linked to their page."""
    return mark_safe(_presenters(presenters, _e(people_url)))


def links_html(item):
    """A presentation's DOIs, materials and recording, or "" when it has none."""
    return mark_safe(_links(item))


def _presentation(item, base, people):
    link = f'<a href="{presentation_url(base, _e(item["slug"]))}">{_e(item["title"])}</a>'
    return (
        f'<li class="presentation">\n<h4 class="presentation__title">{link}</h4>\n{_own_time(item)}'
        f"{_presenter_line(item['presenters'], people)}{_links(item)}{_abstract(item)}</li>\n"
    )


def _own_time(item):
    time = item.get("own_time")
    if not time:
        return ""
    html = f'<p class="presentation__time"><time datetime="{time["start_iso"]}">{_e(time["start"])}</time>'
    if time["end"]:
        html += f'–<time datetime="{time["end_iso"]}">{_e(time["end"])}</time>'
    return html + "</p>\n"


def _presenters(presenters, people):
    """A presentation's page lists its presenters under their own heading."""
    if not presenters:
        return ""
    items = "".join(f"<li>{_presenter(entry, people, _muted)}</li>" for entry in presenters)
    return f'<ul class="presenters">{items}</ul>\n'


def _presenter_line(presenters, people):
    """The programme gives each presentation's presenters one line, as the list above looked there.

    A paragraph rather than a list, and institutions in brackets without a grey span of their
    own: a list item per presenter and a span per institution were 850 of the biggest
    programme's 4,800 elements, which browsers parse, style and lay out one by one.
    """
    if not presenters:
        return ""
    return '<p class="presenters">' + "; ".join(_presenter(entry, people, _plain) for entry in presenters) + "</p>\n"


def _muted(institution):
    return f' <span class="muted">({institution})</span>'


def _plain(institution):
    return f" ({institution})"


def _presenter(entry, people, institution_html):
    name = _e(entry["name"])
    html = f'<a href="{people}{_e(entry["slug"])}/">{name}</a>'
    if entry["institution"]:
        html += institution_html(_e(entry["institution"]))
    if entry.get("ror_url"):
        html += _ror_link(entry)
    if entry["doi"]:
        doi = _e(entry["doi"])
        html += (
            f' <a class="presenter__doi" href="{_e(doi_url(entry["doi"]))}">doi:{doi}'
            f'<span class="visually-hidden"> ({name}’s contribution)</span></a>'
        )
    return html


def _ror_link(entry):
    """The institution's record at ror.org; its hidden words say whose, as the visible "ROR" alone would not."""
    institution = _e(entry["institution"]) if entry["institution"] else f"{_e(entry['name'])}’s institution"
    return (
        f' <a class="presenter__ror" href="{_e(entry["ror_url"])}">ROR'
        f'<span class="visually-hidden"> record of {institution}</span></a>'
    )


def _links(item):
    if not item["materials"]:
        return ""
    title = _e(item["title"])
    return '<ul class="materials">' + "".join(_material(link, title) for link in item["materials"]) + "</ul>\n"


def _material(link, title):
    """A link whose text says what it is; the presentation's title, for screen readers, tells repeats apart."""
    detail = f" ({_e(link['detail'])})" if link["detail"] else ""
    # One span inside the link, so that its icon's flex gap does not split the words.
    html = (
        f'<li><a class="{_css(link)}" href="{_e(link["url"])}"><span>{_e(link["text"])}'
        f'<span class="visually-hidden"> of “{title}”</span>{detail}</span></a>'
    )
    if link["doi"]:
        html += f' <span class="materials__doi">doi:{_e(link["doi"])}</span>'
    return html + "</li>"


def _css(link):
    if link["kind"] == "recording":
        return "material recording-link"
    if link["document"]:
        return "material document-link"
    return "material zenodo-link" if is_zenodo_doi(link["doi"]) else "material"


def _abstract(item):
    if not item["abstract"]:
        return ""
    return (
        '<details class="abstract">\n'
        f'<summary>Abstract<span class="visually-hidden"> of “{_e(item["title"])}”</span></summary>\n'
        f'<p class="abstract__text">{_e(_paragraphs(item["abstract"]))}</p>\n</details>\n'
    )


def _paragraphs(text):
    """The abstract's paragraphs and line breaks as newlines, which its one element shows (white-space: pre-line).

    Django's `linebreaks` made a <p> of each paragraph and a <br> of each line break: 450
    elements of the biggest programme, most of them in abstracts that are never opened.
    """
    # str.replace and `in` scan in C: a regular expression per abstract was 4 ms of the biggest programme's render.
    lines = text.strip().replace("\r\n", "\n").replace("\r", "\n")
    return PARAGRAPH_BREAK.sub("\n\n", lines) if "\n\n\n" in lines else lines
