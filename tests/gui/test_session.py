"""Who is at the shared PC: first run, sign-in, Ctrl+L and idle lock, another user taking over, demo folders."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QRadioButton, QWidget
from sqlalchemy import select

from center_app.app import open_main_window
from center_app.context import open_store
from center_app.db.models import AuditLog
from center_app.services import accounts
from tests.gui.conftest import ADMIN, ADMIN_PASSWORD
from tests.uitools import ime_type


def gate(window) -> QWidget:
    return window.screens.currentWidget()


def sign_ins_and_outs(window) -> list[tuple[str, str]]:
    """(action, username) of the audit log's login and logout rows, oldest first."""
    with window.ctx.db.read() as s:
        rows = s.execute(
            select(AuditLog.action, AuditLog.actor)
            .where(AuditLog.action.in_(("login", "logout")))
            .order_by(AuditLog.id)
        ).all()
    return [(action, actor) for action, actor in rows]


def type_login(qtbot, window, username: str, password: str) -> None:
    screen = gate(window)
    user_box = screen.findChild(QLineEdit, "loginUsername")
    user_box.selectAll()
    qtbot.keyClicks(user_box, username)
    password_box = screen.findChild(QLineEdit, "loginPassword")
    qtbot.keyClicks(password_box, password)
    qtbot.keyClick(password_box, Qt.Key.Key_Return)


def test_first_start_shows_the_wizard_and_creates_the_administrator(qtbot, fresh_window, data_dir) -> None:
    window = fresh_window
    assert gate(window).objectName() == "firstRunWizard"
    assert window.locked
    wizard = gate(window)
    ime_type(wizard.findChild(QLineEdit, "firstRunCentreName"), "古楼村儿童之家")
    qtbot.keyClick(wizard.findChild(QLineEdit, "firstRunCentreName"), Qt.Key.Key_Return)
    qtbot.keyClick(wizard.findChild(QLineEdit, "firstRunCentreAddress"), Qt.Key.Key_Return)
    qtbot.keyClicks(wizard.findChild(QLineEdit, "firstRunUsername"), "weiyan")
    ime_type(wizard.findChild(QLineEdit, "firstRunDisplayName"), "韦燕")
    qtbot.keyClicks(wizard.findChild(QLineEdit, "firstRunPassword"), "guloucun8")
    wizard.findChild(QLineEdit, "firstRunPassword2").setFocus()
    qtbot.keyClicks(wizard.findChild(QLineEdit, "firstRunPassword2"), "guloucun8")
    qtbot.keyClick(wizard.findChild(QLineEdit, "firstRunPassword2"), Qt.Key.Key_Return)
    assert window.locked  # the account exists; the language, how to start and the backup folder follow
    next_button = wizard.findChild(QPushButton, "firstRunNext")
    qtbot.keyClick(next_button, Qt.Key.Key_Return)  # the language: Chinese
    qtbot.mouseClick(wizard.findChild(QRadioButton, "firstRunStartEmpty"), Qt.MouseButton.LeftButton)
    qtbot.keyClick(next_button, Qt.Key.Key_Return)  # start empty
    qtbot.keyClick(next_button, Qt.Key.Key_Return)  # no backup folder: backups stay on this PC
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    assert window.ctx.actor.username == "weiyan" and window.ctx.actor.role == "admin"
    assert window.stack.currentWidget().objectName() == "overviewPage"
    assert "韦燕" in window.user_label.text()


def test_login_screen_then_ctrl_l_locks_and_another_user_takes_over(qtbot, data_dir, admin_account) -> None:
    ctx = open_store(data_dir)
    admin = accounts.authenticate(ctx, admin_account, ADMIN_PASSWORD)
    ctx.actor = admin
    accounts.create_user(ctx, "tushu", "图书管理员小李", "librarian", "shuku123")
    ctx.close()

    window = open_main_window(data_dir)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    assert gate(window).objectName() == "loginScreen"
    type_login(qtbot, window, admin_account, "wrong-password")
    assert "用户名或密码不正确" in gate(window).findChild(QWidget, "loginMessage").text()
    assert window.locked
    type_login(qtbot, window, admin_account, ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)

    window.show_page("settingsPage")
    window.activateWindow()  # the gate that had focus is gone; shortcuts need the active window
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.locked, timeout=2000)
    assert gate(window).objectName() == "loginScreen"
    assert not window.workspace.isVisible()  # nothing of the children's data stays on screen

    type_login(qtbot, window, "tushu", "shuku123")  # the librarian takes over without closing the app
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    assert window.ctx.actor.role == "librarian"
    assert "图书管理员小李" in window.user_label.text()
    window.close()


def test_idle_time_locks_the_window(qtbot, window) -> None:
    assert not window.locked
    accounts.set_idle_lock_minutes(window.ctx, 5)
    window.restart_idle_timer()
    assert window.idle_timer.isActive() and window.idle_timer.interval() == 5 * 60_000
    window.idle_timer.setInterval(50)  # don't wait five minutes in a test
    window.idle_timer.start()
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    assert gate(window).findChild(QWidget, "loginLockedFor") is not None
    assert sign_ins_and_outs(window)[-1] == ("logout", ADMIN)  # the idle lock signs the user out too
    assert gate(window).findChild(QWidget, "loginMessage").text() == ""


def test_ctrl_l_is_audited_as_a_sign_out_and_signing_in_again_as_a_login(qtbot, window) -> None:
    assert sign_ins_and_outs(window) == [("login", ADMIN)]  # open_main_window(user=...) signs in
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.locked, timeout=2000)
    assert sign_ins_and_outs(window) == [("login", ADMIN), ("logout", ADMIN)]
    with window.ctx.db.read() as s:
        row = s.scalars(select(AuditLog).where(AuditLog.action == "logout")).one()
        assert (row.user_id, row.entity) == (window.ctx.actor.user_id, "user_account")
    window.lock()  # already locked: no second sign-out
    assert len(sign_ins_and_outs(window)) == 2

    type_login(qtbot, window, ADMIN, ADMIN_PASSWORD)  # the lock screen fills in the user name
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    assert sign_ins_and_outs(window) == [("login", ADMIN), ("logout", ADMIN), ("login", ADMIN)]


def test_idle_lock_zero_means_never(window) -> None:
    accounts.set_idle_lock_minutes(window.ctx, 0)
    window.restart_idle_timer()
    assert not window.idle_timer.isActive()


def test_demo_folder_signs_in_by_itself(qtbot, tmp_path) -> None:
    from center_app.app import main

    folder = tmp_path / "demo"
    ctx_dir = str(folder)
    assert main(["--data-dir", ctx_dir, "backup"]) == 0  # a first command creates the store
    ctx = open_store(__import__("center_app.config", fromlist=["DataDir"]).DataDir(folder))
    accounts.ensure_demo_admin(ctx)  # what demo-data does after filling the folder
    ctx.close()
    window = open_main_window(folder)
    qtbot.addWidget(window)
    assert not window.locked
    assert window.ctx.actor.username == accounts.DEMO_USERNAME
    window.close()
