"""`casefile entity reject|tag|suggest`: the entity commands about names in the
documents' text rather than the entities themselves: rejecting a mention found wrongly,
tagging one by hand, and suggesting names the case does not know yet.

Registered under `casefile entity` by cli/entities.py (`register_commands`), after the
commands on entities, so `casefile entity --help` lists them as before."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from casefile.cli import entity_words as words
from casefile.cli.common import EXIT_OK, add_command, open_case, out, print_json
from casefile.cli.labels import entity_kind
from casefile.core.i18n import _, ngettext


def cmd_reject(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case) as case:
        for mid in args.mention:
            services.reject_mention(case, mid)
    n = len(args.mention)
    out(
        ngettext(
            "Rejected %(n)d mention(s); matching again will not bring them back.",
            "Rejected %(n)d mention(s); matching again will not bring them back.",
            n,
        )
        % {"n": n}
    )
    return EXIT_OK


def cmd_tag(args: argparse.Namespace) -> int:
    from casefile.cli.common import resolve_uid
    from casefile.core import services

    with open_case(args.case) as case:
        uid = resolve_uid(case, args.document)
        m = services.add_mention(
            case, args.entity, uid, args.page, args.start, args.end, as_alias=args.as_alias
        )
    out(_("Tagged “{text}” on page {page} ({id}).").format(text=m.text, page=m.page, id=m.id))
    return EXIT_OK


def cmd_suggest(args: argparse.Namespace) -> int:
    from casefile.cli.common import progress_job
    from casefile.core import services

    with open_case(args.case) as case:
        with progress_job(_("Reading names"), enabled=not args.json) as ctx:
            result = services.suggest_entities(case, ctx, fresh=args.fresh)
        accepted = [services.accept_suggestion(case, result, name) for name in args.accept]
        for name in args.dismiss:
            services.dismiss_suggestion(case, result, name)
    if args.json:
        print_json(
            {
                "suggestions": [asdict(x) for x in result.suggestions],
                "accepted": [asdict(e) for e in accepted],
                "dismissed": args.dismiss,
            }
        )
        return EXIT_OK
    for e in accepted:
        out(
            _("Added “{name}” ({kind}): {mentions}.").format(
                name=e.name, kind=words.kind(e.kind), mentions=words.mentions(e.mentions)
            )
        )
    for x in result.suggestions[: args.limit]:
        forms = ", ".join(f for f in x.forms if f != x.name)
        docs = _("{documents:>5} docs").format(documents=x.documents)
        out(f"{docs}  {entity_kind(x.kind):<13} {x.name}" + (f"  [{forms}]" if forms else ""))
    kept = result.documents_cached
    found = ngettext("%(n)d suggestion(s)", "%(n)d suggestion(s)", len(result.suggestions)) % {
        "n": len(result.suggestions)
    }
    if kept:
        found += " " + ngettext(
            "(%(n)d document(s) unchanged since the last run not read again)",
            "(%(n)d document(s) unchanged since the last run not read again)",
            kept,
        ) % {"n": kept}
    out(found)
    return EXIT_OK


def register_commands(esub: Any, entity_help: str, json_help: str) -> None:
    """Add reject, tag and suggest to the `casefile entity` sub-commands."""
    sp = add_command(esub, "reject", cmd_reject, _("Reject wrongly found mentions (by id)."))
    sp.add_argument(
        "mention", metavar="MENTION", type=int, nargs="+", help=_("mention ids ('entity show')")
    )

    sp = add_command(esub, "tag", cmd_tag, _("Tag characters of a page as a mention."))
    sp.add_argument("entity", metavar="ENTITY", help=entity_help)
    sp.add_argument("document", metavar="DOC", help=_("document id (a unique prefix is enough)"))
    sp.add_argument("--page", type=int, default=1, help=_("the page (default: 1)"))
    sp.add_argument("--start", type=int, required=True, help=_("offset of the first character"))
    sp.add_argument(
        "--end", type=int, required=True, help=_("offset just after the last character")
    )
    sp.add_argument("--as-alias", action="store_true", help=_("the words become an alias too"))

    sp = add_command(
        esub, "suggest", cmd_suggest, _("Suggest names the case does not know yet, by documents.")
    )
    sp.add_argument(
        "--accept",
        action="append",
        default=[],
        metavar="NAME",
        help=_("make this suggestion an entity (repeatable)"),
    )
    sp.add_argument(
        "--dismiss",
        action="append",
        default=[],
        metavar="NAME",
        help=_("never suggest this name again (repeatable)"),
    )
    sp.add_argument("--limit", type=int, default=50, help=_("suggestions to print"))
    sp.add_argument(
        "--fresh",
        action="store_true",
        help=_(
            "read every document again (by default a document read before and unchanged "
            "since is not, and a stopped run carries on where it stopped)"
        ),
    )
    sp.add_argument("--json", action="store_true", help=json_help)
