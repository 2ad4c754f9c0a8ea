"""The overview warns about children who stopped coming, and a follow-up recorded there clears the warning."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from center_app import demo
from center_app.services import early_warning
from tests.uitools import ime_type


def test_warnings_reminder_chart_and_follow_up(qtbot, window) -> None:
    demo.fill_demo(window.ctx)  # has children absent for the last few open days
    window.events.data_changed.emit("all")
    page = window.show_page("overviewPage")
    corner = page.attendance
    assert corner is not None
    qtbot.waitUntil(lambda: corner.model.rowCount() > 0, timeout=5000)
    open_warnings = [w for w in early_warning.scan(window.ctx) if not w.handled]
    assert f"{len(open_warnings)} 名儿童需要回访" in corner.warning_title.text()
    first = corner.warnings[0]
    assert first.guardian_phone  # staff and admin see the guardian's phone to call
    assert len(corner.chart.values) == 30 and max(corner.chart.values) > 0
    assert corner.reminder.text()

    corner.table.selectRow(0)
    qtbot.mouseClick(corner.follow_up_button, Qt.MouseButton.LeftButton)
    assert corner.form.isVisible()
    # the children page's form, for this warning: its reason chosen, today's date
    assert corner.form.reason.currentData() == first.kind
    assert corner.form.on_date.text() == dt.date.today().isoformat()
    ime_type(corner.form_note, "给外婆打了电话，孩子感冒了")
    ime_type(corner.form_outcome, "下周一回来")
    qtbot.mouseClick(corner.findChild(type(corner.follow_up_button), "followUpSave"), Qt.MouseButton.LeftButton)
    assert not corner.form_message.text(), corner.form_message.text()
    qtbot.waitUntil(lambda: not corner.form.isVisible(), timeout=3000)
    remaining = len(open_warnings) - 1
    qtbot.waitUntil(lambda: f"{remaining} 名" in corner.warning_title.text() if remaining
                    else "没有需要回访" in corner.warning_title.text(), timeout=3000)
    handled = [w for w in early_warning.scan(window.ctx) if w.child_id == first.child_id]
    assert handled and handled[0].handled
    assert handled[0].follow_up_on == dt.date.today()

    qtbot.mouseClick(corner.follow_up_button, Qt.MouseButton.LeftButton)
    assert corner.form.isVisible()
    qtbot.keyClick(corner.form_note, Qt.Key.Key_Escape)  # Esc = 取消, as the button says
    assert not corner.form.isVisible()
