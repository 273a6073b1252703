"""Smoke test of the built bundle (`make bundle-test`): the frozen programs, not the
source tree, do what an investigator does first, offline.

    python packaging/smoke_test.py dist/Casefile

With the bundle's two programs, in a fresh HOME: `casefile --version` is the package
version; a demo case is built from the bundled resources; a new case imports a few
corpus files (a PDF, a Word file, a web page, an e-mail, Russian texts, a scanned page)
and a Russian note this script writes; search finds an inflected Russian word; an
entity finds its mentions; the NER model and the Russian date rules run in their
worker processes; OCR reads the scanned page and exports are written when the bundle
has those commands; verify passes; the desktop app opens the case offscreen and runs
until its extraction workers have started.

No network: every process runs with CASEFILE_NETWORK_AUDIT (the bundle's runtime hook
logs and refuses any name lookup or internet socket from Python), and, where strace is
installed, under strace, which sees connect/bind/sendto from C code too (Qt, tesseract).
Exits 0 when everything passed; prints the time each step took as JSON. Standard
library only: it runs with any Python 3.11.
"""

from __future__ import annotations

import contextlib
import gettext
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS_FILES = (
    "ru/bsnlp_nord_stream_file_1.txt",
    "ru/Collection5_001.txt",
    "pdf/scotus-transcript-p1.pdf",
    "docx/Weekly Schedule.docx",
    "html/09-8612.htm",
    "eml/mail_test_10.eml",
)
SCANNED = "pdf-hostile/pdf-with-jbig2.pdf"  # one page, a JBIG2 scan without text
NOTE = (
    "Москва, 15 марта 2024 года.\n\n"
    "Министр иностранных дел Павел Климкин встретился с Сергеем Лавровым в феврале "
    "2023 года. Переговоры о транзите газа продолжатся в Брюсселе.\n"
)
# An internet address in strace's output: sa_family=AF_INET or AF_INET6.
INET = re.compile(r"sa_family=AF_INET6?\b")
GUI_START_S = 60
GUI_AFTER_OPEN_S = 4  # the app starts its extraction workers 1.5 s after the window


class SmokeFailure(Exception):
    pass


class Bundle:
    def __init__(self, folder: Path, work: Path) -> None:
        suffix = ".exe" if os.name == "nt" else ""
        self.cli = folder / f"casefile{suffix}"
        self.gui = folder / f"casefile-gui{suffix}"
        for program in (self.cli, self.gui):
            if not program.is_file():
                raise SmokeFailure(f"{program} is missing: build the bundle first (make bundle).")
        self.work = work
        self.network_log = work / "network-audit.log"
        home = work / "home"
        home.mkdir()
        self.env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("PYTHONPATH", "PYTHONHOME", "CASEFILE_RESOURCES", "TESSDATA_PREFIX")
        }
        self.env.update(
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_DATA_HOME=str(home / ".local" / "share"),
            XDG_CACHE_HOME=str(home / ".cache"),
            QT_QPA_PLATFORM="offscreen",
            CASEFILE_NETWORK_AUDIT=str(self.network_log),
        )
        use_strace = os.environ.get("SMOKE_STRACE", "1") != "0"
        self.strace = shutil.which("strace") if use_strace else None
        if self.strace and not _traces(self.strace):
            self.strace = None  # a container without ptrace: the audit hook alone
        self.trace_dir = work / "strace"
        self.trace_dir.mkdir()
        self.calls = 0
        self.timings: dict[str, float] = {}

    def _wrap(self, argv: list[str]) -> list[str]:
        if not self.strace:
            return argv
        self.calls += 1
        out = self.trace_dir / f"call{self.calls}"
        return [
            self.strace, "-f", "-qq", "--seccomp-bpf", "-e", "trace=connect,bind,sendto,sendmsg",
            "-e", "signal=none", "-o", str(out), *argv,
        ]  # fmt: skip

    def run(
        self,
        step: str,
        *args: str,
        ok: tuple[int, ...] = (0,),
        timeout: int = 600,
        lang: str | None = None,
    ) -> str:
        started = time.monotonic()
        done = subprocess.run(
            self._wrap([str(self.cli), *args]),
            env={**self.env, "CASEFILE_LANG": lang} if lang else self.env,
            cwd=self.work,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        self.timings[step] = round(self.timings.get(step, 0) + time.monotonic() - started, 2)
        if done.returncode not in ok:
            raise SmokeFailure(
                f"{step}: `casefile {' '.join(args)}` exited {done.returncode}\n"
                f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
            )
        if "Traceback (most recent call last)" in done.stderr:
            raise SmokeFailure(f"{step}: a traceback on stderr:\n{done.stderr[-3000:]}")
        return done.stdout

    def has_command(self, *words: str) -> bool:
        done = subprocess.run(
            [str(self.cli), *words, "--help"], env=self.env, capture_output=True, timeout=120
        )
        return done.returncode == 0

    def json(self, step: str, *args: str, ok: tuple[int, ...] = (0,)) -> object:
        return json.loads(self.run(step, *args, "--json", ok=ok))

    def network_attempts(self) -> list[str]:
        found: list[str] = []
        if self.network_log.exists():
            found += self.network_log.read_text(encoding="utf-8").splitlines()
        for trace in sorted(self.trace_dir.iterdir()):
            text = trace.read_text(encoding="utf-8", errors="replace")
            found += [f"{trace.name}: {line}" for line in inet_lines(text)]
        return found


def _traces(strace: str) -> bool:
    done = subprocess.run(
        [strace, "-f", "-qq", "--seccomp-bpf", "-e", "trace=connect", "-o", os.devnull, "true"],
        capture_output=True,
    )
    return done.returncode == 0


def inet_lines(strace_output: str) -> list[str]:
    """The lines of strace's output where a process used an internet address."""
    return [line for line in strace_output.splitlines() if INET.search(line)]


def check(condition: object, what: str) -> None:
    if not condition:
        raise SmokeFailure(what)


def russian(domain: str, text: str) -> str:
    """`text` as the bundle's catalog for `domain` says it in Russian (the repository's
    compiled catalog: the bundle must carry the same)."""
    catalogs = REPO / "resources" / "i18n" / "core"
    return gettext.translation(domain, localedir=catalogs, languages=["ru"]).gettext(text)


def in_russian(b: Bundle, case: Path) -> None:
    """The translations ship: the command line answers in Russian, and a report exported
    in Russian has Russian headings."""
    said = b.run("Russian: verify", "verify", str(case), lang="ru")
    check(re.match(r"\W*[А-ЯЁ][а-яё]+", said), f"verify did not answer in Russian: {said[:200]!r}")
    report = b.work / "exports" / "отчёт.docx"
    b.run("Russian: report", "export", "report", str(case), str(report), lang="ru")
    xml = zipfile.ZipFile(report).read("word/document.xml").decode("utf-8")
    heading = russian("export", "Chronology")
    check(heading != "Chronology" and heading in xml, f"no heading {heading!r} in the report")


def open_in_gui(b: Bundle, case: Path) -> None:
    """The desktop app opens the case: it holds the case's lock under its own pid, and
    is still running once its extraction workers have started."""
    started = time.monotonic()
    with open(b.work / "gui.log", "w") as log:
        # In a session of its own, so the app, its workers (and strace) stop together.
        proc = subprocess.Popen(
            b._wrap([str(b.gui), str(case)]),
            env=b.env,
            cwd=b.work,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
    try:
        lock = case / ".lock"
        deadline = started + GUI_START_S
        holder = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                holder = json.loads(lock.read_text(encoding="utf-8")).get("pid")
            except (OSError, ValueError):
                holder = None
            if holder is not None and _is_gui(holder, proc.pid):
                break
            time.sleep(0.2)
        else:
            raise SmokeFailure(
                f"the desktop app did not open the case (exit code {proc.poll()}): "
                + (b.work / "gui.log").read_text(errors="replace")[-3000:]
            )
        b.timings["gui: case open"] = round(time.monotonic() - started, 2)
        time.sleep(GUI_AFTER_OPEN_S)
        check(proc.poll() is None, f"the desktop app exited early ({proc.poll()})")
    finally:
        _stop_group(proc)
    log_text = (b.work / "gui.log").read_text(errors="replace")
    check("Traceback" not in log_text, f"the desktop app printed a traceback:\n{log_text}")


def _stop_group(proc: subprocess.Popen[bytes]) -> None:
    """Stop the app with everything it started. Signalling strace alone would only
    detach it and leave the app running."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break  # the group is gone
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=20)
        time.sleep(0.5)  # workers leave after their parent
    proc.wait()


def _is_gui(pid: int, launched: int) -> bool:
    """The lock's pid is the app (or, under strace, the app is strace's child)."""
    if pid == launched:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return int(stat.rsplit(")", 1)[1].split()[1]) == launched


def smoke(folder: Path, corpus: Path, work: Path) -> dict[str, object]:
    b = Bundle(folder, work)
    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    out = b.run("version", "--version")
    check(out.strip() == f"casefile {version}", f"--version said {out.strip()!r}, not {version}")

    b.run("demo case", "demo", str(work / "Demo"))
    demo = b.json("demo case", "docs", str(work / "Demo.casefile"))
    check(isinstance(demo, list) and len(demo) == 4, f"the demo case holds {demo!r}")

    case = work / "Smoke.casefile"
    b.run("new case", "new", str(case), "--title", "Smoke")
    note = work / "note-ru.txt"
    note.write_text(NOTE, encoding="utf-8")
    files = [str(corpus / f) for f in CORPUS_FILES] + [str(note), str(corpus / SCANNED)]
    summary = b.json("import", "import", str(case), *files, ok=(0, 3))
    check(isinstance(summary, dict), f"import said {summary!r}")
    docs = b.json("import", "docs", str(case))
    # (an e-mail brings its attachments as documents of their own)
    check(isinstance(docs, list) and len(docs) >= len(files), f"{len(docs)} documents")
    check({d["status"] for d in docs} >= {"ok", "needs_ocr"}, f"statuses: {docs}")

    found = b.json("search", "search", str(case), "переговоры")  # "переговоров" in the texts
    check(isinstance(found, dict) and found["total"] >= 2, f"search found {found!r}")
    found = b.json("search", "search", str(case), "transcript OR schedule")
    check(isinstance(found, dict) and found["total"] >= 1, "no English hit")

    b.run("entity", "entity", "add", str(case), "Павел Климкин", "--kind", "person",
          "--alias", "Климкин")  # fmt: skip
    shown = b.json("entity", "entity", "show", str(case), "Климкин")
    check(isinstance(shown, dict) and shown["entity"]["documents"] >= 2, f"entity: {shown!r}")

    suggested = b.json("entity suggestions (NER worker)", "entity", "suggest", str(case))
    names = {s["name"] for s in suggested["suggestions"]} if isinstance(suggested, dict) else set()
    check(any("Лавров" in n for n in names), f"the NER model did not find Лавров: {names}")
    dates = b.json("date suggestions (natasha + pymorphy2)", "event", "suggest", str(case))
    check(
        isinstance(dates, list) and any(d["date"] == "2023-02" for d in dates),
        "no date suggestion for 'в феврале 2023 года'",
    )

    if b.has_command("ocr"):
        b.run("ocr", "ocr", str(case), ok=(0, 3))
        left = b.json("ocr", "docs", str(case), "--status", "needs_ocr")
        check(left == [], f"still waiting for OCR: {left}")
    else:
        b.timings["ocr"] = -1  # not in this version

    # (kind, what it writes, the first bytes of a file it writes); csv writes a folder.
    exports = (
        ("report", "report.docx", b"PK\x03\x04"),
        ("csv", "csv", b""),
        ("bundle", "bundle.pdf", b"%PDF"),
        ("archive", "case.casezip", b"PK\x03\x04"),
    )
    for kind, name, magic in exports:
        if not b.has_command("export", kind):
            b.timings[f"export {kind}"] = -1  # not in this version
            continue
        target = work / "exports" / name
        b.run(f"export {kind}", "export", kind, str(case), str(target))
        written = sorted(target.iterdir()) if target.is_dir() else [target]
        check(
            written and all(f.is_file() and f.stat().st_size > 0 for f in written),
            f"export {kind} wrote nothing",
        )
        check(written[0].read_bytes().startswith(magic), f"export {kind}: not a {name}")

    b.run("verify", "verify", str(case))
    in_russian(b, case)
    open_in_gui(b, case)

    attempts = b.network_attempts()
    check(not attempts, "network use:\n" + "\n".join(attempts[:20]))
    return {"network": "none", "strace": bool(b.strace), "seconds": b.timings}


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else REPO / "dist" / "Casefile").resolve()
    corpus_env = os.environ.get("CASEFILE_CORPUS")
    corpus = Path(corpus_env) if corpus_env else REPO.parent / "shared" / "corpus"
    if not all((corpus / f).is_file() for f in (*CORPUS_FILES, SCANNED)):
        print(f"bundle-test: the test corpus is not at {corpus} (set CASEFILE_CORPUS).")
        return 2
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="casefile-smoke-") as tmp:
        try:
            result = smoke(folder, corpus, Path(tmp))
        except SmokeFailure as exc:
            print(f"bundle-test FAILED: {exc}", file=sys.stderr)
            return 1
    result["total_seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    print("bundle-test: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
