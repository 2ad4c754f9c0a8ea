"""Importing a donation list from the catalogue page: preview with 第N行 problems, skip or refuse, all or nothing,
cancel, and the new copies' labels."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from center_app.db.models import BookCopy, BookTitle, DonationBatch, Donor
from center_app.ui.main_window import PageSpec
from center_app.ui.pages.catalog import CatalogPage
from tests.uitools import ime_type

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
SAMPLE = SAMPLES / "donation_sample.xlsx"
needs_sample = pytest.mark.skipif(not SAMPLE.exists(), reason="../shared/samples is not beside the checkout")


def install_catalog(window) -> CatalogPage:  # noqa: ANN001
    row = next(i for i, spec in enumerate(window.specs) if spec.object_name == "catalogPage")
    window.specs[row] = PageSpec(
        "catalogPage", window.specs[row].title, lambda: CatalogPage(window.ctx, window.events)
    )
    window.pages.pop(row, None)
    return window.show_page("catalogPage")


def counts(ctx) -> tuple[int, int]:  # noqa: ANN001
    with ctx.db.read() as s:
        return (
            s.scalar(select(func.count(BookTitle.id))) or 0,
            s.scalar(select(func.count(BookCopy.id))) or 0,
        )


@pytest.fixture
def page(qtbot, window) -> CatalogPage:  # noqa: ANN001
    page = install_catalog(window)
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach only the active window
    qtbot.keyClick(page.search, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert page.side.currentWidget() is page.import_panel
    return page


@needs_sample
def test_preview_then_import_the_sample_skipping_the_bad_row(qtbot, page: CatalogPage) -> None:  # noqa: ANN001
    panel = page.import_panel
    assert panel.objectName() == "importPanel"
    panel.choose_file = lambda: str(SAMPLE)
    qtbot.mouseClick(panel.choose_button, Qt.MouseButton.LeftButton)

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
    assert panel.print_button.isVisible()
    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    assert page.side.currentWidget() is page.print_panel
    assert len(page.print_panel.spine_barcodes()) == 39
    assert "共 39 张书标" in page.print_panel.summary.text()


@needs_sample
def test_cancel_during_the_import_writes_nothing(qtbot, page: CatalogPage) -> None:  # noqa: ANN001
    panel = page.import_panel
    assert panel.load(SAMPLE)
    panel.skip_invalid.setChecked(True)
    callback = panel.progress_callback

    def progress(done: int, total: int) -> None:
        callback(done, total)
        assert panel.cancel_button.isVisible()
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)  # the user clicks Cancel mid-way

    panel.progress_callback = progress
    assert panel.run() is None
    assert counts(page.ctx) == (0, 0)
    with page.ctx.db.read() as s:
        assert s.scalar(select(func.count(Donor.id))) == 0
        assert s.scalar(select(func.count(DonationBatch.id))) == 0
    assert "导入已取消" in panel.message.text()
    assert not panel.progress.isVisible() and panel.run_button.isEnabled()  # may try again


def test_the_donor_field_names_the_donor_of_a_list_without_one(
    qtbot, page: CatalogPage, tmp_path: Path
) -> None:  # noqa: ANN001
    csv = tmp_path / "捐书.csv"
    csv.write_text("书名,作者,册数\n草房子,曹文轩,2\n小王子,圣埃克苏佩里,1\n", encoding="utf-8-sig")
    panel = page.import_panel
    panel.choose_file = lambda: str(csv)
    qtbot.mouseClick(panel.choose_button, Qt.MouseButton.LeftButton)
    assert panel.run_button.isEnabled()
    assert "没有“捐赠方”列" in panel.donor.placeholderText()
    ime_type(panel.donor, "贺州市青少年关爱协会")
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert counts(page.ctx) == (2, 3)
    with page.ctx.db.read() as s:
        assert list(s.scalars(select(Donor.name))) == ["贺州市青少年关爱协会"]
    assert page.donor_filter.findText("贺州市青少年关爱协会（3 册）") > 0


def test_an_unreadable_file_is_explained(qtbot, page: CatalogPage, tmp_path: Path) -> None:  # noqa: ANN001
    bad = tmp_path / "照片.xlsx"
    bad.write_bytes(b"not a spreadsheet")
    panel = page.import_panel
    assert not panel.load(bad)
    assert panel.message.text()
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


def problem_texts(panel) -> list[str]:  # noqa: ANN001
    return [panel.problems.item(n).text() for n in range(panel.problems.count())]


def test_the_same_list_again_asks_first_and_the_preview_says_what_it_read(
    qtbot, page: CatalogPage, tmp_path: Path
) -> None:  # noqa: ANN001
    path = merged_donation_list(tmp_path / "捐赠.xlsx")
    panel = page.import_panel
    panel.choose_file = lambda: str(path)
    qtbot.mouseClick(panel.choose_button, Qt.MouseButton.LeftButton)
    summary = panel.summary.text()
    assert "工作表：捐赠清单（第 1 行是表头）" in summary and "未使用的列：经手人" in summary
    assert "捐赠方：爱心书屋" in summary  # both rows, not 未注明 for the second
    assert "请核对：第2–3行的“捐赠方”是合并单元格，已按合并的值填入每一行" in problem_texts(panel)
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert counts(page.ctx) == (2, 3)

    # The same file a second time: the preview says so, and the import asks before registering every copy again.
    qtbot.mouseClick(panel.choose_button, Qt.MouseButton.LeftButton)
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
    assert counts(page.ctx) == (2, 6)
    assert "共 3 册" in panel.message.text()
