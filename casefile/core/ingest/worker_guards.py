"""What an extraction worker refuses while it reads an untrusted file
(docs/architecture.md, "Ingest"): the network, and memory beyond its cap."""

from __future__ import annotations

import os
import socket
from typing import Any

_NETWORK_FAMILIES = {socket.AF_INET, socket.AF_INET6}
_REFUSED_EVENTS = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"}


def refuse_network(event: str, args: tuple[Any, ...]) -> None:
    """An audit hook: a worker reading a hostile file never reaches the network."""
    if event in _REFUSED_EVENTS or (
        event == "socket.connect" and getattr(args[0], "family", None) in _NETWORK_FAMILIES
    ):
        raise PermissionError("Casefile extraction workers never use the network.")


def current_address_space() -> int:
    """This process's address space in bytes (0 if unknown): a worker's memory cap is
    set above what it already maps."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0
