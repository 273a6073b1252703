"""Words for the user about a failure (light to import: the main window needs it
before the core services are loaded)."""

from __future__ import annotations

from casefile.core.errors import CasefileError
from casefile.ui.i18n import translate


def user_message(exc: BaseException) -> str:
    """A CasefileError already has the user's words; anything else is a bug."""
    if isinstance(exc, CasefileError):
        return str(exc)
    text = translate(
        "messages",
        "Something went wrong inside Casefile and the action was not completed ({error}).",
    )
    return text.format(error=exc)
