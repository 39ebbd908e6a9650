"""A Redis server of a test's own on a free port, to stop, freeze and bring back at will.

Never the machine's shared Redis: other work uses that one.
"""

import os
import shutil
import signal
import subprocess
import time

import redis

from .ports import free_port

REDIS_SERVER = shutil.which("redis-server")


class RedisServer:
    """Keeps its data only when told to (save()), in `workdir`, and loads it again when started."""

    def __init__(self, workdir):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.workdir = workdir
        self.process = None
        self.paused = False

    def start(self):
        command = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.workdir)]
        command += ["--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if self.client().ping():
                    return self
            except redis.RedisError:
                time.sleep(0.02)
        raise RuntimeError(f"redis-server did not answer on port {self.port}")

    def client(self):
        return redis.Redis(port=self.port, socket_timeout=1, socket_connect_timeout=1)

    def kill(self):
        """Gone at once, as a crash leaves it: connections reset, new ones refused, its data lost."""
        self.process.kill()
        self.process.wait()

    def freeze(self):
        """Still listening but answering nothing, as a stuck or swapped-out server."""
        os.kill(self.process.pid, signal.SIGSTOP)
        self.paused = True

    def thaw(self):
        os.kill(self.process.pid, signal.SIGCONT)
        self.paused = False

    def save(self):
        """Write its data to disk, as Redis does every few minutes with its default configuration."""
        self.client().save()

    def refuse_writes(self):
        """Answer reads but refuse every write, as a Redis out of memory does (maxmemory, noeviction)."""
        self.client().config_set("maxmemory-policy", "noeviction")
        self.client().config_set("maxmemory", "1")

    def accept_writes(self):
        self.client().config_set("maxmemory", "0")

    def connections_received(self):
        return self.client().info("stats")["total_connections_received"]

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        if self.paused:
            self.thaw()
        self.process.kill()
        self.process.wait()
