"""A visitor's agenda: the sessions and events they starred, named in a URL as `?starred=s12,s15,i3`.

Stars live in the visitor's browser (no account); the agenda page and its calendar file are
asked for with the starred ids in the query. The parameter is read strictly: anything but a
short comma-separated list of `s` (session) or `i` (break, social event) and a number is refused
whole, with a message saying what was expected, rather than guessed at.
"""

import re

PARAMETER = "starred"
MAX_STARRED = 300
# ASCII digits only (\d would take any script's), no leading zero, at most ten: a real id.
KEY = re.compile(r"[si][1-9][0-9]{0,9}")
EXPECTED = "Expected a comma-separated list of starred ids such as s12,s15,i3."


class AgendaError(ValueError):
    pass


def parse_starred(values):
    """The starred keys, in order and each once, from the list of `starred` values in a query."""
    if len(values) > 1:
        raise AgendaError(f"The query names `{PARAMETER}` more than once. {EXPECTED}")
    text = values[0] if values else ""
    if not text:
        return []
    keys = text.split(",", MAX_STARRED)
    if len(keys) > MAX_STARRED:
        raise AgendaError(f"An agenda holds at most {MAX_STARRED} sessions. {EXPECTED}")
    if not all(KEY.fullmatch(key) for key in keys):
        raise AgendaError(f"The starred sessions are not written as this site writes them. {EXPECTED}")
    return list(dict.fromkeys(keys))
