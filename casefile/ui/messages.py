"""Words for the user about a failure (light to import: the main window needs it
before the core services are loaded)."""

from __future__ import annotations

from casefile.core import i18n as core_i18n
from casefile.core.errors import CasefileError
from casefile.ui.i18n import translate


def user_message(exc: BaseException) -> str:
    """A CasefileError already has the user's words; anything else is a bug."""
    if isinstance(exc, CasefileError):
        return str(exc)
    if isinstance(exc, OSError):  # the system refused (a full disk, no permission): not a bug
        if exc.filename:
            return translate(
                "messages",
                "“{path}” could not be used: {error}. Check that the place exists and that "
                "you may write there, then try again.",
            ).format(path=exc.filename, error=core_i18n.os_error(exc))
        return translate(
            "messages",
            "The operating system refused the action: {error}. Check the disk and the "
            "permissions, then try again.",
        ).format(error=core_i18n.os_error(exc))
    text = translate(
        "messages",
        "Something went wrong inside Casefile and the action was not completed ({error}).",
    )
    return text.format(error=exc)
