"""The overview counts the equipment for real (items in use, pieces out) and lists what is not back by closing
time — who has what — with a button to the equipment page."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from center_app.services import equipment as eq
from tests.gui.test_roll_call import add_child
from tests.uitools import layout_problems


def test_the_equipment_cards_and_the_closing_time_list(qtbot, window) -> None:
    ctx = window.ctx
    page = window.show_page("overviewPage")
    qtbot.waitUntil(lambda: page.cards["equipment_out"].value.text() == "0", timeout=3000)
    assert page.cards["equipment_out"].caption.text() == "借出器材（件）"
    assert page.equipment_unreturned is not None and not page.equipment_unreturned.isVisible()

    ropes = eq.create_item(ctx, eq.ItemInput("计数跳绳", category="体育", quantity=20, unit="根")).item
    keyboards = eq.create_item(
        ctx, eq.ItemInput("电子琴", category="音乐", tracking="individual", quantity=2, unit="台")
    )
    eq.create_item(ctx, eq.ItemInput("旧篮球", quantity=3, condition="报废"))  # out of use: not counted
    child = add_child(ctx, "王子涵", card="C00001")
    eq.lend(ctx, ropes.id, eq.Borrower.group("三年级体育课"), 18)
    eq.lend(ctx, keyboards.new_barcodes[0], eq.Borrower.child(child))
    tomorrow = dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time(17, 0))
    eq.lend(ctx, ropes.id, eq.Borrower.group("周末足球队"), 2, due=tomorrow)  # due tomorrow: not on the list

    with qtbot.waitSignal(page.details_filled, timeout=5000):
        window.events.data_changed.emit("equipment")
    assert page.cards["equipment_items"].value.text() == "2"
    assert page.cards["equipment_out"].value.text() == "21"
    line = page.equipment_unreturned
    assert line.isVisible() and line.count == 2
    assert (
        line.summary
        == "器材到闭馆还没还（2 笔）：三年级体育课 计数跳绳 18根、三年级1班 王子涵 电子琴（E000002）"
    )
    # one line in the title row: as much as fits, the whole in the tooltip
    assert (
        line.text.text().startswith("器材到闭馆还没还（2 笔）：三年级体育课")
        and line.text.toolTip() == line.summary
    )
    assert layout_problems(window) == []

    with qtbot.waitSignal(page.open_page, timeout=1000) as opened:
        qtbot.mouseClick(line.go, Qt.MouseButton.LeftButton)
    assert opened.args == ["equipmentPage"]
    assert window.current_page().objectName() == "equipmentPage"  # the window follows the link

    for loan in eq.open_loans(ctx):
        eq.return_loan(ctx, loan.id)
    with qtbot.waitSignal(page.details_filled, timeout=5000):
        window.show_page("overviewPage")  # back on the overview: it reloads (the equipment changed meanwhile)
        window.events.data_changed.emit("equipment")
    assert not line.isVisible() and page.cards["equipment_out"].value.text() == "0"
