"""A donor's equipment list in, the equipment list out: the shared import framework with the equipment schema."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from center_app.context import AppContext
from center_app.db.models import EquipmentItem
from center_app.domain.errors import ValidationError
from center_app.importing import ImportCancelled
from center_app.services import equipment as eq

SAMPLES = Path(__file__).resolve().parent / "data"


def items(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(EquipmentItem)) or 0


def sheet(path: Path, header: list[str], rows: list[list[object]], title: str = "") -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    if title:
        ws.append([title])
        ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def test_the_real_shape_sample_imports_whole(ctx: AppContext) -> None:
    source = SAMPLES / "equipment_donation_sample.xlsx"
    preview = eq.preview_import(ctx, source)
    assert preview.ok and preview.items == 10 and preview.pieces == 131
    assert preview.preview.header_row == 3 and preview.preview.skipped_total_rows == [14]
    assert items(ctx) == 0  # a preview writes nothing
    result = eq.run_import(ctx, source, preview=preview)
    assert (result.items_created, result.pieces) == (10, 131)
    assert result.donors == ("某某公益基金会",)
    rows = {r.name: r for r in eq.list_items(ctx)}
    assert rows["羽毛球拍"].total == 12 and rows["羽毛球拍"].value_fen == 4500  # "12副", "45元"
    assert rows["围棋"].category == "games" and rows["绘本书架"].category_label == "阅读角"
    shuttles = rows["羽毛球（12只装）"]
    assert shuttles.consumable and shuttles.low_stock == 5
    keys = rows["电子琴（61键）"]
    assert keys.tracking == "individual" and keys.total == 2
    assert len(eq.get_item(ctx, keys.id).units) == 2
    # one asset number per quantity item and per unit, in file order
    assert len(result.barcodes) == 8 + 2 + 1 and result.barcodes[0] == "E000001"


def test_bad_rows_are_refused_with_their_numbers_and_nothing_is_written(ctx: AppContext) -> None:
    source = SAMPLES / "equipment_donation_sample_gbk.csv"
    preview = eq.preview_import(ctx, source)
    assert preview.preview.encoding == "gb18030" and preview.preview.header_row == 2
    assert preview.problems == [
        "第4行: “数量”不是有效的整数（三十）",
        "第7行: 器材类别“家具”不认识，只能是 体育、音乐、美术、棋类、电子、阅读角、其他。",
    ]
    with pytest.raises(ValidationError) as refused:
        eq.run_import(ctx, source)
    assert "第4行" in refused.value.details and "第7行" in refused.value.details
    assert items(ctx) == 0
    result = eq.run_import(ctx, source, skip_invalid=True)
    assert result.items_created == 4 and result.skipped_rows == (4, 7)
    assert {r.name for r in eq.list_items(ctx)} == {
        "足球（5号）",
        "口琴（24孔）",
        "彩色铅笔（36色）",
        "五子棋",
    }


def test_asset_numbers_in_use_or_repeated_are_refused_by_row(ctx: AppContext, tmp_path: Path) -> None:
    taken = eq.create_item(ctx, eq.ItemInput("旧投影仪", tracking="individual", quantity=1)).new_barcodes[0]
    source = sheet(
        tmp_path / "清单.xlsx",
        ["名称", "数量", "编号", "逐件编号"],
        [
            ["投影仪", 1, taken, "是"],
            ["平板电脑", 2, "PAD-01、PAD-02", ""],
            ["平板电脑（备用）", 1, "pad-02", "是"],
            ["笔记本电脑", 3, "NB-01、NB-02", "是"],
        ],
        title="某公司捐赠电子设备清单",
    )
    preview = eq.preview_import(ctx, source)
    assert preview.problems == [
        f"第4行: 编号 {taken} 已经用在器材“旧投影仪”上",
        "第6行: 编号 PAD-02 与第5行重复",
        "第7行: 数量是 3，但给了 2 个器材编号，两者应一致（每件一个编号）",
    ]
    result = eq.run_import(ctx, source, skip_invalid=True)
    assert result.barcodes == ("PAD-01", "PAD-02")  # several numbers: one unit each
    assert items(ctx) == 2


def test_the_same_file_again_needs_again(ctx: AppContext, tmp_path: Path) -> None:
    source = sheet(tmp_path / "清单.xlsx", ["名称", "数量", "类别"], [["跳绳", 20, "体育"]])
    eq.run_import(ctx, source)
    preview = eq.preview_import(ctx, source)
    assert preview.earlier is not None and preview.warnings == (
        "第2行: 已有同名器材“跳绳”，将另登记一条，请核对是否重复",
    )
    with pytest.raises(eq.AlreadyImported, match="已在 .* 导入过（1 行，20 件）"):
        eq.run_import(ctx, source)
    eq.run_import(ctx, source, again=True)
    assert items(ctx) == 2


def test_cancel_writes_nothing(ctx: AppContext, tmp_path: Path) -> None:
    source = sheet(tmp_path / "清单.xlsx", ["名称", "数量"], [[f"器材{i}", 1] for i in range(120)])
    with pytest.raises(ImportCancelled):
        eq.run_import(ctx, source, progress=lambda _d, _t: None, cancel=lambda: items(ctx) >= 0)
    assert items(ctx) == 0


def test_export_writes_the_imports_columns_and_reads_back(ctx: AppContext, tmp_path: Path) -> None:
    eq.run_import(ctx, SAMPLES / "equipment_donation_sample.xlsx")
    count = eq.export_equipment(ctx, tmp_path / "器材.xlsx")
    assert count == 10
    ws = load_workbook(tmp_path / "器材.xlsx").active
    assert ws is not None
    header = [c.value for c in ws[1]]
    assert header == list(eq.EXPORT_HEADERS)
    keys = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "电子琴（61键）")
    assert keys[6] == "是" and keys[7] == "E000007、E000008" and keys[2] == 2
    with pytest.raises(ValidationError, match=".xlsx 或 .csv"):
        eq.export_equipment(ctx, tmp_path / "器材.pdf")
