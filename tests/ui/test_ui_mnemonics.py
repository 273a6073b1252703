"""A label's "&" is a keyboard shortcut only when the label has a buddy to give focus
to; without one Qt draws the ampersand literally ("Events &from / to:"), which is what a
form row whose field is a layout gets. Every such label in the window and its dialogs
must have its buddy."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLabel, QWidget

from tests.ui.test_ui_export import export_dialog

MNEMONIC = re.compile(r"(?<!&)&(?!&)\w")


def _literal_ampersands(root: QWidget) -> list[str]:
    return [
        lbl.text()
        for lbl in root.findChildren(QLabel)
        if lbl.textFormat() != lbl.textFormat().RichText
        and MNEMONIC.search(lbl.text())
        and lbl.buddy() is None
    ]


def test_no_label_shows_a_literal_ampersand(case_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert _literal_ampersands(case_window) == []
    dialog = export_dialog(case_window, qtbot)
    for i in range(dialog.kind.count()):  # every kind's options page
        dialog.kind.setCurrentIndex(i)
    assert _literal_ampersands(dialog) == []
