"""Runtime hook of the Casefile bundle: runs in every process of the frozen app (the
two programs and every worker they start) before any of our code.

- The OCR engine's language data ships in `tessdata/` at the bundle's root
  (core/ocr/languages.py looks there first); TESSDATA_PREFIX points tesseract at it
  unless the user has set it to their own folder.
- CASEFILE_NETWORK_AUDIT=<file>: every attempt to reach the network (name lookups,
  internet sockets: connect, bind, send) is appended to <file> by a Python audit hook
  and refused. `make bundle-test` sets it to prove the app stays offline; unset (as
  for users), nothing is installed. Local sockets (AF_UNIX: the extraction workers'
  fork server) are not the network and pass.
"""

import os
import sys

_root = getattr(sys, "_MEIPASS", os.path.dirname(sys.executable))
os.environ.setdefault("TESSDATA_PREFIX", os.path.join(_root, "tessdata"))

_log = os.environ.get("CASEFILE_NETWORK_AUDIT")
if _log:
    import socket as _socket

    _INET = {_socket.AF_INET, _socket.AF_INET6}
    _LOOKUPS = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"}
    _SOCKET_USE = {"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"}
    _OTHER = {"urllib.Request", "http.client.connect", "ftplib.connect", "smtplib.connect"}

    def _network_audit(event, args):
        if event in _SOCKET_USE:
            if getattr(args[0], "family", None) not in _INET:
                return
            args = args[1:]  # the address, not the socket object
        elif event not in _LOOKUPS and event not in _OTHER:
            return
        with open(_log, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()} {event} {args!r}\n")
        raise PermissionError(f"Casefile never uses the network ({event})")

    sys.addaudithook(_network_audit)
