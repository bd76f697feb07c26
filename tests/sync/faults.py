"""A TCP proxy on 127.0.0.1 that cuts connections at random byte offsets."""

from __future__ import annotations

import random
import selectors
import socket
import threading


class CuttingProxy:
    """Forwards to 127.0.0.1:`target_port`; with probability `cut_rate` a connection is
    cut after a random number of bytes (either direction), mid-request or mid-response."""

    def __init__(self, target_port: int, cut_rate: float, seed: int,
                 max_offset: int = 6000) -> None:
        self.target_port, self.cut_rate, self.max_offset = target_port, cut_rate, max_offset
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.cuts = 0
        self._running = True
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._running = False
        self._listener.close()

    def _accept(self) -> None:
        while self._running:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                budget = (self._rng.randint(0, self.max_offset)
                          if self._rng.random() < self.cut_rate else None)
            threading.Thread(target=self._pipe, args=(client, budget), daemon=True).start()

    def _pipe(self, client: socket.socket, budget: int | None) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
        except OSError:
            client.close()
            return
        peer = {client: upstream, upstream: client}
        selector = selectors.DefaultSelector()
        for s in peer:
            selector.register(s, selectors.EVENT_READ)
        try:
            while True:
                for key, _ in selector.select(timeout=30):
                    data = key.fileobj.recv(65536)  # type: ignore[union-attr]
                    if not data:
                        return
                    if budget is not None:
                        if len(data) >= budget:
                            peer[key.fileobj].sendall(data[:budget])  # type: ignore[index]
                            with self._lock:
                                self.cuts += 1
                            return
                        budget -= len(data)
                    peer[key.fileobj].sendall(data)  # type: ignore[index]
        except OSError:
            return
        finally:
            selector.close()
            for s in peer:
                s.close()
