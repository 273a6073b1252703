"""The sentences argparse itself prints (usage lines, section titles of `--help`, the
errors of a mistyped command), listed here so that Babel extracts them into the cli
catalog. `common.argparse_speaks_our_language` makes argparse look them up there, so
they follow the chosen language (docs/architecture.md, "Languages").

The msgids are argparse's own, word for word (Python 3.11-3.13); one argparse changed
is simply shown in English until its new words are added here.
"""

from __future__ import annotations

from casefile.core.i18n import N_, ngettext

ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("%(prog)s: error: %(message)s\n"),
)


def expected_arguments(n: int) -> str:
    """argparse's one counted sentence a user can meet (an option given too few values);
    written out here so that Babel extracts it with its plural."""
    return ngettext("expected %s argument", "expected %s arguments", n) % n
