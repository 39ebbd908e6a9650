from django import template

from ..citations import plain_citation
from ..structured_data import conference_event, json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def conference_json_ld(context, conference):
    """schema.org Event data for `conference`, safe inside <script type="application/ld+json">."""
    return json_ld(conference_event(conference, context.get("request")))


@register.filter
def citation(presentation):
    return plain_citation(presentation)
