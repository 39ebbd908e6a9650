"""Pages a worker process keeps in its own memory, in front of the shared page cache.

Reading a page from Redis moves every byte of it on each hit: for the biggest programme
(450 KiB) that was two thirds of a hit's CPU, Redis's share included. A copy kept here
needs only the generation token from the shared cache, which a hit reads anyway. It is only
a speed-up: a copy counts only while its generation is the current one, so it can never
outlive an edit, and the oldest copies go first once the byte budget is spent.
"""

import threading
from collections import OrderedDict


class WorkerCopies:
    """Stored entries (token, status, headers, body) by key, within `max_bytes` of bodies.

    Threaded workers (gthread) share one instance, hence the lock.
    """

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.size = 0
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        size = len(entry[3])
        if size > self.max_bytes:
            return
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= len(old[3])
            self.entries[key] = entry
            self.size += size
            while self.size > self.max_bytes:
                _key, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped[3])
