"""`casefile event add | list | show | edit | rm | cite | suggest`: the chronology from
the command line. Dates are EDTF (2024-06-07, 2023-02, 2024-05~, 2020/2022,
2022-02-24/..); a citation is DOC:PAGE:"quoted words" (a unique prefix of the document
id is enough). See docs/architecture.md (the faces)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from casefile.cli.common import (
    EXIT_OK,
    Parser,
    add_command,
    open_case,
    out,
    print_json,
    resolve_uid,
)
from casefile.cli.labels import event_flag
from casefile.core import i18n
from casefile.core.errors import CasefileError
from casefile.core.i18n import _, ngettext


def _cite(case: Any, value: str, grade: int | None) -> Any:
    from casefile.core.services.chronology_dto import CitationSpec

    doc, sep, rest = value.partition(":")
    page, sep2, quote = rest.partition(":")
    if not (sep and sep2 and page.strip().isdigit() and quote.strip()):
        raise CasefileError(
            _(
                '“{value}” is not a citation; write DOC:PAGE:"quoted words", '
                'e.g. 3f2a:1:"dismissed on 3 April 2024".'
            ).format(value=value)
        )
    return CitationSpec(resolve_uid(case, doc), int(page), quote.strip().strip('"'), grade)


def _relations(case: Any, values: list[str] | None) -> list[Any]:
    """--relation REL (an id or a unique prefix): the event is linked to that relation
    between entities, shown as "source label target"."""
    from casefile.core.services import list_relations
    from casefile.core.services.chronology_dto import EntityRef

    if not values:
        return []
    known = list_relations(case)
    refs = []
    for value in values:
        found = [r for r in known if r.uid.startswith(value.strip().lower())]
        if len(found) != 1 or len(value.strip()) < 4:
            raise CasefileError(
                _(
                    "“{value}” names no single relation; 'casefile relation list' shows their ids."
                ).format(value=value)
            )
        r = found[0]
        refs.append(EntityRef(f"{r.source_name} {r.label} {r.target_name}", None, r.uid))
    return refs


def _event_json(ev: Any) -> dict[str, Any]:
    data = asdict(ev)
    data["source_count"] = ev.source_count
    return data


def _line(ev: Any) -> str:
    words = ", ".join(event_flag(f).replace("_", " ") for f in ev.flags)
    flags = f"  [{words}]" if ev.flags else ""
    sources = _("{n}src").format(n=ev.source_count)
    return f"{ev.uid[:8]}  {ev.date_words:<28} {sources}  {ev.title}{flags}"


def _show(ev: Any) -> None:
    rows = [
        (_("Event"), ev.uid),
        (_("Date"), f"{ev.date_words} ({ev.date})" if ev.date else _("no date")),
        (_("Title"), ev.title),
        (_("Description"), ev.description or "—"),
        (_("Tags"), ", ".join(ev.tags) or "—"),
        (_("Entities"), ", ".join(e.name for e in ev.entities if not e.relation_uid) or "—"),
        (_("Relations"), ", ".join(e.name for e in ev.entities if e.relation_uid) or "—"),
        (_("Flags"), ", ".join(event_flag(f).replace("_", " ") for f in ev.flags) or "—"),
    ]
    width = max([13, *(len(k) + 2 for k, _v in rows)])
    for k, v in rows:
        out(f"{k + ':':<{width}}{v}")
    for c in ev.citations:
        grade = f"{c.source_grade or '-'}{c.grade or '-'}"
        where = (
            _("QUOTE LOST") if c.lost else _("chars {start}–{end}").format(start=c.start, end=c.end)
        )
        title = c.document_title or _("(document deleted)")
        page = _("p.{page}").format(page=c.page)
        out(f"  [{c.id}] {c.document_uid[:8]} {page} {grade} {where}  {title}")
        out("      " + _("“{quote}”").format(quote=" ".join(c.quote.split())))


def cmd_add(args: argparse.Namespace) -> int:
    from casefile.core.services import chronology

    with open_case(args.case) as case:
        cites = [_cite(case, c, args.grade) for c in args.cite or []]
        relations = _relations(case, args.relation)
        ev = chronology.add_event(
            case,
            title=args.title,
            date=args.date,
            description=args.description,
            tags=args.tag or [],
            entities=[*(args.entity or []), *relations],
            citations=cites,
        )
    out(_added(ev))
    return EXIT_OK


def _added(ev: Any) -> str:
    return _("Added event {uid}: {date} — {title}").format(
        uid=ev.uid[:8], date=ev.date_words, title=ev.title
    )


def cmd_list(args: argparse.Namespace) -> int:
    from casefile.core.services import chronology

    with open_case(args.case, readonly=True) as case:
        events = chronology.list_events(
            case,
            entity=args.entity,
            tag=args.tag,
            date_from=args.date_from,
            date_to=args.date_to,
            flag=args.flag,
            lang=args.lang,
        )
    if args.json:
        print_json([_event_json(e) for e in events])
        return EXIT_OK
    for ev in events:
        out(_line(ev))
    out(ngettext("%(n)d event(s)", "%(n)d event(s)", len(events)) % {"n": len(events)})
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from casefile.core.services import chronology

    with open_case(args.case, readonly=True) as case:
        ev = chronology.get_event(case, args.event, lang=args.lang)
    if args.json:
        print_json(_event_json(ev))
    else:
        _show(ev)
    return EXIT_OK


def cmd_edit(args: argparse.Namespace) -> int:
    from casefile.core.services import chronology

    changes: dict[str, Any] = {}
    for name in ("date", "title", "description"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.tag is not None:
        changes["tags"] = args.tag
    if args.entity is not None:
        changes["entities"] = args.entity
    if not changes and not args.relation:
        raise CasefileError(
            _(
                "Nothing to change; give --date, --title, --description, --tag, --entity or "
                "--relation."
            )
        )
    with open_case(args.case) as case:
        if args.relation:  # added to the entities (the ones given, or the event's own)
            kept = changes.get("entities") or [
                e for e in chronology.get_event(case, args.event).entities
            ]
            changes["entities"] = [*kept, *_relations(case, args.relation)]
        ev = chronology.update_event(case, args.event, **changes)
    out(
        _("Updated event {uid}: {date} — {title}").format(
            uid=ev.uid[:8], date=ev.date_words, title=ev.title
        )
    )
    return EXIT_OK


def cmd_rm(args: argparse.Namespace) -> int:
    from casefile.core.services import chronology

    with open_case(args.case) as case:
        ev = chronology.get_event(case, args.event)
        chronology.delete_event(case, ev.uid)
    out(_("Removed event {uid}: {title}").format(uid=ev.uid[:8], title=ev.title))
    return EXIT_OK


def cmd_cite(args: argparse.Namespace) -> int:
    from casefile.core.services import chronology

    with open_case(args.case) as case:
        if args.remove is not None:
            ev = chronology.remove_citation(case, args.event, args.remove)
        elif args.citation:
            ev = chronology.add_citation(case, args.event, _cite(case, args.citation, args.grade))
        else:
            raise CasefileError(_('Give a citation DOC:PAGE:"quote", or --remove ID.'))
    _show(ev)
    return EXIT_OK


def _pick(found: list[Any], prefix: str) -> Any:
    hits = [s for s in found if s.key.startswith(prefix.lower())]
    if len(hits) != 1:
        raise CasefileError(
            _("No suggestion has the key “{prefix}”; 'casefile event suggest' lists them.").format(
                prefix=prefix
            )
            if not hits
            else ngettext(
                "“%(prefix)s” matches %(n)d suggestions; give more of the key.",
                "“%(prefix)s” matches %(n)d suggestions; give more of the key.",
                len(hits),
            )
            % {"prefix": prefix, "n": len(hits)}
        )
    return hits[0]


def cmd_suggest(args: argparse.Namespace) -> int:
    from casefile.core.services import chronology_suggest

    writing = bool(args.accept or args.dismiss)
    with open_case(args.case, readonly=not writing) as case:
        uid = resolve_uid(case, args.document) if args.document else None
        found = chronology_suggest.suggest_event_dates(case, uid, lang=args.lang)
        if args.accept:
            ev = chronology_suggest.accept_suggestion(case, _pick(found, args.accept), args.title)
            out(_added(ev))
            return EXIT_OK
        if args.dismiss:
            picked = _pick(found, args.dismiss)
            chronology_suggest.dismiss_suggestion(case, picked)
            out(
                _("Dismissed “{phrase}” ({date}); it will not be suggested again.").format(
                    phrase=picked.phrase, date=picked.date
                )
            )
            return EXIT_OK
    if args.json:
        print_json([asdict(s) for s in found])
        return EXIT_OK
    for s in found:
        page = _("p.{page}").format(page=s.page)
        out(
            f"{s.key[:8]}  {s.document_uid[:8]} {page}  {s.date:<12} "
            f"{s.date_words:<24} “{s.phrase}”"
        )
        out(f"          {s.sentence}")
    out(
        ngettext(
            "%(n)d suggestion(s); --accept KEY or --dismiss KEY to act on one",
            "%(n)d suggestion(s); --accept KEY or --dismiss KEY to act on one",
            len(found),
        )
        % {"n": len(found)}
    )
    return EXIT_OK


def register(sub: Any) -> None:
    from casefile.core.services.chronology import FLAGS

    help_text = _("The chronology: dated events with citations.")
    ev = sub.add_parser("event", help=help_text, description=help_text)
    events = ev.add_subparsers(dest="event_command", metavar="ACTION", parser_class=Parser)
    events.required = True
    # Dates in words follow the language chosen for the CLI unless --lang says otherwise.
    lang_help = _("the language of dates in words (default: the CLI's)")
    json_help = _("print the result as JSON")

    sp = add_command(events, "add", cmd_add, _("Add an event to the chronology."))
    sp.add_argument(
        "--date", help=_("EDTF: 2024-06-07, 2023-02, 2024-05~, 2020/2022, 2022-02-24/..")
    )
    sp.add_argument("--title", required=True, help=_("the event's title"))
    sp.add_argument("--description", help=_("what happened, in a few sentences"))
    sp.add_argument("--tag", action="append", help=_("a tag (repeatable)"))
    sp.add_argument("--entity", action="append", help=_("an entity involved (repeatable)"))
    sp.add_argument(
        "--relation",
        action="append",
        metavar="REL",
        help=_("a relation between entities (its id)"),
    )
    sp.add_argument(
        "--cite", action="append", metavar='DOC:PAGE:"QUOTE"', help=_("a citation (repeatable)")
    )
    sp.add_argument("--grade", type=int, help=_("information grade 1–6 for the citations"))

    sp = add_command(events, "list", cmd_list, _("List the chronology in date order."))
    sp.add_argument("--entity", help=_("only events involving this entity"))
    sp.add_argument("--tag", help=_("only events with this tag"))
    sp.add_argument(
        "--from", dest="date_from", metavar="EDTF", help=_("only events from this date")
    )
    sp.add_argument("--to", dest="date_to", metavar="EDTF", help=_("only events up to this date"))
    sp.add_argument("--flag", choices=FLAGS, help=_("only events with this flag"))
    sp.add_argument("--lang", choices=["en", "ru"], default=i18n.language(), help=lang_help)
    sp.add_argument("--json", action="store_true", help=json_help)

    for name, fn, text in [
        ("show", cmd_show, _("Show an event with its citations.")),
        ("edit", cmd_edit, _("Change an event's date, title, description, tags or entities.")),
        ("rm", cmd_rm, _("Remove an event (the audit log keeps it).")),
        ("cite", cmd_cite, _("Add a citation to an event, or remove one.")),
    ]:
        sp = add_command(events, name, fn, text)
        sp.add_argument("event", metavar="EVENT", help=_("event id (a unique prefix is enough)"))
        if name == "show":
            sp.add_argument("--lang", choices=["en", "ru"], default=i18n.language(), help=lang_help)
            sp.add_argument("--json", action="store_true", help=json_help)
        if name == "edit":
            sp.add_argument("--date", help=_("the new date (EDTF)"))
            sp.add_argument("--title", help=_("the new title"))
            sp.add_argument("--description", help=_("the new description"))
            sp.add_argument("--tag", action="append", help=_("replaces the tags (repeatable)"))
            sp.add_argument("--entity", action="append", help=_("replaces the entities"))
            sp.add_argument(
                "--relation", action="append", metavar="REL", help=_("links a relation")
            )
        if name == "cite":
            sp.add_argument(
                "citation", nargs="?", metavar='DOC:PAGE:"QUOTE"', help=_("the citation to add")
            )
            sp.add_argument("--grade", type=int, help=_("information grade 1–6"))
            sp.add_argument("--remove", type=int, metavar="ID", help=_("a citation's id"))

    sp = add_command(events, "suggest", cmd_suggest, _("Dates found in the documents' text."))
    sp.add_argument("document", nargs="?", metavar="DOC", help=_("one document (default: all)"))
    sp.add_argument("--lang", choices=["en", "ru"], default=i18n.language(), help=lang_help)
    sp.add_argument("--json", action="store_true", help=json_help)
    act = sp.add_mutually_exclusive_group()
    act.add_argument("--accept", metavar="KEY", help=_("make the suggestion an event, cited"))
    act.add_argument("--dismiss", metavar="KEY", help=_("never suggest it again"))
    sp.add_argument("--title", help=_("the new event's title (with --accept)"))
