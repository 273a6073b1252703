"""The document views in Russian (issue 15 item 5), as a Russian-speaking investigator
sees them: the document table, the viewer's tool bar, the search's count of results
with its three plural forms, the metadata panel, the export dialog's pages, the undo
text in the Edit menu, the status banner and the verification report. The widgets are
built after `i18n.install("ru")`, as the app builds them (tests/conftest.py switches
back to English after each test)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFormLayout, QLabel

from casefile.core.services.dto import VerifyReport
from casefile.ui import i18n
from casefile.ui.settings import Settings
from tests.ui.util import wait_idle

# Russian counts: 1 and 21 take the first form, 3 the second, 5 the third.
COUNTS = (1, 3, 5, 21)


def ru_form(n: int, one: str, few: str, many: str) -> str:
    """The Russian word for `n` things (CLDR: one, few, many)."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


@pytest.fixture
def ru_window(qtbot, settings: Settings, demo_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The main window built in Russian, with (a copy of) the demo case open."""
    from casefile.ui.app import make_app
    from casefile.ui.main_window import MainWindow

    make_app(dark=False)
    assert i18n.install("ru") == "ru"
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    w.open_case(str(demo_path))
    qtbot.waitUntil(lambda: w.case_view is not None, timeout=15000)
    qtbot.waitUntil(lambda: w.case_view.model.rowCount() == 4, timeout=15000)
    yield w
    w.close()


def _open_first(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    w.case_view.table.selectRow(0)
    qtbot.waitUntil(lambda: w.case_view.viewer.detail is not None, timeout=10000)
    qtbot.waitUntil(lambda: w.case_view.metadata.detail is not None, timeout=10000)
    wait_idle(qtbot, w)


def test_the_table_viewer_and_metadata_panel_speak_russian(ru_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = ru_window
    model = w.case_view.model
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(model.columnCount())
    ]
    assert headers == ["Название", "Вид", "Дата", "Источник", "Стр.", "Статус"]

    viewer = w.case_view.viewer
    assert viewer.placeholder.text() == "Выберите документ, чтобы прочитать его здесь."
    bar = viewer.toolbar
    assert [a.text() for a in (bar.text_mode, bar.original_mode)] == ["Текст", "Оригинал"]
    assert bar.prev_page.text() == "Предыдущая страница"
    assert bar.next_page.text() == "Следующая страница"
    assert bar.prev_hit.text() == "Предыдущее совпадение"
    assert bar.next_hit.toolTip() == "Следующее совпадение (F3)"
    assert bar.reflow_mode.text() == "Абзацы"
    assert bar.page_box.accessibleName() == "Страница"

    _open_first(qtbot, w)
    detail = viewer.detail
    assert bar.page_total.text().strip() == f"из {detail.page_count}"

    panel = w.case_view.metadata
    form = panel.widget().layout()
    assert isinstance(form, QFormLayout)

    def label(field) -> str:  # type: ignore[no-untyped-def]
        widget = form.labelForField(field)
        assert isinstance(widget, QLabel)
        return widget.text()

    assert [label(f) for f in (panel.title, panel.kind, panel.date, panel.source)] == [
        "&Название",
        "&Вид",
        "&Дата",
        "&Источник",
    ]
    assert [label(f) for f in (panel.author, panel.url, panel.tags, panel.notes)] == [
        "&Автор",
        "Ад&рес",
        "&Метки",
        "&Заметки",
    ]
    # The file facts: the page count in its plural form, the import date in words.
    facts = panel.facts.text()
    n = detail.page_count
    assert f" · {n} {ru_form(n, 'страница', 'страницы', 'страниц')} · " in facts, facts
    assert re.search(r"Импортирован \d{1,2} [а-я]+ \d{4}, \d\d:\d\d", facts), facts


def test_the_search_count_has_three_russian_forms(ru_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = ru_window
    w.search_field.setText("OkoVision")
    qtbot.keyClick(w.search_field, Qt.Key.Key_Return)
    panel = w.case_view.search_panel
    qtbot.waitUntil(lambda: not panel.searching and panel.last is not None, timeout=20000)
    n = panel.last.total
    found = ru_form(n, "Найден", "Найдено", "Найдено")
    word = ru_form(n, "документ", "документа", "документов")
    pages = panel.last.total_pages
    on = f"совпадения на {pages} {ru_form(pages, 'странице', 'страницах', 'страницах')}"
    assert panel.summary.text().replace("\u00a0", " ") == f"{found} <b>{n}</b> {word} · {on}"

    # The same label, given the counts Russian tells apart (and an estimate, and a
    # number written with the Russian thousands separator).
    expected = {
        1: "Найден <b>1</b> документ",
        3: "Найдено <b>3</b> документа",
        5: "Найдено <b>5</b> документов",
        21: "Найден <b>21</b> документ",
    }
    for n in COUNTS:
        panel._show(SimpleNamespace(total=n, hits=[], facets={}, total_is_estimate=False))
        assert panel.summary.text() == expected[n]
    panel._show(SimpleNamespace(total=21, hits=[], facets={}, total_is_estimate=True))
    assert panel.summary.text() == "Найдено около <b>21</b> документа"
    assert panel.summary.toolTip().startswith("Оценка по выборке совпадений")
    panel._show(SimpleNamespace(total=12345, hits=[], facets={}, total_is_estimate=False))
    assert panel.summary.text() == f"Найдено <b>{QLocale().toString(12345)}</b> документов"
    assert QLocale().toString(12345) == "12\u00a0345"
    # …and the pages holding hits, in the prepositional case.
    where = {}
    for n in COUNTS:
        panel._show(
            SimpleNamespace(total=1, total_pages=n, hits=[], facets={}, total_is_estimate=False)
        )
        where[n] = panel.summary.text().split(" · ")[1].replace("\u00a0", " ")
    assert where == {
        1: "совпадения на 1 странице",
        3: "совпадения на 3 страницах",
        5: "совпадения на 5 страницах",
        21: "совпадения на 21 странице",
    }


def test_a_hit_opens_with_russian_counts_in_the_viewer(ru_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = ru_window
    w.search_field.setText("OkoVision")
    qtbot.keyClick(w.search_field, Qt.Key.Key_Return)
    panel = w.case_view.search_panel
    qtbot.waitUntil(lambda: not panel.searching and panel.last is not None, timeout=20000)
    facets = [
        panel.facet_tree.topLevelItem(i).text(0)
        for i in range(panel.facet_tree.topLevelItemCount())
    ]
    assert {"Вид", "Год", "Язык", "Метка", "Сущность"} <= set(facets)
    panel.results.setCurrentRow(0)
    viewer = w.case_view.viewer
    qtbot.waitUntil(lambda: bool(viewer.spans), timeout=10000)
    assert viewer.hit_label.text().strip() == f"Совпадения: 1/{len(viewer.spans)}"


def test_an_edit_is_undone_from_the_edit_menu_in_russian(ru_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = ru_window
    _open_first(qtbot, w)
    panel = w.case_view.metadata
    title = panel.detail.title
    panel.title.setFocus()
    panel.title.selectAll()
    qtbot.keyClicks(panel.title, "Renamed")  # QTest types ASCII only
    qtbot.keyClick(panel.title, Qt.Key.Key_Return)
    wait_idle(qtbot, w)
    undo = w.actions_["undo"].text().replace("&", "")
    short = title if len(title) <= 40 else title[:39] + "…"
    assert undo.endswith(f"изменение поля «название» документа «{short}»"), undo


def test_a_bulk_undo_text_counts_documents_in_russian(qtbot) -> None:  # type: ignore[no-untyped-def]
    from casefile.ui.bulk_edit import BulkEditCommand

    i18n.install("ru")
    made = {
        n: BulkEditCommand(SimpleNamespace(), [f"u{i}" for i in range(n)], None, ["Санкции"]).text()
        for n in COUNTS
    }
    assert made == {
        1: "добавление метки «Санкции» к 1 документу",
        3: "добавление метки «Санкции» к 3 документам",
        5: "добавление метки «Санкции» к 5 документам",
        21: "добавление метки «Санкции» к 21 документу",
    }
    removed = BulkEditCommand(SimpleNamespace(), ["a"] * 21, None, (), ["x"]).text()
    assert removed == "снятие метки «x» с 21 документа"


def test_the_export_dialog_pages_speak_russian(ru_window, qtbot, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from casefile.ui.dialogs.export import ExportDialog

    w = ru_window
    settings.set("export/folder", str(tmp_path))
    dialog = ExportDialog(w.controller, settings, w)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.page.scope_box.tag.count() > 1)  # choices read
    assert dialog.windowTitle() == "Экспорт"
    kinds = [dialog.kind.itemText(i) for i in range(dialog.kind.count())]
    assert kinds == [
        "Отчёт (DOCX)",
        "Таблицы (CSV)",
        "Пакет документов для суда (PDF)",
        "Архив дела (.casezip)",
    ]
    assert dialog.export_button.text() == "Экспортировать"
    assert dialog.browse.text() == "Выбрать…"
    assert dialog.path.text().endswith(" — отчёт.docx")
    report = dialog.page
    assert report.scope_box.title() == "Охват (ничего не выбрано — всё дело)"
    assert report.scope_box.tag.itemText(0) == "(любая)"
    assert report.cast.text() == "Список &лиц"
    assert report.lang.currentData() == "ru"  # dates in words follow the interface

    dialog.kind.setCurrentIndex(1)  # the CSV tables
    csv = dialog.page
    assert [b.text() for b in csv.tables.values()] == [
        "&Документы",
        "Су&щности",
        "&Упоминания",
        "&Хронология",
    ]
    for box in csv.tables.values():
        box.setChecked(False)
    dialog.start()
    assert dialog.status.text() == "Выберите хотя бы одну таблицу для экспорта."
    assert dialog.path.text().endswith(" — таблицы")

    dialog.kind.setCurrentIndex(2)  # the court bundle
    bundle = dialog.page
    assert bundle.title.text() == "Пакет документов для суда"
    assert bundle.sections.itemText(0) == "По видам документов (сначала судебные)"
    assert bundle.volume_pages.suffix() == " стр."
    dialog.close()


def test_the_status_banner_explains_in_russian(ru_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = ru_window
    _open_first(qtbot, w)
    banner = w.case_view.viewer.banner
    detail = w.case_view.viewer.detail
    scanned = dataclasses.replace(detail, status="needs_ocr", pages_needing_ocr=(2, 3))
    banner.show_for(scanned, has_original_view=True)
    assert banner.heading.text() == "Нужно распознавание текста."
    assert banner.text.text().startswith("Страницы 2, 3 — изображения текста")
    one = dataclasses.replace(scanned, pages_needing_ocr=(2,))
    banner.show_for(one, has_original_view=True)
    assert banner.text.text().startswith("Страница 2 — изображение текста")
    locked = dataclasses.replace(detail, status="password_required", status_reason=None)
    banner.show_for(locked, has_original_view=True)
    assert banner.heading.text() == "Этот PDF защищён паролем"
    assert banner.unlock.text() == "Прочитать с паролем"
    assert banner.password.placeholderText() == "Пароль"


def test_the_verification_report_counts_originals_in_russian(qtbot) -> None:  # type: ignore[no-untyped-def]
    from casefile.ui.dialogs.reports import VerifyReportDialog

    i18n.install("ru")
    headings, facts = {}, {}
    for n in COUNTS:
        report = VerifyReport(checked=n, problems=(), audit_entries=n, kept=n, recorded=True)
        dialog = VerifyReportDialog(report)
        qtbot.addWidget(dialog)
        headings[n] = dialog.heading.text().split("</b>")[0]
        facts[n] = dialog.facts.text().splitlines()
    assert headings == {
        1: "<b>Проверен 1 оригинал: всё цело.",
        3: "<b>Проверено 3 оригинала: все целы.",
        5: "<b>Проверено 5 оригиналов: все целы.",
        21: "<b>Проверен 21 оригинал: всё цело.",
    }
    assert facts[1][0].startswith("Журнал аудита: 1 запись запечатана")
    assert facts[3][0].startswith("Журнал аудита: 3 записи запечатаны")
    assert facts[5][0].startswith("Журнал аудита: 5 записей запечатаны")
    assert facts[21][1].startswith("21 оригинал удалённых документов хранится")
    assert facts[5][-1] == "Эта проверка записана в журнал аудита."


def test_english_counts_read_as_english(qtbot) -> None:  # type: ignore[no-untyped-def]
    """English is the source language and has no translation file: its counted phrases
    still read "1 document", "5 documents" (ui/i18n.py, `plural`)."""
    from casefile.ui.search_summary import summary_text

    i18n.install("en")
    assert summary_text(1) == "<b>1</b> document found"
    assert summary_text(5) == "<b>5</b> documents found"
    assert summary_text(21) == "<b>21</b> documents found"
    one = SimpleNamespace(total_pages=1, total_is_estimate=False)
    assert summary_text(1, one).replace("\u00a0", " ") == (
        "<b>1</b> document found · hits on 1 page"
    )
    many = SimpleNamespace(total_pages=1234, total_is_estimate=True)
    assert summary_text(7, many).replace("\u00a0", " ") == (
        "about <b>7</b> documents found · hits on about 1,234 pages"
    )
