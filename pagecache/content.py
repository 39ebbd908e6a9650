"""Site content: the models whose rows show on public pages, as each app declares them.

An app declares its content models with a method of its AppConfig, `site_content()`, which
returns (model, addresses) pairs (see collect(); the site's apps sit below the page cache and
import nothing of it), or code above the page cache calls register(). Saving or deleting a row
of a declared model (or of a subclass of one) empties the page cache; with nginx's front cache
in use, the addresses the declaration names are purged too. The page cache itself knows no
app's models: a model nobody declares never empties it, however its rows change. Models written
while pages are served (image renditions, search-query logs, sessions) must stay undeclared, or
every visit would empty the cache.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Declaration:
    model: type
    # row -> the public pages showing the row besides its own: Page objects or absolute URLs.
    addresses: Callable | None = None


_declared = {}
# Tests on models that declare themselves later than start-up (Wagtail's snippets).
_rules = []
_watchers = []
_found = {}


def register(model, addresses=None):
    """Declare `model` and its subclasses site content.

    `addresses(row)` gives the public pages that show a row besides its own page (Wagtail purges
    a published page's own addresses itself), as Page objects or absolute URLs. Without it the
    front cache is not purged for the row: its one-second lifetime bounds how long the row is
    stale there (e.g. the footer, shown on every page, which no purge could list).
    """
    _declared[model] = Declaration(model, addresses)
    _found.clear()
    for watcher in list(_watchers):
        watcher(model)


def collect(app_configs):
    """Register what each app declares through its AppConfig's `site_content()`, if it has one.

    Each pair is (model, addresses), with `addresses` as register() takes it, or None.
    """
    for app_config in app_configs:
        declare = getattr(app_config, "site_content", None)
        if declare is not None:
            for model, addresses in declare():
                register(model, addresses)


def unregister(model):
    """Undo register(): for tests that declare a model for themselves."""
    _declared.pop(model, None)
    _found.clear()


def register_rule(test):
    """Count as content every model for which `test(model)` is true when it is first changed."""
    _rules.append(test)
    _found.clear()


def declaration(model, remember=True):
    """The declaration that covers `model`: its own, else its nearest declared base; None if not content.

    Remembered per model once looked up, since every save in the project asks; `remember=False`
    for start-up, before late registrations such as snippets have happened.
    """
    if model in _found:
        return _found[model]
    found = next((_declared[base] for base in model.__mro__ if base in _declared), None)
    if found is None and any(test(model) for test in _rules):
        found = Declaration(model)
    if remember:
        _found[model] = found
    return found


def is_content(model):
    return declaration(model) is not None


def addresses(row):
    """The public addresses that `row` declares it shows at besides its own page; [] if none."""
    found = declaration(type(row))
    return list(found.addresses(row)) if found is not None and found.addresses else []


def declared_models():
    return list(_declared)


def watch(callback):
    """Call `callback(model)` for every model declared so far and for each one declared later."""
    _watchers.append(callback)
    for model in declared_models():
        callback(model)


def unwatch(callback):
    if callback in _watchers:
        _watchers.remove(callback)
