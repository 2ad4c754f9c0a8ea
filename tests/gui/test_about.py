"""关于 (About), the version and the icon: what a user sees of them, and where the version comes from."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPlainTextEdit, QPushButton, QToolButton

import center_app
from center_app import config, version
from center_app.config import resource_path

REPO = Path(__file__).resolve().parents[2]


def _pyproject_version() -> str:
    import tomllib

    return tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def test_the_status_bar_button_opens_about_with_the_version_and_every_licence(qtbot, window) -> None:
    button = window.findChild(QToolButton, "aboutButton")
    assert button is not None and button.isVisible() and button.text() == "关于"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(QDialog, "aboutDialog")
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    assert dialog.parent() is window  # owned by the window: never a stray window of its own

    assert dialog.findChild(QLabel, "aboutVersion").text() == f"版本 {_pyproject_version()}"
    assert "Apache-2.0" in dialog.findChild(QLabel, "aboutLicenseName").text()
    licence = dialog.findChild(QPlainTextEdit, "aboutLicenseText").toPlainText()
    assert "Apache License" in licence and "Version 2.0, January 2004" in licence
    fonts = dialog.findChild(QPlainTextEdit, "aboutFontLicenses").toPlainText()
    for path in sorted(resource_path("fonts").glob("LICENSE*")):  # every bundled font's licence, in full
        name = path.stem.removeprefix("LICENSE").lstrip("-_ ")
        assert f"━━ {name} ━━" in fonts
        assert path.read_text("utf-8").strip().splitlines()[-1].strip() in fonts
    assert "LGPL-3.0" in dialog.findChild(QPlainTextEdit, "aboutComponents").toPlainText()

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc closes it, like every dialog
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    if QApplication.activeWindow() is None:  # what a window manager does when an owned dialog closes
        window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def test_f1_opens_about_and_its_close_button_closes_it(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(QDialog, "aboutDialog")
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible(), timeout=2000)
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert sorted(map(id, visible)) == sorted(map(id, [window, dialog]))
    qtbot.mouseClick(dialog.findChild(QPushButton, "aboutClose"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert window.show_about() is dialog  # opened again: the same dialog
    dialog.reject()


def test_the_window_has_the_app_icon_and_the_centre_in_its_title(window) -> None:
    icon = window.windowIcon()
    assert not icon.isNull()
    assert {16, 32, 48, 256} <= {size.width() for size in icon.availableSizes()}
    from center_app.services import settings

    centre = settings.get_centre(window.ctx).name
    assert window.windowTitle().startswith("儿童之家管理系统") and window.windowTitle().endswith(
        f" — {centre}"
    )


def test_the_icon_files_for_the_window_and_the_windows_exe_are_there() -> None:
    from PIL import Image

    for size in (16, 24, 32, 48, 64, 128, 256):
        with Image.open(resource_path("icons", f"center_app_{size}.png")) as png:
            assert png.size == (size, size)
    with Image.open(resource_path("icons", "center_app.ico")) as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])


def test_the_version_comes_from_the_package_metadata() -> None:
    version.version.cache_clear()
    assert version.version() == _pyproject_version()
    assert center_app.__version__ == _pyproject_version()
    with pytest.raises(AttributeError):
        center_app.no_such_thing  # noqa: B018 - the module's __getattr__ answers only __version__


def test_the_bundle_reads_the_version_baked_in_at_build_time(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "VERSION").write_text("9.8.7\n", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    version.version.cache_clear()
    try:
        assert config.frozen() and config.app_root() == tmp_path
        assert version.version() == "9.8.7"
        # every resource and the migrations are found inside the bundle's folder
        assert config.resource_path("fonts", "x.ttf") == tmp_path / "resources" / "fonts" / "x.ttf"
        assert config.migrations_dir() == tmp_path / "center_app" / "db" / "migrations"
        (tmp_path / "VERSION").unlink()
        version.version.cache_clear()
        assert version.version() == version.UNKNOWN
    finally:
        monkeypatch.undo()
        version.version.cache_clear()


def test_version_on_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--version"], capture_output=True, text=True, encoding="utf-8"
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"center-app {_pyproject_version()}"
