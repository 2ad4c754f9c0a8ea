"""志愿者名单 (the volunteers page's roster), driven like a user: search as you type by pinyin initials, the status
and organisation filters, a volunteer added with a Chinese name through the form (availability read as it is typed),
a refused form that says why by each field and saves nothing, an administrator linking a teacher's account,
deactivate and reactivate after an inline question, a university team's list imported (bad rows by number, nothing
written, then the good list), the roster exported, a teacher who sees only their own record, and the fit."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget, QVBoxLayout, QWidget
from sqlalchemy import func, select

from center_app.context import Actor, AppContext
from center_app.db.models import User, Volunteer
from center_app.services import accounts
from center_app.services import volunteers as vs
from center_app.services.volunteers import VolunteerInput
from center_app.ui.operations import Operations
from center_app.ui.pages.base import page_heading
from center_app.ui.pages.volunteers_roster import VolunteersRosterTab
from tests.uitools import ime_type, layout_problems

SAMPLES = Path(__file__).resolve().parents[1] / "data"
PICTURES = Path("/tmp/vol")
# The page's area inside the main window at 1280×720 and 1366×768 (the navigation takes 170 px on the left, the
# status line 25 px below; the last one with the demo banner), with its heading and tabs as the page will have them.
PAGE_SIZES = ((1110, 695), (1196, 743), (1196, 672))


class Host(QWidget):
    """The page the tab will live in: a heading and a QTabWidget, as the attendance and equipment pages are."""

    def __init__(self, tab_factory, ctx: AppContext, title: str) -> None:
        super().__init__()
        self.changes: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(6)
        layout.addLayout(page_heading("志愿者与课表", "Ctrl+Tab 切换页签", "volunteersKeysHint"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("volunteersTabs")
        self.tab = tab_factory(ctx, Operations(ctx, self.changes.append))
        self.tabs.addTab(self.tab, title)
        layout.addWidget(self.tabs, 1)


def show(qtbot, ctx: AppContext, factory=VolunteersRosterTab, title: str = "志愿者") -> Host:
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
    """Layout problems at the page's sizes, and any widget that became a window of its own (a stray window takes
    the activation from the main window: tests/gui/test_no_stray_windows.py)."""
    problems = [
        f"{step}: stray window {w.objectName() or type(w).__name__}"
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w is not host and w.objectName() != "mainWindow"
    ]
    for size in PAGE_SIZES:
        host.resize(*size)
        qtbot.wait(10)
        problems += [f"{step} @ {size}: {p}" for p in layout_problems(host)]
    host.resize(*PAGE_SIZES[0])
    qtbot.wait(10)
    return problems


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def volunteer_count(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(Volunteer)) or 0


@pytest.fixture
def team(window) -> dict[str, int]:
    ctx = window.ctx
    people = {
        "mo": VolunteerInput(
            "莫小燕",
            organisation="贺州学院",
            phone="13812340001",
            kind="student",
            subjects="语文、阅读",
            availability="周一至周五 09:00-12:00",
            start_on="2026-07-06",
            end_on="2026-08-02",
        ),
        "wei": VolunteerInput("韦小宝", organisation="广西师范大学", kind="student", skills="书法"),
        "huang": VolunteerInput("黄丽华", organisation="古楼村小学", kind="local", subjects="数学"),
        "li": VolunteerInput("李社工", organisation="深圳某社工机构", kind="social_work"),
    }
    return {key: vs.create_volunteer(ctx, data).id for key, data in people.items()}


@pytest.fixture
def host(qtbot, window, team) -> Host:
    return show(qtbot, window.ctx)


def test_search_as_you_type_by_initials_and_the_filters(qtbot, host: Host, team) -> None:
    tab: VolunteersRosterTab = host.tab
    assert tab.objectName() == "volunteersRosterTab" and tab.scan_input is None and not tab.stale
    assert sorted(tab.names()) == sorted(["莫小燕", "韦小宝", "黄丽华", "李社工"])
    assert "共 4 人" in tab.count_label.text()
    assert tab.search.hasFocus()

    qtbot.keyClicks(tab.search, "mxy")  # pinyin initials of 莫小燕
    assert tab.names() == ["莫小燕"]
    # One hit shows at once beside the list.
    detail = tab.detail_panel
    assert detail.row is not None and detail.row.name == "莫小燕"
    assert "贺州学院" in detail.title.text() and "周一至周五 09:00-12:00" in detail.info.text()
    assert "13812340001" in detail.info.text()

    tab.search.clear()
    ime_type(tab.search, "师范")  # the organisation
    assert tab.names() == ["韦小宝"]
    tab.search.clear()
    ime_type(tab.search, "书法")  # a skill
    assert tab.names() == ["韦小宝"]
    tab.search.clear()
    assert len(tab.names()) == 4

    org = tab.organisation_filter
    org.setCurrentIndex(org.findData("古楼村小学"))
    assert tab.names() == ["黄丽华"]
    org.setCurrentIndex(0)

    vs.set_volunteer_active(tab.ctx, team["li"], False)
    tab.refresh()
    assert "李社工" not in tab.names()
    tab.status_filter.setCurrentIndex(tab.status_filter.findData(False))
    assert tab.names() == ["李社工"]
    tab.status_filter.setCurrentIndex(tab.status_filter.findData(None))
    assert len(tab.names()) == 4


def test_add_a_volunteer_with_a_chinese_name_through_the_form(qtbot, host: Host, window) -> None:
    tab: VolunteersRosterTab = host.tab
    qtbot.keyClick(tab.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = tab.form
    assert tab.side.currentWidget() is form and form.name.hasFocus()

    ime_type(form.name, "覃思琪")
    form.organisation.setFocus()
    ime_type(form.organisation.lineEdit(), "贺州学院")
    form.kind.setCurrentIndex(form.kind.findData("student"))
    qtbot.keyClicks(form.phone, "13812340009")
    ime_type(form.subjects, "美术，剪纸")
    # The availability is read as it is typed, by the rule's own parser.
    ime_type(form.availability, "工作日 14:00-16:00；周六 9点-12点")
    assert form.availability_hint.text() == "读作：周一至周五 14:00-16:00；周六 09:00-12:00"
    assert form.problems_shown() == {}
    qtbot.keyClicks(form.start_on, "2026-07-06")
    qtbot.keyClicks(form.end_on, "2026-08-02")
    click(qtbot, form.save_button)

    assert "已登记“覃思琪”" in form.message.text()
    assert host.changes == ["volunteers"]
    saved = [r for r in vs.list_volunteers(window.ctx) if r.name == "覃思琪"]
    assert len(saved) == 1
    row = saved[0]
    assert (row.organisation, row.kind, row.phone, row.subjects) == (
        "贺州学院",
        "student",
        "13812340009",
        "美术、剪纸",
    )
    assert row.availability == "周一至周五 14:00-16:00；周六 09:00-12:00"
    assert str(row.start_on) == "2026-07-06" and str(row.end_on) == "2026-08-02"
    # The list shows them, selected, and the form is ready for the next one of the team.
    assert "覃思琪" in tab.names() and tab.detail_panel.row is not None
    assert form.name.text() == "" and form.organisation.currentText() == "贺州学院"

    # Edit with F2 from the list: the phone changes.
    tab.close_panel()
    tab.select_volunteer(row.id)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    assert tab.side.currentWidget() is form and form.editing is not None
    form.phone.clear()
    qtbot.keyClicks(form.phone, "13812340010")
    qtbot.keyClick(form.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert tab.side.currentWidget() is tab.detail_panel
    assert "已保存“覃思琪”" in tab.message.text()
    assert vs.get_volunteer(window.ctx, row.id).phone == "13812340010"


def test_a_refused_form_shows_the_message_by_the_field_and_saves_nothing(qtbot, host: Host, window) -> None:
    tab: VolunteersRosterTab = host.tab
    before = volunteer_count(window.ctx)
    click(qtbot, tab.add_button)
    form = tab.form
    ime_type(form.availability, "周八 09:00-12:00")
    # Said at once by the field while typing…
    assert "看不懂星期" in form.problems_shown()["availability"]
    qtbot.keyClicks(form.phone, "12345")
    qtbot.keyClicks(form.start_on, "2026-08-02")
    qtbot.keyClicks(form.end_on, "2026-07-06")
    click(qtbot, form.save_button)
    # …and by every field on saving: nothing saved, nothing announced.
    shown = form.problems_shown()
    assert shown["name"] == "“姓名”不能为空"
    assert shown["phone"].startswith("“电话”")
    assert "看不懂星期“周八”" in shown["availability"]
    assert shown["end_on"] == "“服务结束”不能早于“服务开始”"
    for key in ("name", "phone", "availability", "end_on"):
        assert form.problem_labels[key].isVisible()
    assert "没有保存" in form.message.text() and form.name.hasFocus()
    assert volunteer_count(window.ctx) == before and host.changes == []
    assert not fits(qtbot, host, "form with problems")

    # The service's own refusal: the same person registered twice.
    form.phone.clear()
    form.availability.clear()
    form.start_on.clear()
    form.end_on.clear()
    ime_type(form.name, "莫小燕")
    qtbot.keyClicks(form.phone, "13812340001")
    click(qtbot, form.save_button)
    assert "已经登记过" in form.problems_shown()[""]
    assert volunteer_count(window.ctx) == before and host.changes == []

    # Corrected, it saves, and the red lines go.
    form.name.clear()
    ime_type(form.name, "莫小红")
    click(qtbot, form.save_button)
    assert form.problems_shown() == {} and volunteer_count(window.ctx) == before + 1


def test_an_administrator_links_a_teachers_account(qtbot, host: Host, window, team) -> None:
    ctx = window.ctx
    user = accounts.create_user(ctx, "moxy", "莫小燕", "teacher", "xiaoyan2026")
    tab: VolunteersRosterTab = host.tab
    tab.select_volunteer(team["mo"])
    click(qtbot, tab.detail_panel.edit_button)
    form = tab.form
    assert form.account.isVisible()
    form.account.setCurrentIndex(form.account.findData(user.id))
    click(qtbot, form.save_button)
    with ctx.db.read() as s:
        assert s.get(User, user.id).volunteer_id == team["mo"]
    assert "已关联账号 moxy" in tab.message.text()
    assert "moxy" in tab.detail_panel.info.text()
    assert set(host.changes) == {"volunteers", "accounts"}

    # Unlinked the same way.
    click(qtbot, tab.detail_panel.edit_button)
    assert form.account.currentData() == user.id
    form.account.setCurrentIndex(0)
    click(qtbot, form.save_button)
    with ctx.db.read() as s:
        assert s.get(User, user.id).volunteer_id is None
    assert "已取消账号关联" in tab.message.text()


def test_deactivate_and_reactivate_after_an_inline_question(qtbot, host: Host, window, team) -> None:
    tab: VolunteersRosterTab = host.tab
    tab.select_volunteer(team["wei"])
    detail = tab.detail_panel
    click(qtbot, detail.active_button)
    assert detail.question.isVisible() and "停用“韦小宝”" in detail.question.text.text()
    qtbot.keyClick(tab.table, Qt.Key.Key_Escape)  # Esc answers no
    assert not detail.question.isVisible() and vs.get_volunteer(window.ctx, team["wei"]).active

    click(qtbot, detail.active_button)
    click(qtbot, detail.question.ok)
    assert not vs.get_volunteer(window.ctx, team["wei"]).active
    assert "已停用“韦小宝”" in tab.message.text() and host.changes == ["volunteers"]
    assert "韦小宝" not in tab.names()  # the 在岗 list

    tab.status_filter.setCurrentIndex(tab.status_filter.findData(False))
    tab.select_volunteer(team["wei"])
    assert detail.active_button.text() == "重新启用…"
    click(qtbot, detail.active_button)
    click(qtbot, detail.question.ok)
    assert vs.get_volunteer(window.ctx, team["wei"]).active


def choose(qtbot, panel, path: Path) -> None:
    panel.choose_file = lambda: str(path)
    click(qtbot, panel.choose_button)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)


def test_import_a_teams_list_bad_rows_by_number_nothing_written_then_the_good_list(qtbot, window) -> None:
    host = show(qtbot, window.ctx)
    tab: VolunteersRosterTab = host.tab
    qtbot.keyClick(tab.search, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    panel = tab.import_panel
    assert tab.side.currentWidget() is panel and panel.objectName() == "volunteersImportPanel"

    choose(qtbot, panel, SAMPLES / "volunteers_bad_rows_gbk.csv")
    problems = [panel.problems.item(n).text() for n in range(panel.problems.count())]
    for row in (4, 5, 6, 7):
        assert any(p.startswith(f"第{row}行") for p in problems), (row, problems)
    assert not any(p.startswith("第3行") for p in problems)  # 莫小燕's row is good
    assert not panel.run_button.isEnabled()  # refused whole while a row has a problem
    assert volunteer_count(window.ctx) == 0 and host.changes == []
    assert not fits(qtbot, host, "import preview with problems")
    PICTURES.mkdir(parents=True, exist_ok=True)
    host.grab().save(str(PICTURES / "roster_import.png"))

    choose(qtbot, panel, SAMPLES / "volunteers_team.xlsx")
    assert panel.preview.ok and "将新增" in panel.summary.text()
    new = panel.preview.new
    click(qtbot, panel.run_button)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)
    assert f"新增 {new} 名志愿者" in panel.message.text()
    assert host.changes == ["volunteers"]
    assert volunteer_count(window.ctx) == new and len(tab.names()) == new  # the list shows them at once


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_writes_the_roster(qtbot, host: Host, tmp_path: Path, suffix) -> None:
    tab: VolunteersRosterTab = host.tab
    target = tmp_path / f"志愿者 名单{suffix}"
    tab.choose_export_file = lambda: str(target)
    click(qtbot, tab.export_button)
    qtbot.waitUntil(lambda: not tab.exporting, timeout=10000)
    assert "已导出 4 名志愿者" in tab.message.text()
    if suffix == ".xlsx":
        rows = [list(r) for r in load_workbook(target).active.iter_rows(values_only=True)]
    else:
        with target.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    assert header[0] == "姓名" and "空闲时间" in header
    assert {row[0] for row in body} == set(tab.names())
    mo = next(row for row in body if row[0] == "莫小燕")
    assert mo[header.index("空闲时间")] == "周一至周五 09:00-12:00"


def test_a_teacher_sees_only_their_own_record_and_may_edit_it(qtbot, window, team) -> None:
    from center_app.context import open_store

    actor = Actor(username="moxy", role="teacher", display_name="莫小燕", volunteer_id=team["mo"])
    ctx = open_store(window.ctx.data_dir, actor=actor)
    try:
        host = show(qtbot, ctx)
        tab: VolunteersRosterTab = host.tab
        assert tab.names() == ["莫小燕"]
        for button in (tab.add_button, tab.import_button, tab.export_button):
            assert not button.isEnabled() and "无权" in button.toolTip()
        assert "只显示你自己的" in tab.message.text()
        tab.select_volunteer(team["mo"])
        assert not tab.detail_panel.active_button.isEnabled()
        click(qtbot, tab.detail_panel.edit_button)
        form = tab.form
        assert not form.account.isVisible()  # linking accounts is the administrator's
        form.availability.clear()
        ime_type(form.availability, "周六 09:00-12:00")
        click(qtbot, form.save_button)
        assert vs.get_volunteer(window.ctx, team["mo"]).availability == "周六 09:00-12:00"
        host.close()
    finally:
        ctx.close()


def test_the_tab_fits_the_school_pc_and_looks_right(qtbot, host: Host, team) -> None:
    tab: VolunteersRosterTab = host.tab
    tab.select_volunteer(team["mo"])
    problems = fits(qtbot, host, "volunteer selected")
    PICTURES.mkdir(parents=True, exist_ok=True)
    host.resize(1110, 695)
    host.grab().save(str(PICTURES / "roster.png"))
    tab.open_add()
    problems += fits(qtbot, host, "form")
    host.grab().save(str(PICTURES / "roster_form.png"))
    tab.escape()
    tab.open_edit()
    problems += fits(qtbot, host, "edit form")
    tab.escape()
    tab.open_import()
    problems += fits(qtbot, host, "import")
    tab.escape()
    assert tab.side.currentWidget() is tab.detail_panel
    tab.detail_panel.ask_active()
    problems += fits(qtbot, host, "question")
    assert problems == []
