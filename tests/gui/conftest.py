"""GUI fixtures: the real main window on a fresh data folder, driven like a user would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from center_app.app import open_main_window
from center_app.config import DataDir


@pytest.fixture
def window(qtbot, data_dir: DataDir) -> Iterator:  # noqa: ANN001
    win = open_main_window(data_dir)
    qtbot.addWidget(win)
    qtbot.waitExposed(win)
    yield win
    win.close()
