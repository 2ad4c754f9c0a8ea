"""服务时长 (the volunteers page's hours tab), driven like a user: approve and reject pending hours (a rejection
needs its reason) and see the totals change, sign a volunteer in and out of a session and confirm the planned time,
correct a record, the period's presets, the export, a teacher who sees only their own hours, and the fit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from center_app.context import Actor, AppContext
from center_app.services import volunteers as vs
from center_app.services.volunteers import SessionInput, VolunteerInput
from center_app.ui.pages.volunteers_hours import VolunteersHoursTab, month_of, summer_of, term_of
from tests.gui.test_volunteers_roster import PICTURES, Host, click, fits, show
from tests.uitools import ime_type

D = dt.date
DT = dt.datetime
MON = D(2026, 7, 6)


@pytest.fixture
def world(window):
    ctx = window.ctx
    programme = vs.create_programme(ctx, "2026年暑期", "summer", MON, D(2026, 7, 31))
    room = vs.save_room(ctx, None, "阅览室").id
    wei = vs.create_volunteer(ctx, VolunteerInput("韦小宝", organisation="广西师范大学")).id
    qin = vs.create_volunteer(ctx, VolunteerInput("覃思琪", organisation="广西师范大学")).id
    huang = vs.create_volunteer(ctx, VolunteerInput("黄老师", organisation="古楼村小学")).id
    reading = vs.save_session(
        ctx,
        SessionInput(
            programme.id, "绘本共读", "08:30", "10:00", weekday=1, volunteer_ids=(wei, qin), room_id=room
        ),
    ).session.id
    return programme, {"wei": wei, "qin": qin, "huang": huang}, {"reading": reading}


def hours_tab(qtbot, ctx: AppContext, now: dt.datetime) -> Host:
    host = show(qtbot, ctx, VolunteersHoursTab, "服务时长")
    tab: VolunteersHoursTab = host.tab
    tab.now = lambda: now
    tab.day.setDate(tab.day.date().fromString(now.date().isoformat(), "yyyy-MM-dd"))
    tab.refresh()
    click(qtbot, tab.period.presets["summer"])
    assert tab.period.period() == (MON, D(2026, 7, 31))
    return host


def totals_of(tab: VolunteersHoursTab) -> dict[str, list[str]]:
    return {line[0]: line[1:] for line in tab.totals_lines()}


def test_approve_and_reject_pending_hours_and_see_the_totals_change(qtbot, window, world) -> None:
    ctx = window.ctx
    _programme, people, sessions = world
    vs.confirm_planned(ctx, sessions["reading"], MON, now=DT(2026, 7, 6, 12))
    vs.add_hours(ctx, people["huang"], D(2026, 7, 8), 45, "整理图书", today=D(2026, 7, 10))
    host = hours_tab(qtbot, ctx, DT(2026, 7, 10, 12))
    tab: VolunteersHoursTab = host.tab
    assert tab.objectName() == "volunteersHoursTab" and tab.scan_input is None and not tab.stale

    assert [r.volunteer for r in tab.model.rows] == ["黄老师", "覃思琪", "韦小宝"]  # pending, newest first
    assert "3 条" in tab.count_label.text()
    assert totals_of(tab)["韦小宝"] == ["广西师范大学", "0 小时", "1.5 小时", "0"]
    assert "已核定 0 小时，待审核 3 小时 45 分钟" in tab.totals_summary.text()

    # Approve 韦小宝's: the totals move from pending to approved.
    wei = next(r for r in tab.model.rows if r.volunteer == "韦小宝")
    tab.select_ids([wei.id])
    assert tab.approve_button.isEnabled()
    click(qtbot, tab.approve_button)
    assert "已核定 1 条，共 1 小时 30 分钟" in tab.message.text()
    assert host.changes == ["volunteers"]
    assert totals_of(tab)["韦小宝"] == ["广西师范大学", "1.5 小时", "", "1"]
    assert "已核定 1 小时 30 分钟，待审核 2 小时 15 分钟" in tab.totals_summary.text()
    assert "韦小宝" not in [r.volunteer for r in tab.model.rows]  # no longer pending

    # Reject 黄老师's: the reason is required.
    huang = next(r for r in tab.model.rows if r.volunteer == "黄老师")
    tab.select_ids([huang.id])
    click(qtbot, tab.reject_button)
    assert tab.review.isVisible() and tab.reason.hasFocus()
    click(qtbot, tab.review_ok)
    assert tab.review_problem.isVisible() and "原因" in tab.review_problem.text()
    assert vs.list_hours(ctx, status="rejected") == [] and host.changes == ["volunteers"]
    ime_type(tab.reason, "当天未到中心")
    qtbot.keyClick(tab.reason, Qt.Key.Key_Return)
    assert not tab.review.isVisible() and "不通过" in tab.message.text()
    (rejected,) = vs.list_hours(ctx, status="rejected")
    assert rejected.review_note == "当天未到中心"
    assert "黄老师" not in totals_of(tab)
    assert "已核定 1 小时 30 分钟，待审核 1 小时 30 分钟" in tab.totals_summary.text()

    # Per organisation.
    tab.totals_by.setCurrentIndex(tab.totals_by.findData("organisations"))
    assert totals_of(tab)["广西师范大学"] == ["2", "1.5 小时", "1.5 小时", "1"]

    # Ctrl+Enter approves the selection from the keyboard.
    tab.select_ids([r.id for r in tab.model.rows])
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert tab.model.rows == [] and "待审核 0 小时" in tab.totals_summary.text()


def test_sign_in_and_out_of_a_session_then_confirm_the_planned_time(qtbot, window, world) -> None:
    ctx = window.ctx
    _programme, people, sessions = world
    host = hours_tab(qtbot, ctx, DT(2026, 7, 6, 8, 25))
    tab: VolunteersHoursTab = host.tab
    o = tab.current_occurrence()
    assert o is not None and o.title == "绘本共读" and o.slot_date == MON
    assert "韦小宝：未记录" in tab.session_state.text()
    assert not tab.sign_in_button.isEnabled()  # 全体志愿者: signing in is one person's
    tab.volunteer.setCurrentIndex(tab.volunteer.findData(people["wei"]))
    click(qtbot, tab.sign_in_button)
    assert "韦小宝 已签到“绘本共读”：08:25" in tab.message.text()
    assert "韦小宝：08:25 已签到" in tab.session_state.text()

    tab.now = lambda: DT(2026, 7, 6, 10, 3)
    click(qtbot, tab.sign_out_button)
    assert "已签退" in tab.message.text() and "1 小时 38 分钟" in tab.message.text()
    click(qtbot, tab.sign_out_button)  # twice: the service says so
    assert "已经在 10:03 签退过了" in tab.message.text()

    # Staff confirm the planned time for everyone: 覃思琪 gets 90 minutes, 韦小宝 keeps the signed time.
    tab.volunteer.setCurrentIndex(0)
    click(qtbot, tab.confirm_button)
    assert "已按计划确认“绘本共读”" in tab.message.text()
    minutes = {r.volunteer: r.minutes for r in vs.list_hours(ctx)}
    assert minutes == {"韦小宝": 98, "覃思琪": 90}
    assert "覃思琪：按计划确认 1 小时 30 分钟（待审核）" in tab.session_state.text()
    assert len(tab.model.rows) == 2

    # A day without sessions says so.
    tab.day.setDate(tab.day.date().addDays(1))
    assert tab.current_occurrence() is None and not tab.confirm_button.isEnabled()
    assert tab.occurrence.currentText() == "这天没有课"


def test_correct_an_approved_record(qtbot, window, world) -> None:
    ctx = window.ctx
    _programme, _people, sessions = world
    rows = vs.confirm_planned(ctx, sessions["reading"], MON, now=DT(2026, 7, 6, 12))
    vs.approve_hours(ctx, [r.id for r in rows])
    host = hours_tab(qtbot, ctx, DT(2026, 7, 10, 12))
    tab: VolunteersHoursTab = host.tab
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("approved"))
    assert len(tab.model.rows) == 2
    target = next(r for r in tab.model.rows if r.volunteer == "覃思琪")
    tab.select_ids([target.id])
    click(qtbot, tab.correct_button)
    assert tab.minutes.isVisible() and tab.minutes.value() == 90
    tab.minutes.setValue(60)
    ime_type(tab.reason, "提前离开")
    click(qtbot, tab.review_ok)
    assert "改为 1 小时" in tab.message.text() and "重新开具" in tab.message.text()
    assert totals_of(tab)["覃思琪"][1] == "1 小时"  # 60 minutes


def test_the_presets_and_the_export(qtbot, window, world, tmp_path: Path) -> None:
    ctx = window.ctx
    _programme, _people, sessions = world
    rows = vs.confirm_planned(ctx, sessions["reading"], MON, now=DT(2026, 7, 6, 12))
    vs.approve_hours(ctx, [rows[0].id])
    host = hours_tab(qtbot, ctx, DT(2026, 7, 10, 12))
    tab: VolunteersHoursTab = host.tab
    click(qtbot, tab.period.presets["month"])
    assert tab.period.period() == (D(2026, 7, 1), D(2026, 7, 31))
    click(qtbot, tab.period.presets["term"])
    assert tab.period.period() == (D(2026, 2, 1), D(2026, 6, 30))  # no term programme: the spring half-year
    assert tab.totals_lines() == []
    click(qtbot, tab.period.presets["summer"])

    target = tmp_path / "服务 时长.xlsx"
    tab.choose_export_file = lambda: str(target)
    click(qtbot, tab.export_button)
    qtbot.waitUntil(lambda: not tab.exporting, timeout=10000)
    assert "已导出 2 行" in tab.message.text()
    values = [[c.value for c in row] for row in load_workbook(target).active.iter_rows()]
    header_at = next(i for i, row in enumerate(values) if row[0] == "志愿者")
    assert {values[header_at + 1][0], values[header_at + 2][0]} == {"韦小宝", "覃思琪"}


def test_the_period_rules() -> None:
    assert month_of(D(2026, 2, 14)) == (D(2026, 2, 1), D(2026, 2, 28))
    assert term_of(D(2026, 10, 1), []) == (D(2026, 9, 1), D(2027, 1, 31))
    assert term_of(D(2027, 1, 10), []) == (D(2026, 9, 1), D(2027, 1, 31))
    assert summer_of(D(2026, 3, 1), []) == (D(2026, 7, 1), D(2026, 8, 31))


def test_a_teacher_sees_their_own_hours_and_signs_themselves_in(qtbot, window, world) -> None:
    from center_app.context import open_store

    _programme, people, sessions = world
    vs.confirm_planned(window.ctx, sessions["reading"], MON, now=DT(2026, 7, 6, 12))
    actor = Actor(username="qsq", role="teacher", display_name="覃思琪", volunteer_id=people["qin"])
    ctx = open_store(window.ctx.data_dir, actor=actor)
    try:
        host = hours_tab(qtbot, ctx, DT(2026, 7, 13, 8, 20))
        tab: VolunteersHoursTab = host.tab
        assert [r.volunteer for r in tab.model.rows] == ["覃思琪"]
        for button in (tab.approve_button, tab.reject_button, tab.confirm_button, tab.export_button):
            assert not button.isEnabled()
        assert "无权" in tab.confirm_button.toolTip() and "只显示你自己的" in tab.message.text()
        assert [tab.volunteer.itemText(n) for n in range(tab.volunteer.count())] == ["覃思琪"]
        click(qtbot, tab.sign_in_button)
        assert "覃思琪 已签到" in tab.message.text()
        host.close()
    finally:
        ctx.close()


def test_the_tab_fits_the_school_pc_and_looks_right(qtbot, window, world) -> None:
    ctx = window.ctx
    _programme, people, sessions = world
    for day in (MON, D(2026, 7, 13)):
        vs.confirm_planned(ctx, sessions["reading"], day, now=DT(2026, 7, 20, 12))
    vs.add_hours(ctx, people["huang"], D(2026, 7, 8), 45, "整理图书", today=D(2026, 7, 10))
    host = hours_tab(qtbot, ctx, DT(2026, 7, 13, 9))
    tab: VolunteersHoursTab = host.tab
    tab.select_ids([tab.model.rows[0].id])
    problems = fits(qtbot, host, "hours")
    PICTURES.mkdir(parents=True, exist_ok=True)
    host.grab().save(str(PICTURES / "hours.png"))
    click(qtbot, tab.reject_button)
    problems += fits(qtbot, host, "reject box")
    click(qtbot, tab.review_ok)
    problems += fits(qtbot, host, "reject refused")
    host.grab().save(str(PICTURES / "hours_reject.png"))
    assert problems == []
