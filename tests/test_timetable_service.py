"""The timetable service on a real SQLite file: programmes and periods, saving sessions with the clash check and
the override, exceptions, the week grid's data, a teacher's own sessions, the audit trail."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from center_app.context import Actor, AppContext
from center_app.db.models import AuditLog, TimetableSlot
from center_app.domain.errors import NotFound, PermissionDenied, ValidationError
from center_app.services import volunteers as vs
from center_app.services.volunteers import SessionInput, VolunteerInput

D = dt.date
T = dt.time
START, END = D(2026, 7, 6), D(2026, 7, 31)  # a summer programme: Monday 6 July – Friday 31 July


def volunteer(ctx: AppContext, name: str, **kw: object) -> int:
    return vs.create_volunteer(
        ctx, VolunteerInput(name, organisation=kw.pop("organisation", "广西师范大学"), **kw)
    ).id  # type: ignore[arg-type]


@pytest.fixture
def camp(ctx: AppContext):
    programme = vs.create_programme(ctx, "2026年暑期", "summer", START, END)
    rooms = {name: vs.save_room(ctx, None, name).id for name in ("阅览室", "活动室", "美术室")}
    people = {name: volunteer(ctx, name) for name in ("韦小宝", "覃思琪", "黄立")}
    return programme, rooms, people


def session(
    programme_id: int,
    title: str,
    weekday: int | None,
    start: str,
    end: str,
    vols,
    room,
    *,
    on_date=None,
    group="",
) -> SessionInput:
    return SessionInput(
        programme_id,
        title,
        start,
        end,
        weekday=weekday,
        on_date=on_date,
        volunteer_ids=tuple(vols),
        room_id=room,
        group=group,
        kind="reading",
    )


def audit_rows(ctx: AppContext, entity: str) -> list[AuditLog]:
    with ctx.db.read() as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.entity == entity).order_by(AuditLog.id)))


def test_a_programme_gets_its_kinds_periods_and_can_change_them(ctx: AppContext) -> None:
    p = vs.create_programme(ctx, " 2026年 暑期 ", "summer", START, END)
    assert p.name == "2026年 暑期" and [x.label for x in p.periods] == [
        "上午一",
        "上午二",
        "下午一",
        "下午二",
    ]
    assert len(p.weeks) == 4
    periods = [vs.Period(1, "早读", T(8), T(8, 40)), vs.Period(2, "上午", T(9), T(11, 30))]
    changed = vs.update_programme(ctx, p.id, p.name, "summer", START, END, periods)
    assert [(x.number, x.label) for x in changed.periods] == [(1, "早读"), (2, "上午")]
    assert vs.get_programme(ctx, p.id).periods == changed.periods
    with pytest.raises(ValidationError, match="已经有一个"):
        vs.create_programme(ctx, "2026年 暑期", "summer", START, END)
    with pytest.raises(ValidationError, match="结束日期"):
        vs.create_programme(ctx, "错的", "weekly", END, START)
    assert [r.summary for r in audit_rows(ctx, "timetable")][0].startswith("新建暑期课表")


def test_saving_a_clash_is_refused_with_what_clashes(ctx: AppContext, camp) -> None:
    programme, rooms, people = camp
    vs.save_session(
        ctx, session(programme.id, "绘本共读", 3, "14:30", "16:00", [people["韦小宝"]], rooms["阅览室"])
    )
    with pytest.raises(vs.ClashRefused) as refused:
        vs.save_session(
            ctx, session(programme.id, "手工", 3, "15:00", "16:30", [people["韦小宝"]], rooms["美术室"])
        )
    assert "冲突（4 处）" in refused.value.message  # four Wednesdays
    assert (
        "韦小宝 同一时间有两节课：7月8日（周三）14:30–16:00“绘本共读”和 15:00–16:30“手工”"
        in refused.value.details
    )
    with ctx.db.read() as s:
        assert len(s.scalars(select(TimetableSlot)).all()) == 1  # nothing written


def test_back_to_back_saves_and_a_room_clash_is_caught(ctx: AppContext, camp) -> None:
    programme, rooms, people = camp
    vs.save_session(
        ctx, session(programme.id, "绘本共读", 3, "14:30", "16:00", [people["韦小宝"]], rooms["阅览室"])
    )
    saved = vs.save_session(
        ctx, session(programme.id, "手工", 3, "16:00", "17:00", [people["韦小宝"]], rooms["阅览室"])
    )
    assert saved.overridden == ()
    check = vs.check_session(
        ctx, session(programme.id, "朗诵", 3, "15:30", "16:30", [people["黄立"]], rooms["阅览室"])
    )
    assert (
        not check.ok and {c.kind for c in check.clashes} == {"room"} and check.clashes[0].resource == "阅览室"
    )


def test_staff_may_save_a_clash_with_a_reason_and_it_is_audited(ctx: AppContext, camp) -> None:
    programme, rooms, people = camp
    vs.save_session(
        ctx, session(programme.id, "绘本共读", 1, "09:00", "10:00", [people["韦小宝"]], rooms["阅览室"])
    )
    saved = vs.save_session(
        ctx,
        session(
            programme.id,
            "大组游戏",
            1,
            "09:30",
            "10:30",
            [people["韦小宝"], people["覃思琪"]],
            rooms["活动室"],
        ),
        override_reason="两组合并上课，韦老师两边走",
    )
    assert len(saved.overridden) == 4 and saved.session.override_reason == "两组合并上课，韦老师两边走"
    entry = audit_rows(ctx, "timetable_slot")[-1]
    assert "4 处冲突仍然保存：两组合并上课" in entry.summary
    assert json.loads(entry.changes)["override_reason"] == [None, "两组合并上课，韦老师两边走"]
    assert len(vs.programme_clashes(ctx, programme.id)) == 4


def test_a_one_off_session_and_the_night_across_midnight(ctx: AppContext, camp) -> None:
    programme, rooms, people = camp
    vs.save_session(
        ctx,
        session(
            programme.id, "观星", None, "21:00", "01:00", [people["覃思琪"]], None, on_date=D(2026, 7, 10)
        ),
    )
    with pytest.raises(vs.ClashRefused, match="1 处"):
        vs.save_session(
            ctx,
            session(
                programme.id, "夜巡", None, "00:30", "02:00", [people["覃思琪"]], None, on_date=D(2026, 7, 11)
            ),
        )
    ok = vs.save_session(
        ctx,
        session(
            programme.id, "早操", None, "01:00", "02:00", [people["覃思琪"]], None, on_date=D(2026, 7, 11)
        ),
    )
    assert ok.session.when == "7月11日（周六）01:00–02:00"
    assert vs.get_session(ctx, ok.session.id).on_date == D(2026, 7, 11)
    with pytest.raises(ValidationError, match="不在“2026年暑期”的日期内"):
        vs.save_session(
            ctx, session(programme.id, "早操", None, "08:00", "09:00", [], None, on_date=D(2026, 8, 11))
        )


def test_bad_sessions_are_refused_with_every_problem(ctx: AppContext, camp) -> None:
    programme, _rooms, _people = camp
    with pytest.raises(ValidationError) as refused:
        vs.save_session(
            ctx, SessionInput(programme.id, "", "9:00", "9:00", weekday=9, volunteer_ids=(999,), room_id=999)
        )
    text = " ".join(refused.value.problems)
    for part in ("名称", "相同", "星期几", "找不到志愿者", "教室"):
        assert part in text
    with pytest.raises(NotFound):
        vs.save_session(ctx, SessionInput(999, "x", "9:00", "10:00", weekday=1))


def test_cancel_move_and_restore_one_occurrence(ctx: AppContext, camp) -> None:
    programme, rooms, people = camp
    reading = vs.save_session(
        ctx, session(programme.id, "绘本共读", 1, "09:00", "10:00", [people["韦小宝"]], rooms["阅览室"])
    ).session
    other = vs.save_session(
        ctx, session(programme.id, "书法", 2, "09:00", "10:00", [people["黄立"]], rooms["阅览室"])
    ).session
    # Moving Monday 13th to Tuesday 14th 09:00 meets 书法 in 阅览室: refused, then moved to another room.
    with pytest.raises(vs.ClashRefused):
        vs.move_occurrence(ctx, reading.id, D(2026, 7, 13), new_date=D(2026, 7, 14))
    moved = vs.move_occurrence(
        ctx,
        reading.id,
        D(2026, 7, 13),
        new_date=D(2026, 7, 14),
        new_room_id=rooms["活动室"],
        reason="周一停电",
    )
    assert [(e.on_date, e.kind, e.new_room) for e in moved.exceptions] == [
        (D(2026, 7, 13), "moved", "活动室")
    ]
    grid = vs.week_grid(ctx, programme.id, D(2026, 7, 15))
    tuesday = [c for c in grid.cells if c.day == 1]
    assert {(c.occurrence.title, c.occurrence.room) for c in tuesday} == {
        ("绘本共读", "活动室"),
        ("书法", "阅览室"),
    }
    assert any(c.occurrence.moved and c.occurrence.slot_date == D(2026, 7, 13) for c in tuesday)
    assert not [c for c in grid.cells if c.day == 0]  # nothing left on Monday the 13th
    cancelled = vs.cancel_occurrence(ctx, other.id, D(2026, 7, 21), "老师请假")
    assert cancelled.exceptions[0].kind == "cancelled"
    grid = vs.week_grid(ctx, programme.id, D(2026, 7, 21))
    assert [c.occurrence.cancelled for c in grid.cells if c.occurrence.title == "书法"] == [True]
    vs.restore_occurrence(ctx, other.id, D(2026, 7, 21))
    assert vs.get_session(ctx, other.id).exceptions == ()
    with pytest.raises(ValidationError, match="没有课"):
        vs.cancel_occurrence(ctx, other.id, D(2026, 7, 22))
    summaries = [r.summary for r in audit_rows(ctx, "timetable_slot")]
    assert any("调到 7月14日（周二） 活动室" in x and "周一停电" in x for x in summaries)
    assert any("停课" in x and "老师请假" in x for x in summaries) and any(
        "恢复照常上课" in x for x in summaries
    )


def test_the_week_grid_places_sessions_by_day_and_period_and_marks_clashes(ctx: AppContext, camp) -> None:
    programme, rooms, people = camp
    vs.save_session(
        ctx,
        session(
            programme.id,
            "绘本共读",
            1,
            "08:30",
            "10:00",
            [people["韦小宝"]],
            rooms["阅览室"],
            group="1-3年级",
        ),
    )
    vs.save_session(
        ctx,
        session(
            programme.id, "手工", 1, "09:30", "11:00", [people["韦小宝"]], rooms["美术室"], group="4-6年级"
        ),
        override_reason="测试",
    )
    vs.save_session(
        ctx, session(programme.id, "电影", 3, "19:00", "21:00", [people["黄立"]], rooms["活动室"])
    )
    grid = vs.week_grid(ctx, programme.id, D(2026, 7, 8))
    assert grid.monday == D(2026, 7, 6) and grid.in_programme == (True,) * 5 + (True, True)
    assert [c.occurrence.title for c in grid.at(0, 1)] == ["绘本共读", "手工"]
    assert [c.occurrence.title for c in grid.at(0, 2)] == ["手工"]
    assert [c.occurrence.title for c in grid.at(2, 0)] == ["电影"]  # outside every period
    clashing = {c.occurrence.title for c in grid.cells if c.clash}
    assert clashing == {"绘本共读", "手工"} and len(grid.clashes) == 1
    only_room = vs.week_grid(ctx, programme.id, D(2026, 7, 8), room_id=rooms["活动室"])
    assert [c.occurrence.title for c in only_room.cells] == ["电影"]
    by_class = vs.week_grid(ctx, programme.id, D(2026, 7, 8), group="4-6年级")
    assert [c.occurrence.title for c in by_class.cells] == ["手工"]


def test_availability_is_a_warning_not_a_refusal(ctx: AppContext, camp) -> None:
    programme, rooms, _people = camp
    busy = volunteer(
        ctx, "陆老师", availability="周一至周五 14:00-17:00", start_on=START, end_on=D(2026, 7, 20)
    )
    saved = vs.save_session(ctx, session(programme.id, "阅读", 2, "09:00", "10:00", [busy], rooms["阅览室"]))
    assert saved.warnings and "不在其填报的空闲时间内" in saved.warnings[0]
    assert any("……共" in w for w in saved.warnings) or len(saved.warnings) <= 5
    grid = vs.week_grid(ctx, programme.id, D(2026, 7, 27))
    assert any("不在服务期内" in w for c in grid.cells for w in c.warnings)


def test_a_teacher_sees_and_edits_only_their_own_sessions(ctx: AppContext, camp) -> None:
    programme, rooms, people = camp
    mine = vs.save_session(
        ctx, session(programme.id, "绘本共读", 1, "09:00", "10:00", [people["韦小宝"]], rooms["阅览室"])
    ).session
    theirs = vs.save_session(
        ctx, session(programme.id, "书法", 1, "09:00", "10:00", [people["黄立"]], rooms["美术室"])
    ).session
    teacher = AppContext(ctx.data_dir, ctx.db, Actor("weixb", role="teacher", volunteer_id=people["韦小宝"]))
    grid = vs.week_grid(teacher, programme.id, START)
    assert [c.occurrence.title for c in grid.cells] == ["绘本共读"] and grid.cells[0].may_edit
    assert [s.title for s in vs.list_sessions(teacher, programme.id)] == ["绘本共读"]
    vs.save_session(
        teacher,
        session(programme.id, "绘本共读", 1, "10:00", "11:00", [people["韦小宝"]], rooms["阅览室"]),
        mine.id,
    )
    with pytest.raises(PermissionDenied, match="只能"):
        vs.save_session(
            teacher,
            session(programme.id, "书法", 1, "10:00", "11:00", [people["韦小宝"]], rooms["美术室"]),
            theirs.id,
        )
    with pytest.raises(PermissionDenied):
        vs.week_grid(teacher, programme.id, START, volunteer_id=people["黄立"])
    with pytest.raises(vs.ClashRefused, match="请社工"):  # a teacher cannot override
        vs.save_session(
            teacher,
            session(programme.id, "加课", 1, "10:30", "11:30", [people["韦小宝"]], rooms["活动室"]),
            override_reason="我想",
        )
    unlinked = AppContext(ctx.data_dir, ctx.db, Actor("new", role="teacher"))
    with pytest.raises(PermissionDenied, match="关联"):
        vs.week_grid(unlinked, programme.id, START)
    librarian = AppContext(ctx.data_dir, ctx.db, Actor("tushu", role="librarian"))
    with pytest.raises(PermissionDenied):
        vs.list_programmes(librarian)


def test_a_longer_programme_is_checked_again(ctx: AppContext, camp) -> None:
    programme, rooms, people = camp
    term = vs.create_programme(ctx, "秋季学期", "weekly", D(2026, 9, 1), D(2027, 1, 20))
    vs.save_session(
        ctx, session(term.id, "作业辅导", 1, "09:00", "10:00", [people["韦小宝"]], rooms["阅览室"])
    )
    vs.save_session(
        ctx, session(programme.id, "绘本共读", 1, "09:00", "10:00", [people["韦小宝"]], rooms["阅览室"])
    )
    with pytest.raises(vs.ClashRefused):  # the summer now runs into September: the same Monday mornings
        vs.update_programme(ctx, programme.id, programme.name, "summer", START, D(2026, 9, 15))
    vs.update_programme(
        ctx, programme.id, programme.name, "summer", START, D(2026, 9, 15), override_reason="九月初两边合并"
    )
    assert vs.programme_clashes(ctx, programme.id)


def test_delete_a_session_and_an_empty_programme(ctx: AppContext, camp) -> None:
    programme, rooms, people = camp
    saved = vs.save_session(
        ctx, session(programme.id, "绘本共读", 1, "09:00", "10:00", [people["韦小宝"]], rooms["阅览室"])
    )
    with pytest.raises(ValidationError, match="还有 1 节课"):
        vs.delete_programme(ctx, programme.id)
    vs.delete_session(ctx, saved.session.id)
    vs.delete_programme(ctx, programme.id)
    assert vs.list_programmes(ctx) == []
    assert [r.action for r in audit_rows(ctx, "timetable")][-1] == "delete"


def test_occurrences_between_for_a_day(ctx: AppContext, camp) -> None:
    programme, rooms, people = camp
    s1 = vs.save_session(
        ctx,
        session(
            programme.id,
            "绘本共读",
            1,
            "09:00",
            "10:00",
            [people["韦小宝"], people["覃思琪"]],
            rooms["阅览室"],
        ),
    ).session
    vs.cancel_occurrence(ctx, s1.id, D(2026, 7, 13))
    assert [o.slot_date for o in vs.occurrences_between(ctx, D(2026, 7, 6), D(2026, 7, 20))] == [
        D(2026, 7, 6),
        D(2026, 7, 20),
    ]
    day = vs.occurrences_between(ctx, D(2026, 7, 6), D(2026, 7, 6))[0]
    assert day.volunteers == ("韦小宝", "覃思琪") and day.minutes == 60 and day.times == "09:00–10:00"


def test_current_programme_and_groups(ctx: AppContext, camp) -> None:
    programme, rooms, people = camp
    term = vs.create_programme(ctx, "秋季学期", "weekly", D(2026, 9, 1), D(2027, 1, 20))
    assert vs.current_programme(ctx, D(2026, 7, 10)).id == programme.id
    assert vs.current_programme(ctx, D(2026, 8, 10)).id == term.id
    vs.save_session(
        ctx, session(programme.id, "a", 1, "09:00", "10:00", [], rooms["阅览室"], group="三年级10班")
    )
    vs.save_session(
        ctx, session(programme.id, "b", 2, "09:00", "10:00", [], rooms["阅览室"], group="三年级2班")
    )
    assert vs.list_groups(ctx, programme.id) == ["三年级2班", "三年级10班"]
