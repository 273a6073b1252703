"""Is the evidence intact? `verify_case` re-hashes every original; `audit_log` reads the
append-only record of what was done to the case."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from casefile.core.case import Case
from casefile.core.db.schema import AuditEntry, Document
from casefile.core.jobs import JobContext
from casefile.core.originals import hash_file
from casefile.core.services.dto import AuditRecord, VerifyProblem, VerifyReport


def verify_case(case: Case, ctx: JobContext | None = None) -> VerifyReport:
    ctx = ctx or JobContext()
    with case.read_session() as s:
        docs = list(s.execute(select(Document.sha256, Document.uid, Document.title)))
    ctx.report(0, len(docs), "Checking originals")
    problems: list[VerifyProblem] = []
    checked = 0
    for sha, uid, title in docs:
        ctx.safe_point()  # it only reads: a user's edit may run between two files
        if ctx.cancelled:
            return VerifyReport(checked, tuple(problems), cancelled=True)
        path = case.store.path_for(sha)
        if not path.is_file():
            problems.append(
                VerifyProblem(
                    sha,
                    uid,
                    title,
                    "missing",
                    f"The original of “{title}” is missing from the case folder ({path}).",
                )
            )
        else:
            try:
                actual, _ = hash_file(path)
            except OSError as exc:
                actual = f"unreadable: {exc.strerror or exc}"
            if actual != sha:
                problems.append(
                    VerifyProblem(
                        sha,
                        uid,
                        title,
                        "altered",
                        f"The original of “{title}” has changed since it was imported: its "
                        f"SHA-256 is now {actual[:16]}…, it was {sha[:16]}…. "
                        "Restore it from a backup; the text in the case was read from the "
                        "unaltered file.",
                    )
                )
        checked += 1
        ctx.report(checked, len(docs), title)
    return VerifyReport(checked, tuple(problems))


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
