"""A demo folder says so (the 演示数据 banner) and its administrator can clear it and start for real — driven like a
user: click 清空演示数据, read the question, 确认清空, then create the real administrator in the first-run wizard."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from sqlalchemy import func, select

from center_app import demo
from center_app.app import open_main_window
from center_app.config import DataDir
from center_app.context import open_store
from center_app.db import models as m
from center_app.services import accounts
from tests.gui.conftest import ADMIN_PASSWORD
from tests.uitools import ime_type


@pytest.fixture
def demo_folder(data_dir: DataDir) -> DataDir:
    """What `demo-data` leaves behind: the demo centre and its demo administrator."""
    ctx = open_store(data_dir)
    try:
        demo.fill_demo(ctx, today=dt.date.today())
        accounts.ensure_demo_admin(ctx)
    finally:
        ctx.close()
    return data_dir


def _open(qtbot, folder: DataDir, user: str | None = None):
    window = open_main_window(folder, user=user)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def _children(window) -> int:
    with window.ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(m.Child)) or 0)


def _click(qtbot, window, name: str) -> QAbstractButton:
    button = window.findChild(QAbstractButton, name)
    assert button is not None and button.isVisible() and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return button


def test_the_demo_administrator_clears_the_demo_and_creates_the_real_one(qtbot, demo_folder) -> None:
    window = _open(qtbot, demo_folder)
    assert not window.locked and window.ctx.actor.username == accounts.DEMO_USERNAME  # signed in by itself
    banner = window.findChild(QWidget, "demoBanner")
    assert banner.isVisible()
    assert window.findChild(QLabel, "demoBannerTitle").text() == "演示数据"
    children = _children(window)
    assert children >= 120

    # Asked first, and 不清空 leaves everything as it was.
    _click(qtbot, window, "demoClearButton")
    question = window.findChild(QLabel, "demoClearText")
    assert question.isVisible()
    assert f"儿童 {children}" in question.text() and "demo" in question.text() and "备份" in question.text()
    _click(qtbot, window, "demoClearCancel")
    assert not question.isVisible()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]  # all inside the window
    assert _children(window) == children and accounts.is_demo_folder(window.ctx)

    _click(qtbot, window, "demoClearButton")
    _click(qtbot, window, "demoClearGo")

    # The demo is gone; the first-run wizard asks for the real administrator, and the banner is gone too.
    qtbot.waitUntil(lambda: window.findChild(QWidget, "firstRunWizard") is not None, timeout=5000)
    assert window.locked and not banner.isVisible()
    assert _children(window) == 0
    message = window.gate.findChild(QLabel, "firstRunMessage")
    assert "演示数据已清空" in message.text() and "管理员" in message.text()
    assert accounts.demo_sign_in(window.ctx) is None

    wizard = window.findChild(QWidget, "firstRunWizard")
    ime_type(wizard.findChild(QLineEdit, "firstRunCentreName"), "古楼村留守儿童关爱活动中心")
    _click(qtbot, window, "firstRunNext")
    qtbot.keyClicks(wizard.findChild(QLineEdit, "firstRunUsername"), "lifang")
    ime_type(wizard.findChild(QLineEdit, "firstRunDisplayName"), "李芳")
    qtbot.keyClicks(wizard.findChild(QLineEdit, "firstRunPassword"), ADMIN_PASSWORD)
    qtbot.keyClicks(wizard.findChild(QLineEdit, "firstRunPassword2"), ADMIN_PASSWORD)
    _click(qtbot, window, "firstRunNext")  # the administrator
    _click(qtbot, window, "firstRunNext")  # the language
    _click(qtbot, window, "firstRunStartEmpty")
    _click(qtbot, window, "firstRunNext")
    _click(qtbot, window, "firstRunNext")  # no backup folder
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    assert window.ctx.actor.username == "lifang"
    assert not banner.isVisible()
    page = window.show_page("overviewPage")
    qtbot.waitUntil(lambda: page.findChild(QLabel, "overviewValue_children").text() == "0", timeout=3000)
    window.close()

    # From now on the folder asks for a password.
    again = _open(qtbot, demo_folder)
    assert again.locked and again.findChild(QWidget, "loginScreen") is not None
    assert not again.findChild(QWidget, "demoBanner").isVisible()
    again.close()


def test_a_demo_folder_with_a_real_administrator_asks_for_a_password(qtbot, demo_folder) -> None:
    ctx = open_store(demo_folder)
    try:
        accounts.create_first_admin(ctx, "lifang", "李芳", ADMIN_PASSWORD)
    finally:
        ctx.close()
    window = _open(qtbot, demo_folder)
    assert window.locked and window.findChild(QWidget, "loginScreen") is not None  # no auto sign-in any more
    banner = window.findChild(QWidget, "demoBanner")
    assert banner.isVisible()  # still demo data in it: said on the sign-in screen too
    assert not window.findChild(QAbstractButton, "demoClearButton").isVisible()  # nobody signed in
    qtbot.keyClicks(window.findChild(QLineEdit, "loginUsername"), "lifang")
    password = window.findChild(QLineEdit, "loginPassword")
    qtbot.keyClicks(password, ADMIN_PASSWORD)
    qtbot.keyClick(password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    assert banner.isVisible()
    _click(qtbot, window, "demoClearButton")
    _click(qtbot, window, "demoClearGo")
    # A real administrator exists: after the clearing they sign in again, no wizard.
    qtbot.waitUntil(lambda: window.findChild(QWidget, "loginScreen") is not None, timeout=5000)
    assert not banner.isVisible() and _children(window) == 0
    assert "演示数据已清空" in window.gate.findChild(QLabel, "loginMessage").text()
    window.close()


def test_only_an_administrator_sees_the_clear_button(qtbot, demo_folder) -> None:
    ctx = open_store(demo_folder)
    try:
        ctx.actor = accounts.demo_sign_in(ctx)
        accounts.create_user(ctx, "wang", "王社工", "staff", "shuwu-77")
    finally:
        ctx.close()
    window = _open(qtbot, demo_folder, user="wang")
    assert window.findChild(QWidget, "demoBanner").isVisible()
    assert not window.findChild(QAbstractButton, "demoClearButton").isVisible()
    window.close()


def test_a_real_centre_shows_no_banner(window) -> None:
    assert not window.findChild(QWidget, "demoBanner").isVisible()
