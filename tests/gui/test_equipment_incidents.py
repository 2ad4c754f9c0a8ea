"""损坏维修记录 (the equipment room's damage and maintenance log), driven like a user: report damage to ropes by
quantity and a keyboard sent for repair by scanning its asset barcode, see the counts change through the service,
record what was done, filter by kind, by "still to do" and by the item's pinyin initials."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from center_app.domain.equipment import ItemInput
from center_app.services import equipment as eq
from center_app.ui.pages.equipment_incidents import EquipmentIncidentsTab
from center_app.ui.pages.equipment_items import EquipmentItemsTab
from tests.gui.test_equipment_items import Host, fits, show
from tests.uitools import ime_type, scan


def tick(qtbot, box) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


@pytest.fixture
def room(window) -> dict[str, eq.ItemSaved]:
    ctx = window.ctx
    return {
        "ropes": eq.create_item(
            ctx, ItemInput("跳绳", category="sports", quantity=20, unit="根", location="器材室A柜")
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
        "go": eq.create_item(
            ctx, ItemInput("围棋", category="games", quantity=6, unit="副", location="活动室")
        ),
    }


@pytest.fixture
def host(qtbot, window, room) -> Host:
    return show(qtbot, window.ctx, EquipmentIncidentsTab, "损坏维修记录")


def counts(ctx, item_id: int) -> tuple[int, int, int]:
    """(available, damaged, repair) of an item, as the service counts them."""
    row = eq.get_item(ctx, item_id).item
    return row.available, row.damaged, row.repair


def test_report_damage_by_quantity_and_see_the_counts_change_then_resolve_it(qtbot, host: Host, room) -> None:
    tab: EquipmentIncidentsTab = host.tab
    ctx = tab.ctx
    ropes = room["ropes"].item.id
    assert tab.objectName() == "equipmentIncidentsTab" and tab.scan_input is None
    assert tab.model.rowCount() == 0 and "共 0 条" in tab.count_label.text()

    qtbot.keyClick(tab.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = tab.report_form
    assert tab.side.currentWidget() is form and form.item_input.hasFocus()
    qtbot.keyClicks(form.item_input, "ts")  # pinyin initials of 跳绳: a short list under the field
    assert form.matches.isVisible() and "跳绳" in form.matches.item(0).text()
    qtbot.keyClick(form.item_input, Qt.Key.Key_Return)
    assert form.item is not None and form.item.name == "跳绳"
    assert "可借 20" in form.chosen.text() and not form.unit.isVisible()
    form.kind.setCurrentIndex(form.kind.findData("damaged"))
    form.quantity.setFocus()
    form.quantity.selectAll()
    qtbot.keyClicks(form.quantity, "2")
    ime_type(form.reported_by, "李老师")
    ime_type(form.note, "绳子断了")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert host.changes == ["equipment"]
    assert counts(ctx, ropes) == (18, 2, 0)  # the service moved two good ropes to damaged
    assert "已登记：跳绳 2根 损坏" in form.message.text() and "可借 18，借出 0，损坏 2" in form.message.text()
    assert "可借 18" in form.chosen.text()
    assert tab.model.rowCount() == 1
    entry = tab.model.rows[0]
    assert (entry.item_name, entry.kind, entry.quantity, entry.reported_by, entry.resolved) == (
        "跳绳",
        "damaged",
        2,
        "李老师",
        False,  # damage stays to be dealt with
    )
    assert [tab.model.index(0, c).data() for c in (2, 3, 4, 5, 7)] == [
        "损坏",
        "2根",
        "李老师",
        "绳子断了",
        "未处理",
    ]
    assert "未处理 1 条" in tab.count_label.text()

    # Repaired two days later: back on the shelf, through the log.
    ime_type(form.note, "接好了")
    form.kind.setCurrentIndex(form.kind.findData("repaired"))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert counts(ctx, ropes) == (20, 0, 0)

    # Say what was done about the damage: the entry is closed.
    qtbot.keyClick(tab.search, Qt.Key.Key_Escape)
    assert tab.side.currentWidget() is tab.detail_panel
    damage = next(n for n, r in enumerate(tab.model.rows) if r.kind == "damaged")
    tab.select_row(damage)
    detail = tab.detail_panel
    assert detail.row is not None and detail.row.kind == "damaged" and "还没有处理完" in detail.info.text()
    ime_type(detail.action, "绳结重新接好，放回A柜")
    assert detail.done.isChecked()
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    saved = next(r for r in eq.list_incidents(ctx, ropes) if r.kind == "damaged")
    assert saved.resolved and saved.action == "绳结重新接好，放回A柜"
    assert host.changes == ["equipment"] * 3
    assert tab.model.rows[tab.model.position_of(saved.id)].resolved
    assert "已保存处理结果" in detail.message.text() and "未处理 0 条" in tab.count_label.text()


def test_scan_a_keyboards_asset_barcode_to_send_that_piece_for_repair(qtbot, host: Host, room) -> None:
    tab: EquipmentIncidentsTab = host.tab
    ctx = tab.ctx
    keys = room["keys"]
    piece = keys.new_barcodes[1]
    qtbot.mouseClick(tab.report_button, Qt.MouseButton.LeftButton)
    form = tab.report_form
    scan(qtbot, form.item_input, piece)
    assert form.item is not None and form.item.id == keys.item.id
    assert form.unit.isVisible() and form.unit.currentData() == piece and not form.quantity.isVisible()
    form.kind.setCurrentIndex(form.kind.findData("repair"))
    ime_type(form.note, "有两个键不响")
    ime_type(form.action, "送县城维修")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert counts(ctx, keys.item.id) == (1, 0, 1)
    units = {u.barcode: u.status for u in eq.get_item(ctx, keys.item.id).units}
    assert units[piece] == "repair" and units[keys.new_barcodes[0]] == "available"
    assert tab.model.index(0, 1).data() == f"电子琴（61键） {piece}"
    assert f"（{piece}" not in form.message.text() and piece in form.message.text()
    assert not fits(qtbot, host, "report form with a one-by-one item")
    Path("/tmp/equip").mkdir(parents=True, exist_ok=True)
    host.grab().save("/tmp/equip/incidents_report.png")


def test_a_refused_report_says_why_and_writes_nothing(qtbot, host: Host, room) -> None:
    tab: EquipmentIncidentsTab = host.tab
    qtbot.mouseClick(tab.report_button, Qt.MouseButton.LeftButton)
    form = tab.report_form
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "请先选器材" in form.message.text()
    assert form.choose_item(room["go"].item.id)
    form.kind.setCurrentIndex(form.kind.findData("damaged"))
    form.quantity.setValue(9)  # only 6 sets
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "完好的只有 6副" in form.message.text()
    assert eq.list_incidents(tab.ctx) == [] and host.changes == []


def test_filters_kind_still_to_do_and_the_items_initials(qtbot, window, room) -> None:
    ctx = window.ctx
    eq.report_incident(ctx, eq.IncidentInput(room["ropes"].item.id, "damaged", 2, reported_by="李老师"))
    eq.report_incident(ctx, eq.IncidentInput(room["ropes"].item.id, "lost", 1))
    eq.report_incident(ctx, eq.IncidentInput(room["go"].item.id, "damaged", 1, action="缺了两颗子"))
    eq.stock_out(ctx, room["ropes"].item.id, 3, "活动领用")  # the 库存 tab's: listed under 全部 only
    host = show(qtbot, ctx, EquipmentIncidentsTab, "损坏维修记录")
    tab: EquipmentIncidentsTab = host.tab
    assert tab.model.rowCount() == 3 and "未处理 2 条" in tab.count_label.text()
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData(None))
    assert tab.model.rowCount() == 4 and tab.model.rows[0].kind == "stock_out"
    tab.kind_filter.setCurrentIndex(0)
    qtbot.keyClicks(tab.search, "ts")
    assert {r.item_name for r in tab.model.rows} == {"跳绳"} and tab.model.rowCount() == 2
    tab.search.clear()
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("damaged"))
    assert {r.item_name for r in tab.model.rows} == {"跳绳", "围棋"}
    tab.kind_filter.setCurrentIndex(0)
    tick(qtbot, tab.open_filter)
    assert all(not r.resolved for r in tab.model.rows) and tab.model.rowCount() == 2
    tab.select_row(0)
    assert not fits(qtbot, host, "an entry selected")
    host.grab().save("/tmp/equip/incidents.png")


def test_the_items_tab_leads_to_a_report_on_the_item_and_piece_chosen(qtbot, window, room) -> None:
    """The page's shell wires 报损/维修… of the items tab to this tab's report form (``start_report``)."""
    ctx = window.ctx
    host = show(qtbot, ctx)
    items: EquipmentItemsTab = host.tab
    incidents = EquipmentIncidentsTab(ctx, items.ops)
    host.tabs.addTab(incidents, "损坏维修记录")

    def report(item_id: int, code: str) -> None:
        host.tabs.setCurrentWidget(incidents)
        incidents.start_report(item_id, code)

    items.set_report_handler(report)
    items.select_item(room["keys"].item.id)
    detail = items.detail_panel
    assert detail.report_button.isVisible()
    detail.units.selectRow(1)
    qtbot.mouseClick(detail.report_button, Qt.MouseButton.LeftButton)
    assert host.tabs.currentWidget() is incidents and incidents.side.currentWidget() is incidents.report_form
    form = incidents.report_form
    assert form.item is not None and form.item.id == room["keys"].item.id
    assert form.unit.currentData() == room["keys"].new_barcodes[1]
    form.kind.setCurrentIndex(form.kind.findData("damaged"))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    # Back on the list, the keyboard's counts say it (the shell marks the other tab stale; here by hand).
    items.stale = True
    host.tabs.setCurrentWidget(items)
    items.ensure_fresh()
    row = items.model.rows[items.model.position_of(room["keys"].item.id)]
    assert (row.available, row.damaged) == (1, 1)
    assert items.model.index(items.model.position_of(row.id), 7).data() == "1"
