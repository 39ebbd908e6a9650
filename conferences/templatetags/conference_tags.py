from django import template

from .. import paths
from ..citations import citation_html
from ..models.programme_query import presentation_item
from ..programme_html import links_html, presentations_html, presenters_html
from ..structured_data import conference_event, json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def conference_json_ld(context, conference):
    """schema.org Event data for `conference`, safe inside <script type="application/ld+json">."""
    return json_ld(conference_event(conference, context.get("request")))


@register.filter
def citation(presentation):
    """The plain-text citation as HTML, its DOIs linked."""
    return citation_html(presentation)


@register.simple_tag
def programme_presentations(presentations, conference_url, people_url):
    """A session's presentations, built in Python: see programme_html.py for why."""
    return presentations_html(presentations, conference_url, people_url)


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
