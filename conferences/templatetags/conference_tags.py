from django import template

from .. import paths, schedule_html
from ..citations import citation_html, citation_pdf_url, dois
from ..models.programme_query import presentation_item
from ..programme_html import index_html, links_html, presenters_html, sessions_html
from ..structured_data import conference_event, json_ld, presentation_work

register = template.Library()


@register.simple_tag(takes_context=True)
def conference_json_ld(context, conference, schedule=None):
    """schema.org Event data for `conference` (its timed sessions as sub-events), safe inside <script>."""
    return json_ld(conference_event(conference, context.get("request"), schedule))


@register.simple_tag(takes_context=True)
def presentation_json_ld(context, conference, presentation, people_url=None):
    """schema.org data for one presentation, its authors' ORCID iDs and institutions, safe inside <script>."""
    return json_ld(presentation_work(presentation, conference, context.get("request"), people_url))


@register.filter
def citation(presentation):
    """The plain-text citation as HTML, its DOIs linked."""
    return citation_html(presentation)


@register.filter
def presentation_dois(presentation):
    """The DOIs to cite: the presentation's own, then its materials'."""
    return dois(presentation)


@register.simple_tag(takes_context=True)
def presentation_pdf_url(context, presentation):
    """The full address of the presentation's PDF (its slides first) for Google Scholar, or ""."""
    return citation_pdf_url(presentation, context.get("request"))


@register.simple_tag
def programme_sessions(sessions, links, conference_url, people_url):
    """The programme's sessions with their presentations, built in Python: see programme_html.py for why."""
    return sessions_html(sessions, links, conference_url, people_url)


@register.simple_tag
def programme_index(days, sessions):
    """The programme's index of days and sessions (nothing for a single session)."""
    return index_html(days, len(sessions))


@register.simple_tag
def presentation_presenters(item, people_url):
    """The presenters of one presentation (as `programme_item` gives it), linked to their pages."""
    return presenters_html(item["presenters"], people_url)


@register.simple_tag
def presentation_links(item):
    """The DOIs and recording of one presentation, or nothing."""
    return links_html(item)


@register.filter
def programme_item(presentation):
    """One presentation read with its programme details, as plain data for the tags above."""
    return presentation_item(presentation)


@register.simple_tag(takes_context=True)
def presentation_url(context, presentation):
    return presentation.get_url(context.get("request"))


@register.simple_tag(takes_context=True)
def presentation_bibtex_url(context, conference, presentation):
    return paths.presentation_bibtex_url(conference.get_url(context.get("request")), presentation.slug)


@register.simple_tag(takes_context=True)
def person_url(context, index_page, person):
    return index_page.person_url(person.slug, context.get("request"))


# -- the schedule ---------------------------------------------------------------


@register.simple_tag
def schedule_entry(entry, links):
    return schedule_html.entry_html(entry, links)


@register.simple_tag
def presentation_address(conference_url, slug):
    return paths.presentation_url(conference_url, slug)


@register.simple_tag
def day_calendar_url(links, day):
    return links.day_calendar(day)


@register.simple_tag
def session_calendar_url(links, pk):
    return paths.session_calendar_url(links.conference, pk)


@register.simple_tag
def schedule_rows(grid, links):
    return schedule_html.grid_rows_html(grid, links)
