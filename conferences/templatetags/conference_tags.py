from django import template

from ..citations import citation_html
from ..programme_html import presentations_html
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
