"""Early warning on a real SQLite file: consecutive absences over open days (Sundays, 国庆), a low month rate,
warnings cleared by a resolved follow-up (and raised again when absences go on), permissions, and speed."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from center_app.context import Actor, AppContext
from center_app.db.models import AuditLog, ClosedDay, FollowUp
from center_app.domain.errors import NotFound, PermissionDenied, ValidationError
from center_app.services import attendance as att
from center_app.services import early_warning as ew
from center_app.services.attendance import MarkInput
from tests.test_attendance import add_activity, add_child, as_

D = dt.date
STAFF = Actor(username="sw", role="staff")


def rolls(ctx: AppContext, marks: dict[dt.date, dict[int, str]]) -> None:
    for day, codes in marks.items():
        att.save_marks(ctx, day, None, [MarkInput(k, v) for k, v in codes.items()])


def kinds(warnings: list[ew.EarlyWarning]) -> list[tuple[str, int, bool]]:
    return [(w.kind, w.child_id, w.handled) for w in warnings]


def test_three_absences_across_a_closed_sunday_raise_a_warning_with_the_guardian(ctx: AppContext) -> None:
    kid = add_child(ctx, "王子涵", guardians=[("王建国", "祖父", "13800000001")])
    steady = add_child(ctx, "李明")
    twice = add_child(ctx, "覃小燕")
    rolls(
        ctx,
        {
            D(2026, 11, 19): {kid: "P", steady: "P", twice: "P"},  # Thu
            D(2026, 11, 20): {kid: "A", steady: "P", twice: "P"},  # Fri
            D(2026, 11, 21): {kid: "A", steady: "A", twice: "A"},  # Sat; Sun 22 closed
            D(2026, 11, 23): {kid: "A", steady: "P", twice: "A"},  # Mon
        },
    )
    warnings = ew.scan(as_(ctx, STAFF), today=D(2026, 11, 23))
    assert kinds(warnings) == [("absent_streak", kid, False)]
    (w,) = warnings
    assert w.absent_days == (D(2026, 11, 20), D(2026, 11, 21), D(2026, 11, 23)) and w.since == D(2026, 11, 20)
    assert w.last_present == D(2026, 11, 19) and w.child_name == "王子涵" and w.kind_label == "连续缺勤"
    assert (w.guardian_name, w.guardian_relation, w.guardian_phone) == ("王建国", "祖父", "13800000001")
    assert w.message == "连续 3 个开放日缺勤（11月20日起）；最后一次到中心：11月19日"
    # Thresholds can be given for one scan.
    assert {w.child_id for w in ew.scan(ctx, today=D(2026, 11, 23), consecutive=2)} == {kid, twice}
    # Before Monday's roll it was only two.
    assert ew.scan(ctx, today=D(2026, 11, 21)) == []


def test_days_without_a_roll_excused_days_and_national_day_do_not_break_a_streak(ctx: AppContext) -> None:
    with ctx.db.session() as s:
        s.add_all(ClosedDay(day=D(2026, 10, i), reason="国庆") for i in range(1, 8))
    kid = add_child(ctx, "王子涵")
    rolls(
        ctx,
        {
            D(2026, 9, 28): {kid: "P"},
            D(2026, 9, 29): {kid: "A"},
            D(2026, 9, 30): {kid: "E"},  # excused: neither breaks nor extends
            # 1–7 Oct closed; Thu 8 Oct no roll taken: doesn't count either way
            D(2026, 10, 9): {kid: "A"},
        },
    )
    assert ew.scan(ctx, today=D(2026, 10, 9)) == []  # two absences
    rolls(ctx, {D(2026, 10, 10): {kid: "A"}})
    (w,) = ew.scan(ctx, today=D(2026, 10, 12))
    assert w.absent_days == (D(2026, 9, 29), D(2026, 10, 9), D(2026, 10, 10))


def test_coming_to_a_session_ends_a_streak(ctx: AppContext) -> None:
    kid = add_child(ctx, "王子涵")
    rolls(ctx, {D(2026, 11, d): {kid: "A"} for d in (18, 19, 20)})
    assert [w.child_id for w in ew.scan(ctx, today=D(2026, 11, 20))] == [kid]
    art = add_activity(ctx, "美术", D(2026, 11, 20))
    att.save_marks(ctx, D(2026, 11, 20), art, [MarkInput(kid, "P")])
    assert ew.scan(ctx, today=D(2026, 11, 20)) == []  # the child still comes


def test_a_child_away_for_months_has_the_whole_streak_and_last_visit(ctx: AppContext) -> None:
    kid = add_child(ctx, "王子涵")
    other = add_child(ctx, "李明")
    rolls(ctx, {D(2026, 8, 3): {kid: "P", other: "P"}})
    rolls(ctx, {D(2026, 8, d): {kid: "A", other: "P"} for d in (4, 5, 6)})
    rolls(ctx, {D(2026, 11, d): {kid: "A", other: "P"} for d in (2, 3, 4)})  # long before the scan's window
    (w,) = [w for w in ew.scan(ctx, today=D(2026, 11, 4)) if w.kind == "absent_streak"]
    assert w.child_id == kid and w.last_present == D(2026, 8, 3) and len(w.absent_days) == 6
    assert w.message == "连续 6 个开放日缺勤（8月4日起）；最后一次到中心：8月3日"
    never = add_child(ctx, "覃小燕")
    rolls(ctx, {D(2026, 11, d): {never: "A"} for d in (5, 6, 7)})
    (n,) = [w for w in ew.scan(ctx, today=D(2026, 11, 7)) if w.child_id == never]
    assert n.last_present is None and n.message.endswith("；没有出勤记录")


def test_a_resolved_follow_up_clears_the_warning_until_absences_go_on(ctx: AppContext) -> None:
    kid = add_child(ctx, "王子涵")
    rolls(ctx, {D(2026, 11, d): {kid: "A"} for d in (2, 3, 4)})
    today = D(2026, 11, 4)

    ew.record_follow_up(
        ctx, kid, D(2026, 10, 30), "phone", "上次回访", "", resolved=True
    )  # before the streak
    ew.record_follow_up(ctx, kid, D(2026, 11, 4), "phone", "打电话", "还在联系", resolved=False)
    assert kinds(ew.scan(ctx, today=today)) == [("absent_streak", kid, False)]

    row = ew.record_follow_up(
        ctx,
        kid,
        D(2026, 11, 4),
        "home_visit",
        "上门家访",
        "奶奶生病，孩子在家照顾",
        "下周回来",
        reason="absent_streak",
    )
    assert row.resolved and row.method == "home_visit"
    (w,) = ew.scan(ctx, today=today)
    assert w.handled and w.follow_up_on == D(2026, 11, 4) and w.follow_up_outcome == "奶奶生病，孩子在家照顾"
    assert ew.scan(ctx, today=today, include_handled=False) == []

    # Still away after the visit: two more absences are not yet a new run of three…
    rolls(ctx, {D(2026, 11, 5): {kid: "A"}, D(2026, 11, 6): {kid: "A"}})
    # (five absences this month also make a low rate — handled by the same follow-up this month)
    assert kinds(ew.scan(ctx, today=D(2026, 11, 6))) == [
        ("absent_streak", kid, True),
        ("low_rate", kid, True),
    ]
    # …a third is: warned again, counting from after the follow-up.
    rolls(ctx, {D(2026, 11, 7): {kid: "A"}})
    (again,) = ew.scan(ctx, today=D(2026, 11, 7), include_handled=False)
    assert not again.handled and again.absent_days == (D(2026, 11, 5), D(2026, 11, 6), D(2026, 11, 7))


def test_a_low_month_rate_warns_after_five_marked_days(ctx: AppContext) -> None:
    kid = add_child(ctx, "王子涵")
    # Nov 2026: P A P A (4 marked days, 50 %) — too few to judge.
    rolls(
        ctx,
        {
            D(2026, 11, 2): {kid: "P"},
            D(2026, 11, 3): {kid: "A"},
            D(2026, 11, 4): {kid: "P"},
            D(2026, 11, 5): {kid: "A"},
        },
    )
    assert ew.scan(ctx, today=D(2026, 11, 5)) == []
    rolls(ctx, {D(2026, 11, 6): {kid: "E"}, D(2026, 11, 7): {kid: "A"}, D(2026, 11, 9): {kid: "P"}})
    (w,) = ew.scan(ctx, today=D(2026, 11, 9))  # P A P A (E) A P: 3 ÷ 6 = 50 %
    assert (w.kind, w.month_rate, w.month_present, w.month_absent, w.since) == (
        "low_rate",
        0.5,
        3,
        3,
        D(2026, 11, 1),
    )
    assert w.message.startswith("本月出勤率 50%，低于 60%（出勤 3 天，缺勤 3 天）")
    assert ew.scan(ctx, today=D(2026, 11, 9), month_rate_below=50) == []
    # Last month's follow-up does not count; one this month does.
    ew.record_follow_up(ctx, kid, D(2026, 10, 20), "phone", "十月回访", "", reason="low_rate")
    assert not ew.scan(ctx, today=D(2026, 11, 9))[0].handled
    ew.record_follow_up(ctx, kid, D(2026, 11, 9), "school", "和班主任了解", "", reason="low_rate")
    assert ew.scan(ctx, today=D(2026, 11, 9))[0].handled


def test_children_who_left_are_not_warned_and_permissions_hold(ctx: AppContext) -> None:
    gone = add_child(ctx, "转学了", status="left", left_on=D(2026, 11, 10))
    rolls(ctx, {D(2026, 11, d): {gone: "A"} for d in (2, 3, 4)})
    assert [w.child_id for w in ew.scan(ctx, today=D(2026, 11, 5))] == [gone]  # still on the roll then
    assert ew.scan(ctx, today=D(2026, 11, 12)) == []
    for role in ("teacher", "librarian"):
        with pytest.raises(PermissionDenied):
            ew.scan(as_(ctx, Actor("x", role)))
        with pytest.raises(PermissionDenied):
            ew.record_follow_up(as_(ctx, Actor("x", role)), gone, D(2026, 11, 5), "phone", "x", "")


def test_record_follow_up_validates_and_is_audited(ctx: AppContext) -> None:
    kid = add_child(ctx, "王子涵")
    row = ew.record_follow_up(
        as_(ctx, STAFF), kid, D(2026, 11, 20), "phone", " 电话了解情况 ", "孩子感冒", reason="absent_streak"
    )
    with ctx.db.read() as s:
        stored = s.get(FollowUp, row.id)
        entry = s.scalars(select(AuditLog).where(AuditLog.entity == "follow_up")).one()
    assert (
        stored is not None
        and stored.note == "电话了解情况"
        and stored.reason == "absent_streak"
        and stored.resolved
    )
    assert entry.action == "create" and "电话，连续缺勤，已解决" in entry.summary
    assert json.loads(entry.changes)["method"] == [None, "phone"] and "孩子感冒" not in entry.changes
    with pytest.raises(ValidationError) as err:
        ew.record_follow_up(ctx, kid, dt.date.today() + dt.timedelta(days=1), "letter", "", "")
    assert len(err.value.problems) == 3  # method, future date, nothing written
    with pytest.raises(NotFound):
        ew.record_follow_up(ctx, 4242, D(2026, 11, 20), "phone", "x", "")
