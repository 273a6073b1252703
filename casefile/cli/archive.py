"""`casefile import-archive ARCHIVE CASE`: a `.casezip` into a new case folder.

The archive is checked before anything is written (no paths outside the case, no
links, no duplicate names, every hash as its manifest says, nothing built to fill the
disk, a real Casefile database); the case is built beside its place and appears only
when complete, then its search index is rebuilt. Exit codes as everywhere
(`cli/common.py`): 0 imported, 1 refused or failed (nothing left behind), 2 bad
arguments, 130 stopped (during the index rebuild: the case is complete and its index
is rebuilt the next time it opens).
"""

from __future__ import annotations

import argparse
from typing import Any

from casefile.cli.common import EXIT_CANCELLED, EXIT_OK, err, out, print_json, progress_job
from casefile.core.i18n import _


def cmd_import_archive(args: argparse.Namespace) -> int:
    from casefile.core.jobs import Cancelled
    from casefile.core.services.archive import import_archive

    with progress_job(_("Importing the archive"), not args.json) as job:
        try:
            result = import_archive(args.archive, args.case, job)
        except Cancelled:
            err(_("Stopped; nothing was made."))
            return EXIT_CANCELLED
    if args.json:
        print_json(
            {
                "path": str(result.path),
                "documents": result.documents,
                "indexed": result.indexed,
                "summary": result.summary,
            }
        )
    else:
        out(result.summary)
    return EXIT_OK if result.indexed else EXIT_CANCELLED


def register(sub: Any) -> None:
    help_text = _("Import a .casezip case archive into a new case folder.")
    sp = sub.add_parser("import-archive", help=help_text, description=help_text)
    sp.add_argument("archive", metavar="ARCHIVE", help=_("the .casezip file"))
    sp.add_argument("case", metavar="CASE", help=_("the new case folder (…/Name.casefile)"))
    sp.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    sp.set_defaults(func=cmd_import_archive)
