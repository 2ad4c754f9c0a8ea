"""The first-run wizard, driven like a new centre's first user: the keyboard, Chinese through the input method.

A fresh folder shows the wizard in the window (no window of its own): the centre's name and address, the
administrator, the language (applied at once), how to start (import, the demo in a folder of its own, or empty),
the backup folder — then the workspace, signed in, with the centre's name in the title. Each step writes only in
its own save, and going back never loses what was typed.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QRadioButton, QWidget
from sqlalchemy import func, select

from center_app.app import open_main_window
from center_app.config import DataDir
from center_app.context import open_store
from center_app.db.models import BookCopy, Child, User
from center_app.services import accounts, backup, demo_folder, settings
from center_app.ui import i18n
from center_app.ui.first_run import launch
from tests.uitools import ime_type

SAMPLES = Path(__file__).resolve().parents[1] / "data"
CENTRE = "古楼村留守儿童关爱活动中心"
ADDRESS = "广西贺州市钟山县古楼村小学"
PASSWORD = "guloucun8"


@pytest.fixture(autouse=True)
def _chinese_again():
    """A test that picks English leaves the application in English: the next test starts in Chinese again."""
    yield
    app = QCoreApplication.instance()
    if app is not None and i18n.current_language() != "zh_CN":
        i18n.install_language(app, "zh_CN")


def wizard(window) -> QWidget:
    gate = window.screens.currentWidget()
    assert gate.objectName() == "firstRunWizard"
    return gate


def step_name(window) -> str:
    return wizard(window).stack.currentWidget().objectName()


def press(qtbot, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """A key pressed where the cursor is, as on a real keyboard."""
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key)


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    """Click into ``field`` (the cursor goes there) and type ASCII."""
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is field
    qtbot.keyClicks(field, text)


def tab_to(qtbot, widget: QWidget) -> None:
    """Press Tab until the cursor is on ``widget``."""
    for _ in range(20):
        if QApplication.focusWidget() is widget:
            return
        press(qtbot, Qt.Key.Key_Tab)
    pytest.fail(f"Tab never reached {widget.objectName()}")


def only_the_window(window) -> None:
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]


def count(ctx, model) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def centre_and_admin(qtbot, window) -> None:
    """Steps 1 and 2 by the keyboard: Enter moves to the next field, and on from the last one."""
    assert step_name(window) == "firstRunCentreStep"
    name = wizard(window).findChild(QLineEdit, "firstRunCentreName")
    assert QApplication.focusWidget() is name
    ime_type(name, CENTRE)
    press(qtbot)
    ime_type(wizard(window).findChild(QLineEdit, "firstRunCentreAddress"), ADDRESS)
    press(qtbot)
    assert step_name(window) == "firstRunAdminStep"
    qtbot.keyClicks(QApplication.focusWidget(), "lifang")
    press(qtbot)
    ime_type(QApplication.focusWidget(), "李芳")
    press(qtbot)
    qtbot.keyClicks(QApplication.focusWidget(), PASSWORD)
    press(qtbot)
    qtbot.keyClicks(QApplication.focusWidget(), PASSWORD)
    press(qtbot)
    assert step_name(window) == "firstRunLanguageStep"


def test_a_new_centre_sets_up_with_the_keyboard_in_english(qtbot, fresh_window, data_dir, tmp_path) -> None:
    window = fresh_window
    assert window.locked
    only_the_window(window)
    wizard(window).open_folder = lambda folder: pytest.fail(f"no demo was chosen, yet {folder} was opened")
    centre_and_admin(qtbot, window)
    # The administrator, the centre's name and address and the sign-in: one save.
    ctx = window.ctx
    assert not accounts.needs_first_admin(ctx)
    info = settings.get_centre(ctx)
    assert (info.name, info.address) == (CENTRE, ADDRESS)
    assert not ctx.actor.signed_in  # the window signs in when the wizard ends

    # English, applied at once: the steps already shown and the rest of the wizard speak it.
    chinese = QApplication.focusWidget()
    assert chinese.objectName() == "firstRunLanguage_zh_CN" and chinese.isChecked()
    press(qtbot, Qt.Key.Key_Down)
    assert wizard(window).findChild(QRadioButton, "firstRunLanguage_en").isChecked()
    assert i18n.current_language() == "en"
    admin_step = wizard(window).steps[1]
    qtbot.waitUntil(
        lambda: admin_step.labels[0].text() == "User name:", timeout=3000
    )  # the steps retranslate
    assert settings.get_language(ctx) == "zh_CN"  # applied, not saved before Enter
    press(qtbot, Qt.Key.Key_Escape)  # back: the administrator's step in English, as it was created
    assert step_name(window) == "firstRunAdminStep"
    assert wizard(window).findChild(QLineEdit, "firstRunUsername").text() == "lifang"
    created = wizard(window).findChild(QLabel, "firstRunAdminCreated")
    assert created.isVisible() and "lifang" in created.text()
    press(qtbot)
    assert step_name(window) == "firstRunLanguageStep"
    press(qtbot)
    assert settings.get_language(ctx) == "en"

    # Start empty: two steps down the choice.
    assert step_name(window) == "firstRunStartStep"
    start = wizard(window).stack.currentWidget()
    translate = QCoreApplication.translate
    assert start.options["empty"].text() == translate("StartStep", "从空白开始(&E)")
    assert wizard(window).next_button.text() == translate("FirstRunWizard", "下一步  Enter")
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert wizard(window).findChild(QRadioButton, "firstRunStartEmpty").isChecked()
    press(qtbot)

    # The backup folder: a USB stick's folder, typed (its name in Chinese), and when the first backup runs.
    assert step_name(window) == "firstRunBackupStep"
    stick = tmp_path / "U盘" / "中心备份"
    stick.mkdir(parents=True)
    folder = wizard(window).findChild(QLineEdit, "firstRunBackupFolder")
    assert QApplication.focusWidget() is folder
    when = wizard(window).findChild(QLabel, "firstRunBackupWhen")
    assert when.text() == wizard(window).stack.currentWidget().when.text() and when.text()
    ime_type(folder, str(stick))
    assert when.text().startswith(
        translate(
            "BackupStep",
            "第一次备份到这个文件夹：%1关闭程序时。那时请插好 U 盘；没插时只备份在这台电脑上，下次再复制。",
        ).split("%1")[0]
    )
    assert backup.get_backup_folder(_admin(ctx)) is None  # nothing saved before Enter
    press(qtbot)

    # The workspace, signed in, in English, with the centre's name in the title.
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    assert window.ctx.actor.username == "lifang" and window.ctx.actor.role == "admin"
    assert CENTRE in window.windowTitle()
    assert window.nav.item(0).text() == "Home"
    assert "李芳" in window.user_label.text()
    assert backup.get_backup_folder(window.ctx) == stick.resolve()
    only_the_window(window)


def _admin(ctx):
    from dataclasses import replace

    return replace(ctx, actor=accounts.sign_in_as(ctx, "lifang"))


def test_going_back_keeps_what_was_typed_and_nothing_is_written_before_a_step_saves(
    qtbot, fresh_window
) -> None:
    window = fresh_window
    ctx = window.ctx
    name = wizard(window).findChild(QLineEdit, "firstRunCentreName")
    press(qtbot)  # to the address
    press(qtbot)  # on, without a name: refused, still here, the cursor back in the name
    assert step_name(window) == "firstRunCentreStep"
    assert "中心名称" in wizard(window).message.text()
    assert QApplication.focusWidget() is name
    ime_type(name, CENTRE)
    press(qtbot)
    press(qtbot)
    assert step_name(window) == "firstRunAdminStep"
    assert settings.get_centre(ctx).name == settings.DEFAULT_CENTRE_NAME  # checked, not saved: nobody may yet
    qtbot.keyClicks(QApplication.focusWidget(), "lifang")
    press(qtbot)
    ime_type(QApplication.focusWidget(), "李芳")
    press(qtbot, Qt.Key.Key_Escape)
    assert step_name(window) == "firstRunCentreStep"
    assert name.text() == CENTRE
    name.selectAll()
    ime_type(name, "古楼村儿童之家")
    press(qtbot)
    press(qtbot)
    assert wizard(window).findChild(QLineEdit, "firstRunUsername").text() == "lifang"
    assert wizard(window).findChild(QLineEdit, "firstRunDisplayName").text() == "李芳"

    # Passwords that differ: said, both emptied, nothing written.
    password = wizard(window).findChild(QLineEdit, "firstRunPassword")
    password2 = wizard(window).findChild(QLineEdit, "firstRunPassword2")
    type_into(qtbot, password, PASSWORD)
    press(qtbot)
    qtbot.keyClicks(QApplication.focusWidget(), PASSWORD + "x")
    press(qtbot)
    assert wizard(window).message.text() == "两次输入的密码不一致，请重新输入。"
    assert (password.text(), password2.text()) == ("", "")
    assert QApplication.focusWidget() is password
    assert count(ctx, User) == 0 and accounts.needs_first_admin(ctx)
    # A password everybody tries: the service's refusal, nothing written.
    qtbot.keyClicks(password, "123456")
    press(qtbot)
    qtbot.keyClicks(password2, "123456")
    press(qtbot)
    assert "太常见" in wizard(window).message.text()
    assert count(ctx, User) == 0
    assert step_name(window) == "firstRunAdminStep"

    password.clear()
    password2.clear()
    type_into(qtbot, password, PASSWORD)
    press(qtbot)
    qtbot.keyClicks(password2, PASSWORD)
    press(qtbot)
    assert step_name(window) == "firstRunLanguageStep"
    assert settings.get_centre(ctx).name == "古楼村儿童之家"

    # Back to the centre after the administrator exists: a change is saved by its own use case.
    press(qtbot, Qt.Key.Key_Escape)
    press(qtbot, Qt.Key.Key_Escape)
    assert step_name(window) == "firstRunCentreStep"
    name.selectAll()
    ime_type(name, CENTRE)
    press(qtbot)
    press(qtbot)
    assert settings.get_centre(ctx).name == CENTRE
    assert step_name(window) == "firstRunAdminStep"
    press(qtbot)  # created already: Enter goes on
    assert step_name(window) == "firstRunLanguageStep"
    only_the_window(window)


def walk_to_the_start_step(qtbot, window) -> None:
    centre_and_admin(qtbot, window)
    press(qtbot)  # Chinese
    assert step_name(window) == "firstRunStartStep"


def test_the_demo_goes_into_a_separate_folder_that_is_opened(qtbot, fresh_window, data_dir) -> None:
    window = fresh_window
    opened: list[Path] = []
    wizard(window).open_folder = opened.append
    walk_to_the_start_step(qtbot, window)
    press(qtbot, Qt.Key.Key_Down)
    assert wizard(window).findChild(QRadioButton, "firstRunStartDemo").isChecked()
    press(qtbot)
    # Written on a worker; the wizard goes on to the backup step by itself when the demo is ready.
    qtbot.waitUntil(lambda: step_name(window) == "firstRunBackupStep", timeout=60_000)
    demo_root = demo_folder.demo_folder_for(data_dir).root
    assert str(demo_root) in wizard(window).message.text()
    press(qtbot)  # no backup folder: only this PC
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    assert opened == [demo_root]

    # This centre's folder has no demo data and is no demo folder.
    ctx = window.ctx
    assert window.ctx.actor.username == "lifang"
    assert not accounts.is_demo_folder(ctx)
    assert (count(ctx, Child), count(ctx, BookCopy)) == (0, 0)
    assert not window.findChild(QWidget, "demoBanner").isVisible()
    assert CENTRE in window.windowTitle()
    window.close()

    # The demo folder opens signed in by itself, under the 演示数据 banner.
    demo = open_main_window(DataDir(demo_root))
    qtbot.addWidget(demo)
    qtbot.waitExposed(demo)
    assert not demo.locked and demo.ctx.actor.username == accounts.DEMO_USERNAME
    assert demo.findChild(QWidget, "demoBanner").isVisible()
    assert count(demo.ctx, Child) >= 100
    demo.close()


def test_books_imported_through_the_wizard(qtbot, fresh_window) -> None:
    window = fresh_window
    walk_to_the_start_step(qtbot, window)
    assert wizard(window).findChild(QRadioButton, "firstRunStartImport").isChecked()
    press(qtbot)
    assert wizard(window).findChild(QWidget, "firstRunImports").isVisible()
    books = wizard(window).findChild(QPushButton, "firstRunImportBooks")
    assert QApplication.focusWidget() is books
    press(qtbot)  # Enter on the books' button opens the catalogue's own import panel
    panel = wizard(window).findChild(QWidget, "importPanel")
    assert panel.isVisible() and QApplication.focusWidget() is panel.choose_button
    panel.choose_file = lambda: str(SAMPLES / "donation_sample.xlsx")
    press(qtbot)  # choose the file: the preview is read on a worker
    qtbot.waitUntil(lambda: panel.preview is not None, timeout=20_000)
    assert count(window.ctx, BookCopy) == 0  # the preview writes nothing
    # The sample has a row with a bad ISBN: Tab to "skip the rows with problems", Space, Tab to 导入, Enter.
    assert not panel.run_button.isEnabled()
    tab_to(qtbot, panel.skip_invalid)
    press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, panel.run_button)
    press(qtbot)
    qtbot.waitUntil(lambda: panel.result is not None, timeout=30_000)
    copies = panel.result.copies_created
    assert count(window.ctx, BookCopy) == copies > 0
    done = wizard(window).findChild(QLabel, "firstRunImported")
    assert done.isVisible() and str(copies) in done.text()
    press(qtbot, Qt.Key.Key_Escape)  # the panel closes; Enter goes on
    assert not panel.isVisible()
    assert QApplication.focusWidget() is wizard(window).next_button
    press(qtbot)
    assert step_name(window) == "firstRunBackupStep"
    press(qtbot)
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    assert window.ctx.actor.username == "lifang"
    only_the_window(window)


def test_a_backup_folder_that_is_not_there_is_refused(qtbot, fresh_window, tmp_path) -> None:
    window = fresh_window
    walk_to_the_start_step(qtbot, window)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot)
    step = wizard(window).stack.currentWidget()
    step.choose_folder = lambda: str(tmp_path / "拔出的U盘")
    qtbot.mouseClick(step.choose, Qt.MouseButton.LeftButton)
    press(qtbot)
    assert "找不到文件夹" in wizard(window).message.text()
    assert window.locked and step_name(window) == "firstRunBackupStep"
    step.folder.clear()
    press(qtbot)  # none: backups stay on this PC
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)


@pytest.mark.slow
def test_the_demo_folder_opens_in_a_window_of_its_own(tmp_path) -> None:
    """The command the wizard starts opens the app on the demo folder (here: until the window is ready)."""
    centre = DataDir(tmp_path / "data").ensure()
    ctx = open_store(centre)
    try:
        ctx.actor = accounts.set_up_centre(ctx, "lifang", "李芳", PASSWORD, centre_name=CENTRE)
        made = demo_folder.create_demo_folder(ctx)
    finally:
        ctx.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        launch.app_command(made.root, "--quit-when-ready"),
        cwd=str(Path(__file__).resolve().parents[2]),
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
