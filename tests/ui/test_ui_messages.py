"""A refusal by the operating system (no permission, a full disk) is said as what it is,
in the user's language, not reported as a fault inside Casefile."""

from __future__ import annotations

from casefile.ui import i18n
from casefile.ui.messages import user_message


def test_a_refused_file_is_named_with_the_systems_reason_in_english(qtbot) -> None:  # type: ignore[no-untyped-def]
    i18n.install("en")
    text = user_message(PermissionError(13, "Permission denied", "/mnt/evidence/report.docx"))
    assert text == (
        "“/mnt/evidence/report.docx” could not be used: Permission denied. Check that the "
        "place exists and that you may write there, then try again."
    )
    full = user_message(OSError(28, "No space left on device"))
    assert full.startswith("The operating system refused the action: No space left on device.")
    assert "went wrong inside Casefile" not in text + full and "Errno" not in text + full


def test_a_refused_file_is_said_in_russian(qtbot) -> None:  # type: ignore[no-untyped-def]
    i18n.install("ru")
    text = user_message(PermissionError(13, "Permission denied", "/mnt/evidence/report.docx"))
    assert text == (
        "Не удалось использовать «/mnt/evidence/report.docx»: Доступ запрещён. Проверьте, что "
        "это место существует и у вас есть право записи, и повторите попытку."
    )
    full = user_message(OSError(28, "No space left on device"))
    assert "На диске нет места" in full and "space" not in full
