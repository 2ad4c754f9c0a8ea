"""``selftest``: open (and migrate) the store, build the main window offscreen, visit every page.

Used after installing on a new PC and by the packaged-app smoke test; names what failed.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from center_app.config import DataDir

_T = TypeVar("_T")


@dataclass
class SelftestResult:
    passed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def run(data_dir: DataDir, report: Callable[[str], None] = print) -> SelftestResult:
    result = SelftestResult()

    def step(name: str, action: Callable[[], _T]) -> _T | None:
        try:
            value = action()
        except Exception as exc:
            result.failed.append((name, f"{exc.__class__.__name__}: {exc}"))
            report(f"✗ {name}")
            import logging

            logging.getLogger(__name__).error("selftest step %s failed\n%s", name, traceback.format_exc())
            return None
        result.passed.append(name)
        report(f"✓ {name}")
        return value

    from center_app.app import prepare_window
    from center_app.bootstrap import qapplication
    from center_app.config import font_path
    from center_app.domain.actor import Actor
    from center_app.ui import workers

    def font_ok() -> None:
        if font_path().stat().st_size < 1_000_000:
            raise OSError(f"字体文件不完整：{font_path()}")

    app = qapplication()
    step("字体文件", font_ok)
    # The command line acts as the machine's administrator, so every page can be visited.
    window = step("打开数据库并建立主窗口", lambda: prepare_window(data_dir, actor=Actor.command_line()))
    if window is None:
        return result
    window.show()
    app.processEvents()
    for row, spec in enumerate(window.specs):

        def visit(row: int = row) -> None:
            window.show_row(row)
            app.processEvents()
            page = window.current_page()
            if page.objectName() != window.specs[row].object_name:
                raise RuntimeError(f"显示的是 {page.objectName()}")
            page.refresh()
            # Work the page started on a worker thread (a big catalogue's load) ends before the next page. There
            # is no running event loop here (a command, not the app), so its result is delivered by processEvents.
            if not workers.wait_for_all(120_000):
                raise RuntimeError("后台工作没有在两分钟内完成")
            app.processEvents()

        step(f"页面 {spec.object_name}", visit)
    window.close()
    window.ctx.close()
    window.deleteLater()
    # Delete the window now, while the QApplication exists: Qt objects left for Python's interpreter shutdown
    # can crash it (a segfault after "自检通过" would make the exit code lie).
    from PySide6.QtCore import QEvent

    app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    return result
