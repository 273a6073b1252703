"""`casefile edit | rm`: change or remove documents from a script.

Every edit the app can make, a script can make, through the same services
(`update_document`, `set_tags`, `delete_document`), so the audit log and the index see
a command-line edit exactly as they see one made in the window. See
docs/architecture.md (the faces).
"""

from __future__ import annotations

import argparse
import re
from typing import Any

from casefile.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    add_command,
    err,
    open_case,
    out,
    resolve_uid,
)
from casefile.core.errors import InvalidValueError
from casefile.core.i18n import N_, _, ngettext

# The metadata options and the service field each one edits.
FIELD_OPTIONS = (
    ("title", "title", N_("the document's title")),
    ("kind", "kind", N_("the document's kind")),
    ("date", "date", N_("an EDTF date: 2024-06-07, 2023-02, 2020, 2024-05~, 2020/2022")),
    ("source", "source", N_("source or publisher")),
    ("author", "author", N_("author")),
    ("url", "url", N_("web address")),
    ("notes", "notes", N_("notes (replaces the existing notes)")),
)
# What "Changed … of DOC" calls each field.
FIELD_WORDS = {
    "title": N_("title"),
    "kind": N_("kind"),
    "date": N_("date"),
    "source": N_("source"),
    "author": N_("author"),
    "url": N_("url"),
    "notes": N_("notes"),
    "reliability_source": N_("reliability source"),
    "reliability_info": N_("reliability info"),
    "tags": N_("tags"),
}
_GRADE = re.compile(r"^\s*([A-Fa-f])?\s*([1-6])?\s*$")


def reliability_changes(grade: str) -> dict[str, Any]:
    """'B2' sets both Admiralty grades, 'B' or '2' one of them, '' clears both."""
    if not grade.strip():
        return {"reliability_source": None, "reliability_info": None}
    m = _GRADE.match(grade)
    if m is None or not (m.group(1) or m.group(2)):
        raise InvalidValueError(
            _(
                "“{grade}” is not an Admiralty grade; give a letter A–F and/or a number 1–6, "
                "like B2."
            ).format(grade=grade)
        )
    changes: dict[str, Any] = {}
    if m.group(1):
        changes["reliability_source"] = m.group(1).upper()
    if m.group(2):
        changes["reliability_info"] = int(m.group(2))
    return changes


def cmd_edit(args: argparse.Namespace) -> int:
    from casefile.core import services

    changes: dict[str, Any] = {
        field: getattr(args, opt)
        for opt, field, _help in FIELD_OPTIONS
        if getattr(args, opt) is not None
    }
    if args.reliability is not None:
        changes.update(reliability_changes(args.reliability))
    added = [t.strip() for t in args.tag if t.strip()]
    removed = {t.strip() for t in args.untag if t.strip()}
    if not changes and not added and not removed:
        err(
            _(
                "Nothing to change: give at least one of --title, --kind, --date, … "
                "or --tag/--untag."
            )
        )
        return EXIT_USAGE
    with open_case(args.case) as case:
        uid = resolve_uid(case, args.document)
        before = services.get_document(case, uid)
        doc = services.update_document(case, uid, **changes) if changes else before
        if added or removed:
            tags = [t for t in doc.tags if t not in removed] + added
            doc = services.set_tags(case, uid, tags)
    changed = [
        name
        for name in (*(f for _o, f, _h in FIELD_OPTIONS), "reliability_source", "reliability_info")
        if getattr(before, name) != getattr(doc, name)
    ]
    if before.tags != doc.tags:
        changed.append("tags")
    if changed:
        names = ", ".join(_(FIELD_WORDS[c]) for c in changed)
        out(
            _("Changed {fields} of {uid} “{title}”.").format(
                fields=names, uid=doc.uid[:8], title=doc.title
            )
        )
    else:
        out(
            _("Nothing changed: {uid} “{title}” already had these values.").format(
                uid=doc.uid[:8], title=doc.title
            )
        )
    return EXIT_OK


def cmd_rm(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case) as case:
        # Resolve every id first: one unknown or ambiguous id deletes nothing.
        uids = list(dict.fromkeys(resolve_uid(case, d) for d in args.documents))
        titles = {uid: services.get_document(case, uid).title for uid in uids}
        for uid in uids:
            services.delete_document(case, uid)
            out(
                _("Removed {uid} “{title}” (its original stays in the case folder).").format(
                    uid=uid[:8], title=titles[uid]
                )
            )
    out(
        ngettext("%(n)d document(s) removed.", "%(n)d document(s) removed.", len(uids))
        % {"n": len(uids)}
    )
    return EXIT_OK


def register(sub: Any) -> None:
    sp = add_command(
        sub,
        "edit",
        cmd_edit,
        _("Change a document's metadata or tags (recorded in the audit log)."),
    )
    sp.add_argument("document", metavar="DOC", help=_("document id (a unique prefix is enough)"))
    from casefile.core.vocabulary import DocumentKind

    for opt, _field, help_text in FIELD_OPTIONS:
        if opt == "kind":
            sp.add_argument("--kind", choices=[k.value for k in DocumentKind], help=_(help_text))
        elif opt == "title":
            sp.add_argument(f"--{opt}", help=_(help_text))
        else:
            sp.add_argument(f"--{opt}", help=_("{what}; '' clears it").format(what=_(help_text)))
    sp.add_argument("--reliability", help=_("Admiralty grade: B2, or only B or 2; '' clears both"))
    sp.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help=_("add a tag (repeatable)")
    )
    sp.add_argument(
        "--untag", action="append", default=[], metavar="TAG", help=_("remove a tag (repeatable)")
    )

    sp = add_command(
        sub,
        "rm",
        cmd_rm,
        _("Remove documents from a case (the originals stay; the audit log records it)."),
    )
    sp.add_argument(
        "documents", nargs="+", metavar="DOC", help=_("document ids (unique prefixes are enough)")
    )
