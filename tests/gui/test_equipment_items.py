"""器材清单 (the equipment page's item list), driven like a user: search as you type (pinyin initials, a scanned
asset barcode), filters, the item form (by quantity and one by one; a refused form says why by each field and saves
nothing), a donor's list imported through the one import panel, the list exported, asset labels printed on the spine
labels' sheet from where it left off, pieces added, an item deleted after an inline question."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget
from sqlalchemy import func, select

from center_app.context import Actor, AppContext
from center_app.db.models import EquipmentItem, Setting
from center_app.domain.equipment import Borrower, ItemInput
from center_app.services import equipment as eq
from center_app.ui.operations import Operations
from center_app.ui.pages.base import page_heading
from center_app.ui.pages.equipment_items import EquipmentItemsTab
from tests.uitools import ime_type, layout_problems

SAMPLES = Path(__file__).resolve().parents[1] / "data"
# The equipment page's area inside the main window at 1280×720 and 1366×768 (the navigation takes 170 px on the
# left, the status line 25 px below), with its heading and tabs as the attendance page has them.
PAGE_SIZES = ((1110, 695), (1196, 743), (1196, 672))


class Host(QWidget):
    """The page the tab will live in: a heading and a QTabWidget, as ``attendance.AttendancePage`` lays them out."""

    def __init__(self, tab_factory, ctx: AppContext, title: str) -> None:
        super().__init__()
        self.changes: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(6)
        layout.addLayout(page_heading("器材", "Ctrl+Tab 切换页签", "equipmentKeysHint"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("equipmentTabs")
        self.tab = tab_factory(ctx, Operations(ctx, self.changes.append))
        self.tabs.addTab(self.tab, title)
        layout.addWidget(self.tabs, 1)


def show(qtbot, ctx: AppContext, factory=EquipmentItemsTab, title: str = "器材清单") -> Host:
    host = Host(factory, ctx, title)
    qtbot.addWidget(host)
    host.resize(*PAGE_SIZES[0])
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)  # shortcuts reach only the active window
    host.tab.focus_first()  # what the page's shell does when it shows the tab
    return host


def fits(qtbot, host: Host, step: str) -> list[str]:
    problems = []
    for size in PAGE_SIZES:
        host.resize(*size)
        qtbot.wait(10)
        problems += [f"{step} @ {size}: {p}" for p in layout_problems(host)]
    host.resize(*PAGE_SIZES[0])
    qtbot.wait(10)
    return problems


def tick(qtbot, box) -> None:
    """Click a check box or radio button on its indicator (a box stretched wide has empty space in its middle)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def item_count(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(EquipmentItem)) or 0


def names(tab: EquipmentItemsTab) -> list[str]:
    return [row.name for row in tab.model.rows]


@pytest.fixture
def room(window) -> dict[str, eq.ItemSaved]:
    ctx = window.ctx
    return {
        "ropes": eq.create_item(
            ctx,
            ItemInput(
                "跳绳",
                category="sports",
                quantity=20,
                unit="根",
                location="器材室A柜",
                low_stock=5,
                donor="某某公益基金会",
                value_fen=1500,
            ),
        ),
        "balls": eq.create_item(
            ctx, ItemInput("篮球（7号）", category="sports", quantity=8, location="器材室A柜")
        ),
        "go": eq.create_item(
            ctx, ItemInput("围棋", category="games", quantity=6, unit="副", location="活动室")
        ),
        "keys": eq.create_item(
            ctx,
            ItemInput(
                "电子琴（61键）",
                category="music",
                tracking="individual",
                quantity=2,
                unit="台",
                location="音乐室",
            ),
        ),
    }


@pytest.fixture
def host(qtbot, window, room) -> Host:
    return show(qtbot, window.ctx)


def test_search_as_you_type_by_initials_a_scanned_code_and_the_filters(qtbot, host: Host, room) -> None:
    tab: EquipmentItemsTab = host.tab
    assert tab.objectName() == "equipmentItemsTab" and tab.scan_input is None and not tab.stale
    assert sorted(names(tab)) == sorted(["跳绳", "篮球（7号）", "围棋", "电子琴（61键）"])
    assert "共 4 种 36 件" in tab.count_label.text()

    tab.focus_first()
    assert tab.search.hasFocus()
    qtbot.keyClicks(tab.search, "ts")  # pinyin initials of 跳绳
    assert names(tab) == ["跳绳"]
    assert (
        tab.detail_panel.item is not None and tab.detail_panel.item.name == "跳绳"
    )  # one hit: shown at once
    assert "可借 20" in tab.detail_panel.counts.text()
    tab.search.clear()
    qtbot.keyClicks(tab.search, "lanqiu")
    assert names(tab) == ["篮球（7号）"]

    tab.search.clear()
    piece = room["keys"].new_barcodes[1]
    qtbot.keyClicks(tab.search, piece)  # a scanner types the asset barcode and Enter
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert names(tab) == ["电子琴（61键）"]
    assert tab.detail_panel.units.rowCount() == 2 and tab.detail_panel.tabs.isTabVisible(0)

    tab.search.clear()
    tab.category_filter.setCurrentIndex(tab.category_filter.findData("sports"))
    assert sorted(names(tab)) == ["篮球（7号）", "跳绳"]
    tab.location_filter.setCurrentIndex(tab.location_filter.findData("器材室A柜"))
    assert sorted(names(tab)) == ["篮球（7号）", "跳绳"]
    tab.category_filter.setCurrentIndex(0)
    tab.location_filter.setCurrentIndex(tab.location_filter.findData("活动室"))
    assert names(tab) == ["围棋"]
    tab.location_filter.setCurrentIndex(0)

    # 16 ropes out: 4 left on the shelf, at or under the restock threshold (5) — the restock filter lists them.
    eq.lend(host.tab.ctx, room["ropes"].item.id, Borrower.group("三年级体育课"), quantity=16)
    eq.report_incident(host.tab.ctx, eq.IncidentInput(room["balls"].item.id, "damaged", 1))
    tab.stale = True  # what the page's shell does when the equipment changed elsewhere
    tab.ensure_fresh()
    tick(qtbot, tab.restock_filter)
    assert names(tab) == ["跳绳"]
    ropes = tab.model.rows[0]
    assert (ropes.available, ropes.out) == (4, 16)
    assert tab.model.index(0, 5).data() == "4" and tab.model.index(0, 6).data() == "16"
    tick(qtbot, tab.restock_filter)
    tab.condition_filter.setCurrentIndex(tab.condition_filter.findData("damaged"))
    assert names(tab) == ["篮球（7号）"] and tab.model.index(0, 7).data() == "1"


def test_add_a_quantity_item_and_a_one_by_one_item_through_the_form(qtbot, window) -> None:
    host = show(qtbot, window.ctx)
    tab: EquipmentItemsTab = host.tab
    qtbot.keyClick(tab.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = tab.form
    assert tab.side.currentWidget() is form and form.name.hasFocus()

    ime_type(form.name, "跳绳")
    form.category.setCurrentIndex(form.category.findData("sports"))
    form.quantity.setFocus()
    form.quantity.selectAll()
    qtbot.keyClicks(form.quantity, "20")
    form.unit.selectAll()
    ime_type(form.unit, "根")
    ime_type(form.location.lineEdit(), "器材室A柜")
    ime_type(form.donor.lineEdit(), "某某公益基金会")
    qtbot.keyClicks(form.acquired, "2026-03-01")
    qtbot.keyClicks(form.value, "15")
    form.low_stock.setFocus()
    form.low_stock.selectAll()
    qtbot.keyClicks(form.low_stock, "5")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert host.changes == ["equipment"]
    assert "已登记“跳绳”20根" in form.message.text()
    rows = {r.name: r for r in eq.list_items(window.ctx)}
    ropes = rows["跳绳"]
    assert (ropes.total, ropes.unit, ropes.location, ropes.low_stock) == (20, "根", "器材室A柜", 5)
    assert (ropes.donor, ropes.value_fen, ropes.tracking) == ("某某公益基金会", 1500, "quantity")
    assert (
        names(tab) == ["跳绳"] and tab.detail_panel.item is not None and tab.detail_panel.item.name == "跳绳"
    )
    # Ready for the next item of the pile: empty name, the place and source kept.
    assert form.name.text() == "" and form.location.currentText() == "器材室A柜"
    assert form.donor.currentText() == "某某公益基金会"

    tick(qtbot, form.one_by_one)
    assert form.quantity_label.text() == "件数："
    ime_type(form.name, "电子琴")
    form.category.setCurrentIndex(form.category.findData("music"))
    form.quantity.setFocus()
    form.quantity.selectAll()
    qtbot.keyClicks(form.quantity, "2")
    form.unit.selectAll()
    ime_type(form.unit, "台")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    keys = {r.name: r for r in eq.list_items(window.ctx)}["电子琴"]
    assert keys.tracking == "individual" and keys.total == 2
    codes = [u.barcode for u in eq.get_item(window.ctx, keys.id).units]
    assert codes == ["E000002", "E000003"]
    assert "E000002–E000003" in form.message.text()
    assert host.changes == ["equipment", "equipment"]
    # Their labels are one click away.
    assert form.print_button.isVisible()
    qtbot.mouseClick(form.print_button, Qt.MouseButton.LeftButton)
    assert tab.side.currentWidget() is tab.labels_panel
    assert tab.labels_panel.choice()[1] == codes


def test_edit_an_item_with_f2(qtbot, host: Host, room) -> None:
    tab: EquipmentItemsTab = host.tab
    tab.select_item(room["go"].item.id)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    form = tab.form
    assert tab.side.currentWidget() is form and form.name.text() == "围棋"
    assert not form.by_quantity.isEnabled()  # the way an item is kept cannot change
    form.quantity.selectAll()
    qtbot.keyClicks(form.quantity, "8")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert eq.get_item(window_ctx(tab), room["go"].item.id).item.total == 8
    assert tab.side.currentWidget() is tab.detail_panel and "已保存“围棋”" in tab.message.text()
    assert "共 8副" in tab.detail_panel.counts.text()


def window_ctx(tab: EquipmentItemsTab) -> AppContext:
    return tab.ctx


def test_a_refused_form_says_why_by_each_field_and_saves_nothing(qtbot, window) -> None:
    host = show(qtbot, window.ctx)
    tab: EquipmentItemsTab = host.tab
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    form = tab.form
    qtbot.keyClicks(form.value, "abc")
    qtbot.keyClicks(form.acquired, "2099-01-01")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    shown = form.problems_shown()
    assert shown["name"] == "请填写器材名称。"
    assert "单价" in shown["value"] and "abc" in shown["value"]
    assert shown["date"] == "入库日期不能晚于今天。"
    assert form.problem_labels["name"].isVisible() and form.problem_labels["value"].isVisible()
    assert "没有保存" in form.message.text()
    assert item_count(window.ctx) == 0 and host.changes == []
    assert not fits(qtbot, host, "form with problems")

    # The service's own refusal too: one by one and consumable at once.
    form.value.clear()
    form.acquired.clear()
    ime_type(form.name, "彩纸")
    tick(qtbot, form.one_by_one)
    tick(qtbot, form.consumable)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.problems_shown() == {"tracking": "消耗品按数量登记，不能逐件编号。"}
    assert item_count(window.ctx) == 0 and host.changes == []

    # Corrected, it saves, and the red lines go.
    tick(qtbot, form.by_quantity)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.problems_shown() == {} and item_count(window.ctx) == 1


def choose(qtbot, panel, path: Path) -> None:
    panel.choose_file = lambda: str(path)
    qtbot.mouseClick(panel.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)


def test_import_a_donors_list_bad_rows_by_number_nothing_partial_then_the_good_list(qtbot, window) -> None:
    host = show(qtbot, window.ctx)
    tab: EquipmentItemsTab = host.tab
    qtbot.keyClick(tab.search, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    panel = tab.import_panel
    assert tab.side.currentWidget() is panel and panel.objectName() == "equipmentImportPanel"

    choose(qtbot, panel, SAMPLES / "equipment_donation_sample_gbk.csv")
    problems = [panel.problems.item(n).text() for n in range(panel.problems.count())]
    assert "第4行: “数量”不是有效的整数（三十）" in problems
    assert any(p.startswith("第7行: 器材类别“家具”不认识") for p in problems)
    assert not panel.run_button.isEnabled()  # refused whole while a row has a problem
    assert item_count(window.ctx) == 0 and host.changes == []
    assert not fits(qtbot, host, "import preview with problems")

    choose(qtbot, panel, SAMPLES / "equipment_donation_sample.xlsx")
    assert panel.preview.ok and "将登记器材 10 种，共 131 件" in panel.summary.text()
    assert "某某公益基金会" in panel.summary.text()
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)
    assert "器材 10 种，共 131 件" in panel.message.text()
    assert host.changes == ["equipment"]
    assert item_count(window.ctx) == 10 and len(tab.model.rows) == 10  # the list shows them at once
    # The new asset labels are one click away.
    assert panel.action_button is not None and panel.action_button.isVisible()
    qtbot.mouseClick(panel.action_button, Qt.MouseButton.LeftButton)
    assert tab.side.currentWidget() is tab.labels_panel and tab.labels_panel.label_total() == 11

    # The same file again is said to be imported already, and asks first.
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    choose(qtbot, panel, SAMPLES / "equipment_donation_sample.xlsx")
    assert "导入过" in panel.problems.item(0).text()
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert panel.again_box.isVisible() and "每件器材都会再登记一遍" in panel.again_text.text()
    qtbot.mouseClick(panel.again_cancel, Qt.MouseButton.LeftButton)
    assert item_count(window.ctx) == 10


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_writes_a_file_whose_rows_match_the_list(
    qtbot, host: Host, room, tmp_path: Path, suffix
) -> None:
    tab: EquipmentItemsTab = host.tab
    target = tmp_path / f"器材 清单{suffix}"
    tab.choose_export_file = lambda: str(target)
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.exporting, timeout=10000)
    assert "已导出 4 种器材" in tab.message.text()
    if suffix == ".xlsx":
        sheet = load_workbook(target).active
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    else:
        with target.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["名称", "类别", "数量"] and header[-4:] == ["可借", "借出", "损坏", "维修中"]
    listed = {r.name: r for r in tab.model.rows}
    assert {row[0] for row in body} == set(listed)
    for row in body:
        item = listed[row[0]]
        assert str(row[2]) == str(item.total) and str(row[header.index("可借")]) == str(item.available)


def test_asset_labels_for_the_selected_items_from_where_the_sheet_left_off(qtbot, host: Host, room) -> None:
    tab: EquipmentItemsTab = host.tab
    ctx = tab.ctx
    # The catalogue's print panel left the spine labels' sheet at position 5 (and its cards elsewhere).
    memory = {"spine": {"grid": "a4-24", "start": 5}, "cards": {"grid": "cards-10", "start": 2}}
    with ctx.db.session() as s:
        s.merge(Setting(key="label_printing", value=json.dumps(memory)))
    opened: list[Path] = []
    tab.labels_panel.open_file = opened.append

    tab.select_item(room["ropes"].item.id)
    tab.table.selectionModel().select(
        tab.model.index(tab.model.position_of(room["keys"].item.id), 0),
        tab.table.selectionModel().SelectionFlag.Select | tab.table.selectionModel().SelectionFlag.Rows,
    )
    qtbot.keyClick(tab.search, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    panel = tab.labels_panel
    assert tab.side.currentWidget() is panel
    assert panel.source.currentData() == "selected" and panel.label_total() == 3  # the box + two keyboards
    assert panel.start_spin.value() == 5 and panel.grid().name == "a4-24"
    assert "共 3 张标签" in panel.summary.text()
    assert not fits(qtbot, host, "labels panel")

    qtbot.mouseClick(panel.go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)
    assert "3 张标签" in panel.message.text(), panel.message.text()
    assert opened and opened[0].exists() and opened[0].parent == ctx.data_dir.exports
    text = "".join(page.extract_text() for page in PdfReader(opened[0]).pages)
    for code in (room["ropes"].new_barcodes[0], *room["keys"].new_barcodes):
        assert code in text
    assert "跳绳" in text
    # The next label goes after these three — remembered for the spine labels too; the cards' memory kept.
    assert panel.start_spin.value() == 8
    with ctx.db.read() as s:
        saved = json.loads(s.get(Setting, "label_printing").value)
    assert saved == {"spine": {"grid": "a4-24", "start": 8}, "cards": {"grid": "cards-10", "start": 2}}


def test_add_pieces_to_a_one_by_one_item_and_delete_after_the_inline_question(
    qtbot, host: Host, room
) -> None:
    tab: EquipmentItemsTab = host.tab
    ctx = tab.ctx
    detail = tab.detail_panel
    tab.select_item(room["keys"].item.id)
    assert detail.units_row.isVisible()
    detail.add_units_count.setValue(1)
    qtbot.mouseClick(detail.add_units_button, Qt.MouseButton.LeftButton)
    assert host.changes == ["equipment"]
    assert "已添加 1台，编号 E000006" in detail.message.text()
    assert (
        detail.units.rowCount() == 3
        and tab.model.rows[tab.model.position_of(room["keys"].item.id)].total == 3
    )
    assert detail.print_button.isVisible()

    # An item with a history cannot go: the service's sentence is shown, nothing changes.
    eq.report_incident(ctx, eq.IncidentInput(room["balls"].item.id, "damaged", 1, reported_by="李老师"))
    tab.stale = True
    tab.ensure_fresh()
    tab.select_item(room["balls"].item.id)
    assert detail.incidents.rowCount() == 1 and "李老师报告" in detail.incidents.item(0, 3).text()
    qtbot.mouseClick(detail.delete_button, Qt.MouseButton.LeftButton)
    assert detail.question.isVisible() and detail.question.cancel.hasFocus()  # Enter keeps it
    qtbot.mouseClick(detail.question.ok, Qt.MouseButton.LeftButton)
    assert "不能删除" in detail.message.text() and "报废" in detail.message.text()
    assert item_count(ctx) == 4

    # One entered by mistake goes; Esc first answers "no".
    tab.select_item(room["go"].item.id)
    qtbot.mouseClick(detail.delete_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(detail.question.cancel, Qt.Key.Key_Escape)
    assert not detail.question.isVisible() and item_count(ctx) == 4
    qtbot.mouseClick(detail.delete_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(detail.question.ok, Qt.MouseButton.LeftButton)
    assert item_count(ctx) == 3 and "围棋" not in names(tab) and "已删除“围棋”" in tab.message.text()


def test_a_role_that_may_only_look_sees_the_list_and_why_it_cannot_change_it(qtbot, window, room) -> None:
    from center_app.context import open_store

    ctx = open_store(window.ctx.data_dir, actor=Actor(username="vol", role="teacher", display_name="志愿者"))
    try:
        host = show(qtbot, ctx)
        tab: EquipmentItemsTab = host.tab
        assert len(tab.model.rows) == 4
        assert not tab.add_button.isEnabled() and not tab.import_button.isEnabled()
        assert "无权登记或修改器材" in tab.add_button.toolTip() and "无权" in tab.message.text()
        assert tab.export_button.isEnabled() and tab.print_button.isEnabled()
        tab.select_item(room["ropes"].item.id)
        assert not tab.detail_panel.edit_button.isEnabled() and not tab.detail_panel.delete_button.isEnabled()
        host.close()
    finally:
        ctx.close()


def test_the_tab_fits_the_school_pc_and_looks_right(qtbot, host: Host, room) -> None:
    tab: EquipmentItemsTab = host.tab
    tab.select_item(room["keys"].item.id)
    problems = fits(qtbot, host, "item selected")
    tab.select_item(room["ropes"].item.id)
    problems += fits(qtbot, host, "quantity item selected")
    Path("/tmp/equip").mkdir(parents=True, exist_ok=True)
    host.grab().save("/tmp/equip/items.png")
    tab.open_add()
    problems += fits(qtbot, host, "form")
    host.grab().save("/tmp/equip/items_form.png")
    tab.open_import()
    problems += fits(qtbot, host, "import")
    tab.escape()
    assert tab.side.currentWidget() is tab.detail_panel
    assert problems == []
