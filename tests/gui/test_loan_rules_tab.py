"""设置 → 借阅规则: grade rules edited in the table with the keyboard, refused whole or saved; closed days."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QSpinBox

from center_app.context import Actor
from center_app.domain.loan_rules import GradeRule
from center_app.services import circulation
from center_app.ui.pages.loan_rules_tab import LoanRulesTab
from tests.uitools import ime_type

SEEDED = (GradeRule(0, 2, 1, 14, 1), GradeRule(3, 12, 2, 14, 1))


@pytest.fixture
def tab(qtbot, window) -> LoanRulesTab:
    """The tab inside the settings page (added here unless the window already has it)."""
    page = window.show_page("settingsPage")
    found = page.findChild(LoanRulesTab, "loanRulesTab")
    if found is None:
        found = LoanRulesTab(window.ctx, window.events)
        page.tabs.addTab(found, "借阅规则")
    page.tabs.setCurrentWidget(found)
    found.ensure_fresh()
    qtbot.waitUntil(found.isVisible, timeout=2000)
    return found


def edit_cell(qtbot, tab: LoanRulesTab, row: int, column: int, value: int) -> None:
    """F2 on a cell opens its editor (a grade list or a spin box); choose or type, then Enter."""
    tab.table.setFocus()
    tab.table.setCurrentCell(row, column)
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    if isinstance(editor, QComboBox):
        editor.setCurrentIndex(editor.findData(value))
    else:
        assert isinstance(editor, QSpinBox)
        editor.selectAll()
        qtbot.keyClicks(editor, str(value))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits the editor's value from the event loop
    qtbot.waitUntil(lambda: tab.table.state() != QAbstractItemView.State.EditingState, timeout=2000)
    assert tab.table.item(row, column).data(Qt.ItemDataRole.UserRole) == value


def test_shows_the_rules_with_grade_names(tab: LoanRulesTab) -> None:
    assert circulation.get_loan_settings(tab.ctx).rules == SEEDED
    assert tab.rules_in_table() == list(SEEDED)
    assert [tab.table.item(0, c).text() for c in range(5)] == ["学前班", "二年级", "1", "14", "1"]
    assert tab.table.item(1, 1).text() == "高三"
    assert tab.block_overdue.isChecked()


def test_overlapping_grades_are_refused_in_red_and_nothing_is_saved(qtbot, tab: LoanRulesTab) -> None:
    edit_cell(qtbot, tab, 0, 1, 4)  # 学前班 to 四年级 now overlaps 三年级 to 高三
    assert tab.table.item(0, 1).text() == "四年级"
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "规则重叠" in tab.message.text() and "每个年级只能有一条规则" in tab.message.text()
    assert "#c0392b" in tab.message.styleSheet()
    assert circulation.get_loan_settings(tab.ctx).rules == SEEDED
    assert tab.rules_in_table()[0] == GradeRule(0, 4, 1, 14, 1)  # the edit stays, to be corrected


def test_a_valid_change_is_saved_and_keeps_the_desk_sound_switch(qtbot, tab: LoanRulesTab, window) -> None:
    ctx = tab.ctx
    circulation.save_loan_settings(
        ctx, dataclasses.replace(circulation.get_loan_settings(ctx), sound_on=False)
    )
    seen: list[str] = []
    window.events.data_changed.connect(seen.append)
    edit_cell(qtbot, tab, 1, 2, 3)  # grades 3+: 3 books
    edit_cell(qtbot, tab, 1, 3, 21)  # for 21 days
    tab.block_overdue.setChecked(False)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.message.text().startswith("已保存")
    saved = circulation.get_loan_settings(ctx)
    assert saved.rules == (GradeRule(0, 2, 1, 14, 1), GradeRule(3, 12, 3, 21, 1))
    assert saved.block_when_overdue is False and saved.sound_on is False
    assert "settings" in seen


def test_renewing_overdue_books_is_a_choice_of_its_own_and_only_with_the_block(
    qtbot, tab: LoanRulesTab
) -> None:
    assert tab.block_overdue.isChecked() and not tab.renew_overdue.isChecked()
    assert tab.renew_overdue.isEnabled()
    qtbot.mouseClick(tab.renew_overdue, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    saved = circulation.get_loan_settings(tab.ctx)
    assert saved.renew_when_overdue is True and saved.block_when_overdue is True and saved.sound_on is True
    qtbot.mouseClick(tab.block_overdue, Qt.MouseButton.LeftButton)  # no block: overdue books renew anyway
    assert not tab.renew_overdue.isEnabled()
    # the desk's sound switch saved meanwhile keeps the renewal choice
    circulation.save_loan_settings(tab.ctx, dataclasses.replace(saved, sound_on=False))
    assert circulation.get_loan_settings(tab.ctx).renew_when_overdue is True


def test_add_and_remove_rows(qtbot, tab: LoanRulesTab) -> None:
    ctx = tab.ctx
    edit_cell(qtbot, tab, 1, 1, 6)  # 三年级 to 六年级…
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)  # …and a new rule from 七年级
    assert tab.table.rowCount() == 3
    assert tab.rules_in_table()[2] == GradeRule(7, 12, 2, 14, 1)
    edit_cell(qtbot, tab, 2, 2, 4)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert circulation.get_loan_settings(ctx).rules == (
        GradeRule(0, 2, 1, 14, 1),
        GradeRule(3, 6, 2, 14, 1),
        GradeRule(7, 12, 4, 14, 1),
    )

    tab.table.clearSelection()
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert "请先选中" in tab.message.text() and tab.table.rowCount() == 3
    tab.table.selectRow(1)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert tab.table.rowCount() == 2
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)  # a gap: 三年级至六年级 has no rule
    assert "三年级至六年级 没有借阅规则" in tab.message.text()
    assert len(circulation.get_loan_settings(ctx).rules) == 3


def test_closed_days_are_added_changed_and_removed(qtbot, tab: LoanRulesTab) -> None:
    ctx = tab.ctx
    year = dt.date.today().year
    assert tab.selected_year == year
    tab.day_edit.setDate(QDate(year, 10, 1))
    ime_type(tab.reason_edit, "国庆节")
    qtbot.keyClick(tab.reason_edit, Qt.Key.Key_Return)
    tab.day_edit.setDate(QDate(year, 10, 2))
    qtbot.mouseClick(tab.day_add, Qt.MouseButton.LeftButton)
    assert [(r.day, r.reason) for r in circulation.list_closed_days(ctx, year)] == [
        (dt.date(year, 10, 1), "国庆节"),
        (dt.date(year, 10, 2), ""),
    ]
    assert tab.days_list.count() == 2
    assert (
        tab.days_list.item(0).text().startswith(f"{year}年10月1日 星期")
        and "国庆节" in tab.days_list.item(0).text()
    )

    ime_type(tab.reason_edit, "国庆节")  # the same day again: its reason changes, no duplicate
    qtbot.mouseClick(tab.day_add, Qt.MouseButton.LeftButton)
    assert [r.reason for r in circulation.list_closed_days(ctx, year)] == ["国庆节", "国庆节"]

    tab.days_list.clearSelection()
    tab.days_list.item(0).setSelected(True)
    qtbot.mouseClick(tab.day_remove, Qt.MouseButton.LeftButton)
    assert [r.day for r in circulation.list_closed_days(ctx, year)] == [dt.date(year, 10, 2)]
    assert "已删除 1 个闭馆日" in tab.days_message.text()

    tab.year.setCurrentIndex(1)  # next year's holidays, entered in December
    assert tab.days_list.count() == 0
    assert tab.day_edit.minimumDate() == QDate(year + 1, 1, 1)
    tab.day_edit.setDate(QDate(year + 1, 2, 17))
    ime_type(tab.reason_edit, "春节")
    qtbot.mouseClick(tab.day_add, Qt.MouseButton.LeftButton)
    assert [r.reason for r in circulation.list_closed_days(ctx, year + 1)] == ["春节"]
    assert len(circulation.list_closed_days(ctx, year)) == 1


def test_a_social_worker_sees_the_rules_read_only(qtbot, window) -> None:
    ctx = dataclasses.replace(window.ctx, actor=Actor(username="sg", role="staff"))
    tab = LoanRulesTab(ctx, window.events)
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.rules_in_table() == list(SEEDED)
    assert not tab.save_button.isEnabled() and not tab.day_add.isEnabled()
    assert "只有管理员" in tab.message.text()
