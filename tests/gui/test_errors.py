"""An unexpected error: a friendly Chinese dialog with "copy details", the traceback in logs/, data as it was."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QApplication, QPushButton

from center_app.db.models import Setting
from center_app.domain.errors import ValidationError
from center_app.services import settings
from center_app.ui.errors import last_error_dialog


@pytest.mark.qt_no_exception_capture
def test_a_crash_in_a_click_handler_shows_a_dialog_and_logs_the_traceback(
    qtbot, window, expected_error_dialogs
) -> None:
    page = window.show_page("settingsPage")

    def broken_save() -> None:
        with window.ctx.db.session() as s:
            s.add(Setting(key="half_done", value="1"))  # would be a partial write…
            s.flush()
            raise RuntimeError("意外的错误 in the middle of a transaction")

    button = QPushButton("坏按钮", page)
    button.clicked.connect(broken_save)
    button.click()  # the exception escapes the slot and reaches sys.excepthook
    qtbot.waitUntil(lambda: last_error_dialog() is not None and last_error_dialog().isVisible(), timeout=3000)
    box = last_error_dialog()
    assert "意外错误" in box.text() and "数据没有被改动" in box.text()
    copy = box.findChild(QPushButton, "errorCopyDetails")
    copy.click()
    assert "RuntimeError" in QApplication.clipboard().text()
    assert "Traceback" in box.detailedText()
    box.close()
    log = (window.ctx.data_dir.logs / "center.log").read_text(encoding="utf-8")
    assert "RuntimeError: 意外的错误" in log
    assert settings.get_setting(window.ctx, "half_done") is None  # rolled back


def test_a_domain_error_shows_its_own_message(qtbot, window) -> None:
    from center_app.ui.errors import install_excepthook

    install_excepthook(window.ctx.data_dir.logs)
    try:
        raise ValidationError("第3行: ISBN 校验位错误")
    except ValidationError:
        sys.excepthook(*sys.exc_info())
    box = last_error_dialog()
    assert box.text() == "第3行: ISBN 校验位错误"
    box.close()
