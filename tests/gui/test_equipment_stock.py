"""库存 (the equipment page's consumables tab): stock in and out change the count, the restock list follows the
threshold and goes to Excel, a role without stock rights only looks, and the tab fits the school PC's screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from center_app.context import Actor, AppContext
from center_app.services import equipment as eq
from center_app.ui.pages.equipment_stock import EquipmentStockTab
from tests.gui.test_equipment_desk import PICTURES, host_tab, operations
from tests.uitools import ime_type, layout_problems


@pytest.fixture
def things(window) -> dict[str, eq.ItemRow]:
    ctx = window.ctx
    paper = eq.create_item(
        ctx, eq.ItemInput("彩色卡纸", category="美术", quantity=40, unit="张", consumable=True, low_stock=10)
    ).item
    chalk = eq.create_item(
        ctx,
        eq.ItemInput(
            "粉笔", category="其他", quantity=2, unit="盒", consumable=True, low_stock=3, location="办公室"
        ),
    ).item
    balls = eq.create_item(ctx, eq.ItemInput("篮球（7号）", category="体育", quantity=10, unit="个")).item
    eq.create_item(ctx, eq.ItemInput("电子琴", category="音乐", tracking="individual", quantity=1, unit="台"))
    return {"paper": paper, "chalk": chalk, "balls": balls}


@pytest.fixture
def stock(qtbot, window, things) -> EquipmentStockTab:
    tab = host_tab(window, lambda parent: EquipmentStockTab(window.ctx, operations(window), parent), "库存")
    assert isinstance(tab, EquipmentStockTab) and tab.scan_input is None and tab.stale
    tab.refresh()
    assert not tab.stale
    tab.focus_first()
    return tab


def listed(tab: EquipmentStockTab) -> list[str]:
    return [tab.items.item(i).text() for i in range(tab.items.count())]


def restock_names(tab: EquipmentStockTab) -> list[str]:
    return [tab.restock_table.item(r, 0).text() for r in range(tab.restock_table.rowCount())]


def test_stock_in_and_out_change_the_count_and_the_restock_list(qtbot, window, stock, things) -> None:
    # Quantity items only (a one-by-one keyboard gets pieces, not stock), in pinyin order.
    assert [line.split("　")[0] for line in listed(stock)] == ["彩色卡纸", "粉笔", "篮球（7号）"]
    assert restock_names(stock) == ["粉笔"] and stock.restock_title.text() == "需要补货：1 种"

    changes: list[str] = []
    window.events.data_changed.connect(changes.append)
    qtbot.keyClicks(stock.search, "cskz")  # 彩色卡纸 by its initials
    assert [line.split("　")[0] for line in listed(stock)] == ["彩色卡纸"]
    qtbot.keyClick(stock.search, Qt.Key.Key_Return)
    assert stock.item is not None and stock.item.id == things["paper"].id
    assert stock.item_view.text() == "彩色卡纸：共 40张，可用 40张，借出 0张；补货提醒：10张"
    qtbot.keyClicks(stock.quantity, "35")
    ime_type(stock.reason, "美术课用完")
    qtbot.mouseClick(stock.out_button, Qt.MouseButton.LeftButton)
    assert stock.message.text() == "已出库：彩色卡纸 35张。现共 5张，可用 5张。已降到补货提醒，列入补货清单。"
    assert changes == ["equipment"]
    assert eq.get_item(window.ctx, things["paper"].id).item.total == 5
    assert restock_names(stock) == ["彩色卡纸", "粉笔"]  # emptiest (under its threshold the most) first
    assert stock.reason.text() == "" and stock.quantity.value() == 1
    (incident,) = eq.list_incidents(window.ctx, things["paper"].id)
    assert (incident.kind_label, incident.quantity, incident.note) == ("出库", 35, "美术课用完")

    # The chalk, chosen from the restock list by a double click: 10 boxes bought.
    stock.choose_restock_row(1)
    assert stock.item is not None and stock.item.name == "粉笔"
    stock.quantity.setValue(10)
    ime_type(stock.reason, "购买")
    qtbot.mouseClick(stock.in_button, Qt.MouseButton.LeftButton)
    assert stock.message.text() == "已入库：粉笔 10盒。现共 12盒，可用 12盒。"
    assert restock_names(stock) == ["彩色卡纸"]
    assert eq.get_item(window.ctx, things["chalk"].id).item.available == 12


def test_taking_out_more_than_is_there_is_refused(qtbot, window, stock, things) -> None:
    assert stock.choose_item(things["balls"].id)
    stock.quantity.setValue(11)
    qtbot.mouseClick(stock.out_button, Qt.MouseButton.LeftButton)
    assert "篮球" in stock.message.text() and "10" in stock.message.text()
    assert "color: #c0392b" in stock.message.styleSheet()
    assert eq.get_item(window.ctx, things["balls"].id).item.total == 10


def test_a_scanned_box_label_finds_its_item(qtbot, stock, things) -> None:
    qtbot.keyClicks(stock.search, things["balls"].barcode)
    qtbot.keyClick(stock.search, Qt.Key.Key_Return)
    assert stock.item is not None and stock.item.id == things["balls"].id
    assert stock.quantity.hasFocus()


def test_the_restock_list_goes_to_excel(qtbot, window, stock, tmp_path: Path) -> None:
    target = tmp_path / "补货 清单"
    stock.choose_file = lambda suggested: target  # no extension: .xlsx is added
    written = stock.export_restock()
    assert written == target.with_name("补货 清单.xlsx") and written.exists()
    sheet = load_workbook(written).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1] == ["器材", "类别", "存放位置", "可用", "补货提醒", "单位"]
    assert values[2] == ["粉笔", "其他", "办公室", 2, 3, "盒"]
    assert "已导出补货清单" in stock.message.text()


def test_a_role_without_stock_rights_only_looks(qtbot, window, things) -> None:
    librarian = AppContext(window.ctx.data_dir, window.ctx.db, Actor("lib", role="librarian"))
    tab = host_tab(window, lambda parent: EquipmentStockTab(librarian, operations(window), parent), "库存")
    assert isinstance(tab, EquipmentStockTab)
    tab.refresh()
    assert tab.choose_item(things["paper"].id)
    assert not tab.in_button.isEnabled() and not tab.out_button.isEnabled() and not tab.quantity.isEnabled()
    assert "当前账号不能办理入库或出库" in tab.message.text()
    assert restock_names(tab) == ["粉笔"] and tab.export_button.isEnabled()


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
def test_the_stock_tab_fits_the_screen(qtbot, window, stock, things, size) -> None:
    window.resize(*size)
    stock.choose_item(things["chalk"].id)
    qtbot.wait(10)
    if size == (1280, 720):
        PICTURES.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(PICTURES / "equipment_stock.png"))
    assert layout_problems(window) == []
