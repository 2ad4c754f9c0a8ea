from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QListWidget

from center_app.config import FONT_FAMILY
from center_app.services import settings
from center_app.ui.i18n import format_date
from tests.uitools import ime_type

PAGES = ["overviewPage", "catalogPage", "deskPage", "childrenPage", "attendancePage", "equipmentPage",
         "volunteersPage", "reportsPage", "settingsPage"]
TITLES_ZH = ["首页", "图书", "借还台", "儿童", "考勤", "器材", "志愿者与课表", "活动与报表", "设置"]


def test_window_opens_in_chinese_with_the_bundled_font(window) -> None:
    assert window.objectName() == "mainWindow"
    assert FONT_FAMILY in QFontDatabase.families()
    assert FONT_FAMILY in QApplication.font().families()
    nav = window.findChild(QListWidget, "navList")
    assert [nav.item(i).text() for i in range(nav.count())] == TITLES_ZH
    assert "儿童之家管理系统" in window.windowTitle()


def test_every_page_by_ctrl_number(qtbot, window) -> None:
    for n, name in enumerate(PAGES, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + n), Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda name=name: window.stack.currentWidget().objectName() == name, timeout=2000)
        assert window.stack.currentWidget().isVisible()
    assert window.findChild(QLabel, "comingSoonNotice") is None  # every page is built now: no placeholder left


def test_overview_shows_live_counts(qtbot, window, ctx) -> None:
    from center_app.db.models import Child

    page = window.show_page("overviewPage")
    value = page.findChild(QLabel, "overviewValue_children")
    assert value.text() == "0"
    with ctx.db.session() as s:
        s.add_all([Child(name="王子涵"), Child(name="李明")])
    window.events.data_changed.emit("children")
    qtbot.waitUntil(lambda: value.text() == "2", timeout=2000)
    assert format_date(dt.date.today()) in page.findChild(QLabel, "overviewToday").text()


def test_chinese_date_format() -> None:
    assert format_date(dt.date(2026, 11, 29)) == "2026年11月29日"
    assert format_date(dt.date(2026, 11, 29), weekday=True) == "2026年11月29日 星期日"


def test_settings_page_saves_centre_details(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    assert page.objectName() == "settingsPage"
    name = page.findChild(type(page.name), "settingsCentreName")
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Delete)
    ime_type(name, "古楼村留守儿童关爱活动中心")
    address = page.findChild(type(page.name), "settingsAddress")
    ime_type(address, "广西贺州市钟山县古楼村")
    phone = page.findChild(type(page.name), "settingsPhone")
    qtbot.keyClicks(phone, "0774-8881234")
    qtbot.keyClick(phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.message.text() == "已保存。", timeout=2000)
    info = settings.get_centre(window.ctx)
    assert info.name == "古楼村留守儿童关爱活动中心"
    assert info.address == "广西贺州市钟山县古楼村"
    assert info.phone == "0774-8881234"
    assert "古楼村留守儿童关爱活动中心" in window.windowTitle()


def test_settings_page_refuses_an_empty_name_and_writes_nothing(qtbot, window) -> None:
    page = window.show_page("settingsPage")
    page.name.clear()
    qtbot.keyClicks(page.phone, "12345")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "请填写中心名称" in page.message.text()
    assert settings.get_centre(window.ctx) == settings.CentreInfo()


@pytest.mark.parametrize("language", ["en"])
def test_switching_to_english_relabels_the_window(qtbot, window, language) -> None:
    page = window.show_page("settingsPage")
    page.language.setCurrentIndex(page.language.findData(language))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Home", timeout=3000)
    assert window.stack.currentWidget().objectName() == "settingsPage"
    assert window.nav.item(8).text() == "Settings"
    assert "Administrator" in window.user_label.text() and "Ctrl+L" in window.user_label.text()
    assert settings.get_language(window.ctx) == "en"
    # and back to Chinese
    page = window.show_page("settingsPage")
    page.language.setCurrentIndex(page.language.findData("zh_CN"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "首页", timeout=3000)


def test_settings_tabs_follow_the_role(qtbot, data_dir, admin_account) -> None:
    from center_app.app import open_main_window
    from center_app.context import open_store
    from center_app.services import accounts
    from tests.gui.conftest import ADMIN_PASSWORD

    ctx = open_store(data_dir)
    ctx.actor = accounts.authenticate(ctx, admin_account, ADMIN_PASSWORD)
    accounts.create_user(ctx, "shegong", "社工小黄", "staff", "shegong123")
    ctx.close()
    admin_window = open_main_window(data_dir, user=admin_account)
    qtbot.addWidget(admin_window)
    tabs = admin_window.show_page("settingsPage").tabs
    assert [tabs.widget(i).objectName() for i in range(tabs.count())] == [
        "settingsGeneralTab", "accountsTab", "loanRulesTab", "attendanceCodesTab", "backupTab", "auditTab"]
    admin_window.close()

    staff_window = open_main_window(data_dir, user="shegong")
    qtbot.addWidget(staff_window)
    page = staff_window.show_page("settingsPage")
    assert [page.tabs.widget(i).objectName() for i in range(page.tabs.count())] == [
        "settingsGeneralTab", "loanRulesTab", "attendanceCodesTab"]  # loan rules and codes shown read-only to staff
    assert not page.save_button.isEnabled()
    assert "只有管理员" in page.message.text()
    staff_window.close()


def test_overview_shows_reading_charts_from_the_statistics(qtbot, window) -> None:
    from center_app import demo
    from center_app.services import library_stats

    demo.fill_demo(window.ctx)
    window.events.data_changed.emit("all")
    page = window.show_page("overviewPage")
    qtbot.waitUntil(lambda: page.findChild(QLabel, "overviewValue_copies").text() != "0", timeout=3000)
    top = library_stats.most_borrowed(window.ctx, limit=1, since=dt.date.today() - dt.timedelta(days=365))[0]
    # the charts fill in just after the counts
    qtbot.waitUntil(lambda: f"《{top.title}》 — {top.loans}" in page.top_titles.text(), timeout=3000)
    months = library_stats.loans_per_month(window.ctx, 12)
    assert page.loans_chart.values == [m.loans for m in months]
    assert sum(page.loans_chart.values) > 0
