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
from casefile.core.errors import CasefileError


def _cite(case: Any, value: str, grade: int | None) -> Any:
    from casefile.core.services.chronology_dto import CitationSpec

    doc, sep, rest = value.partition(":")
    page, sep2, quote = rest.partition(":")
    if not (sep and sep2 and page.strip().isdigit() and quote.strip()):
        raise CasefileError(
            f'“{value}” is not a citation; write DOC:PAGE:"quoted words", '
            'e.g. 3f2a:1:"dismissed on 3 April 2024".'
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
                f"“{value}” names no single relation; 'casefile relation list' shows their ids."
            )
        r = found[0]
        refs.append(EntityRef(f"{r.source_name} {r.label} {r.target_name}", None, r.uid))
    return refs


def _event_json(ev: Any) -> dict[str, Any]:
    data = asdict(ev)
    data["source_count"] = ev.source_count
    return data


def _line(ev: Any) -> str:
    flags = f"  [{', '.join(f.replace('_', ' ') for f in ev.flags)}]" if ev.flags else ""
    return f"{ev.uid[:8]}  {ev.date_words:<28} {ev.source_count}src  {ev.title}{flags}"


def _show(ev: Any) -> None:
    rows = [
        ("Event", ev.uid),
        ("Date", f"{ev.date_words} ({ev.date})" if ev.date else "no date"),
        ("Title", ev.title),
        ("Description", ev.description or "—"),
        ("Tags", ", ".join(ev.tags) or "—"),
        ("Entities", ", ".join(e.name for e in ev.entities if not e.relation_uid) or "—"),
        ("Relations", ", ".join(e.name for e in ev.entities if e.relation_uid) or "—"),
        ("Flags", ", ".join(f.replace("_", " ") for f in ev.flags) or "—"),
    ]
    for k, v in rows:
        out(f"{k + ':':<13}{v}")
    for c in ev.citations:
        grade = f"{c.source_grade or '-'}{c.grade or '-'}"
        where = "QUOTE LOST" if c.lost else f"chars {c.start}–{c.end}"
        title = c.document_title or "(document deleted)"
        out(f"  [{c.id}] {c.document_uid[:8]} p.{c.page} {grade} {where}  {title}")
        out(f"      “{' '.join(c.quote.split())}”")


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
    out(f"Added event {ev.uid[:8]}: {ev.date_words} — {ev.title}")
    return EXIT_OK


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
    out(f"{len(events)} event(s)")
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
            "Nothing to change; give --date, --title, --description, --tag, --entity or --relation."
        )
    with open_case(args.case) as case:
        if args.relation:  # added to the entities (the ones given, or the event's own)
            kept = changes.get("entities") or [
                e for e in chronology.get_event(case, args.event).entities
            ]
            changes["entities"] = [*kept, *_relations(case, args.relation)]
        ev = chronology.update_event(case, args.event, **changes)
    out(f"Updated event {ev.uid[:8]}: {ev.date_words} — {ev.title}")
    return EXIT_OK


def cmd_rm(args: argparse.Namespace) -> int:
    from casefile.core.services import chronology

    with open_case(args.case) as case:
        ev = chronology.get_event(case, args.event)
        chronology.delete_event(case, ev.uid)
    out(f"Removed event {ev.uid[:8]}: {ev.title}")
    return EXIT_OK


def cmd_cite(args: argparse.Namespace) -> int:
    from casefile.core.services import chronology

    with open_case(args.case) as case:
        if args.remove is not None:
            ev = chronology.remove_citation(case, args.event, args.remove)
        elif args.citation:
            ev = chronology.add_citation(case, args.event, _cite(case, args.citation, args.grade))
        else:
            raise CasefileError('Give a citation DOC:PAGE:"quote", or --remove ID.')
    _show(ev)
    return EXIT_OK


def _pick(found: list[Any], prefix: str) -> Any:
    hits = [s for s in found if s.key.startswith(prefix.lower())]
    if len(hits) != 1:
        raise CasefileError(
            f"No suggestion has the key “{prefix}”; 'casefile event suggest' lists them."
            if not hits
            else f"“{prefix}” matches {len(hits)} suggestions; give more of the key."
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
            out(f"Added event {ev.uid[:8]}: {ev.date_words} — {ev.title}")
            return EXIT_OK
        if args.dismiss:
            picked = _pick(found, args.dismiss)
            chronology_suggest.dismiss_suggestion(case, picked)
            out(f"Dismissed “{picked.phrase}” ({picked.date}); it will not be suggested again.")
            return EXIT_OK
    if args.json:
        print_json([asdict(s) for s in found])
        return EXIT_OK
    for s in found:
        out(
            f"{s.key[:8]}  {s.document_uid[:8]} p.{s.page}  {s.date:<12} "
            f"{s.date_words:<24} “{s.phrase}”"
        )
        out(f"          {s.sentence}")
    out(f"{len(found)} suggestion(s); --accept KEY or --dismiss KEY to act on one")
    return EXIT_OK


def register(sub: Any) -> None:
    from casefile.core.services.chronology import FLAGS

    ev = sub.add_parser("event", help="The chronology: dated events with citations.")
    events = ev.add_subparsers(dest="event_command", metavar="ACTION", parser_class=Parser)
    events.required = True

    sp = add_command(events, "add", cmd_add, "Add an event to the chronology.")
    sp.add_argument("--date", help="EDTF: 2024-06-07, 2023-02, 2024-05~, 2020/2022, 2022-02-24/..")
    sp.add_argument("--title", required=True)
    sp.add_argument("--description")
    sp.add_argument("--tag", action="append")
    sp.add_argument("--entity", action="append", help="an entity involved (repeatable)")
    sp.add_argument(
        "--relation", action="append", metavar="REL", help="a relation between entities (its id)"
    )
    sp.add_argument("--cite", action="append", metavar='DOC:PAGE:"QUOTE"')
    sp.add_argument("--grade", type=int, help="information grade 1–6 for the citations")

    sp = add_command(events, "list", cmd_list, "List the chronology in date order.")
    sp.add_argument("--entity")
    sp.add_argument("--tag")
    sp.add_argument("--from", dest="date_from", metavar="EDTF")
    sp.add_argument("--to", dest="date_to", metavar="EDTF")
    sp.add_argument("--flag", choices=FLAGS)
    sp.add_argument("--lang", choices=["en", "ru"], default="en")
    sp.add_argument("--json", action="store_true")

    for name, fn, text in [
        ("show", cmd_show, "Show an event with its citations."),
        ("edit", cmd_edit, "Change an event's date, title, description, tags or entities."),
        ("rm", cmd_rm, "Remove an event (the audit log keeps it)."),
        ("cite", cmd_cite, "Add a citation to an event, or remove one."),
    ]:
        sp = add_command(events, name, fn, text)
        sp.add_argument("event", metavar="EVENT", help="event id (a unique prefix is enough)")
        if name == "show":
            sp.add_argument("--lang", choices=["en", "ru"], default="en")
            sp.add_argument("--json", action="store_true")
        if name == "edit":
            sp.add_argument("--date")
            sp.add_argument("--title")
            sp.add_argument("--description")
            sp.add_argument("--tag", action="append", help="replaces the tags (repeatable)")
            sp.add_argument("--entity", action="append", help="replaces the entities")
            sp.add_argument("--relation", action="append", metavar="REL", help="links a relation")
        if name == "cite":
            sp.add_argument("citation", nargs="?", metavar='DOC:PAGE:"QUOTE"')
            sp.add_argument("--grade", type=int)
            sp.add_argument("--remove", type=int, metavar="ID", help="a citation's id")

    sp = add_command(events, "suggest", cmd_suggest, "Dates found in the documents' text.")
    sp.add_argument("document", nargs="?", metavar="DOC", help="one document (default: all)")
    sp.add_argument("--lang", choices=["en", "ru"], default="en")
    sp.add_argument("--json", action="store_true")
    act = sp.add_mutually_exclusive_group()
    act.add_argument("--accept", metavar="KEY", help="make the suggestion an event, cited")
    act.add_argument("--dismiss", metavar="KEY", help="never suggest it again")
    sp.add_argument("--title", help="the new event's title (with --accept)")
