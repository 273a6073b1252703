"""Is the evidence intact? `verify_case` re-hashes every original, looks for originals
no document refers to, checks the audit log's hash chain and each document's recorded
SHA-256 against the one sealed in the log when it was imported, and records the run in
the log. `audit_log` and `audit_head` read the log (docs/architecture.md, the audit log).
"""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from typing import Any

from sqlalchemy import select

from casefile.core.case import Case
from casefile.core.db import audit
from casefile.core.db.schema import AuditEntry, Document
from casefile.core.errors import CasefileError, InvalidValueError
from casefile.core.i18n import _
from casefile.core.jobs import JobContext
from casefile.core.originals import hash_stored
from casefile.core.services.dto import AuditHead, AuditRecord, VerifyProblem, VerifyReport


def _original_problem(case: Case, sha: str, uid: str, title: str) -> VerifyProblem | None:
    path = case.store.path_for(sha)
    if not path.is_file() and not path.is_symlink():
        return VerifyProblem(
            sha,
            uid,
            title,
            "missing",
            _(
                "The original of “%(title)s” is missing from the case folder (%(path)s). "
                "Restore it from a backup, or import the same file again: Casefile "
                "recognises it."
            )
            % {"title": title, "path": path},
        )
    try:
        actual = hash_stored(path)
    except OSError as exc:
        actual = f"unreadable: {exc.strerror or exc}"
    if actual == sha:
        return None
    return VerifyProblem(
        sha,
        uid,
        title,
        "altered",
        _(
            "The original of “%(title)s” has changed since it was imported: its SHA-256 is "
            "now %(now)s…, it was %(was)s…. Restore it from a backup, or import the unaltered "
            "file again; the text in the case was read from the unaltered file."
        )
        % {"title": title, "now": actual[:16], "was": sha[:16]},
    )


def _chain_problems(case: Case, head: str | None) -> tuple[int, list[VerifyProblem], bool | None]:
    problems: list[VerifyProblem] = []
    with case.read_session() as s:
        checked, broken, seen = audit.check_chain(s)
        if broken is not None:
            # The action is the audit log's own word (e.g. "import"), shown as stored.
            values = {
                "entry": broken.entry_id,
                "when": f"{broken.at:%Y-%m-%d %H:%M:%S}" if broken.at else "",
                "action": broken.action,
            }
            if broken.reason == "altered":
                what = (
                    _("entry %(entry)s (%(when)s, %(action)s) no longer matches its seal")
                    if broken.at
                    else _("entry %(entry)s (%(action)s) no longer matches its seal")
                ) % values
            else:
                what = (
                    _(
                        "an entry just before entry %(entry)s (%(when)s, %(action)s) was "
                        "removed or inserted"
                    )
                    if broken.at
                    else _(
                        "an entry just before entry %(entry)s (%(action)s) was removed or inserted"
                    )
                ) % values
            problems.append(
                VerifyProblem(
                    "",
                    None,
                    None,
                    f"audit_{broken.reason}",
                    _(
                        "The audit log was changed outside Casefile: %(what)s; the log cannot "
                        "vouch for what was done to the case from there on."
                    )
                    % {"what": what},
                )
            )
        found: bool | None = None
        if head:
            found = head.lower() in seen
            if not found:
                problems.append(
                    VerifyProblem(
                        head,
                        None,
                        None,
                        "head_unknown",
                        _(
                            "The audit log no longer contains the head you lodged (%(head)s…): "
                            "the log was rewritten or cut short after that head was taken."
                        )
                        % {"head": head[:16]},
                    )
                )
        sealed = audit.imported_hashes(s)
        for sha, uid, title in s.execute(select(Document.sha256, Document.uid, Document.title)):
            logged = sealed.get(uid)
            if logged is None:
                problems.append(
                    VerifyProblem(
                        sha,
                        uid,
                        title,
                        "unsealed_hash",
                        _(
                            "“%(title)s” has no import entry in the audit log: it was added to "
                            "the database, or its entry removed, outside Casefile."
                        )
                        % {"title": title},
                    )
                )
            elif sha not in logged:
                problems.append(
                    VerifyProblem(
                        sha,
                        uid,
                        title,
                        "unsealed_hash",
                        _(
                            "The SHA-256 recorded for “%(title)s” (%(now)s…) is not the one the "
                            "audit log sealed when it was imported (%(sealed)s…): the database "
                            "was edited outside Casefile."
                        )
                        % {"title": title, "now": sha[:16], "sealed": sorted(logged)[0][:16]},
                    )
                )
    return checked, problems, found


def _removed_documents(case: Case) -> dict[str, tuple[str, datetime | None]]:
    """SHA-256 → (title, when) of documents the user removed: their originals stay in
    the case folder by design (originals are evidence), so verify names them as kept,
    not as the leftovers of an interrupted import."""
    removed: dict[str, tuple[str, datetime | None]] = {}
    with case.read_session() as s:
        rows = s.execute(
            select(AuditEntry.before, AuditEntry.at).where(AuditEntry.action == "delete_document")
        )
        for before, at in rows:
            try:
                data = json.loads(before or "{}")
            except ValueError:
                continue
            sha = data.get("sha256") if isinstance(data, dict) else None
            if isinstance(sha, str):
                removed[sha] = (str(data.get("title") or "untitled"), at)
    return removed


def _orphans(case: Case, known: set[str]) -> tuple[int, list[VerifyProblem]]:
    stored = 0
    problems = []
    removed: dict[str, tuple[str, datetime | None]] | None = None
    for sha in case.store.iter_stored():
        stored += 1
        if sha not in known:
            path = case.store.path_for(sha)
            if removed is None:
                removed = _removed_documents(case)
            if sha in removed:
                title, at = removed[sha]
                values = {
                    "title": title,
                    "when": f"{at:%Y-%m-%d %H:%M}" if at else "",
                    "path": path.relative_to(case.path),
                }
                problems.append(
                    VerifyProblem(
                        sha,
                        None,
                        title,
                        "kept",
                        (
                            _(
                                "The original of “%(title)s”, removed from the case on "
                                "%(when)s, is kept in the case folder (%(path)s), as every "
                                "original is: nothing is wrong."
                            )
                            if at
                            else _(
                                "The original of “%(title)s”, removed from the case, is kept "
                                "in the case folder (%(path)s), as every original is: nothing "
                                "is wrong."
                            )
                        )
                        % values,
                    )
                )
                continue
            problems.append(
                VerifyProblem(
                    sha,
                    None,
                    None,
                    "orphan",
                    _(
                        "An original in the case folder belongs to no document (%(path)s): an "
                        "import stopped before recording it; importing the same file again "
                        "adds it."
                    )
                    % {"path": path.relative_to(case.path)},
                )
            )
    return stored, problems


def _record(case: Case, report: VerifyReport, head: str | None) -> tuple[bool, str | None]:
    """Write the run and its result to the audit log (issue: verification is evidence
    too); a read-only case or a full disk does not stop the report from being shown."""
    if case.readonly:
        return False, _("the case is open read-only")
    kinds: dict[str, int] = {}
    for p in report.problems:
        kinds[p.problem] = kinds.get(p.problem, 0) + 1
    result: dict[str, Any] = {
        "checked": report.checked,
        "stored": report.stored,
        "audit_entries": report.audit_entries,
        "ok": report.ok,
        "problems": kinds,
        "orphans": report.orphans,
        "kept": report.kept,
    }
    if head:
        result["lodged_head"] = head
        result["head_found"] = report.head_found
    try:
        with case.session() as s:
            audit.record(s, "verify", None, after=result)
    except CasefileError as exc:
        return False, str(exc)
    return True, None


def verify_case(
    case: Case, ctx: JobContext | None = None, *, head: str | None = None
) -> VerifyReport:
    """Re-hash every original; with `head` (a hash from `audit_head`, lodged elsewhere)
    also prove the log still contains it."""
    ctx = ctx or JobContext()
    with case.read_session() as s:
        docs = list(s.execute(select(Document.sha256, Document.uid, Document.title)))
    ctx.report(0, len(docs), _("Checking originals"))
    problems: list[VerifyProblem] = []
    checked = 0
    for sha, uid, title in docs:
        ctx.safe_point()  # it only reads: a user's edit may run between two files
        if ctx.cancelled:
            return VerifyReport(checked, tuple(problems), cancelled=True)
        problem = _original_problem(case, sha, uid, title)
        if problem is not None:
            problems.append(problem)
        checked += 1
        ctx.report(checked, len(docs), title)
    stored, orphans = _orphans(case, {sha for sha, _uid, _title in docs})
    entries, chain, found = _chain_problems(case, head)
    report = VerifyReport(
        checked,
        tuple(problems + chain),
        stored=stored,
        orphans=sum(1 for o in orphans if o.problem == "orphan"),
        kept=sum(1 for o in orphans if o.problem == "kept"),
        orphan_originals=tuple(orphans),
        audit_entries=entries,
        head_found=found,
    )
    recorded, why = _record(case, report, head)
    return dataclasses.replace(report, recorded=recorded, not_recorded=why)


def audit_head(case: Case) -> AuditHead | None:
    """The chain's newest entry, to be lodged outside the case (a note, an e-mail)."""
    with case.read_session() as s:
        h = audit.head(s)
    return None if h is None else AuditHead(h.hash, h.count, h.at)


def check_head_text(head: str) -> str:
    text = head.strip().lower()
    if len(text) != 64 or any(c not in "0123456789abcdef" for c in text):
        raise InvalidValueError(
            _("A lodged head is the 64-character hash 'casefile audit --export' printed.")
        )
    return text


def audit_log(
    case: Case,
    *,
    target: str | None = None,
    since: datetime | None = None,
    limit: int | None = None,
) -> list[AuditRecord]:
    with case.read_session() as s:
        stmt = select(AuditEntry).order_by(AuditEntry.id)
        if target:
            stmt = stmt.where(AuditEntry.target == target)
        if since:
            stmt = stmt.where(AuditEntry.at >= since)
        if limit:
            stmt = stmt.limit(limit)
        return [
            AuditRecord(e.at, e.actor, e.action, e.target, e.before, e.after)
            for e in s.scalars(stmt)
        ]
