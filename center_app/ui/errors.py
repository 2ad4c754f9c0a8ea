"""Unexpected errors: a friendly Chinese dialog with "copy details"; the traceback goes to ``logs/``.

Domain errors (bad input, a rule said no) are shown by the pages themselves; this is the last line of defence.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from center_app.domain.errors import DomainError

log = logging.getLogger("center_app.errors")

_installed: dict[str, object] = {}
# Every unexpected error shown to the user in this process: the GUI tests fail on any they did not expect (a bug in
# a service call is shown, not raised, so it would otherwise pass unnoticed).
unexpected_errors: list[BaseException] = []


def _owner() -> QWidget | None:
    """The window a dialog belongs to: the active one, else the visible main window. A parentless dialog is a window
    of its own (its own taskbar button, may open behind the app, activation does not return to the main window)."""
    active = QApplication.activeWindow()
    if active is not None:
        return active
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "mainWindow" and widget.isVisible():
            return widget
    return None  # start-up failed before the main window existed: then it is the only window


class _ErrorBox(QMessageBox):
    #: keeps the Python wrapper of the copy button alive with the dialog
    copy_button: QPushButton


def error_dialog(exc: BaseException, logs_dir: Path, *, details: str = "") -> QMessageBox:
    box = _ErrorBox(_owner())
    box.setObjectName("errorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "出了点问题"))
    if isinstance(exc, DomainError):
        box.setText(exc.message)
    else:
        box.setText(
            QCoreApplication.translate(
                "ErrorDialog", "程序遇到一个意外错误，刚才的操作没有完成，数据没有被改动。"
            )
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "ErrorDialog", "详细信息已记录在日志文件中：%1\n如果问题反复出现，请把详细信息发给技术支持。"
            ).replace("%1", str(logs_dir / "center.log"))
        )
    box.setDetailedText(details)
    copy = QPushButton(QCoreApplication.translate("ErrorDialog", "复制详细信息"), box)
    copy.setObjectName("errorCopyDetails")
    box.addButton(copy, QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.addButton(QMessageBox.StandardButton.Ok)
    box.copy_button = copy  # keep the Python wrapper alive with the dialog
    return box


def install_excepthook(logs_dir: Path) -> None:
    """Route uncaught exceptions (e.g. in a slot) to the log and a dialog instead of a console traceback."""
    if _installed.get("logs") == logs_dir:
        return
    _installed["logs"] = logs_dir

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, exc, tb))
        if isinstance(exc, DomainError):
            log.info("refused: %s", exc.message)
        else:
            log.error("unexpected error\n%s", details)
        if isinstance(exc, KeyboardInterrupt) or QApplication.instance() is None:
            sys.__excepthook__(kind, exc, tb)
            return
        show_error(exc, logs_dir, details=details)

    sys.excepthook = hook


def show_error(exc: BaseException, logs_dir: Path, *, details: str = "") -> QMessageBox:
    """Open the error dialog without blocking (a test or the event loop never waits on it); the caller logged."""
    box = error_dialog(exc, logs_dir, details=details)
    box.open()
    _installed["last_dialog"] = box
    if not isinstance(exc, DomainError):
        unexpected_errors.append(exc)
    return box


def last_error_dialog() -> QMessageBox | None:
    """The error dialog shown last, while it still exists (a closed one may have been deleted with its owner)."""
    from shiboken6 import isValid

    box = _installed.get("last_dialog")
    return box if isinstance(box, QMessageBox) and isValid(box) else None


def show_fatal(exc: BaseException, logs_dir: Path) -> None:
    """Start-up failed (the store could not be opened): tell the user in Chinese, then the app exits."""
    if QApplication.instance() is None:
        print(getattr(exc, "message", str(exc)), file=sys.stderr)
        return
    if isinstance(exc, DomainError):  # the store is locked, damaged, read-only, too new…: its own sentence
        box = error_dialog(exc, logs_dir)
    else:
        box = error_dialog(exc, logs_dir, details="".join(traceback.format_exception(exc)))
        box.setText(QCoreApplication.translate("ErrorDialog", "无法打开中心的数据。数据没有被改动。"))
    box.exec()
