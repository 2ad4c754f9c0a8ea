"""The roll call driven by the keyboard as staff drive it: one key per child, Ctrl+S, and two people on one
register (the other person's marks are never overwritten until "用我的覆盖")."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterable
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from sqlalchemy import select

from center_app.context import Actor, AppContext
from center_app.db.models import (
    Activity,
    ActivityVolunteer,
    AttendanceMark,
    AttendanceRegister,
    Child,
    Guardian,
    PickupPerson,
    User,
    Volunteer,
)
from center_app.domain.pinyin import pinyin_keys
from center_app.services import attendance
from center_app.services.attendance import MarkInput
from center_app.ui.main_window import PageSpec
from center_app.ui.models.roll_call_model import COL_CODE, COL_NAME
from center_app.ui.pages.attendance import AttendancePage
from center_app.ui.pages.roll_call import RollCallPanel
from tests.uitools import clipped_controls, layout_problems

CLASSES = ("一年级1班", "二年级1班", "三年级1班", "四年级1班")
SURNAMES = "王李张刘陈杨黄赵吴周"
GIVEN = ("子涵", "欣怡", "浩然", "梓萱")

# --- helpers (also used by the check-in and monthly register tests) -------------------------------------------


def install_attendance(window) -> AttendancePage:
    """Put the real attendance page in the window's 考勤 slot (whatever the window builds there) and show it."""
    row = next(i for i, spec in enumerate(window.specs) if spec.object_name == "attendancePage")
    window.specs[row] = PageSpec(
        "attendancePage", window.specs[row].title, lambda: AttendancePage(window.ctx, window.events)
    )
    window.pages.pop(row, None)
    page = window.show_page("attendancePage")
    assert isinstance(page, AttendancePage)
    return page


def as_actor(ctx: AppContext, actor: Actor) -> AppContext:
    return AppContext(data_dir=ctx.data_dir, db=ctx.db, actor=actor)


def add_user(
    ctx: AppContext, username: str, role: str, display: str, volunteer_id: int | None = None
) -> Actor:
    with ctx.db.session() as s:
        user = User(username=username, display_name=display, role=role, volunteer_id=volunteer_id)
        s.add(user)
        s.flush()
        return Actor(username, role, user.id, display, volunteer_id)


def add_child(
    ctx: AppContext,
    name: str,
    class_name: str = "三年级1班",
    grade: int = 3,
    *,
    card: str | None = None,
    guardians: Iterable[tuple[str, str]] = (),
    pickups: Iterable[tuple[str, str]] = (),
) -> int:
    full, initials = pinyin_keys(name)
    with ctx.db.session() as s:
        child = Child(
            name=name,
            name_pinyin=full,
            name_initials=initials,
            grade=grade,
            class_name=class_name,
            card_barcode=card,
        )
        s.add(child)
        s.flush()
        for n, (gname, relation) in enumerate(guardians):
            s.add(Guardian(child_id=child.id, name=gname, relation=relation, phone="", is_primary=n == 0))
        for pname, relation in pickups:
            s.add(PickupPerson(child_id=child.id, name=pname, relation=relation, phone=""))
        return child.id


def add_forty(ctx: AppContext) -> list[int]:
    """40 children, ten in each of four classes, with distinct names."""
    ids = []
    for n in range(40):
        grade = n // 10 + 1
        name = SURNAMES[n % 10] + GIVEN[n // 10]
        ids.append(add_child(ctx, name, CLASSES[grade - 1], grade, card=f"C{n + 1:05d}"))
    return ids


def stored_marks(ctx: AppContext, on_date: dt.date, activity_id: int | None = None) -> dict[int, str]:
    reg = AttendanceRegister
    where = reg.activity_id.is_(None) if activity_id is None else reg.activity_id == activity_id
    with ctx.db.read() as s:
        rows = s.execute(
            select(AttendanceMark.child_id, AttendanceMark.code)
            .join(reg, reg.id == AttendanceMark.register_id)
            .where(reg.on_date == on_date, where)
        ).all()
    return dict(rows)


def shown_codes(panel: RollCallPanel) -> dict[int, str | None]:
    return {r.child_id: r.code for r in panel.model.rows}


def save_key(qtbot, panel: RollCallPanel) -> None:
    qtbot.keyClick(panel.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def said(root: QWidget, words: str) -> list[QLabel]:
    """The visible labels of ``root`` that say ``words``: a message said once is in one of them."""
    return [label for label in root.findChildren(QLabel) if label.isVisible() and words in label.text()]


def screenshot_dir(tmp_path: Path) -> Path:
    """Where the tests leave the page's pictures: $SCREENSHOT_DIR to look at them, else the test's tmp folder."""
    folder = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def forty(window) -> list[int]:
    return add_forty(window.ctx)


@pytest.fixture
def page(qtbot, window, forty) -> AttendancePage:
    page = install_attendance(window)
    qtbot.waitUntil(lambda: page.roll_call.view is not None, timeout=3000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.roll_call.table, timeout=3000)
    return page


@pytest.fixture
def panel(page) -> RollCallPanel:
    return page.roll_call


# --- one key per child --------------------------------------------------------------------------------------


def test_forty_children_by_keyboard_in_forty_key_presses_then_ctrl_s(qtbot, window, panel, forty) -> None:
    changes: list[str] = []
    window.events.data_changed.connect(changes.append)
    table = panel.table
    assert panel.model.rowCount() == 40
    panel._select_row(0)
    keys = ["1", "1", "1", "2", "1", "3", " ", "4", "1", " "] * 4
    started = time.perf_counter()
    for key in keys:
        qtbot.keyClick(table, key)
    save_key(qtbot, panel)
    elapsed = time.perf_counter() - started
    print(f"\n40 key presses + Ctrl+S on the roll call: {elapsed:.2f} s")  # a sanity print, not a target

    expected_by_key = {"1": "P", "2": "A", "3": "L", "4": "E", " ": "P"}
    order = [r.child_id for r in panel.model.rows]
    expected = {child_id: expected_by_key[key] for child_id, key in zip(order, keys, strict=True)}
    assert stored_marks(window.ctx, dt.date.today()) == expected
    assert set(order) == set(forty)
    assert panel.model.unsaved_count() == 0
    assert "attendance" in changes
    assert panel.totals.text() == "出勤 28 · 缺勤 4 · 迟到 4 · 请假 4 · 未点 0 / 40"
    assert "已保存 40 人" in panel.message.text()
    assert QApplication.focusWidget() is table  # the keys stay in the grid


def test_a_key_marks_the_row_and_moves_down_and_unsaved_marks_are_bold(qtbot, panel) -> None:
    model, table = panel.model, panel.table
    panel._select_row(0)
    qtbot.keyClick(table, "2")
    assert model.rows[0].code == "A"
    assert table.currentIndex().row() == 1
    cell = model.index(0, COL_CODE)
    assert model.data(cell) == "缺勤　*"
    assert model.data(cell, Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(0, COL_NAME), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(1, COL_NAME), Qt.ItemDataRole.FontRole) is None
    assert panel.unsaved.text() == "未保存 1 人"
    assert panel.totals.text() == "出勤 0 · 缺勤 1 · 迟到 0 · 请假 0 · 未点 39 / 40"

    qtbot.keyClick(table, Qt.Key.Key_Up)  # back to correct it
    assert table.currentIndex().row() == 0
    qtbot.keyClick(table, Qt.Key.Key_Backspace)  # clears, stays
    assert model.rows[0].code is None and table.currentIndex().row() == 0
    assert panel.unsaved.text() == ""
    qtbot.keyClick(table, "x")  # not a code key: nothing marked, the keys are explained
    assert model.rows[0].code is None
    assert "不是考勤键" in panel.message.text() and "1 出勤" in panel.message.text()
    qtbot.keyClick(table, "3", Qt.KeyboardModifier.KeypadModifier)  # the number pad works too
    assert model.rows[0].code == "L"


def test_keys_follow_the_configured_shortcuts(qtbot, window) -> None:
    from center_app.domain.attendance import CodeConfig, CodeDef

    add_child(window.ctx, "王子涵")
    add_child(window.ctx, "李小明")
    attendance.save_codes(
        window.ctx,
        CodeConfig(
            (
                CodeDef("P", "出勤", True, False, "C", 1),
                CodeDef("A", "缺勤", False, True, "Q", 2),
                CodeDef("L", "迟到", True, False, "L", 3),
                CodeDef("E", "请假", False, False, "J", 4),
            )
        ),
    )
    page = install_attendance(window)
    panel = page.roll_call
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=3000)
    panel._select_row(0)
    qtbot.keyClick(panel.table, "q")  # lower case works: the shortcut is one key, not one case
    qtbot.keyClick(panel.table, "j")
    assert [r.code for r in panel.model.rows] == ["A", "E"]
    assert "Q 缺勤" in panel.keys_hint.text()


# --- all present ----------------------------------------------------------------------------------------------


def test_all_present_fills_only_unmarked_children_after_confirming(qtbot, window, panel, forty) -> None:
    ctx, today = window.ctx, dt.date.today()
    order = [r.child_id for r in panel.model.rows]
    # Two children were already marked (saved), one more is marked but not saved yet.
    attendance.save_marks(ctx, today, None, [MarkInput(order[1], "A"), MarkInput(order[2], "E")])
    panel.refresh()
    panel._select_row(0)
    qtbot.keyClick(panel.table, "3")

    qtbot.mouseClick(panel.all_present_button, Qt.MouseButton.LeftButton)
    assert panel.confirm.isVisible()
    assert "37 名还没点名" in panel.confirm_text.text()
    assert sum(1 for r in panel.model.rows if r.code is None) == 37  # nothing filled before the answer
    qtbot.mouseClick(panel.confirm_cancel, Qt.MouseButton.LeftButton)
    assert not panel.confirm.isVisible()
    assert sum(1 for r in panel.model.rows if r.code is None) == 37

    qtbot.keyClick(panel.table, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert panel.confirm.isVisible()
    qtbot.keyClick(panel.confirm_ok, Qt.Key.Key_Escape)  # Esc answers 取消
    assert not panel.confirm.isVisible() and QApplication.focusWidget() is panel.table

    qtbot.keyClick(panel.table, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert panel.confirm.isVisible()
    assert QApplication.focusWidget() is panel.confirm_ok
    qtbot.keyClick(panel.confirm_ok, Qt.Key.Key_Return)  # Enter answers 确定
    assert not panel.confirm.isVisible()
    codes = shown_codes(panel)
    assert codes[order[0]] == "L" and codes[order[1]] == "A" and codes[order[2]] == "E"
    assert all(codes[cid] == "P" for cid in order[3:])
    assert panel.totals.text() == "出勤 37 · 缺勤 1 · 迟到 1 · 请假 1 · 未点 0 / 40"

    save_key(qtbot, panel)
    marks = stored_marks(ctx, today)
    assert marks[order[0]] == "L" and marks[order[1]] == "A" and marks[order[2]] == "E"
    assert sum(1 for code in marks.values() if code == "P") == 37


def test_class_filter_shows_one_class_and_all_present_fills_only_it(qtbot, window, panel) -> None:
    box = panel.class_box
    assert [box.itemText(i) for i in range(box.count())] == ["全部班级", *CLASSES]
    box.setCurrentIndex(box.findData("三年级1班"))
    assert panel.model.rowCount() == 10
    assert {r.class_name for r in panel.model.rows} == {"三年级1班"}
    assert panel.totals.text().endswith("未点 10 / 10")
    panel.ask_all_present()
    assert panel.confirm_text.text().startswith("三年级1班：把 10 名")
    panel._answer("ok")
    box.setCurrentIndex(0)
    assert panel.totals.text() == "出勤 10 · 缺勤 0 · 迟到 0 · 请假 0 · 未点 30 / 40"
    assert panel.model.unsaved_count() == 10  # the filter never loses an unsaved mark


# --- reopening ----------------------------------------------------------------------------------------------


def test_reopening_shows_saved_marks_and_who_took_the_roll(qtbot, window, panel) -> None:
    assert "今天还没点名" in panel.status.text()
    panel._select_row(0)
    for key in ("2", "3", "4"):
        qtbot.keyClick(panel.table, key)
    save_key(qtbot, panel)
    saved = shown_codes(panel)
    assert "韦管理员" in panel.status.text() and "点名" in panel.status.text()
    assert "今天还没点名" not in panel.status.text()

    # Another day (nothing unsaved: no question) and back: the saved marks come back from the database.
    panel.date_edit.setDate(QDate.currentDate().addDays(-1))
    assert not panel.confirm.isVisible()
    assert all(code is None for code in shown_codes(panel).values())
    assert "这一天还没点名" in panel.status.text()
    panel.date_edit.setDate(QDate.currentDate())
    assert shown_codes(panel) == saved

    # A page built afresh (the app restarted) shows them too.
    fresh = AttendancePage(window.ctx, window.events)
    qtbot.addWidget(fresh)
    fresh.refresh()
    assert shown_codes(fresh.roll_call) == saved
    first_three = [r.code for r in fresh.roll_call.model.rows[:3]]
    assert first_three == ["A", "L", "E"]


def test_a_closed_day_says_so_but_may_still_be_taken(qtbot, panel) -> None:
    today = dt.date.today()
    sunday = today - dt.timedelta(days=today.isoweekday() % 7)  # the latest Sunday (closed by default)
    panel.date_edit.setDate(QDate(sunday))
    assert "不是开放日" in panel.status.text()
    assert panel.save_button.isEnabled()


def test_switching_date_with_unsaved_marks_asks_first(qtbot, window, panel) -> None:
    ctx, today = window.ctx, dt.date.today()
    panel._select_row(0)
    qtbot.keyClick(panel.table, "2")
    panel.date_edit.setDate(QDate.currentDate().addDays(-1))
    assert panel.confirm.isVisible()
    assert "1 名儿童的考勤还没有保存" in panel.confirm_text.text()
    assert panel.date_edit.date() == QDate.currentDate()  # the pickers still show what the grid shows
    assert panel.model.unsaved_count() == 1

    panel._answer("cancel")  # 留在这里
    assert panel.model.unsaved_count() == 1 and panel.date_edit.date() == QDate.currentDate()

    panel.date_edit.setDate(QDate.currentDate().addDays(-1))
    qtbot.mouseClick(panel.confirm_ok, Qt.MouseButton.LeftButton)  # 保存后切换
    assert panel.date_edit.date() == QDate.currentDate().addDays(-1)
    assert len(stored_marks(ctx, today)) == 1

    panel._select_row(0)
    qtbot.keyClick(panel.table, "1")
    panel.date_edit.setDate(QDate.currentDate())
    qtbot.mouseClick(panel.confirm_alt, Qt.MouseButton.LeftButton)  # 不保存，切换
    assert panel.date_edit.date() == QDate.currentDate()
    assert stored_marks(ctx, today - dt.timedelta(days=1)) == {}
    assert panel.model.unsaved_count() == 0


# --- two people, one register ---------------------------------------------------------------------------------


@pytest.fixture
def colleague(window) -> AppContext:
    return as_actor(window.ctx, add_user(window.ctx, "lsg", "staff", "李社工"))


def test_a_concurrent_save_is_shown_as_a_conflict_and_overwritten_only_on_purpose(
    qtbot, window, panel, colleague, tmp_path
) -> None:
    today = dt.date.today()
    order = [r.child_id for r in panel.model.rows]
    # The page opened the register; meanwhile a colleague on another PC marks the first child absent.
    other = attendance.open_register(colleague, today)
    assert other.register_id is None
    attendance.save_marks(colleague, today, None, [MarkInput(order[0], "A", 0)])

    panel._select_row(0)
    qtbot.keyClick(panel.table, "1")
    qtbot.keyClick(panel.table, "1")
    save_key(qtbot, panel)

    assert panel.conflict_panel.isVisible()
    marks = stored_marks(window.ctx, today)
    assert marks == {order[0]: "A", order[1]: "P"}  # theirs kept, the rest saved
    table = panel.conflict_table
    assert table.rowCount() == 1
    row = [table.item(0, c).text() for c in range(4)]
    assert row[0] == panel.model.rows[0].name and row[1] == "缺勤" and row[2] == "出勤"
    assert row[3].startswith("李社工")
    # Said once, as the list's title: what was saved, what was not and why.
    name = panel.model.rows[0].name
    assert panel.conflict_panel.title.text() == (
        f"已保存 1 人的考勤。另有 1 人（{name}）的考勤刚被李社工改过，没有覆盖：请看下面的名单，核对后决定用谁的。"
    )
    assert said(window, "没有覆盖") == [panel.conflict_panel.title]
    assert panel.model.rows[0].code == "P" and panel.model.rows[0].unsaved  # yours, still unsaved
    assert panel.model.conflicts == {order[0]}  # flagged in the grid too
    window.resize(1366, 740)
    assert window.grab().save(str(screenshot_dir(tmp_path) / "attendance_conflict.png"))
    assert table.isVisible() and clipped_controls(window) == []  # the conflict list and its buttons fit
    # Saving again does not overwrite either: the version the user saw is still the old one — and it says so.
    save_key(qtbot, panel)
    assert stored_marks(window.ctx, today)[order[0]] == "A"
    assert panel.conflict_panel.isVisible()
    assert panel.conflict_panel.title.text().startswith(f"没有保存：这 1 人（{name}）的考勤刚被李社工改过")
    assert said(window, "没有覆盖") == [panel.conflict_panel.title] and said(window, "没有需要保存") == []

    qtbot.mouseClick(panel.overwrite_button, Qt.MouseButton.LeftButton)
    assert stored_marks(window.ctx, today)[order[0]] == "P"
    assert not panel.conflict_panel.isVisible()
    assert panel.model.unsaved_count() == 0
    assert panel.model.conflicts == set()


def test_keep_theirs_takes_the_other_persons_mark(qtbot, window, panel, colleague) -> None:
    today = dt.date.today()
    order = [r.child_id for r in panel.model.rows]
    attendance.save_marks(colleague, today, None, [MarkInput(order[0], "E", 0)])
    panel._select_row(0)
    qtbot.keyClick(panel.table, "2")
    qtbot.keyClick(panel.table, "2")
    save_key(qtbot, panel)
    assert panel.conflict_panel.isVisible()
    qtbot.mouseClick(panel.keep_theirs_button, Qt.MouseButton.LeftButton)
    assert not panel.conflict_panel.isVisible()
    assert panel.model.rows[0].code == "E" and not panel.model.rows[0].unsaved
    assert stored_marks(window.ctx, today) == {order[0]: "E", order[1]: "A"}


def test_a_refresh_keeps_unsaved_marks(qtbot, window, panel, colleague) -> None:
    today = dt.date.today()
    order = [r.child_id for r in panel.model.rows]
    panel._select_row(5)
    qtbot.keyClick(panel.table, "4")
    attendance.save_marks(colleague, today, None, [MarkInput(order[0], "A", 0)])
    window.events.data_changed.emit("attendance")  # another page changed attendance
    assert panel.model.rows[0].code == "A"  # theirs shows
    assert panel.model.rows[5].code == "E" and panel.model.rows[5].unsaved  # yours is kept


@pytest.fixture
def other_desk(qtbot, data_dir):
    """A second PC on the same database file, signed in as 李老师: its own AppContext and its own attendance page."""
    from center_app.context import open_store
    from center_app.ui.events import DataEvents

    setup = open_store(data_dir, migrate=False, actor=Actor.command_line())
    try:
        actor = add_user(setup, "lls", "staff", "李老师")
    finally:
        setup.close()
    ctx = open_store(data_dir, migrate=False, actor=actor)
    page = AttendancePage(ctx, DataEvents())
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.roll_call.view is not None, timeout=3000)
    yield page
    page.roll_call.poll_timer.stop()
    ctx.close()


def test_another_desk_saving_is_announced_at_the_next_poll_and_f5_merges(
    qtbot, window, panel, other_desk, tmp_path
) -> None:
    ctx, today = window.ctx, dt.date.today()
    order = [r.child_id for r in panel.model.rows]
    assert panel.poll_timer.isActive() and panel.poll_timer.interval() <= 5000  # polls while the tab is shown
    panel._select_row(0)
    qtbot.keyClick(panel.table, "2")  # this desk: the first child absent, not saved yet
    panel.poll_other_desk()
    assert not panel.status_row.other_desk.isVisible()  # nobody else has saved

    theirs = other_desk.roll_call  # the other desk marks two children by keys and saves
    theirs._select_row(5)
    qtbot.keyClick(theirs.table, "1")
    qtbot.keyClick(theirs.table, "3")
    qtbot.mouseClick(theirs.save_button, Qt.MouseButton.LeftButton)  # Ctrl+S would reach the active window
    assert stored_marks(ctx, today) == {order[5]: "P", order[6]: "L"}

    panel.poll_other_desk()  # what the timer does every few seconds
    stamp = attendance.register_stamp(ctx, today)
    assert stamp.saved_at is not None
    assert panel.status_row.other_desk.isVisible()
    assert panel.other_desk.text() == f"李老师正在点这张表，已于 {stamp.saved_at:%H:%M} 保存"
    assert "还没点名" not in panel.status.text()  # no longer true
    assert panel.load_theirs_button.isVisible()
    window.resize(1280, 720)
    qtbot.wait(20)
    assert window.grab().save(str(screenshot_dir(tmp_path) / "attendance_other_desk.png"))
    assert layout_problems(window) == []  # the notice fits the school PC's screen
    assert shown_codes(panel)[order[5]] is None  # nothing changes under the user's hands until asked

    window.show_page("deskPage")  # the lending desk's F5 (续借) must not answer while the roll call is shown
    window.show_page("attendancePage")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.table, timeout=3000)
    qtbot.keyClick(panel.table, Qt.Key.Key_F5)  # 载入对方的考勤: theirs show, this desk's unsaved mark stays
    assert not panel.status_row.other_desk.isVisible()
    codes = shown_codes(panel)
    assert codes[order[5]] == "P" and codes[order[6]] == "L"
    assert codes[order[0]] == "A" and panel.model.unsaved_count() == 1
    assert "你还没保存的 1 人不变" in panel.message.text()
    panel.poll_other_desk()
    assert not panel.status_row.other_desk.isVisible()  # seen now

    save_key(qtbot, panel)  # this desk's own save is not "someone else"
    panel.poll_other_desk()
    assert not panel.status_row.other_desk.isVisible()
    assert stored_marks(ctx, today) == {order[0]: "A", order[5]: "P", order[6]: "L"}

    # Without F5, the next save merges too: theirs are shown after it, the conflicts listed.
    theirs.refresh()
    theirs._select_row(7)
    qtbot.keyClick(theirs.table, "4")
    qtbot.mouseClick(theirs.save_button, Qt.MouseButton.LeftButton)  # Ctrl+S would reach the active window
    panel.poll_other_desk()
    assert panel.status_row.other_desk.isVisible()
    panel._select_row(8)
    qtbot.keyClick(panel.table, "1")
    save_key(qtbot, panel)
    assert not panel.status_row.other_desk.isVisible()
    assert shown_codes(panel)[order[7]] == "E" and shown_codes(panel)[order[8]] == "P"


def test_the_poll_stops_when_the_tab_is_hidden_and_waits_for_questions(
    qtbot, window, page, panel, other_desk
) -> None:
    page.tabs.setCurrentIndex(1)  # 签到签退
    assert not panel.poll_timer.isActive()
    page.tabs.setCurrentIndex(0)
    assert panel.poll_timer.isActive()
    window.show_page("overviewPage")
    assert not panel.poll_timer.isActive()
    window.show_page("attendancePage")
    assert panel.poll_timer.isActive()

    theirs = other_desk.roll_call
    theirs._select_row(0)
    qtbot.keyClick(theirs.table, "1")
    qtbot.mouseClick(theirs.save_button, Qt.MouseButton.LeftButton)  # Ctrl+S would reach the active window
    panel.ask_all_present()  # a question is open: the poll waits
    assert panel.confirm.isVisible()
    panel.poll_other_desk()
    assert not panel.status_row.other_desk.isVisible()
    panel._answer("cancel")
    panel.poll_other_desk()
    assert panel.other_desk.text().startswith("李老师正在点这张表")


def test_a_save_that_meets_conflicts_says_once_what_was_saved_and_what_was_not(
    qtbot, window, panel, other_desk
) -> None:
    ctx, today = window.ctx, dt.date.today()
    order = [r.child_id for r in panel.model.rows]
    names = [r.name for r in panel.model.rows]
    theirs = other_desk.roll_call
    theirs._select_row(0)
    for _ in range(3):
        qtbot.keyClick(theirs.table, "2")
    qtbot.mouseClick(theirs.save_button, Qt.MouseButton.LeftButton)  # Ctrl+S would reach the active window

    panel._select_row(0)
    for _ in range(10):
        qtbot.keyClick(panel.table, "1")
    save_key(qtbot, panel)
    expected = (
        f"已保存 7 人的考勤。另有 3 人（{'、'.join(names[:3])}）的考勤刚被李老师改过，没有覆盖："
        "请看下面的名单，核对后决定用谁的。"
    )
    assert panel.conflict_panel.title.text() == expected
    assert said(window, "没有覆盖") == [panel.conflict_panel.title]  # once
    assert said(window, "没有需要保存") == [] and panel.message.text() == ""
    assert panel.conflict_table.rowCount() == 3
    assert {cid: code for cid, code in stored_marks(ctx, today).items() if code == "A"} == {
        cid: "A" for cid in order[:3]
    }

    qtbot.mouseClick(panel.keep_theirs_button, Qt.MouseButton.LeftButton)
    assert said(window, "没有覆盖") == [] and panel.message.text() == "已保留别人保存的考勤。"
    save_key(qtbot, panel)  # nothing unsaved now: said plainly
    assert panel.message.text() == "没有需要保存的改动。"


def test_ctrl_s_lists_the_absent_children_with_their_guardians_phone(qtbot, window, panel, tmp_path) -> None:
    ctx = window.ctx
    rows = panel.model.rows
    first, second = rows[0], rows[1]
    with ctx.db.session() as s:
        s.add(
            Guardian(
                child_id=first.child_id, name="李秀英", relation="奶奶", phone="13800001111", is_primary=True
            )
        )
        s.add(Guardian(child_id=first.child_id, name="李建国", relation="爷爷", phone="13800002222"))
    assert not panel.absent_panel.isVisible()
    panel._select_row(0)
    qtbot.keyClick(panel.table, "2")
    qtbot.keyClick(panel.table, "2")
    qtbot.keyClick(panel.table, "1")
    save_key(qtbot, panel)

    box = panel.absent_panel
    assert box.objectName() == "rollCallAbsent" and box.isVisible()
    assert box.title.text() == "今天缺勤 2 人"
    table = panel.absent_table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["姓名", "班级", "监护人", "电话"]
    assert not table.isColumnHidden(3)
    cells = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert cells == [
        [first.name, first.class_name, "李秀英（奶奶）", "13800001111"],
        [second.name, second.class_name, "未登记", ""],  # no guardian on file
    ]
    assert QApplication.focusWidget() is panel.table  # the keys stay in the grid

    window.resize(1280, 720)
    qtbot.wait(20)
    assert window.grab().save(str(screenshot_dir(tmp_path) / "attendance_absent_1280x720.png"))
    assert layout_problems(window) == []  # the list fits beside the grid at 1280×720
    beside = panel.table.width()
    qtbot.mouseClick(box.toggle, Qt.MouseButton.LeftButton)  # 收起: the grid gets the room
    qtbot.wait(20)  # the layout follows on the next turn of the event loop
    assert box.folded and not table.isVisible() and box.isVisible() and box.width() < 250
    assert box.height() < 80 and panel.table.width() > beside + 150  # a title at the top; the grid is wider
    assert window.grab().save(str(screenshot_dir(tmp_path) / "attendance_absent_folded.png"))
    assert layout_problems(window) == []
    qtbot.mouseClick(box.toggle, Qt.MouseButton.LeftButton)
    assert table.isVisible()

    # Another date: the list was that register's, it goes.
    panel.date_edit.setDate(QDate.currentDate().addDays(-1))
    assert not box.isVisible()


# --- sessions and teachers ----------------------------------------------------------------------------------


def _volunteer(ctx: AppContext, name: str) -> int:
    with ctx.db.session() as s:
        v = Volunteer(name=name)
        s.add(v)
        s.flush()
        return v.id


def _activity(ctx: AppContext, title: str, volunteer_id: int, start: dt.time) -> int:
    with ctx.db.session() as s:
        a = Activity(
            title=title,
            on_date=dt.date.today(),
            start_time=start,
            end_time=start.replace(hour=start.hour + 1),
        )
        s.add(a)
        s.flush()
        s.add(ActivityVolunteer(activity_id=a.id, volunteer_id=volunteer_id))
        return a.id


def test_sessions_of_the_day_are_offered_and_marked_separately(qtbot, window, panel) -> None:
    ctx = window.ctx
    vid = _volunteer(ctx, "陈老师")
    art = _activity(ctx, "美术课", vid, dt.time(15, 30))
    panel.date_edit.setDate(QDate.currentDate().addDays(-1))
    panel.date_edit.setDate(QDate.currentDate())  # the day's sessions are read when the date is chosen
    box = panel.register_box
    assert [box.itemText(i) for i in range(box.count())] == [
        "当天考勤（全天）",
        "15:30–16:30 美术课（陈老师）",
    ]
    box.setCurrentIndex(1)
    assert panel.view is not None and panel.view.activity_id == art
    assert "这节课还没点名" in panel.status.text()
    panel._select_row(0)
    qtbot.keyClick(panel.table, "1")
    save_key(qtbot, panel)
    assert len(stored_marks(ctx, dt.date.today(), art)) == 1
    assert stored_marks(ctx, dt.date.today()) == {}  # the day register is another register


def test_a_save_after_the_session_was_deleted_on_another_pc_says_nothing_was_saved(
    qtbot, window, panel
) -> None:
    ctx = window.ctx
    art = _activity(ctx, "美术课", _volunteer(ctx, "陈老师"), dt.time(15, 30))
    panel.date_edit.setDate(QDate.currentDate().addDays(-1))
    panel.date_edit.setDate(QDate.currentDate())
    panel.register_box.setCurrentIndex(panel.register_box.findData(art))
    panel._select_row(0)
    qtbot.keyClick(panel.table, "1")
    qtbot.keyClick(panel.table, "2")
    with ctx.db.session() as s:  # the other PC deletes the session meanwhile
        s.delete(s.get(Activity, art))
    save_key(qtbot, panel)
    assert panel.message.text().startswith("没有保存（2 人的考勤都还没有保存）：这次活动刚被删除了")
    assert said(window, "没有保存") == [panel.message]
    assert panel.model.unsaved_count() == 2  # the marks are still on screen, not silently dropped


def test_a_teacher_sees_only_their_own_sessions(qtbot, window, forty) -> None:
    ctx = window.ctx
    mine = _volunteer(ctx, "陈老师")
    theirs = _volunteer(ctx, "周老师")
    own = _activity(ctx, "美术课", mine, dt.time(15, 30))
    _activity(ctx, "书法课", theirs, dt.time(16, 30))
    teacher = as_actor(ctx, add_user(ctx, "chen", "teacher", "陈老师", volunteer_id=mine))
    page = AttendancePage(teacher, window.events)
    qtbot.addWidget(page)
    page.resize(1190, 700)
    page.show()
    qtbot.waitUntil(lambda: page.roll_call.view is not None, timeout=3000)
    panel = page.roll_call
    box = panel.register_box
    assert [box.itemData(i) for i in range(box.count())] == [None, own]
    assert box.currentData() == own  # a teacher starts on their own session
    assert panel.view is not None and panel.view.may_edit
    panel._select_row(0)
    qtbot.keyClick(panel.table, "2")
    save_key(qtbot, panel)
    assert len(stored_marks(ctx, dt.date.today(), own)) == 1
    # Whom to call: a teacher may not see guardians or phones, so the names only.
    table = panel.absent_table
    assert panel.absent_panel.title.text() == "这节课缺勤 1 人" and table.rowCount() == 1
    assert table.item(0, 0).text() == panel.model.rows[0].name
    assert table.isColumnHidden(2) and table.isColumnHidden(3)
    assert table.item(0, 3).text() == ""

    box.setCurrentIndex(0)  # the day register is not theirs: the service's message is shown
    assert panel.view is None
    assert "只能为自己负责的课程点名" in panel.message.text()
    assert not panel.save_button.isEnabled()


# --- looking at it ----------------------------------------------------------------------------------------------


def test_screenshots_of_every_tab_at_1366x740(qtbot, window, tmp_path) -> None:
    from center_app.demo import fill_demo

    fill_demo(window.ctx)
    window.resize(1366, 740)
    page = install_attendance(window)
    panel = page.roll_call
    qtbot.waitUntil(lambda: panel.view is not None, timeout=5000)
    panel._select_row(0)
    for key in "1112131411":
        qtbot.keyClick(panel.table, key)
    folder = screenshot_dir(tmp_path)
    shots = {"roll_call": 0, "check_in": 1, "monthly": 2}
    for name, index in shots.items():
        page.tabs.setCurrentIndex(index)
        qtbot.wait(50)
        path = folder / f"attendance_{name}.png"
        assert window.grab().save(str(path))
        assert clipped_controls(window) == [], name  # every button, field and table fits at 1366×740
    assert panel.model.rowCount() > 40
