"""Ports for the servers that tests start (nginx, Redis, gunicorn) on 127.0.0.1.

By default the kernel picks a free one. IASSIST_TEST_PORTS=first-last confines a run to
that range instead, so that two runs at once (CI runs SQLite and PostgreSQL side by side)
can never be handed the same port: a port picked here is often free for a while before its
server binds it (nginx restarts on the module's port for each test), and a kernel-picked
port can be picked again meanwhile by the other run. Within a run, ports are handed out in
turn round the range, so one is only handed out again after all the others.
"""

import itertools
import os
import socket

HOST = "127.0.0.1"


def configured_range():
    value = os.environ.get("IASSIST_TEST_PORTS", "").strip()
    if not value:
        return None
    first, _, last = value.partition("-")
    return range(int(first), int(last) + 1)


_RANGE = configured_range()
_TURNS = itertools.cycle(_RANGE) if _RANGE else None


def free_port():
    if _RANGE is None:
        with socket.socket() as probe:
            probe.bind((HOST, 0))
            return probe.getsockname()[1]
    for port in itertools.islice(_TURNS, len(_RANGE)):
        if _bindable(port):
            return port
    raise RuntimeError(f"no free port in IASSIST_TEST_PORTS={_RANGE.start}-{_RANGE.stop - 1}")


def _bindable(port):
    with socket.socket() as probe:
        try:
            probe.bind((HOST, port))
        except OSError:
            return False
        return True
