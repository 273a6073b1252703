"""The entities and chronology views in Russian (issue 15, "Languages"): built after
`i18n.install("ru")`, they show Russian group headers and kinds, counts in the right
one of three forms (1, 3, 5, 21 mentions), Russian buttons, headers, flags, dates in
words, the event editor's labels and Edit → Undo texts. tests/conftest.py puts English
back after each test."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from casefile.core import dates, services
from casefile.core.errors import InvalidValueError
from casefile.ui.chronology.editor import BAD_STYLE
from tests.ui.util import wait_idle

# Made-up names no demo document contains, so matching adds no mentions of its own:
# (name, kind, mentions tagged by hand on one page).
COUNTED = (
    ("Zorvath Qelindor", "person", 1),
    ("Ulmirax Trevolde", "person", 3),
    ("Quorsin Vadelkor", "organisation", 5),
    ("Yrvendal Oskith", "place", 21),
)


@pytest.fixture
def russian(qapp):  # type: ignore[no-untyped-def]
    """Russian before any window is built (the window fixtures come after this one)."""
    from casefile.ui import i18n

    assert i18n.install("ru") == "ru"


@pytest.fixture
def counted_case(demo_path: Path) -> Path:
    """The demo case with four entities mentioned 1, 3, 5 and 21 times in one document."""
    case = services.open_case(demo_path)
    try:
        doc = max(
            services.list_documents(case),
            key=lambda d: len(services.get_page(case, d.uid, 1).text),
        )
        assert len(services.get_page(case, doc.uid, 1).text) > 2 * 21 * 4
        at = 0
        for name, kind, n in COUNTED:
            services.create_entity(case, name, kind)
            for _ in range(n):
                services.add_mention(case, name, doc.uid, 1, at, at + 2)
                at += 2
    finally:
        case.close()
    return demo_path


@pytest.fixture
def ru_window(russian, window, counted_case: Path, qtbot):  # type: ignore[no-untyped-def]
    window.open_case(str(counted_case))
    qtbot.waitUntil(lambda: window.case_view is not None, timeout=15000)
    qtbot.waitUntil(lambda: window.case_view.model.rowCount() == 4, timeout=15000)
    return window


def _groups(tree) -> list[str]:  # type: ignore[no-untyped-def]
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def _labels(widget) -> set[str]:  # type: ignore[no-untyped-def]
    return {label.text() for label in widget.findChildren(QLabel)}


def test_entity_list_and_page_in_russian_with_plurals(ru_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = ru_window
    gui = w.entities
    nav = w.case_view.navigator
    qtbot.waitUntil(lambda: nav.find_item("Сущности  14") is not None, timeout=15000)
    assert nav.find_item("Лица  3") is not None
    assert nav.find_item("Предложения") is not None and nav.find_item("Сеть связей") is not None
    gui.show("entities")
    panel = gui.panel
    assert [panel.tabs.tabText(i) for i in range(3)] == ["Сущности", "Предложения", "Сеть связей"]
    tree = panel.list.tree
    qtbot.waitUntil(lambda: "Лица  3" in _groups(tree), timeout=15000)
    assert _groups(tree) == ["Лица  3", "Организации  6", "Органы власти  2", "Места  3"]
    header = tree.headerItem()
    assert [header.text(c) for c in range(3)] == ["Имя", "Док.", "Упом."]
    kinds_shown = [panel.list.kind.itemText(i) for i in range(panel.list.kind.count())]
    assert kinds_shown[:3] == ["Все типы", "Лица", "Организации"]
    assert panel.list.filter.placeholderText() == "Отбор по имени или псевдониму…"
    assert panel.new_button.text() == "Со&здать…"

    page = panel.page
    wanted = {
        1: ("Лицо · 1 документ · 1 упоминание", "Упоминания: 1 в 1 документе"),
        3: ("Лицо · 1 документ · 3 упоминания", "Упоминания: 3 в 1 документе"),
        5: ("Организация · 1 документ · 5 упоминаний", "Упоминания: 5 в 1 документе"),
        21: ("Место · 1 документ · 21 упоминание", "Упоминания: 21 в 1 документе"),
    }
    entities = {e.name: e for e in panel.entities}
    for name, _kind, n in COUNTED:
        assert panel.list.select(entities[name].uid)
        qtbot.waitUntil(lambda name=name: page.info is not None and page.info.name == name)
        summary, heading = wanted[n]
        assert page.summary.text() == summary
        assert page.mention_heading.text() == heading
    assert page.alias_heading.text() == "Псевдонимы"
    assert page.notes_heading.text() == "Заметки"
    assert page.relations_heading.text() == "Связи"
    assert [b.text() for b in page.buttons.values()] == [
        "&Изменить…",
        "Добавить &псевдоним…",
        "&Объединить с…",
        "&Удалить",
    ]
    assert page.relations.texts() == ["Пока нет"]
    item = page.mention_tree.topLevelItem(0)
    assert item.text(0).endswith("  (21)") and item.child(0).text(0).startswith("с. 1 ")
    assert item.child(0).toolTip(0).endswith("Отмечено вручную.")

    # A document count of 3 in another form: an entity of the demo.
    forrest = entities["Daniel Forrest"]
    assert panel.list.select(forrest.uid)
    qtbot.waitUntil(lambda: page.info is not None and page.info.uid == forrest.uid)
    assert forrest.documents == 3
    assert page.summary.text().startswith("Лицо · 3 документа · ")
    assert page.mention_heading.text().endswith(" в 3 документах")

    # Edit → Undo names the step in Russian (after the menu's "Отменить").
    page.delete()
    wait_idle(qtbot, w)
    assert w.controller.undo_stack.undoText() == "удаление сущности «Daniel Forrest»"
    w.controller.undo_stack.undo()
    wait_idle(qtbot, w)


def test_suggestion_queue_and_network_in_russian(ru_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui = ru_window.entities
    gui.show("entities:suggestions")
    queue = gui.panel.suggestions
    assert queue.find_button.text() == "&Найти предложения"
    assert queue.accept_button.text() == "&Принять"
    assert queue.alias_button.text() == "Принять как псе&вдоним…"
    assert queue.dismiss_button.text() == "&Отклонить"
    assert queue.dismiss_button.toolTip() == "Больше не предлагать это имя (D)"
    headers = [queue.table.horizontalHeaderItem(c).text() for c in range(4)]
    assert headers == ["Имя", "Тип", "Док.", "Найденные формы"]
    assert "Как:" in _labels(queue)

    net = gui.panel.network
    with qtbot.waitSignal(net.drawn, timeout=30000):
        gui.show("entities:network")
    # 14 entities and 7 relations: "сущностей" (many), "связей" (many).
    assert net.status.text().startswith("14 сущностей, 7 связей. Перетаскивание — сдвиг")


def _column(view, col: int) -> list[str]:  # type: ignore[no-untyped-def]
    m = view.model
    return [m.data(m.index(r, col)) for r in range(m.rowCount())]


def test_chronology_in_russian(ru_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = ru_window.case_view
    item = view.navigator.find_item("Хронология  9")
    assert item is not None
    view.navigator._chosen(item)  # as a click on the entry does
    chrono = view.chronology
    qtbot.waitUntil(lambda: chrono.model.rowCount() == 9, timeout=15000)
    wait_idle(qtbot, ru_window)
    m = chrono.model
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert headers == ["Дата", "Событие", "Сущности", "Источники", "Оценка", "Пометки"]
    # Dates in words follow the interface language until switched.
    assert chrono.language.currentData() == "ru"
    assert _column(chrono, 0)[-1] == "7 июня 2024 г."
    assert _column(chrono, 0)[0] == "март 2019 г. – 15 марта 2024 г."
    flags = _column(chrono, 5)
    assert "Один источник" in flags
    row = flags.index("Один источник")
    tip = m.data(m.index(row, 5), Qt.ItemDataRole.ToolTipRole)
    assert tip == "Один источник: все ссылки ведут к одному документу; найдите второй."
    # The timeline's month names follow the dates' language, and switch with them.
    assert chrono.timeline.month(5) == "май" and chrono.timeline.month(6, day=True) == "июн."
    chrono.language.setCurrentIndex(chrono.language.findData("en"))
    assert _column(chrono, 0)[-1] == "7 June 2024" and chrono.timeline.month(5) == "May"
    chrono.language.setCurrentIndex(chrono.language.findData("ru"))
    assert [chrono.tabs.tabText(i) for i in range(2)] == ["Событие", "Предложенные даты"]
    assert chrono.queue.find_button.text() == "Найти даты в документах"
    assert chrono.add_action.text() == "Добавить событие…"

    editor = chrono.add_event()
    assert editor.windowTitle() == "Новое событие"
    texts = _labels(editor)
    assert {"&Дата:", "&Заголовок:", "&Описание:", "&Сущности:", "&Метки:"} <= texts, texts
    assert editor.date_words.text() == "Без даты: событие встанет в конец."
    editor.date.setText("около мая 2024 г.")
    assert editor.date_words.text() == "около мая 2024 г.  (2024-05~)"
    # A date that is not one: the core's date parser's sentence, in red, OK disabled.
    editor.title_edit.setText("Что-то")
    editor.date.setText("30.02.2023")
    with pytest.raises(InvalidValueError) as parsed:
        dates.read_date("30.02.2023")
    assert editor.date_words.text() == str(parsed.value)
    assert editor.date_words.styleSheet() == BAD_STYLE
    assert not editor.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    editor.date.setText("7 июня 2024")
    editor.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: m.rowCount() == 10, timeout=10000)
    wait_idle(qtbot, ru_window)
    assert ru_window.controller.undo_stack.undoText() == "добавление события «Что-то»"


def test_page_progress_in_russian_numbers(russian, qtbot) -> None:  # type: ignore[no-untyped-def]
    from types import SimpleNamespace

    from casefile.ui.chronology.suggestions import SuggestionQueue

    controller = SimpleNamespace(readonly=False)
    queue = SuggestionQueue(controller)  # type: ignore[arg-type]
    qtbot.addWidget(queue)
    queue._progress(SimpleNamespace(done=1234, total=5000))
    assert queue.progress.format() == "Страница 1\u00a0234 из 5\u00a0000"


@pytest.mark.parametrize(
    ("n", "russian_words", "english_words"),
    [
        (1, "1 дата ждёт проверки.", "1 date to review."),
        (3, "3 даты ждут проверки.", "3 dates to review."),
        (5, "5 дат ждут проверки.", "5 dates to review."),
        (21, "21 дата ждёт проверки.", "21 dates to review."),
    ],
)
def test_counts_in_both_languages(qapp, n: int, russian_words: str, english_words: str) -> None:  # type: ignore[no-untyped-def]
    from casefile.ui import i18n
    from casefile.ui.i18n import plural

    assert plural("%n date(s) to review.", "", n) == english_words
    assert plural("%n (entity|entities)", "", n) == f"{n} {'entity' if n == 1 else 'entities'}"
    i18n.install("ru")
    assert plural("%n date(s) to review.", "", n) == russian_words
    assert (
        plural("%n (entity|entities)", "", n).split()[1]
        == {
            1: "сущность",
            3: "сущности",
            5: "сущностей",
            21: "сущность",
        }[n]
    )
