"""Start-up on a damaged center.db: the newest verified backup is offered (date and counts), or another folder;
the damaged file is never overwritten silently."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from center_app import app as app_module
from center_app.config import DataDir
from center_app.context import Actor, open_store
from center_app.services import backup, settings
from center_app.ui.dialogs import store_recovery


@pytest.fixture(autouse=True)
def _no_modal_fatal(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """The fatal message is a modal dialog: record it instead of blocking the test."""
    shown: list[BaseException] = []
    monkeypatch.setattr(app_module, "_show_fatal", lambda exc, _data_dir: shown.append(exc))
    return shown


def _args(folder: Path) -> argparse.Namespace:
    return argparse.Namespace(data_dir=str(folder), demo=False, quit_when_ready=False, command=None)


def _centre_with_backup(folder: Path, name: str) -> tuple[DataDir, backup.BackupInfo]:
    data_dir = DataDir(folder)
    ctx = open_store(data_dir, actor=Actor.command_line())
    try:
        settings.save_centre(ctx, settings.CentreInfo(name))
        made = backup.backup_now(ctx)
    finally:
        ctx.close()
    return data_dir, made


def test_damaged_store_offers_the_newest_backup_and_restores_it(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir, made = _centre_with_backup(tmp_path / "中心 #1", "古楼村儿童之家")
    damaged = os.urandom(30_000)
    data_dir.db_path.write_bytes(damaged)
    asked: list[tuple[str, object]] = []

    def ask(db_path: Path, summary: object) -> tuple[str, Path | None]:
        asked.append((db_path, summary))
        return store_recovery.RESTORE, None

    monkeypatch.setattr(app_module, "_ask_recovery", ask)
    started = app_module.start_window(_args(data_dir.root))
    assert started is not None
    window, opened, lock = started
    qtbot.addWidget(window)
    try:
        assert asked[0][0] == data_dir.db_path
        assert asked[0][1].path == made.path  # type: ignore[attr-defined]
        assert opened == data_dir
        assert settings.get_centre(window.ctx).name == "古楼村儿童之家"
        kept = [p for p in data_dir.backups.iterdir() if p.name.startswith("center-before-restore")]
        assert [p.read_bytes() for p in kept] == [damaged]
    finally:
        window.close()
        window.ctx.close()
        lock.release()


def test_damaged_store_can_open_another_folder_and_leaves_the_damaged_file(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir, _made = _centre_with_backup(tmp_path / "坏的", "坏的中心")
    other, _ = _centre_with_backup(tmp_path / "好的", "好的中心")
    damaged = os.urandom(30_000)
    data_dir.db_path.write_bytes(damaged)
    monkeypatch.setattr(app_module, "_ask_recovery", lambda *_: (store_recovery.OTHER_FOLDER, other.root))
    started = app_module.start_window(_args(data_dir.root))
    assert started is not None
    window, opened, lock = started
    qtbot.addWidget(window)
    try:
        assert opened.root == other.root.resolve()
        assert settings.get_centre(window.ctx).name == "好的中心"
        assert data_dir.db_path.read_bytes() == damaged
    finally:
        window.close()
        window.ctx.close()
        lock.release()


def test_quitting_the_recovery_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir, _made = _centre_with_backup(tmp_path / "中心", "中心")
    damaged = os.urandom(30_000)
    data_dir.db_path.write_bytes(damaged)
    monkeypatch.setattr(app_module, "_ask_recovery", lambda *_: (store_recovery.QUIT, None))
    assert app_module.start_window(_args(data_dir.root)) is None
    assert data_dir.db_path.read_bytes() == damaged
    assert not [p for p in data_dir.backups.iterdir() if "before-restore" in p.name]


def test_the_dialog_shows_the_backup_and_its_buttons(qtbot, tmp_path: Path) -> None:
    data_dir, made = _centre_with_backup(tmp_path / "中心", "古楼村儿童之家")
    summary = backup.inspect_backup(made.path)
    dialog = store_recovery.StoreRecoveryDialog(data_dir.db_path, summary)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.findChild(type(dialog.backup_label), "recoveryBackup").text()
    assert f"{summary.created:%Y-%m-%d %H:%M}" in text and made.path.name in text
    restore = dialog.findChild(type(dialog.restore_button), "recoveryRestoreButton")
    assert restore.isEnabled()
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert dialog.choice == store_recovery.RESTORE
    dialog.grab().save(str(tmp_path / "recovery.png"))

    none = store_recovery.StoreRecoveryDialog(data_dir.db_path, None)
    qtbot.addWidget(none)
    assert not none.restore_button.isEnabled()
    none.choose_folder = lambda: str(tmp_path / "别的")
    qtbot.mouseClick(none.folder_button, Qt.MouseButton.LeftButton)
    assert none.choice == store_recovery.OTHER_FOLDER and none.folder == tmp_path / "别的"
