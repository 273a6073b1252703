"""Attach the chronology GUI to an open case's workspace: the navigator's Chronology
entry (with its count), the Chronology view in the centre, "Add to chronology…" on a
selection of the viewer's text, and a citation's passage marked in the viewer. All
through the hooks the workspace offers (`Navigator.add_view_root`,
`SelectionActions.add`, `Workspace.open_document`), so the shared modules stay ignorant
of events (the entities GUI attaches the same way)."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QStackedWidget

from casefile.core.services.chronology_view import count_events
from casefile.ui.chronology.passage import PassageMarker
from casefile.ui.chronology.view import ChronologyView
from casefile.ui.controller import CaseController
from casefile.ui.i18n import translate
from casefile.ui.navigator import Navigator
from casefile.ui.viewer import Viewer
from casefile.ui.viewer_selection import TextSelection

KEY = "chronology"
CENTRE_WIDTH = 780  # px the table wants
VIEWER_WIDTH = 400  # px the viewer keeps


class Workspace(Protocol):
    """What the chronology needs of the case view (which installs it, so it is
    described here rather than imported: docs/architecture.md, layers)."""

    controller: CaseController
    navigator: Navigator
    centre: QStackedWidget
    viewer: Viewer

    @property
    def targetChanged(self) -> SignalInstance: ...

    def open_document(self, uid: str, page: int = 1) -> None: ...

    def sizes(self) -> list[int]: ...

    def setSizes(self, sizes: list[int]) -> None: ...


class ChronologyGui(QObject):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace.centre)
        self.workspace = workspace
        controller = workspace.controller
        self.view = ChronologyView(controller)
        workspace.centre.addWidget(self.view)
        self.root = workspace.navigator.add_view_root(
            translate("ChronologyGui", "Chronology"), KEY, KEY
        )
        self.root.setToolTip(
            0, translate("ChronologyGui", "Dated events and the passages that support them")
        )
        self.passage = PassageMarker(workspace.viewer)
        self.add_action = workspace.viewer.selection_actions.add(
            translate("ChronologyGui", "Add to chronology…"), self.add_from_selection
        )
        workspace.navigator.viewChosen.connect(self.show)
        self.view.passageRequested.connect(self.open_passage)
        controller.changed.connect(lambda _c: self.count())
        self.count()

    def count(self) -> None:
        def show(n: int) -> None:
            self.root.setText(0, translate("ChronologyGui", "Chronology  {count}").format(count=n))

        self.workspace.controller.read(count_events, on_done=show)

    def show(self, key: str = KEY) -> None:
        if key != KEY:
            return  # another feature's entry
        ws = self.workspace
        ws.centre.setCurrentWidget(self.view)
        ws.navigator.mark_view(KEY)
        self._room()
        self.view.activate()
        ws.targetChanged.emit()

    def _room(self) -> None:
        """The table has six columns: give the centre pane room for them, from the
        viewer's side, which keeps enough to read a passage."""
        sizes = self.workspace.sizes()
        if len(sizes) == 3:
            give = min(CENTRE_WIDTH - sizes[1], sizes[2] - VIEWER_WIDTH)
            if give > 0:
                self.workspace.setSizes([sizes[0], sizes[1] + give, sizes[2] - give])

    def add_from_selection(self, selection: TextSelection) -> Any:
        detail = self.workspace.viewer.detail
        reference = detail.date if detail is not None else None  # for "в мае этого года"
        self.show()
        return self.view.add_from_selection(selection, reference)

    def open_passage(self, uid: str, page: int, start: int, end: int) -> None:
        """A citation: its document in the viewer at its page, the passage highlighted
        (start < 0: a quote lost since, so only the page)."""
        if 0 <= start < end:
            self.passage.mark(uid, page, start, end)
        self.workspace.open_document(uid, page)


def install_chronology(workspace: Workspace) -> ChronologyGui:
    return ChronologyGui(workspace)
