"""志愿者与课表 as a whole: Ctrl+7 opens it with its four tabs, each loading when shown and fitting the school PC's
screen (on the demo centre's volunteers and summer programme)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from center_app.demo import fill_demo
from center_app.ui.pages.volunteers import VolunteersPage
from tests.uitools import layout_problems


def test_ctrl_7_opens_the_volunteers_page_with_its_tabs(qtbot, window) -> None:
    fill_demo(window.ctx)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    assert isinstance(page, VolunteersPage)
    tabs = page.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["志愿者", "课表", "服务时长", "服务证明"]
    qtbot.waitUntil(lambda: not page.roster.stale, timeout=3000)  # the first tab loaded as the page was shown
    assert page.scan_target() is None  # no tab takes scans
    window.resize(1280, 720)
    for index, panel in enumerate(page.panels):
        tabs.setCurrentIndex(index)
        assert not panel.stale  # each tab loads when shown
        qtbot.wait(10)
        assert layout_problems(window) == [], tabs.tabText(index)
    window.events.data_changed.emit("volunteers")  # a change elsewhere: the hidden tabs reload when next shown
    assert page.roster.stale and not page.certificates.stale
