"""An e-mail and its attachments link to each other in the metadata panel (issue 11
item 5): the message lists its attachments as links that open them, and an attachment
says "Attached to: <subject>", which opens the message. Also from search results."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.mail_fixtures import build_mail
from tests.ui.test_ui_search import _search
from tests.ui.util import wait_idle


def _open_mail_case(window, qtbot, tmp_path) -> tuple[object, str, tuple[str, ...]]:  # type: ignore[no-untyped-def]
    """A case holding one message with two attachments, open in the window; the view,
    the message's uid and its attachments' uids (as the import stored them)."""
    from casefile.core import services

    mail = tmp_path / "mail.eml"
    mail.write_bytes(build_mail(3, attachments=2))
    with services.create_case(tmp_path / "Mail") as case:
        services.import_paths(case, [mail])
        details = [services.get_document(case, d.uid) for d in services.list_documents(case)]
        path = str(case.path)
    message = next(d for d in details if d.child_uids)
    window.open_case(path)
    qtbot.waitUntil(lambda: window.case_view is not None, timeout=15000)
    view = window.case_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=15000)
    return view, message.uid, message.child_uids


def _shown(view) -> str:  # type: ignore[no-untyped-def]
    detail = view.viewer.detail
    return detail.uid if detail is not None else ""


def _texts(view) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text() for b in view.metadata.linked.links]


def test_message_and_attachment_open_each_other(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view, message, children = _open_mail_case(window, qtbot, tmp_path)
    view.select_uid(message)
    qtbot.waitUntil(lambda: _shown(view) == message)
    linked = view.metadata.linked
    assert linked.isVisible()
    assert _texts(view) == ["invoice-3-0", "invoice-3-1"]

    qtbot.mouseClick(linked.links[1], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _shown(view) == children[1])
    assert view.selected_uids() == [children[1]]  # its row in the list, too
    qtbot.waitUntil(lambda: "Attachment 1 of message 3" in view.viewer.text.toPlainText())
    assert _texts(view) == ["Evidence bundle 3"]
    assert linked.links[0].accessibleName() == "Attached to: Evidence bundle 3"

    qtbot.mouseClick(linked.links[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _shown(view) == message)
    assert view.selected_uids() == [message]
    assert view.metadata.detail is not None and view.metadata.detail.title == "Evidence bundle 3"


def test_an_attachment_found_by_search_opens_its_message(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view, message, _children = _open_mail_case(window, qtbot, tmp_path)
    panel = _search(qtbot, window, '"invoice 3-1"')
    assert panel.last.total == 1
    panel.results.setCurrentRow(0)
    wait_idle(qtbot, window)
    assert view.metadata.linked.links[0].text() == "Evidence bundle 3"
    qtbot.mouseClick(view.metadata.linked.links[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _shown(view) == message)
    assert view.centre.currentWidget() is panel  # the results stay
    assert len(view.metadata.linked.links) == 2


def test_a_document_without_links_shows_none(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from casefile.core import services

    note = tmp_path / "note.txt"
    note.write_text("A plain note, attached to nothing.", encoding="utf-8")
    with services.create_case(tmp_path / "Notes") as case:
        services.import_paths(case, [note])
        path = str(case.path)
    window.open_case(path)
    qtbot.waitUntil(lambda: window.case_view is not None, timeout=15000)
    view = window.case_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=15000)
    view.select_uid(view.model.uids[0])
    qtbot.waitUntil(lambda: view.viewer.detail is not None)
    assert not view.metadata.linked.isVisible() and view.metadata.linked.links == []
