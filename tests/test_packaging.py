"""Desktop integration and the bundle's offline guard (issue 15 items 2 and 3): the
desktop entry and AppStream metainfo validate, the MIME types name what the app opens,
the icons exist at the standard sizes, and the runtime hook that `make bundle-test`
relies on really catches a network connection."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
LINUX = REPO / "packaging" / "linux"
APP_ID = "org.casefile.Casefile"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / f"{APP_ID}.mime.xml"
HOOK = REPO / "packaging" / "hooks" / "rth_casefile.py"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _tool(name: str) -> str:
    """The validator, or a skip; CI installs them (.ci/run), so there a missing one fails."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is not installed (.ci/run installs it)")
        pytest.skip(f"{name} is not installed")
    return path


def _desktop_entry() -> dict[str, str]:
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


def test_the_desktop_entry_validates() -> None:
    done = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_metainfo_validates_offline() -> None:
    done = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_metainfo_names_this_version_and_the_desktop_entry() -> None:
    root = ET.parse(METAINFO).getroot()
    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == version, (
        "pyproject.toml's version has no <release> in the metainfo"
    )
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name


def test_the_app_announces_the_desktop_entry_it_is_launched_by() -> None:
    from casefile.ui import app

    assert DESKTOP.name == app.DESKTOP_ID + ".desktop"
    assert _desktop_entry()["Icon"] == APP_ID


def test_every_type_the_desktop_entry_opens_is_defined() -> None:
    defined = {
        t.get("type"): [g.get("pattern") for g in t.iter(f"{MIME_NS}glob")]
        for t in ET.parse(MIME).getroot().iter(f"{MIME_NS}mime-type")
    }
    opened = [t for t in _desktop_entry()["MimeType"].split(";") if t]
    assert set(opened) == set(defined)
    assert defined["application/x-casefile-archive"] == ["*.casezip"]
    assert defined["application/x-casefile-case"] == ["*.casefile"]
    assert defined["application/x-casefile-database"] == ["case.sqlite"]


def test_the_mime_database_takes_the_types(tmp_path: Path) -> None:
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages)
    done = subprocess.run(
        [_tool("update-mime-database"), str(tmp_path / "mime")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    globs = (tmp_path / "mime" / "globs2").read_text()
    assert ":application/x-casefile-archive:*.casezip" in globs
    assert ":application/x-casefile-database:case.sqlite" in globs


def test_a_double_clicked_case_database_opens_its_case_folder(tmp_path: Path) -> None:
    from casefile.ui.app import parse_args

    case = tmp_path / "Helix.casefile"
    assert parse_args([str(case / "case.sqlite")]).case == str(case)
    assert parse_args([str(case)]).case == str(case)  # a folder stays as given


def test_icons_at_the_standard_sizes() -> None:
    from PySide6.QtGui import QImage

    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        png = LINUX / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        image = QImage(str(png))
        assert not image.isNull() and image.width() == image.height() == size, png
    assert (LINUX / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()


_PROBE = """
import runpy, socket, sys
runpy.run_path(sys.argv[1])
a, b = socket.socketpair()  # local sockets (the workers' fork server) pass
a.close(); b.close()
for attempt in (
    lambda: socket.socket().connect(("127.0.0.1", 9)),
    lambda: socket.getaddrinfo("localhost", 443),  # /etc/hosts: no query leaves the machine
):
    try:
        attempt()
    except PermissionError:
        print("refused")
    except OSError:
        print("tried")  # nothing listens on port 9
"""


def test_the_network_audit_hook_refuses_and_logs_network_use(tmp_path: Path) -> None:
    log = tmp_path / "network.log"
    env = {**os.environ, "CASEFILE_NETWORK_AUDIT": str(log)}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(HOOK)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["refused", "refused"]
    logged = log.read_text()
    assert "socket.connect" in logged and "127.0.0.1" in logged
    assert "socket.getaddrinfo" in logged and "localhost" in logged


def test_without_the_variable_the_hook_leaves_sockets_alone(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CASEFILE_NETWORK_AUDIT"}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(HOOK)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "refused" not in done.stdout and "tried" in done.stdout


def _smoke_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "smoke_test", REPO / "packaging" / "smoke_test.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_smoke_tests_strace_check_sees_a_connection_from_c_code(tmp_path: Path) -> None:
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is not installed")
    out = tmp_path / "trace"
    # strace sees the connect(2) system call itself, wherever it comes from (Qt and
    # tesseract are C++, out of the audit hook's sight).
    code = (
        "import socket; s = socket.socket(); s.settimeout(1)\n"
        "try: s.connect(('127.0.0.1', 9))\nexcept OSError: pass"
    )
    done = subprocess.run(
        [strace, "-f", "-qq", "-e", "trace=connect", "-o", str(out), sys.executable, "-c", code],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 and "ptrace" in done.stderr:
        pytest.skip("strace may not trace here (ptrace not permitted)")
    lines = _smoke_module().inet_lines(out.read_text())
    assert lines and "127.0.0.1" in lines[0]
    unix = tmp_path / "unix-trace"
    subprocess.run(
        [strace, "-f", "-qq", "-e", "trace=connect", "-o", str(unix), sys.executable, "-c",
         "import socket; a, b = socket.socketpair()"],
        capture_output=True,
    )  # fmt: skip
    assert _smoke_module().inet_lines(unix.read_text()) == []
