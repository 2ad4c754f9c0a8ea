"""Importing a donation list from the catalogue page: preview with 第N行 problems, skip or refuse, all or nothing,
cancel, and the new copies' labels. Reading and importing run on a worker thread while the window stays live."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from sqlalchemy import func, select

from center_app.db.models import BookCopy, BookTitle, DonationBatch, Donor
from center_app.services import book_import
from center_app.ui.main_window import PageSpec
from center_app.ui.pages.catalog import CatalogPage
from center_app.ui.pages.children_import import children_import_kind
from center_app.ui.widgets.import_panel import ImportPanel
from tests.uitools import ime_type

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "donation_sample.xlsx"


def install_catalog(window) -> CatalogPage:
    row = next(i for i, spec in enumerate(window.specs) if spec.object_name == "catalogPage")
    window.specs[row] = PageSpec(
        "catalogPage", window.specs[row].title, lambda: CatalogPage(window.ctx, window.events)
    )
    window.pages.pop(row, None)
    return window.show_page("catalogPage")


def counts(ctx) -> tuple[int, int]:
    with ctx.db.read() as s:
        return (
            s.scalar(select(func.count(BookTitle.id))) or 0,
            s.scalar(select(func.count(BookCopy.id))) or 0,
        )


@pytest.fixture
def page(qtbot, window) -> CatalogPage:
    page = install_catalog(window)
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach only the active window
    qtbot.keyClick(page.search, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert page.side.currentWidget() is page.import_panel
    return page


def choose(qtbot, panel: ImportPanel, path: Path) -> None:
    """Pick a file as the user does and wait for its preview (read on a worker thread)."""
    panel.choose_file = lambda: str(path)
    qtbot.mouseClick(panel.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)


def run(qtbot, panel: ImportPanel, button=None) -> None:
    """Click 导入 (or the given button) and wait until the import has ended."""
    qtbot.mouseClick(button or panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)


def test_preview_then_import_the_sample_skipping_the_bad_row(qtbot, page: CatalogPage) -> None:
    panel = page.import_panel
    assert panel.objectName() == "importPanel"
    choose(qtbot, panel, SAMPLE)

    summary = panel.summary.text()
    assert "新增书目 29 种" in summary and "共 39 册" in summary and "王老师" in summary
    problems = [panel.problems.item(n).text() for n in range(panel.problems.count())]
    assert "第10行: ISBN 9787034131642 校验位错误" in problems
    assert not panel.run_button.isEnabled()  # refused whole while a row has a problem …
    assert counts(page.ctx) == (0, 0)  # … and the preview wrote nothing

    panel.skip_invalid.setChecked(True)  # … unless the user chooses to skip it
    assert panel.run_button.isEnabled()
    with qtbot.waitSignal(page.events.data_changed, timeout=5000) as changed:
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert changed.args == ["books"]
    assert counts(page.ctx) == (29, 39)
    assert "新书目 29 种" in panel.message.text() and "第 10 行" in panel.message.text()
    assert not panel.run_button.isEnabled()  # importing the same preview twice would double the copies

    # The catalogue shows them at once, and their labels are one click away.
    assert page.model.total() == 29
    assert panel.action_button.isVisible() and panel.action_button.objectName() == "importPrintLabels"
    assert panel.action_button.hasFocus()
    qtbot.mouseClick(panel.action_button, Qt.MouseButton.LeftButton)
    assert page.side.currentWidget() is page.print_panel
    assert len(page.print_panel.spine_barcodes()) == 39
    assert "共 39 张书标" in page.print_panel.summary.text()


def stall_at_the_first_progress(monkeypatch, until: threading.Event) -> threading.Event:
    """Make the import stop at its first progress report — inside its transaction, after the titles are written
    and before the copies — until ``until`` is set. Returns the event set when it got there."""
    reached = threading.Event()
    real = book_import.run_import

    def run_import(*args, progress, **kwargs):
        def stalled(done: int, total: int) -> None:
            reached.set()
            assert until.wait(10), "the test did not let the import go on"
            progress(done, total)

        return real(*args, progress=stalled, **kwargs)

    monkeypatch.setattr(book_import, "run_import", run_import)
    return reached


def test_cancel_during_the_import_writes_nothing(qtbot, page: CatalogPage, monkeypatch) -> None:
    panel = page.import_panel
    choose(qtbot, panel, SAMPLE)
    panel.skip_invalid.setChecked(True)
    clicked = threading.Event()
    panel.cancel_button.clicked.connect(clicked.set)
    reached = stall_at_the_first_progress(monkeypatch, until=clicked)

    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=10000)  # mid-way: titles written, nothing committed
    assert panel.busy and panel.cancel_button.isVisible() and panel.progress.isVisible()
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)  # the user clicks Cancel
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)

    assert counts(page.ctx) == (0, 0)
    with page.ctx.db.read() as s:
        assert s.scalar(select(func.count(Donor.id))) == 0
        assert s.scalar(select(func.count(DonationBatch.id))) == 0
    assert "导入已取消" in panel.message.text()
    assert not panel.progress.isVisible() and panel.run_button.isEnabled()  # may try again


def test_the_import_runs_off_the_gui_thread_while_the_window_stays_live(
    qtbot, page: CatalogPage, monkeypatch
) -> None:
    panel = page.import_panel
    choose(qtbot, panel, SAMPLE)
    panel.skip_invalid.setChecked(True)
    timer_fired = threading.Event()
    threads: list[int] = []
    real = book_import.run_import

    def run_import(*args, **kwargs):
        threads.append(threading.get_ident())
        # Goes on only once a timer of the GUI thread has fired: on the GUI thread itself this would wait forever.
        assert timer_fired.wait(10), "the GUI thread's event loop did not run during the import"
        return real(*args, **kwargs)

    monkeypatch.setattr(book_import, "run_import", run_import)
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert panel.busy  # the click returned at once, with the import still running
    # What must not happen meanwhile is visibly off: another file, another import, closing the panel.
    assert not panel.choose_button.isEnabled() and not panel.run_button.isEnabled()
    assert not panel.close_button.isEnabled() and not panel.option.isEnabled()
    assert panel.run() is None and panel.load(SAMPLE) is None
    page.close_panel()  # Esc: the panel stays while it works
    assert page.side.currentWidget() is panel
    # … and so is an import in another panel (the roster's) until this one is done.
    other = ImportPanel(page.ctx, children_import_kind(), page)
    other.path, other.preview = SAMPLE, panel.preview
    other.run_button.setEnabled(True)
    assert other.run() is None and "另一个导入还没有完成" in other.message.text()

    QTimer.singleShot(20, timer_fired.set)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)
    assert threads and threads[0] != threading.get_ident()
    assert counts(page.ctx) == (29, 39)
    assert "新书目 29 种" in panel.message.text()


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_in_the_worker_is_shown_and_logged(
    qtbot, page: CatalogPage, monkeypatch, expected_error_dialogs
) -> None:
    panel = page.import_panel
    choose(qtbot, panel, SAMPLE)
    panel.skip_invalid.setChecked(True)

    def broken(*_args, **_kwargs):
        raise RuntimeError("磁盘出错 in the worker")

    monkeypatch.setattr(book_import, "run_import", broken)
    job = panel.run()
    assert job is not None
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)
    box = job.error_dialog
    assert box is not None and box.isVisible() and "意外错误" in box.text()
    assert "RuntimeError" in box.detailedText()
    assert "没有完成" in panel.message.text()
    assert panel.run_button.isEnabled()  # the preview stands; the user may try again
    log = (page.ctx.data_dir.logs / "center.log").read_text(encoding="utf-8")
    assert "RuntimeError: 磁盘出错 in the worker" in log
    box.close()
    assert counts(page.ctx) == (0, 0)


def test_the_donor_field_names_the_donor_of_a_list_without_one(
    qtbot, page: CatalogPage, tmp_path: Path
) -> None:
    csv = tmp_path / "捐书.csv"
    csv.write_text("书名,作者,册数\n草房子,曹文轩,2\n小王子,圣埃克苏佩里,1\n", encoding="utf-8-sig")
    panel = page.import_panel
    choose(qtbot, panel, csv)
    assert panel.run_button.isEnabled()
    assert panel.option.objectName() == "importDonor"
    assert "没有“捐赠方”列" in panel.option.placeholderText()
    ime_type(panel.option, "贺州市青少年关爱协会")
    run(qtbot, panel)
    assert counts(page.ctx) == (2, 3)
    with page.ctx.db.read() as s:
        assert list(s.scalars(select(Donor.name))) == ["贺州市青少年关爱协会"]
    assert page.donor_filter.findText("贺州市青少年关爱协会（3 册）") > 0


def test_an_unreadable_file_is_explained(qtbot, page: CatalogPage, tmp_path: Path) -> None:
    bad = tmp_path / "照片.xlsx"
    bad.write_bytes(b"not a spreadsheet")
    panel = page.import_panel
    panel.load(bad)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)
    assert panel.message.text() and panel.preview is None
    assert not panel.run_button.isEnabled()
    assert counts(page.ctx) == (0, 0)


def merged_donation_list(path: Path) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "捐赠清单"
    sheet.append(["书名", "作者", "数量", "捐赠方", "经手人"])
    sheet.append(["草房子", "曹文轩", 2, "爱心书屋", "韦老师"])
    sheet.append(["小王子", "圣埃克苏佩里", 1, None, None])
    sheet.merge_cells("D2:D3")
    workbook.save(path)
    return path


def problem_texts(panel) -> list[str]:
    return [panel.problems.item(n).text() for n in range(panel.problems.count())]


def test_the_same_list_again_asks_first_and_the_preview_says_what_it_read(
    qtbot, page: CatalogPage, tmp_path: Path
) -> None:
    path = merged_donation_list(tmp_path / "捐赠.xlsx")
    panel = page.import_panel
    choose(qtbot, panel, path)
    summary = panel.summary.text()
    assert "工作表：捐赠清单（第 1 行是表头）" in summary and "未使用的列：经手人" in summary
    assert "捐赠方：爱心书屋" in summary  # both rows, not 未注明 for the second
    assert "请核对：第2–3行的“捐赠方”是合并单元格，已按合并的值填入每一行" in problem_texts(panel)
    run(qtbot, panel)
    assert counts(page.ctx) == (2, 3)

    # The same file a second time: the preview says so, and the import asks before registering every copy again.
    choose(qtbot, panel, path)
    assert any("这个文件已在" in t and "导入过（2 行，3 册），再导入需要确认" in t for t in problem_texts(panel))
    assert panel.run_button.isEnabled()
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert panel.again_box.isVisible() and "每一册都会再登记一遍" in panel.again_text.text()
    assert panel.again_button.hasFocus()
    assert counts(page.ctx) == (2, 3)  # nothing yet
    qtbot.mouseClick(panel.again_cancel, Qt.MouseButton.LeftButton)
    assert not panel.again_box.isVisible() and panel.message.text() == "没有导入。"
    assert counts(page.ctx) == (2, 3)

    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert panel.again_box.isVisible()
    qtbot.keyClick(panel.again_button, Qt.Key.Key_Space)  # the focused "仍要再导入" button, from the keyboard
    assert not panel.again_box.isVisible()
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)
    assert counts(page.ctx) == (2, 6)
    assert "共 3 册" in panel.message.text()
