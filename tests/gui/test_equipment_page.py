"""器材 as a whole: Ctrl+6 opens it with its five tabs; a scan reaches the desk's input wherever the focus is; the
overview's closing-time link lands on the desk; 报损/维修… on an item opens the log's form for it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabBar

from center_app.domain.equipment import Borrower
from center_app.services import children, equipment
from center_app.services.children import ChildInput
from center_app.ui.pages.equipment import EquipmentPage
from tests.uitools import layout_problems


def keyboard(ctx) -> tuple[int, str]:
    saved = equipment.create_item(
        ctx, equipment.ItemInput("电子琴", category="music", tracking="individual", quantity=2)
    )
    return saved.item.id, saved.new_barcodes[0]


def show_equipment(qtbot, window) -> EquipmentPage:
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    assert isinstance(page, EquipmentPage)
    return page


def test_ctrl_6_opens_the_equipment_page_with_its_tabs(qtbot, window) -> None:
    item_id, _code = keyboard(window.ctx)
    page = show_equipment(qtbot, window)
    tabs = page.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["器材清单", "借还", "库存", "盘点", "损坏维修"]
    qtbot.waitUntil(lambda: not page.items.stale, timeout=3000)  # the first tab loaded as the page was shown
    assert page.scan_target() is None  # the list takes no scans
    for index, panel in enumerate(page.panels):
        tabs.setCurrentIndex(index)
        assert not panel.stale  # each tab loads when shown
    tabs.setCurrentWidget(page.desk)
    assert page.scan_target() is page.desk.scan_input
    tabs.setCurrentWidget(page.stocktake)
    assert page.scan_target() is None  # no stocktake open: nothing to count yet
    equipment.open_stocktake(window.ctx)
    page.stocktake.refresh()
    assert page.scan_target() is page.stocktake.scan_input
    window.resize(1280, 720)
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        qtbot.wait(10)
        assert layout_problems(window) == [], tabs.tabText(index)


def test_a_scan_after_a_click_on_the_tab_bar_takes_the_piece_back(qtbot, window) -> None:
    ctx = window.ctx
    _item_id, code = keyboard(ctx)
    child = children.create_child(ctx, ChildInput("王子涵", grade=3, class_name="三年级2班")).id
    equipment.lend(ctx, code, Borrower.child(child))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    page = show_equipment(qtbot, window)
    page.tabs.setCurrentWidget(page.desk)
    bar = page.tabs.findChild(QTabBar)
    assert bar is not None
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())  # 借还, clicked again
    window.scan_router.clock = lambda: 1_000.0  # the scanner's keys come at once, however busy the machine
    for char in code:  # a scanner types into whatever has the focus
        qtbot.keyClick(QApplication.focusWidget(), char)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert equipment.open_loans(ctx) == []
    assert page.tabs.currentWidget() is page.desk


def test_the_overviews_closing_time_link_lands_on_the_desk(qtbot, window) -> None:
    _item_id, code = keyboard(window.ctx)
    equipment.lend(window.ctx, code, Borrower.group("三年级体育课"))
    window.open_from_link("equipmentPage")
    page = window.current_page()
    assert isinstance(page, EquipmentPage) and page.tabs.currentWidget() is page.desk


def test_report_on_an_item_opens_the_logs_form_for_it(qtbot, window) -> None:
    item_id, _code = keyboard(window.ctx)
    page = show_equipment(qtbot, window)
    page._report_incident(item_id, "")
    assert page.tabs.currentWidget() is page.incidents
