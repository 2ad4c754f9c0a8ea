"""备份与恢复 tab: back up now, back up to a USB folder, restore after seeing the backup's counts."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from center_app.context import Actor
from center_app.db.models import Child
from center_app.services import overview, settings


def open_backup_tab(window):  # noqa: ANN001, ANN201
    page = window.show_page("settingsPage")
    return page.tab("backupTab")


def test_backup_now_lists_the_new_file(qtbot, window) -> None:
    tab = open_backup_tab(window)
    before = tab.table.rowCount()
    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    assert "已备份到" in tab.message.text()
    assert tab.table.rowCount() == before + 1
    assert any(p.name.startswith("center-manual-") for p in window.ctx.data_dir.backups.iterdir())


def test_backup_to_a_usb_folder(qtbot, window, tmp_path) -> None:
    usb = tmp_path / "U盘"
    usb.mkdir()
    tab = open_backup_tab(window)
    tab.choose_folder = lambda: str(usb)
    qtbot.mouseClick(tab.usb_button, Qt.MouseButton.LeftButton)
    assert len(list(usb.glob("*.db"))) == 1
    assert str(usb) in tab.message.text()


def test_restore_shows_counts_then_replaces_the_data_and_signs_out(qtbot, window) -> None:
    ctx = window.ctx
    with ctx.db.session() as s:
        s.add_all([Child(name="王子涵"), Child(name="李明")])
    tab = open_backup_tab(window)
    backup_file = tab.backup_to(None)
    with ctx.db.session() as s:
        s.add(Child(name="备份之后登记的"))
    assert overview.counts(ctx).children == 3

    tab.choose_file = lambda: str(backup_file)
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    assert tab.confirm_box.isVisible()
    assert "儿童 2" in tab.confirm_text.text()
    assert overview.counts(ctx).children == 3  # nothing replaced before confirming

    qtbot.mouseClick(tab.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.locked, timeout=3000)  # the restored data may not know this user
    assert not ctx.actor.signed_in  # signed out: nobody is acting in the window any more
    assert overview.counts(dataclasses.replace(ctx, actor=Actor.command_line())).children == 2
    assert list(ctx.data_dir.backups.glob("center-before-restore-*.db"))


def test_restore_refuses_a_bad_file_and_changes_nothing(qtbot, window, tmp_path) -> None:
    bogus = tmp_path / "不是备份.db"
    bogus.write_bytes(b"not a database" * 100)
    tab = open_backup_tab(window)
    tab.choose_file = lambda: str(bogus)
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    assert "不是有效的备份文件" in tab.message.text()
    assert not tab.confirm_box.isVisible()
    assert not window.locked
    assert settings.get_centre(window.ctx).name == settings.DEFAULT_CENTRE_NAME
