"""The PDF court bundle and the case archive on the command line (`cli/exports.py`
lists them in `EXPORT_COMMANDS`).

    casefile export bundle  CASE OUT.pdf [--title T] [--section 'A:Statements of case:3fa2,77c1']
                            [--order date|given] [--numbering continuous|section] [--volumes [N]]
    casefile export archive CASE OUT.casezip

What each kind adds to its parser and how its arguments become the options value of
its service (`services.bundles.export_bundle`, `services.archive.export_archive`);
`cli/exports.py` runs them like every export (progress bar, Ctrl-C leaves nothing).
"""

from __future__ import annotations

import argparse
from typing import Any

from casefile.core.errors import InvalidValueError
from casefile.core.i18n import _

DEFAULT_VOLUME = 300  # the guidance's usual volume size


def add_bundle_arguments(sp: argparse.ArgumentParser) -> None:
    # No default here: the service's own title is used when none is given.
    sp.add_argument("--title", default=None, help=_("the bundle's title on its index"))
    sp.add_argument(
        "--section",
        action="append",
        default=[],
        metavar="LETTER:TITLE:IDS",
        help=_(
            "a section, its name and its documents' ids (comma-separated, as 'casefile "
            "docs' shows them), in order (repeatable; default: every document, by kind)"
        ),
    )
    sp.add_argument(
        "--by-tag",
        action="append",
        default=[],
        metavar="TAG",
        help=_("one section per tag, in the order given (repeatable), instead of --section"),
    )
    sp.add_argument(
        "--order",
        choices=["date", "given"],
        default="date",
        help=_("documents within a section by date (default) or as given"),
    )
    sp.add_argument(
        "--numbering",
        choices=["continuous", "section"],
        default="continuous",
        help=_("page numbers 1…N, the PDF page numbers (default), or A1, B12 by section"),
    )
    sp.add_argument(
        "--volumes",
        nargs="?",
        type=int,
        const=DEFAULT_VOLUME,
        default=None,
        metavar="PAGES",
        help=_(
            "split into volumes of about PAGES pages (default {pages}), each with its own index"
        ).format(pages=DEFAULT_VOLUME),
    )


def _sections(specs: list[str]) -> tuple[Any, ...] | None:
    from casefile.core.services.bundles import SectionIn

    if not specs:
        return None
    out = []
    for spec in specs:
        letter, sep, rest = spec.partition(":")
        title, _sep, ids = rest.partition(":")
        if not sep or not letter.strip() or not title.strip():
            raise InvalidValueError(
                _(
                    "“{spec}” is not a section; write it as LETTER:TITLE:IDS, e.g. "
                    "'A:Statements of case:3fa2,77c1'."
                ).format(spec=spec)
            )
        uids = tuple(i.strip().lower() for i in ids.split(",") if i.strip())
        out.append(SectionIn(letter.strip().upper(), title.strip(), uids))
    return tuple(out)


def bundle_options(args: argparse.Namespace) -> Any:
    """The parsed arguments as `BundleChoices` (ids may be the first characters of a
    document's id, as elsewhere; the service resolves them)."""
    from casefile.core.services.bundles import BundleChoices

    titled = {"title": args.title} if args.title is not None else {}
    return BundleChoices(
        sections=_sections(args.section),
        by_tags=tuple(args.by_tag),
        order=args.order,
        page_style=args.numbering,
        volume_pages=args.volumes,
        **titled,
    )


def add_archive_arguments(sp: argparse.ArgumentParser) -> None:
    """An archive holds the whole case: nothing to choose."""


def archive_options(_args: argparse.Namespace) -> Any:
    return None
