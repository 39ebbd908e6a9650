"""``{% plaintext as name %}…{% endplaintext %}``: render a fragment once, reuse it as text.

base.html needs the page title and description in several places (<title>,
og:title, meta description, og:description) while child templates fill each in
one ``{% block %}``; Django forbids a block appearing twice, so the block is
rendered once inside this tag and the result stored as plain text. Tags are
stripped and entities decoded so the text can be escaped again safely in an
attribute, whatever the child template wrote.
"""

import html
import re

from django import template
from django.utils.html import strip_tags

register = template.Library()

_WHITESPACE = re.compile(r"\s+")


class PlainTextNode(template.Node):
    # Lets {% extends %} find the {% block %} tags nested inside this one.
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, target):
        self.nodelist = nodelist
        self.target = target

    def render(self, context):
        text = html.unescape(strip_tags(self.nodelist.render(context)))
        context[self.target] = _WHITESPACE.sub(" ", text).strip()
        return ""


@register.tag("plaintext")
def do_plaintext(parser, token):
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError(f"Usage: {{% {bits[0]} as variable %}}…{{% end{bits[0]} %}}")
    nodelist = parser.parse(("endplaintext",))
    parser.delete_first_token()
    return PlainTextNode(nodelist, bits[2])
