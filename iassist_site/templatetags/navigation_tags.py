"""Navigation for the site shell: main menu, breadcrumbs, section menu, canonical URL.

Everything the header, breadcrumbs and sidebar need is computed once per request
by ``{% site_shell as shell %}`` in base.html, with a fixed number of queries
whatever the depth of the page or the length of the menus:

* the site's live ConferenceIndexPage (for the "Conferences" menu link), memoised on the request;
* the page's ancestors (breadcrumbs and its top-level section);
* the section's live, in-menu children (the sidebar).

Page URLs come from ``Page.get_url(request)``, which reuses the site root paths that
Wagtail caches on the request, so links cost no further queries.

The parts of the shell that many pages share are kept in Django's cache for the current
content generation (the SITE_SHELL_GENERATION setting; pagecache replaces it on every
content change): the header and the footer as HTML, one copy per state of the main menu
(which item is current), and each section menu's links without their aria-current, which
is worked out for the page at hand. Only shared parts are kept, so after an edit the first
page of a section fills them and every other page finds them. Previews (whose menus may be
unsaved) and a page showing a search (its query is in the header's box) build theirs afresh,
and so does every page when there is no generation or the cache fails.
"""

import hashlib
import logging
from dataclasses import dataclass, field

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils.module_loading import import_string
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from conferences.feeds import feed_url, has_feed
from conferences.models import ConferenceIndexPage, ConferencePage

logger = logging.getLogger(__name__)
register = template.Library()

KEY = "shell:1:{generation}:{site}:{name}:{variant}"
# Parts kept under older generations are never read again: a day bounds the memory they hold.
KEEP_SECONDS = 24 * 60 * 60
_GENERATION_ON_REQUEST = "_iassist_shell_generation"

# Sections of the main IASSIST site (MAIN_SITE_URL) that this site does not hold, after "Conferences".
EXTERNAL_SECTIONS = [
    ("IQ Journal", "/iq/"),
    ("iBlog", "/blog/"),
    ("Community", "/community/"),
    ("Contact", "/contact/"),
]
CONFERENCES_FALLBACK_URL = "/conferences/"
# The page types that carry a section menu of their own.
MENU_OWNERS = (ConferencePage, ConferenceIndexPage)


@dataclass
class Link:
    """One entry of a menu or trail.

    ``current`` is the value of aria-current: "page" when the link leads to the page
    being shown, "true" when that page lies inside the link's section, else None.
    """

    label: str
    url: str
    current: str | None = None


@dataclass
class Shell:
    nav: list[Link] = field(default_factory=list)
    breadcrumbs: list[Link] = field(default_factory=list)
    section: Link | None = None
    section_links: list[Link] = field(default_factory=list)
    canonical_url: str = ""
    feed_url: str = ""
    conferences_url: str = CONFERENCES_FALLBACK_URL
    conference_index: Page | None = None
    is_home: bool = False
    # A page showing a search has the query in the header's search box.
    searching: bool = False

    @property
    def has_section_nav(self):
        return bool(self.section_links)

    @property
    def header_variant(self):
        """What the header's HTML depends on besides the site and its settings: the menu's links."""
        if self.searching:
            return None
        return "|".join(f"{link.url} {link.current}" for link in self.nav)


def _main_site_url(path):
    return f"{settings.MAIN_SITE_URL}{path}"


def _is_page(value):
    # `page` may be missing, a paginator page, or an unsaved page in a preview.
    return isinstance(value, Page) and bool(value.path)


def _current(node, page, exact):
    """aria-current for a link to ``node`` while ``page`` is shown."""
    return _current_path(node.path, page, exact)


def build_shell(request, page=None):
    shell = Shell()
    request_path = getattr(request, "path", "")
    page = page if _is_page(page) else None

    conference_index = ConferenceIndexPage.for_request(request)
    shell.conference_index = conference_index
    conferences_url = (conference_index.get_url(request) if conference_index else None) or CONFERENCES_FALLBACK_URL
    shell.conferences_url = conferences_url

    site = Site.find_for_request(request) if request is not None else None
    root_id = site.root_page_id if site else None

    page_url = page.get_url(request) if page else None
    # A routable page serving one of its sub-routes (a person, a presentation) is
    # passed as `page` but is not itself what is shown.
    exact = bool(page) and (getattr(request, "is_preview", False) or request_path == page_url)

    home_current = None
    if page and page.pk and page.pk == root_id:
        home_current = "page" if exact else "true"
        shell.is_home = True
    elif not page and request_path == "/":
        home_current = "page"
    conferences_current = None
    if page and conference_index:
        conferences_current = _current(conference_index, page, exact)

    shell.nav = [
        Link("Home", "/", home_current),
        Link("About", _main_site_url("/about/")),
        Link("Conferences", conferences_url, conferences_current),
        *(Link(label, _main_site_url(path)) for label, path in EXTERNAL_SECTIONS),
    ]

    if not page:
        return shell

    if page_url:
        shell.canonical_url = _canonical_url(request, page, page_url, exact)
        if exact and has_feed(page):
            shell.feed_url = feed_url(page_url)

    if shell.is_home:
        return shell

    ancestors = _routed_ancestors(page, root_id) or list(
        page.get_ancestors().only("id", "path", "depth", "title", "url_path")
    )
    root_index = next((i for i, node in enumerate(ancestors) if node.pk == root_id), None)
    if root_index is None:
        # A page outside the current site's tree (e.g. previewed from another site):
        # treat the depth-2 ancestor as the root.
        root_index = next((i for i, node in enumerate(ancestors) if node.depth == 2), None)
    if root_index is None:
        return shell

    below_root = ancestors[root_index + 1 :]
    shell.breadcrumbs = [Link("Home", ancestors[root_index].get_url(request) or "/")]
    shell.breadcrumbs += [Link(node.title, node.get_url(request) or "") for node in below_root]
    # On a sub-route the page is a step on the way, not the end of the trail.
    shell.breadcrumbs.append(Link(page.title, page_url or "", "page" if exact else None))

    owner, menu = _nearest_menu([*below_root, page])
    section = owner or (below_root[0] if below_root else page)
    shell.section = Link(section.title, section.get_url(request) or "", _current(section, page, exact))
    if owner:
        entries = kept(request, "menu", owner.pk, lambda: _menu_entries(request, menu))
    else:
        entries = kept(request, "children", section.pk, lambda: _children_entries(request, section))
    shell.section_links = [_entry_link(entry, request, page, exact) for entry in entries]
    return shell


def _routed_ancestors(page, root_id):
    """The page's ancestors from the site's root down, as Wagtail's routing read them, or None.

    Routing walks down from the root, reading each page with its own fields and leaving it on its child
    as the parent (`_cached_parent_obj`, which treebeard's `get_parent()` reads too): the trail and the
    menus come from those pages rather than from three more queries. A page not reached by routing (a
    preview, a page passed by a view) has no such chain and is read from the database.
    """
    trail, node = [], page
    while node.pk != root_id:
        node = getattr(node, "_cached_parent_obj", None)
        if node is None:
            return None
        trail.append(node)
    return trail[::-1]


def _nearest_menu(trail):
    """The page nearest the end of `trail` that has a menu, and that menu; (None, None) if none has.

    A conference website's pages show the conference's menu, the rest of the section the index's.
    """
    menus = {node.pk: node.menu for node in trail if isinstance(node, MENU_OWNERS)}
    # Pages read only as Wagtail's base type (not through routing) may still be of either type.
    ids = [node.pk for node in trail if node.pk and type(node) is Page]
    for model in MENU_OWNERS if ids else ():
        menus.update(model.objects.filter(pk__in=ids).values_list("pk", "menu"))
    for node in reversed(trail):
        if menus.get(node.pk):
            return node, menus[node.pk]
    return None, None


def _menu_entries(request, menu):
    """A section menu's links as (label, url, the target page's tree path or None for an address)."""
    entries = []
    for entry in menu:
        target, url, label = entry.value["page"], entry.value["url"], entry.value["label"]
        if target:
            if target.live:
                entries.append((label or target.title, target.get_url(request) or "", target.path))
        else:
            entries.append((label, url, None))
    return entries


def _children_entries(request, section):
    children = section.get_children().live().in_menu().only("id", "path", "depth", "title", "url_path")
    return [(child.title, child.get_url(request) or "", child.path) for child in children]


def _entry_link(entry, request, page, exact):
    label, url, path = entry
    if path is None:
        return Link(label, url, "page" if url == getattr(request, "path", None) else None)
    return Link(label, url, _current_path(path, page, exact))


def _current_path(path, page, exact):
    if path == page.path:
        return "page" if exact else "true"
    if page.path.startswith(path):
        return "true"
    return None


def shell_generation(request):
    """The content generation the shared parts of the shell are kept under, or None to build them afresh."""
    if request is None or getattr(request, "is_preview", False):
        return None
    if hasattr(request, _GENERATION_ON_REQUEST):
        return getattr(request, _GENERATION_ON_REQUEST)
    generation, path = None, getattr(settings, "SITE_SHELL_GENERATION", None)
    if path:
        try:
            generation = import_string(path)()
        except Exception:  # A cache that is down must not take the page with it.
            logger.warning("No content generation for the site shell: building it afresh.", exc_info=True)
    setattr(request, _GENERATION_ON_REQUEST, generation)
    return generation


def _key(request, generation, name, variant):
    site = Site.find_for_request(request)
    digest = hashlib.blake2b(str(variant).encode(), digest_size=12).hexdigest()
    return KEY.format(generation=generation, site=site.pk if site else "-", name=name, variant=digest)


def kept(request, name, variant, build):
    """`build()`'s value, kept for the request's site and content generation under `name` and `variant`."""
    generation = shell_generation(request)
    if generation is None:
        return build()
    key = _key(request, generation, name, variant)
    try:
        value = cache.get(key)
    except Exception:
        logger.warning("The cache failed: building the site shell afresh.", exc_info=True)
        return build()
    if value is None:
        value = build()
        try:
            cache.set(key, value, KEEP_SECONDS)
        except Exception:
            logger.warning("The cache failed: the site shell is not kept.", exc_info=True)
    return value


def _canonical_url(request, page, page_url, exact):
    full_url = page.get_full_url(request) or ""
    if exact or not full_url.endswith(page_url):
        return full_url
    # On a sub-route the canonical address is that route on the page's site.
    return full_url[: len(full_url) - len(page_url)] + request.path


@register.simple_tag(takes_context=True)
def site_shell(context):
    """``{% site_shell as shell %}``: menus, breadcrumbs and canonical URL for this request."""
    shell = build_shell(context.get("request"), context.get("page"))
    shell.searching = bool(context.get("search_query"))
    return shell


class KeptNode(template.Node):
    def __init__(self, nodelist, name, variant):
        self.nodelist, self.name, self.variant = nodelist, name, variant

    def render(self, context):
        variant = self.variant.resolve(context)
        request = context.get("request")
        if variant is None or request is None:
            return self.nodelist.render(context)
        return mark_safe(kept(request, self.name, variant, lambda: str(self.nodelist.render(context))))


@register.tag("keptshell")
def do_keptshell(parser, token):
    """``{% keptshell "header" variant %}…{% endkeptshell %}``: HTML the same on every page with that variant.

    Kept as `kept()` keeps values; a variant of None renders it afresh. What is inside may read only the
    site, its settings and the variant: anything else a page passes in would show on other pages.
    """
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError("keptshell takes a name and a variant")
    nodelist = parser.parse(("endkeptshell",))
    parser.delete_first_token()
    return KeptNode(nodelist, bits[1].strip("\"'"), parser.compile_filter(bits[2]))


@register.simple_tag(takes_context=True)
def conference_index(context):
    """``{% conference_index as index_page %}``: the live ConferenceIndexPage or None."""
    return ConferenceIndexPage.for_request(context.get("request"))


@dataclass
class PageLink:
    number: int | None
    url: str = ""
    current: bool = False

    @property
    def is_gap(self):
        return self.number is None


def _page_url(request, number, param):
    query = request.GET.copy() if request is not None else None
    if query is None:
        return f"?{param}={number}"
    if number == 1:
        query.pop(param, None)
    else:
        query[param] = number
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else (request.path if request is not None else "?")


@register.simple_tag(takes_context=True)
def pagination_links(context, page_obj, param="page"):
    """``{% pagination_links page_obj as pagination %}`` for components/pagination.html.

    Keeps the other query parameters (such as ``q``) and elides long page ranges.
    """
    request = context.get("request")
    paginator = page_obj.paginator
    links = [
        PageLink(None)
        if number == paginator.ELLIPSIS
        else PageLink(number, _page_url(request, number, param), number == page_obj.number)
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    ]
    return {
        "pages": links,
        "previous_url": _page_url(request, page_obj.previous_page_number(), param) if page_obj.has_previous() else "",
        "next_url": _page_url(request, page_obj.next_page_number(), param) if page_obj.has_next() else "",
    }
