"""签到签退 at the door: a scanner (key clicks + Enter) into one input that keeps the focus, F9 to check out, and
an unauthorised pickup shown in red and stored — the child still goes home."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from center_app.db.models import AttendanceMark, AttendanceRegister, AuditLog
from center_app.ui.pages.attendance import AttendancePage, CheckInOutPanel
from tests.gui.test_roll_call import add_child, install_attendance, screenshot_dir
from tests.uitools import clipped_controls, ime_type, scan


def today_mark(ctx, child_id: int) -> AttendanceMark | None:
    with ctx.db.read() as s:
        return s.scalars(
            select(AttendanceMark)
            .join(AttendanceRegister, AttendanceRegister.id == AttendanceMark.register_id)
            .where(
                AttendanceRegister.on_date == dt.date.today(),
                AttendanceRegister.activity_id.is_(None),
                AttendanceMark.child_id == child_id,
            )
        ).first()


def listed(widget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


@pytest.fixture
def kids(window) -> dict[str, int]:
    ctx = window.ctx
    return {
        "wzh": add_child(
            ctx,
            "王子涵",
            card="C00001",
            guardians=[("李秀英", "祖母")],
            pickups=[("王建国", "叔叔")],
        ),
        "wxy": add_child(ctx, "王欣怡", "二年级1班", 2, card="C00002", guardians=[("王大山", "祖父")]),
        "lxm": add_child(ctx, "李小明", "一年级1班", 1, card="C00003"),
    }


@pytest.fixture
def page(qtbot, window, kids) -> AttendancePage:
    page = install_attendance(window)
    page.tabs.setCurrentIndex(1)
    panel = page.check_in
    panel.sounds = []  # type: ignore[attr-defined]
    panel.sound.player = panel.sounds.append  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.input, timeout=3000)
    return page


@pytest.fixture
def door(page) -> CheckInOutPanel:
    return page.check_in


def test_scanning_a_card_checks_the_child_in_and_the_input_keeps_the_focus(qtbot, window, door, kids) -> None:
    changes: list[str] = []
    window.events.data_changed.connect(changes.append)
    scan(qtbot, door.input, "C00001")
    assert door.message_kind == "ok"
    assert "王子涵 签到" in door.message.text()
    mark = today_mark(window.ctx, kids["wzh"])
    assert mark is not None and mark.check_in_at is not None and mark.code in ("P", "L")
    assert len(listed(door.checked_in)) == 1 and "王子涵" in listed(door.checked_in)[0]
    assert door.in_count.text().startswith("在中心：1 人")
    assert changes == ["attendance"]
    assert door.sounds == ["ok"]
    assert QApplication.focusWidget() is door.input and door.input.text() == ""

    scan(qtbot, door.input, "C00001")  # a second scan changes nothing and says when they came
    assert door.message_kind == "info" and "已经签到过了" in door.message.text()
    assert len(listed(door.checked_in)) == 1
    assert changes == ["attendance"]


def test_an_unknown_card_is_refused_in_red(qtbot, door) -> None:
    scan(qtbot, door.input, "C99999")
    assert door.message_kind == "error"
    assert "C99999" in door.message.text()
    assert door.sounds == ["refused"]
    assert door.checked_in.count() == 0


def test_a_name_checks_in_one_match_or_offers_several(qtbot, window, door, kids) -> None:
    ime_type(door.input, "李小明")
    qtbot.keyClick(door.input, Qt.Key.Key_Return)
    assert door.message_kind == "ok" and "李小明" in door.message.text()
    assert today_mark(window.ctx, kids["lxm"]) is not None

    ime_type(door.input, "王")
    qtbot.keyClick(door.input, Qt.Key.Key_Return)
    assert door.matches.isVisible()
    assert [text.split("　")[1] for text in listed(door.matches)] == ["王欣怡", "王子涵"]  # by grade
    qtbot.keyClick(door.input, Qt.Key.Key_Down)
    qtbot.keyClick(door.input, Qt.Key.Key_Return)
    assert not door.matches.isVisible()
    assert today_mark(window.ctx, kids["wzh"]) is not None
    assert today_mark(window.ctx, kids["wxy"]) is None

    qtbot.keyClicks(door.input, "wxy")  # pinyin initials
    qtbot.keyClick(door.input, Qt.Key.Key_Return)
    assert today_mark(window.ctx, kids["wxy"]) is not None
    assert door.checked_in.count() == 3


def test_check_out_with_an_unauthorised_name_warns_in_red_and_stores_it(qtbot, window, door, kids) -> None:
    scan(qtbot, door.input, "C00001")
    qtbot.keyClick(door.input, Qt.Key.Key_F9)
    assert door.checkout_panel.isVisible()
    pickup = door.pickup
    assert [pickup.itemText(i) for i in range(pickup.count())] == ["李秀英（祖母）", "王建国（叔叔）"]
    assert QApplication.focusWidget() in (pickup, pickup.lineEdit())  # the line edit is its focus proxy

    pickup.lineEdit().clear()
    ime_type(pickup.lineEdit(), "张三")
    qtbot.keyClick(pickup.lineEdit(), Qt.Key.Key_Return)
    assert not door.checkout_panel.isVisible()
    assert door.message_kind == "error"
    assert "王子涵 已签退" in door.message.text() and "张三 不在授权接送名单中" in door.message.text()
    assert door.sounds[-1] == "refused"

    mark = today_mark(window.ctx, kids["wzh"])
    assert mark is not None and mark.check_out_at is not None
    assert mark.picked_up_by == "张三" and mark.pickup_authorised is False
    assert "不在授权接送名单中" in mark.note
    with window.ctx.db.read() as s:
        audit = s.scalars(select(AuditLog.summary).where(AuditLog.summary.like("签退%"))).all()
    assert any("张三" in line and "核实" in line for line in audit)

    assert door.checked_in.count() == 0  # the child went home all the same
    (line,) = listed(door.checked_out)
    assert "王子涵" in line and "张三" in line and "未授权" in line
    assert door.checked_out.item(0).foreground().color().name() == "#b91c1c"
    assert QApplication.focusWidget() is door.input


def test_check_out_by_an_authorised_person_from_the_list(qtbot, window, door, kids) -> None:
    scan(qtbot, door.input, "C00002")
    scan(qtbot, door.input, "C00001")
    assert door.selected_row() is not None and door.selected_row().child_id == kids["wzh"]  # the last one in
    qtbot.keyClick(door.input, Qt.Key.Key_Down)  # ↓ chooses in the list while typing stays in the input
    assert door.selected_row().child_id == kids["wxy"]
    qtbot.mouseClick(door.check_out_button, Qt.MouseButton.LeftButton)
    assert door.checkout_panel.isVisible() and "王欣怡" in door.checkout_who.text()
    qtbot.keyClick(door.pickup.lineEdit(), Qt.Key.Key_Return)  # the primary guardian is suggested
    assert door.message_kind == "ok" and "由 王大山 接走" in door.message.text()
    mark = today_mark(window.ctx, kids["wxy"])
    assert mark is not None and mark.picked_up_by == "王大山" and mark.pickup_authorised is True
    assert [r.name for r in door.rows if r.check_out_at is None] == ["王子涵"]


def test_escape_cancels_a_check_out(qtbot, window, door, kids) -> None:
    scan(qtbot, door.input, "C00003")
    qtbot.keyClick(door.input, Qt.Key.Key_F9)
    assert door.checkout_panel.isVisible()
    qtbot.keyClick(door.pickup.lineEdit(), Qt.Key.Key_Escape)
    assert not door.checkout_panel.isVisible()
    mark = today_mark(window.ctx, kids["lxm"])
    assert mark is not None and mark.check_out_at is None
    assert QApplication.focusWidget() is door.input


def test_check_in_shows_in_the_roll_call(qtbot, window, page, kids) -> None:
    door = page.check_in
    scan(qtbot, door.input, "C00003")
    page.tabs.setCurrentIndex(0)
    roll = page.roll_call
    row = next(r for r in roll.model.rows if r.child_id == kids["lxm"])
    assert row.code in ("P", "L") and not row.unsaved
    assert row.check_in_at is not None


def test_screenshot_of_the_door(qtbot, window, door, kids, tmp_path) -> None:
    window.resize(1366, 740)
    for card in ("C00001", "C00002", "C00003"):
        scan(qtbot, door.input, card)
    qtbot.keyClick(door.input, Qt.Key.Key_F9)
    door.pickup.lineEdit().clear()
    ime_type(door.pickup.lineEdit(), "张三")
    qtbot.keyClick(door.pickup.lineEdit(), Qt.Key.Key_Return)
    qtbot.keyClick(door.input, Qt.Key.Key_F9)
    qtbot.wait(50)
    path = screenshot_dir(tmp_path) / "attendance_door.png"
    assert window.grab().save(str(path))
    assert door.input.isVisible() and door.input.isEnabled()  # the scanner box is there
    assert clipped_controls(window) == []  # every button, field and table fits at 1366×740
