"""GUI fixtures: the real main window on a fresh data folder, driven like a user would."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest

from center_app.app import open_main_window
from center_app.config import DataDir
from center_app.context import open_store
from center_app.services import accounts

ADMIN = "admin"
ADMIN_PASSWORD = "gulou2026"


@pytest.fixture
def admin_account(data_dir: DataDir) -> str:
    """The centre's first administrator, as the first-run wizard would create it."""
    ctx = open_store(data_dir)
    try:
        accounts.create_first_admin(ctx, ADMIN, "韦管理员", ADMIN_PASSWORD)
    finally:
        ctx.close()
    return ADMIN


@pytest.fixture
def window(qtbot, data_dir: DataDir, admin_account: str) -> Iterator:
    """The main window with the administrator signed in."""
    win = open_main_window(data_dir, user=admin_account)
    qtbot.addWidget(win)
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def fresh_window(qtbot, data_dir: DataDir) -> Iterator:
    """The main window on a brand-new folder, exactly as a first start shows it."""
    win = open_main_window(data_dir)
    qtbot.addWidget(win)
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture(autouse=True)
def _no_unexpected_error_dialog() -> Iterator[None]:
    """A bug inside a service call is shown in the error dialog, not raised: fail the test on it all the same."""
    from center_app.ui import errors

    errors.unexpected_errors.clear()
    yield
    shown = list(errors.unexpected_errors)
    errors.unexpected_errors.clear()
    assert not shown, f"unexpected error dialog(s): {shown!r}"


@pytest.fixture(autouse=True)
def _no_work_left_behind() -> Iterator[None]:
    """Nothing of one test reaches into the next: a worker's outcome still queued (the roll call waits while a job
    runs), a drop-down or dialog left open (the next window's scan router and roll-call poll would wait for it),
    or any window left shown."""
    yield
    from PySide6.QtWidgets import QApplication, QDialog

    from center_app.ui import workers

    workers.wait_for_all(30_000)
    for _ in range(100):
        QApplication.processEvents()
        if not workers.active_jobs():
            break
    for _ in range(10):
        left_open = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        if left_open is None:
            break
        warnings.warn(f"a test left {type(left_open).__name__} {left_open.objectName()!r} open", stacklevel=1)
        left_open.close()
    # A non-modal window left shown (an error box, a second main window) would be the next test's stray window.
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            if isinstance(widget, QDialog):
                widget.done(0)  # a message box without an escape button ignores close()
            widget.close()
            widget.hide()
    QApplication.processEvents()


@pytest.fixture
def expected_error_dialogs() -> Iterator[list[BaseException]]:
    """For tests that provoke an unexpected error on purpose: the errors shown, taken out of the check above."""
    from center_app.ui import errors

    yield errors.unexpected_errors
    errors.unexpected_errors.clear()
