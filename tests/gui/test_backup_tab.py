"""备份与恢复 tab: back up now, back up to a USB folder, restore after seeing the backup's counts. Both run on a
worker thread; during a restore the window's navigation waits."""

from __future__ import annotations

import dataclasses
import threading

import pytest
from PySide6.QtCore import Qt

from center_app.context import Actor
from center_app.db.models import Child
from center_app.services import backup, overview, settings


def open_backup_tab(window):
    page = window.show_page("settingsPage")
    return page.tab("backupTab")


def wait_done(qtbot, tab) -> None:
    qtbot.waitUntil(lambda: not tab.busy, timeout=20000)


def test_backup_now_lists_the_new_file(qtbot, window) -> None:
    tab = open_backup_tab(window)
    before = tab.table.rowCount()
    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    assert tab.busy and not tab.backup_button.isEnabled() and tab.progress.isVisible()
    wait_done(qtbot, tab)
    assert "已备份到" in tab.message.text()
    assert tab.backup_button.isEnabled() and not tab.progress.isVisible()
    assert tab.table.rowCount() == before + 1
    assert any(p.name.startswith("center-manual-") for p in window.ctx.data_dir.backups.iterdir())


def test_backup_to_a_usb_folder(qtbot, window, tmp_path) -> None:
    usb = tmp_path / "U盘"
    usb.mkdir()
    tab = open_backup_tab(window)
    tab.choose_folder = lambda: str(usb)
    qtbot.mouseClick(tab.usb_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, tab)
    assert len(list(usb.glob("*.db"))) == 1
    assert str(usb) in tab.message.text()


def test_restore_shows_counts_then_replaces_the_data_and_signs_out(qtbot, window) -> None:
    ctx = window.ctx
    with ctx.db.session() as s:
        s.add_all([Child(name="王子涵"), Child(name="李明")])
    tab = open_backup_tab(window)
    tab.backup_to(None)
    wait_done(qtbot, tab)
    backup_file = tab.last_backup
    with ctx.db.session() as s:
        s.add(Child(name="备份之后登记的"))
    assert overview.counts(ctx).children == 3

    tab.choose_file = lambda: str(backup_file)
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    assert tab.confirm_box.isVisible()
    assert "儿童 2" in tab.confirm_text.text()
    assert overview.counts(ctx).children == 3  # nothing replaced before confirming

    qtbot.mouseClick(tab.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.locked, timeout=10000)  # the restored data may not know this user
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


def test_the_navigation_waits_during_a_restore(qtbot, window, monkeypatch) -> None:
    tab = open_backup_tab(window)
    tab.backup_to(None)
    wait_done(qtbot, tab)
    release, started, threads = threading.Event(), threading.Event(), []
    real = backup.restore

    def restore(*args, **kwargs):
        threads.append(threading.get_ident())
        started.set()
        assert release.wait(10), "the test never let the restore go on"
        return real(*args, **kwargs)

    monkeypatch.setattr(backup, "restore", restore)
    tab.ask_restore(tab.last_backup)
    qtbot.mouseClick(tab.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set, timeout=5000)
    assert threads[0] != threading.get_ident()  # on a worker thread: the window is still painted …
    settings_page = window.current_page()
    # … but nothing may read the data being replaced: no page switch (list or Ctrl+2), no other settings tab,
    # no lock screen, no closing; the status bar says why.
    assert not window.nav.isEnabled() and not settings_page.tabs.tabBar().isEnabled()
    assert "正在从备份恢复数据" in window.statusBar().currentMessage()
    qtbot.keyClick(tab.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is settings_page
    window.lock()
    assert not window.locked
    assert not window.close() and window.isVisible()
    assert tab.progress.isVisible() and not tab.cancel_button.isVisible()  # no cancel once the swap may start
    assert tab.confirm_restore() is None and tab.backup_to(None) is None  # nothing else meanwhile

    release.set()
    qtbot.waitUntil(lambda: window.locked, timeout=20000)  # done: signed out, as after any restore
    assert window.nav.isEnabled() and window.busy_reason is None
    assert window.statusBar().currentMessage() == ""
    assert "已恢复" in tab.message.text()


@pytest.mark.qt_no_exception_capture
def test_a_failed_restore_says_so_and_frees_the_window(
    qtbot, window, monkeypatch, expected_error_dialogs
) -> None:
    tab = open_backup_tab(window)
    tab.backup_to(None)
    wait_done(qtbot, tab)

    def broken(*_args, **_kwargs):
        raise OSError("U 盘被拔出")

    monkeypatch.setattr(backup, "restore", broken)
    tab.ask_restore(tab.last_backup)
    job = tab.confirm_restore()
    wait_done(qtbot, tab)
    assert job.error_dialog is not None and job.error_dialog.isVisible()
    job.error_dialog.close()
    assert "没有完成" in tab.message.text()
    assert window.nav.isEnabled() and not window.locked and window.busy_reason is None
