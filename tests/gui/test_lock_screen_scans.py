"""The sign-in and lock screens know about scanners, and 借还台模式 keeps a scan made at the lock screen.

A child's card scanned at the lock screen lands in the password field: a fast, code-shaped burst + Enter that is one
of the centre's barcodes must not be a failed sign-in (six of them used to lock the librarian out for 5 minutes).
Keys are typed like a scanner (all at once) or like a person (the screen's clock moved on by hand between keys).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton, QSpinBox, QTabWidget, QWidget
from sqlalchemy import select, update

from center_app.app import open_main_window
from center_app.context import AppContext
from center_app.db.models import AuditLog, User
from center_app.services import accounts, circulation
from center_app.ui.login import LoginWidget
from center_app.ui.main_window import KEPT_SCAN_MAX_AGE_MS
from center_app.ui.widgets.scanner_input import BURST_GAP_MS
from tests.gui.conftest import ADMIN, ADMIN_PASSWORD
from tests.gui.test_desk import add_child, add_title, install_desk, open_loans
from tests.uitools import scan


class Clock:
    """Milliseconds the test moves on by hand (typing slowly without waiting)."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def gate_of(window) -> LoginWidget:
    assert isinstance(window.gate, LoginWidget)
    return window.gate


def lock(qtbot, window) -> LoginWidget:
    window.lock()
    qtbot.waitUntil(lambda: window.locked, timeout=2000)
    gate = gate_of(window)
    gate.sounds = []  # type: ignore[attr-defined]
    gate.sound.player = gate.sounds.append  # type: ignore[attr-defined]
    return gate


def type_slowly(qtbot, gate: LoginWidget, widget, text: str) -> None:
    """A person typing: well over the scanner's gap between keys (the gate's clock is a Clock)."""
    for char in text:
        qtbot.keyClick(widget, char)
        gate.clock.now += BURST_GAP_MS * 4  # type: ignore[attr-defined]


def sign_in_slowly(qtbot, window, gate: LoginWidget, password: str = ADMIN_PASSWORD) -> None:
    if not isinstance(gate.clock, Clock):
        gate.clock = Clock()
    type_slowly(qtbot, gate, gate.password, password)
    qtbot.keyClick(gate.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)


def failed_logins(ctx: AppContext) -> list[str]:
    with ctx.db.read() as s:
        return list(s.scalars(select(AuditLog.summary).where(AuditLog.action == "login_failed")))


def account(ctx: AppContext, username: str = ADMIN) -> User:
    with ctx.db.read() as s:
        user = s.scalars(select(User).where(User.username == username)).one()
        s.expunge(user)
        return user


@pytest.fixture
def library(window) -> dict[str, int]:
    ctx = window.ctx
    ids = {
        "wzh": add_child(ctx, "王子涵", 3, "三年级2班", "C00001"),
        "lxm": add_child(ctx, "李小明", 1, "一年级1班", "C00002"),
    }
    add_title(ctx, "西游记", "T0000001", "T0000002")
    return ids


# --- the lock screen ------------------------------------------------------------------------------------------


def test_six_card_scans_at_the_lock_screen_count_nothing_and_a_person_still_signs_in(
    qtbot, window, library
) -> None:
    ctx = window.ctx
    gate = lock(qtbot, window)
    assert QApplication.focusWidget() is gate.password
    for card in (
        "C00001",
        "C00002",
        "c00001",
        "C00001",
        "T0000001",
        "9787020002207",
    ):  # Caps Lock; a book; ISBN
        scan(qtbot, gate.password, card)  # a scanner types into whatever has the focus: the password field
        assert gate.message.text() == "屏幕已锁定，请先登录再扫码"
        assert gate.password.text() == "" and gate.username.text() == ADMIN  # nothing of the code left
    assert window.locked
    assert failed_logins(ctx) == []
    user = account(ctx)
    assert user.failed_attempts == 0 and user.locked_until is None
    assert gate.sounds == ["refused"] * 6  # type: ignore[attr-defined]
    assert gate.kept is None  # not in 借还台模式: nothing kept

    sign_in_slowly(qtbot, window, gate)  # the librarian types the password (well over 50 ms a key)
    assert window.ctx.actor.username == ADMIN


def test_a_scan_while_the_password_is_half_typed_puts_the_fields_back(qtbot, window, library) -> None:
    gate = lock(qtbot, window)
    gate.clock = Clock()
    type_slowly(qtbot, gate, gate.password, "gul")
    gate.clock.now += 1000  # type: ignore[attr-defined]
    scan(qtbot, gate.password, "C00002")  # a child scans a card meanwhile
    assert gate.password.text() == "gul" and gate.password.cursorPosition() == 3
    assert gate.message.text() == "屏幕已锁定，请先登录再扫码"
    gate.clock.now += 1000  # type: ignore[attr-defined]
    type_slowly(qtbot, gate, gate.password, "ou2026")
    qtbot.keyClick(gate.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    assert failed_logins(window.ctx) == []


def test_a_wrong_password_typed_slowly_still_counts(qtbot, window, library) -> None:
    gate = lock(qtbot, window)
    gate.clock = Clock()
    type_slowly(
        qtbot, gate, gate.password, "C00001"
    )  # a person typing a card number as a password: an attempt
    qtbot.keyClick(gate.password, Qt.Key.Key_Return)
    assert gate.message.text() == accounts.BAD_LOGIN
    assert len(failed_logins(window.ctx)) == 1 and account(window.ctx).failed_attempts == 1


def test_fast_passwords_that_are_not_a_scan_still_sign_in(qtbot, window, library) -> None:
    accounts.change_own_password(window.ctx, ADMIN_PASSWORD, "mima-gulou")  # no digit: not shaped like a code
    gate = lock(qtbot, window)
    qtbot.keyClicks(gate.password, "mima-gulou")  # typed as fast as a scanner
    qtbot.keyClick(gate.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)

    accounts.change_own_password(window.ctx, "mima-gulou", "gulou2027")  # code-shaped, but no card or book's
    gate = lock(qtbot, window)
    qtbot.keyClicks(gate.password, "gulou2027")
    qtbot.keyClick(gate.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    assert failed_logins(window.ctx) == []


def test_the_plain_sign_in_screen_asks_to_sign_in_first(qtbot, data_dir, admin_account) -> None:
    ctx_window = open_main_window(data_dir)
    qtbot.addWidget(ctx_window)
    qtbot.waitExposed(ctx_window)
    add_child(ctx_window.ctx, "王子涵", 3, "三年级2班", "C00001")
    gate = gate_of(ctx_window)
    assert gate.locked_for is None
    gate.sound.player = lambda _kind: None
    gate.clock = Clock()
    type_slowly(qtbot, gate, gate.username, ADMIN)
    gate.clock.now += 1000  # type: ignore[attr-defined]
    scan(qtbot, gate.username, "C00001")  # after the typed name: only the burst is taken back out
    assert gate.message.text() == "请先登录再扫码"
    assert gate.username.text() == ADMIN and gate.password.text() == ""
    assert failed_logins(ctx_window.ctx) == []
    ctx_window.close()


# --- 借还台模式 -----------------------------------------------------------------------------------------------


def turn_desk_mode_on(qtbot, window, minutes: int | None = None) -> None:
    """As the administrator does it: 设置 → 用户账号, tick 借还台模式, save."""
    settings_page = window.show_page("settingsPage")
    tab = settings_page.findChild(QWidget, "accountsTab")
    settings_page.findChild(QTabWidget, "settingsTabs").setCurrentWidget(tab)
    box = tab.findChild(QCheckBox, "accountsDeskMode")
    spin = tab.findChild(QSpinBox, "accountsDeskIdleMinutes")
    qtbot.waitUntil(box.isVisible, timeout=2000)
    assert not box.isChecked() and not spin.isEnabled()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked() and spin.isEnabled()
    assert spin.value() == accounts.DEFAULT_DESK_IDLE_LOCK_MINUTES
    if minutes is not None:
        spin.setValue(minutes)
    qtbot.mouseClick(tab.findChild(QPushButton, "accountsDeskModeSave"), Qt.MouseButton.LeftButton)
    assert "借还台模式已开启" in tab.message.text()


def lend(window, child_id: int, barcode: str) -> None:
    circulation.checkout(window.ctx, child_id, barcode)


def test_desk_mode_turned_on_in_the_accounts_tab_uses_its_longer_idle_lock(qtbot, window) -> None:
    accounts.set_idle_lock_minutes(window.ctx, 10)
    window.restart_idle_timer()
    assert window.idle_timer.interval() == 10 * 60_000
    turn_desk_mode_on(qtbot, window)
    assert accounts.get_desk_mode(window.ctx) == accounts.DeskMode(on=True, idle_lock_minutes=60)
    assert window.idle_timer.isActive() and window.idle_timer.interval() == 60 * 60_000  # at once, no restart


def test_desk_mode_keeps_the_last_scan_and_returns_the_book_after_sign_in(qtbot, window, library) -> None:
    turn_desk_mode_on(qtbot, window, minutes=90)
    assert window.idle_timer.interval() == 90 * 60_000
    lend(window, library["wzh"], "T0000001")
    lend(window, library["lxm"], "T0000002")
    desk = install_desk(window)
    desk.sound.player = lambda _kind: None
    gate = lock(qtbot, window)
    assert gate.keep_scans
    scan(qtbot, gate.password, "T0000002")
    scan(qtbot, gate.password, "T0000001")  # the last scan is the one kept
    assert gate.message.text() == "屏幕已锁定，请先登录再扫码。已记下 T0000001，登录后自动办理。"
    assert gate.password.text() == "" and failed_logins(window.ctx) == []

    sign_in_slowly(qtbot, window, gate)
    assert window.current_page() is desk
    assert open_loans(window.ctx) == [(library["lxm"], "T0000002", 0)]  # T0000001 is back, T0000002 is not
    assert desk.message_kind == "ok" and "已还" in desk.message.text() and "西游记" in desk.message.text()


def test_desk_mode_returns_to_the_page_shown_at_the_lock_for_another_user(qtbot, window, library) -> None:
    accounts.set_desk_mode(window.ctx, True, 60)
    accounts.create_user(window.ctx, "tushu", "图书管理员小李", "librarian", "shuku-mima")
    with window.ctx.db.session() as s:  # a librarian who already chose her own password
        s.execute(update(User).where(User.username == "tushu").values(must_change_password=False))
    lend(window, library["wzh"], "T0000001")
    install_desk(window)
    gate = lock(qtbot, window)
    window.show_row(0)  # nothing of this changes the kept page
    scan(qtbot, gate.password, "T0000001")
    gate.clock = Clock()
    gate.username.selectAll()
    type_slowly(qtbot, gate, gate.username, "tushu")
    sign_in_slowly(qtbot, window, gate, "shuku-mima")
    assert window.ctx.actor.username == "tushu"
    desk = window.current_page()
    assert desk.objectName() == "deskPage"
    assert open_loans(window.ctx) == []
    assert desk.message_kind == "ok"


def test_a_kept_scan_older_than_five_minutes_is_not_done(qtbot, window, library) -> None:
    accounts.set_desk_mode(window.ctx, True, 60)
    lend(window, library["wzh"], "T0000001")
    install_desk(window)
    gate = lock(qtbot, window)
    gate.clock = Clock()
    scan(qtbot, gate.password, "T0000001")
    assert gate.kept is not None and gate.kept.code == "T0000001"
    gate.clock.now += KEPT_SCAN_MAX_AGE_MS + 1  # type: ignore[attr-defined]
    sign_in_slowly(qtbot, window, gate)
    assert len(open_loans(window.ctx)) == 1  # not returned
    assert window.statusBar().currentMessage() == (
        "锁屏时扫的 T0000001 没有办理（已超过 5 分钟），请重新扫码。"
    )


def test_a_kept_scan_is_dropped_for_someone_who_may_not_lend(qtbot, window, library) -> None:
    accounts.set_desk_mode(window.ctx, True, 60)
    accounts.create_user(window.ctx, "laoshi", "韦老师", "teacher", "jiaoshi-mima")
    with window.ctx.db.session() as s:
        s.execute(update(User).where(User.username == "laoshi").values(must_change_password=False))
    lend(window, library["wzh"], "T0000001")
    install_desk(window)
    gate = lock(qtbot, window)
    scan(qtbot, gate.password, "T0000001")
    gate.clock = Clock()
    gate.username.selectAll()
    type_slowly(qtbot, gate, gate.username, "laoshi")
    sign_in_slowly(qtbot, window, gate, "jiaoshi-mima")
    assert window.ctx.actor.username == "laoshi"
    assert len(open_loans(window.ctx)) == 1
    assert "没有办理" in window.statusBar().currentMessage()
    assert window.current_page().objectName() == "deskPage"  # where it locked, but nothing done
