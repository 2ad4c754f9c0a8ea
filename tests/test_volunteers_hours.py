"""Service hours on a real SQLite file: sign in and out of an occurrence, the planned time confirmed by staff,
entries by hand, approve / reject / correct (audited, never one's own), totals per volunteer and organisation,
and the export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from center_app.context import Actor, AppContext
from center_app.db.models import AuditLog
from center_app.domain.errors import PermissionDenied, ValidationError
from center_app.services import volunteers as vs
from center_app.services.volunteers import SessionInput, VolunteerInput

D = dt.date
DT = dt.datetime
MON = D(2026, 7, 6)


@pytest.fixture
def world(ctx: AppContext):
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
    night = vs.save_session(
        ctx,
        SessionInput(programme.id, "观星", "21:00", "01:00", on_date=D(2026, 7, 8), volunteer_ids=(huang,)),
    ).session.id
    return programme, {"wei": wei, "qin": qin, "huang": huang}, {"reading": reading, "night": night}


def teacher(ctx: AppContext, volunteer_id: int) -> AppContext:
    return AppContext(ctx.data_dir, ctx.db, Actor("t", role="teacher", volunteer_id=volunteer_id))


def test_sign_in_and_out_counts_whole_minutes(ctx: AppContext, world) -> None:
    _programme, people, sessions = world
    me = teacher(ctx, people["wei"])
    row = vs.sign_in(me, sessions["reading"], MON, now=DT(2026, 7, 6, 8, 25, 30))
    assert (row.status, row.minutes, row.source_label) == ("pending", 0, "签到签退")
    again = vs.sign_in(me, sessions["reading"], MON, now=DT(2026, 7, 6, 8, 40))
    assert again.id == row.id and again.signed_in_at == DT(2026, 7, 6, 8, 25, 30)  # the first time stays
    out = vs.sign_out(me, sessions["reading"], MON, now=DT(2026, 7, 6, 10, 3, 10))
    assert out.minutes == 97 and out.hours_text == "1 小时 37 分钟"
    with pytest.raises(ValidationError, match="已经在 10:03 签退过了"):
        vs.sign_out(me, sessions["reading"], MON, now=DT(2026, 7, 6, 10, 30))


def test_signing_in_is_for_the_occurrences_time_and_crew(ctx: AppContext, world) -> None:
    _programme, people, sessions = world
    with pytest.raises(ValidationError, match="还没到签到时间"):
        vs.sign_in(teacher(ctx, people["wei"]), sessions["reading"], MON, now=DT(2026, 7, 6, 6, 0))
    with pytest.raises(ValidationError, match="已经结束"):
        vs.sign_in(teacher(ctx, people["wei"]), sessions["reading"], MON, now=DT(2026, 7, 6, 10, 1))
    with pytest.raises(ValidationError, match="不在“绘本共读”"):
        vs.sign_in(ctx, sessions["reading"], MON, volunteer_id=people["huang"], now=DT(2026, 7, 6, 8, 30))
    with pytest.raises(ValidationError, match="没有课"):
        vs.sign_in(teacher(ctx, people["wei"]), sessions["reading"], D(2026, 7, 7), now=DT(2026, 7, 7, 8, 30))
    with pytest.raises(PermissionDenied):  # a teacher signs only themselves in
        vs.sign_in(
            teacher(ctx, people["wei"]),
            sessions["reading"],
            MON,
            volunteer_id=people["qin"],
            now=DT(2026, 7, 6, 8, 30),
        )
    vs.cancel_occurrence(ctx, sessions["reading"], D(2026, 7, 13))
    with pytest.raises(ValidationError, match="已停课"):
        vs.sign_in(
            teacher(ctx, people["wei"]), sessions["reading"], D(2026, 7, 13), now=DT(2026, 7, 13, 8, 30)
        )


def test_a_night_session_across_midnight(ctx: AppContext, world) -> None:
    _programme, people, sessions = world
    me = teacher(ctx, people["huang"])
    vs.sign_in(me, sessions["night"], D(2026, 7, 8), now=DT(2026, 7, 8, 20, 50))
    row = vs.sign_out(me, sessions["night"], D(2026, 7, 8), now=DT(2026, 7, 9, 1, 5))
    assert row.minutes == 255 and row.on_date == D(2026, 7, 8)
    planned = vs.confirm_planned(ctx, sessions["night"], D(2026, 7, 8), now=DT(2026, 7, 9, 9))
    assert [r.minutes for r in planned] == [255]  # the signed time is kept


def test_staff_confirm_the_planned_time_then_approve(ctx: AppContext, world) -> None:
    _programme, people, sessions = world
    with pytest.raises(ValidationError, match="还没开始"):
        vs.confirm_planned(ctx, sessions["reading"], D(2026, 7, 13), now=DT(2026, 7, 6, 12))
    rows = vs.confirm_planned(ctx, sessions["reading"], MON, now=DT(2026, 7, 6, 12))
    assert [(r.volunteer, r.minutes, r.status, r.source) for r in rows] == [
        ("韦小宝", 90, "pending", "planned"),
        ("覃思琪", 90, "pending", "planned"),
    ]
    approved = vs.approve_hours(ctx, [r.id for r in rows], "按课表")
    assert {r.status for r in approved} == {"approved"} and approved[0].review_note == "按课表"
    with pytest.raises(ValidationError, match="已经核定，不用再审核"):
        vs.approve_hours(ctx, [rows[0].id])
    with ctx.db.read() as s:
        entries = list(
            s.scalars(select(AuditLog).where(AuditLog.entity == "service_hours").order_by(AuditLog.id))
        )
    assert [e.action for e in entries] == ["create", "create", "update", "update"]
    assert entries[2].summary.startswith("核定 #") and "绘本共读" in entries[2].summary


def test_review_rules(ctx: AppContext, world) -> None:
    _programme, people, sessions = world
    signed = vs.sign_in(teacher(ctx, people["wei"]), sessions["reading"], MON, now=DT(2026, 7, 6, 8, 30))
    with pytest.raises(ValidationError, match="还没有签退"):
        vs.approve_hours(ctx, [signed.id])
    manual = vs.add_hours(
        teacher(ctx, people["qin"]), people["qin"], D(2026, 7, 7), 120, "家访陪同", today=D(2026, 7, 10)
    )
    with pytest.raises(ValidationError, match="原因"):
        vs.reject_hours(ctx, [manual.id], "")
    rejected = vs.reject_hours(ctx, [manual.id], "当天未到中心")
    assert rejected[0].status_label == "未通过"
    own = AppContext(ctx.data_dir, ctx.db, Actor("shegong", role="staff", volunteer_id=people["huang"]))
    mine = vs.add_hours(own, people["huang"], D(2026, 7, 7), 60, "布置教室", today=D(2026, 7, 10))
    with pytest.raises(PermissionDenied, match="不能审核自己的"):
        vs.approve_hours(own, [mine.id])
    with pytest.raises(PermissionDenied):
        vs.approve_hours(teacher(ctx, people["wei"]), [mine.id])
    with pytest.raises(ValidationError, match="今天以后"):
        vs.add_hours(ctx, people["wei"], D(2026, 7, 11), 60, "x", today=D(2026, 7, 10))
    with pytest.raises(ValidationError, match="大于 0"):
        vs.add_hours(ctx, people["wei"], D(2026, 7, 9), 0, "x", today=D(2026, 7, 10))


def test_totals_per_volunteer_and_organisation_for_a_period(ctx: AppContext, world) -> None:
    _programme, people, sessions = world
    first = vs.confirm_planned(ctx, sessions["reading"], MON, now=DT(2026, 7, 6, 12))
    second = vs.confirm_planned(ctx, sessions["reading"], D(2026, 7, 13), now=DT(2026, 7, 13, 12))
    vs.approve_hours(ctx, [r.id for r in first] + [second[0].id])
    extra = vs.add_hours(ctx, people["huang"], D(2026, 7, 9), 45, "整理图书", today=D(2026, 7, 10))
    vs.approve_hours(ctx, [extra.id])
    vs.add_hours(ctx, people["huang"], D(2026, 8, 1), 30, "八月的", today=D(2026, 8, 2))
    totals = vs.hours_totals(ctx, MON, D(2026, 7, 31))
    by_name = {t.name: (t.approved_minutes, t.pending_minutes, t.sessions) for t in totals.volunteers}
    assert by_name == {"韦小宝": (180, 0, 2), "覃思琪": (90, 90, 1), "黄老师": (45, 0, 1)}
    by_org = {
        o.organisation: (o.volunteers, o.approved_minutes, o.pending_minutes) for o in totals.organisations
    }
    assert by_org == {"广西师范大学": (2, 270, 90), "古楼村小学": (1, 45, 0)}
    assert totals.approved_minutes == 315 and totals.pending_minutes == 90
    mine = vs.hours_totals(teacher(ctx, people["qin"]), MON, D(2026, 7, 31))
    assert [t.name for t in mine.volunteers] == ["覃思琪"]
    with pytest.raises(ValidationError):
        vs.hours_totals(ctx, D(2026, 7, 31), MON)


def test_correcting_an_approved_record(ctx: AppContext, world) -> None:
    _programme, _people, sessions = world
    rows = vs.confirm_planned(ctx, sessions["reading"], MON, now=DT(2026, 7, 6, 12))
    vs.approve_hours(ctx, [rows[0].id])
    fixed = vs.correct_hours(ctx, rows[0].id, 60, "提前一小时离开")
    assert (fixed.minutes, fixed.status) == (60, "approved")
    with pytest.raises(ValidationError, match="原因"):
        vs.correct_hours(ctx, rows[0].id, 50, "")


def test_export_hours(ctx: AppContext, world, tmp_path: Path) -> None:
    _programme, _people, sessions = world
    rows = vs.confirm_planned(ctx, sessions["reading"], MON, now=DT(2026, 7, 6, 12))
    vs.approve_hours(ctx, [rows[0].id])
    for by in ("volunteers", "organisations", "records"):
        target = tmp_path / f"时长-{by}.xlsx"
        assert vs.export_hours_xlsx(ctx, target, MON, D(2026, 7, 31), by=by) >= 1
    sheet = load_workbook(tmp_path / "时长-volunteers.xlsx").active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    header_at = next(i for i, row in enumerate(values) if row[0] == "志愿者")
    assert values[header_at + 1][:2] == ["韦小宝", "广西师范大学"] and float(values[header_at + 1][3]) == 1.5
    with pytest.raises(ValidationError):
        vs.export_hours_xlsx(ctx, tmp_path / "x.csv", MON, D(2026, 7, 31))
    with pytest.raises(PermissionDenied):
        vs.export_hours_xlsx(teacher(ctx, 1), tmp_path / "t.xlsx", MON, D(2026, 7, 31))


def test_the_activity_of_an_occurrence_claims_its_hours(ctx: AppContext, world) -> None:
    """The hook the activities issue builds on: an activity recorded for (session, date) takes its hours."""
    from center_app.db.models import Activity, ServiceHours
    from center_app.services.volunteers.hours import link_to_activity

    _programme, _people, sessions = world
    rows = vs.confirm_planned(ctx, sessions["reading"], MON, now=DT(2026, 7, 6, 12))
    with ctx.db.session() as s:
        activity = Activity(title="绘本共读", on_date=MON, slot_id=sessions["reading"])
        s.add(activity)
        s.flush()
        assert link_to_activity(s, activity.id, sessions["reading"], MON) == 2
        assert link_to_activity(s, activity.id, sessions["reading"], MON) == 0  # already claimed
        linked = {
            h.activity_id
            for h in s.scalars(select(ServiceHours).where(ServiceHours.id.in_([r.id for r in rows])))
        }
        assert linked == {activity.id}
