"""`casefile new | demo`: make a case."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from casefile.cli.common import (
    EXIT_OK,
    add_command,
    out,
)
from casefile.core.i18n import _


def cmd_new(args: argparse.Namespace) -> int:
    from casefile.core import services

    case = services.create_case(args.case, args.title)
    out(_("Created case “{title}” at {path}").format(title=case.title, path=case.path))
    case.close()
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from casefile.demo import build_demo_case

    case_path = build_demo_case(Path(args.case), overwrite=args.force)
    out(_("Demo case ready at {path}").format(path=case_path))
    return EXIT_OK


def register(sub: Any) -> None:
    sp = add_command(sub, "new", cmd_new, _("Create a new, empty case."))
    sp.add_argument("--title", help=_("the case's title (default: the folder name)"))
    sp = add_command(sub, "demo", cmd_demo, _("Build the bundled demo case at CASE."))
    sp.add_argument("--force", action="store_true", help=_("replace an existing demo case there"))
