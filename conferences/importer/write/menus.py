"""The menus of the Conferences page and of each conference website, from the old site's sidebars.

The old site's navigation lived in hand-written sidebars; without them most sub-pages could not be
reached by clicking. Each sidebar link becomes an entry (a page when it names one), and every page
that still cannot be reached from the Conferences page (by its links, the menus beside the pages,
the archive's list of conferences and the breadcrumbs) joins the menu shown beside it.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError

from conferences.blocks import MenuBlock

from ..errors import SourceWarning

MENU_OWNERS = ("index", "conference")
ALWAYS_LISTED = ("index", "archive", "conference")  # reached from the home page's menu and the archive


def plan_menus(plan, pages, resolver, links, warnings):
    """{plan key: raw menu data} for each page that shows a menu; `links` holds each page's linked page ids."""
    planner = _MenuPlanner(plan, pages, resolver, links, warnings)
    return planner.menus()


class _MenuPlanner:
    def __init__(self, plan, pages, resolver, links, warnings):
        self.plan, self.pages, self.resolver, self.links, self.warnings = plan, pages, resolver, links, warnings
        self.items = plan.by_key()
        self.key_of = {pages.pages[item.key].pk: item.key for item in plan.pages}
        self.entries = {
            item.key: self._sidebar_entries(item)
            for item in plan.pages
            if item.kind in MENU_OWNERS and (item.menu is not None or item.key == "index")
        }

    def menus(self):
        # Each page added may lead on to others, so the pages still unreached are counted again.
        while unreached := self._unreached():
            self._add(min(unreached, key=self._placing_order))
        return {key: self._checked(key, entries) for key, entries in self.entries.items()}

    def _sidebar_entries(self, item):
        entries = []
        for href, label in item.menu or []:
            entry = self._entry(href, label, item.source)
            if entry:
                entries.append(entry)
        return entries

    def _entry(self, href, label, source):
        target = self.resolver.resolve(href, page_url="/", source=source)
        fragment = urlsplit(href).fragment
        if target.kind == "page" and fragment:
            # An entry leads to a page or an address; a place on a page is an address.
            return {"page": None, "url": f"{self.resolver.page_path(target.value)}#{fragment}", "label": label}
        if target.kind == "page":
            return {"page": target.value, "url": "", "label": label}
        url = target.value.url if target.kind == "document" else target.value
        return {"page": None, "url": url, "label": label} if url else None

    # Reaching the pages ------------------------------------------------------------

    def _unreached(self):
        reached, queue = set(), [item.key for item in self.plan.pages if item.kind in ALWAYS_LISTED]
        while queue:
            key = queue.pop()
            if key in reached or key not in self.items:
                continue
            reached.add(key)
            queue += [self.key_of[page_id] for page_id in self.links.get(key, ()) if page_id in self.key_of]
            queue += list(self._ancestors(key))
            queue += [self.key_of.get(entry["page"]) for entry in self.entries.get(self._owner(key), ())]
        return [item for item in self.plan.pages if item.live and item.key not in reached]

    def _ancestors(self, key):
        parent = self.items[key].parent_key
        while parent:
            yield parent
            parent = self.items[parent].parent_key

    def _owner(self, key):
        """The page whose menu shows beside this one: the nearest above it with entries, else the index's."""
        for candidate in (key, *self._ancestors(key)):
            if self.entries.get(candidate):
                return candidate
        return "index"

    def _placing_order(self, item):
        return (len(list(self._ancestors(item.key))), *item.menu_order())

    def _add(self, item):
        owner = self._owner(item.key)
        entries = self.entries.setdefault(owner, [])
        taken = {entry["label"] for entry in entries}
        labels = [f"{item.menu_label} ({where})" for where in self._whereabouts(item, owner)]
        label = next((label for label in [item.menu_label, *labels] if label[:100] not in taken), labels[-1])
        entries.append({"page": self.pages.pages[item.key].pk, "url": "", "label": label[:100]})

    def _whereabouts(self, item, owner):
        """What tells a page from a namesake in the same menu: the folder below the owner it sits in, then its path."""
        chain = [item.key]
        for key in self._ancestors(item.key):
            if key == owner:
                break
            chain.append(key)
        slugs = [self.items[key].slug for key in reversed(chain)]
        return [slugs[0], "/".join(slugs)] if len(slugs) > 1 else slugs

    # The stored form ------------------------------------------------------------------

    def _checked(self, key, entries):
        """The entries MenuBlock accepts, as raw StreamField data; a refused one is reported and left out."""
        block = MenuBlock()
        link_block = block.child_blocks["link"]
        kept = []
        for entry in entries:
            try:
                link_block.clean(link_block.to_python(entry))
            except ValidationError as error:
                self._warn(key, f"menu entry {entry['label']!r} left out: {'; '.join(error.messages)}")
                continue
            kept.append(entry)
        limit = block.meta.block_counts["link"]["max_num"]
        if len(kept) > limit:
            self._warn(key, f"menu has {len(kept)} entries; the first {limit} are kept")
        return [{"type": "link", "value": entry} for entry in kept[:limit]]

    def _warn(self, key, message):
        self.warnings.append(SourceWarning(self.items[key].source, message))
