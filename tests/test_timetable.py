"""The clash rules (domain/timetable.py): overlap, back-to-back, across midnight, recurrence with exceptions, and
availability warnings — examples first, then properties (hypothesis) against a brute-force definition."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from center_app.domain import timetable as tt
from center_app.domain.errors import ValidationError
from center_app.domain.timetable import Availability, Change, ClashKind, Session, WarningKind, Window

D = dt.date
T = dt.time
MON = D(2026, 7, 6)  # a Monday
SUN = D(2026, 7, 12)


def once(
    sid: int, day: dt.date, start: dt.time, end: dt.time, vols=(1,), room: int | None = 1, title="课"
) -> Session:
    return Session(sid, title, start, end, tuple(vols), room, weekday=day.isoweekday(), on_date=day)


def weekly(
    sid: int, weekday: int, start: dt.time, end: dt.time, vols=(1,), room: int | None = 1, changes=()
) -> Session:
    return Session(sid, f"课{sid}", start, end, tuple(vols), room, weekday=weekday, changes=tuple(changes))


def clashes(*sessions: Session, first: dt.date = MON, last: dt.date = D(2026, 8, 30)) -> list[tt.Clash]:
    return tt.find_clashes(tt.expand_all(sessions, first, last))


# --- overlap and back-to-back -------------------------------------------------------------------------------------


def test_the_same_volunteer_in_overlapping_time_is_a_clash() -> None:
    found = clashes(once(1, MON, T(14, 30), T(16), room=1), once(2, MON, T(15), T(16, 30), room=2))
    assert [(c.kind, c.resource_id) for c in found] == [(ClashKind.VOLUNTEER, 1)]
    assert found[0].overlap == (dt.datetime(2026, 7, 6, 15), dt.datetime(2026, 7, 6, 16))


def test_the_same_room_in_overlapping_time_is_a_clash() -> None:
    found = clashes(once(1, MON, T(9), T(10), vols=(1,)), once(2, MON, T(9, 30), T(11), vols=(2,)))
    assert [(c.kind, c.resource_id) for c in found] == [(ClashKind.ROOM, 1)]


def test_volunteer_and_room_both_clash_when_both_are_shared() -> None:
    found = clashes(once(1, MON, T(9), T(10)), once(2, MON, T(9), T(10)))
    assert {c.kind for c in found} == {ClashKind.VOLUNTEER, ClashKind.ROOM}


def test_back_to_back_is_no_clash() -> None:
    assert clashes(once(1, MON, T(14, 30), T(16)), once(2, MON, T(16), T(17))) == []


def test_one_minute_of_overlap_is_a_clash() -> None:
    assert (
        len(clashes(once(1, MON, T(14, 30), T(16, 1), room=None), once(2, MON, T(16), T(17), room=None))) == 1
    )


def test_different_people_in_different_rooms_never_clash() -> None:
    assert (
        clashes(once(1, MON, T(9), T(12), vols=(1,), room=1), once(2, MON, T(9), T(12), vols=(2,), room=2))
        == []
    )


def test_a_helper_counts_like_the_lead() -> None:
    found = clashes(
        once(1, MON, T(9), T(10), vols=(1, 7), room=1), once(2, MON, T(9), T(10), vols=(7,), room=2)
    )
    assert [(c.kind, c.resource_id) for c in found] == [(ClashKind.VOLUNTEER, 7)]


def test_a_session_inside_another_clashes_and_three_at_once_give_every_pair() -> None:
    found = clashes(
        once(1, MON, T(8), T(12), room=None),
        once(2, MON, T(9), T(10), room=None),
        once(3, MON, T(9, 30), T(11), room=None),
    )
    assert sorted(tuple(sorted((c.first.session_id, c.second.session_id))) for c in found) == [
        (1, 2),
        (1, 3),
        (2, 3),
    ]


# --- across midnight --------------------------------------------------------------------------------------------


def test_an_end_before_the_start_is_the_next_day() -> None:
    start, end = tt.span(MON, T(21), T(1))
    assert (start, end) == (dt.datetime(2026, 7, 6, 21), dt.datetime(2026, 7, 7, 1))
    assert tt.duration_minutes(T(21), T(1)) == 240


def test_a_night_session_clashes_with_an_early_one_the_next_day() -> None:
    night = once(1, MON, T(22), T(2), room=None)  # Monday 22:00 – Tuesday 02:00
    early = once(2, D(2026, 7, 7), T(1), T(3), room=None)
    found = clashes(night, early)
    assert len(found) == 1 and found[0].overlap == (dt.datetime(2026, 7, 7, 1), dt.datetime(2026, 7, 7, 2))
    assert clashes(night, once(3, D(2026, 7, 7), T(2), T(3), room=None)) == []  # back to back across midnight


def test_a_weekly_sunday_night_session_reaches_into_monday() -> None:
    sunday_night = weekly(1, 7, T(23), T(1), room=None)
    monday_early = weekly(2, 1, T(0, 30), T(1, 30), room=None)
    found = clashes(sunday_night, monday_early)
    # Sunday 12th 23:00 – Monday 13th 01:00 against Monday 13th 00:30 (and so on every week)
    assert found and found[0].first.slot_date == SUN and found[0].second.slot_date == D(2026, 7, 13)


def test_times_are_checked() -> None:
    assert tt.check_times(T(9), T(9)) == ["开始时间和结束时间相同"]
    assert tt.check_times(T(9), T(8)) and "12 小时" in tt.check_times(T(9), T(8))[0]
    assert tt.check_times(T(21), T(1)) == []


# --- recurrence and exceptions --------------------------------------------------------------------------------------


def test_a_weekly_session_happens_on_its_weekday_between_the_dates() -> None:
    dates = [o.slot_date for o in tt.expand(weekly(1, 3, T(9), T(10)), D(2026, 7, 1), D(2026, 7, 28))]
    assert dates == [D(2026, 7, 1), D(2026, 7, 8), D(2026, 7, 15), D(2026, 7, 22)]


def test_a_cancelled_occurrence_no_longer_clashes() -> None:
    a = weekly(1, 1, T(9), T(10), room=None, changes=[Change(D(2026, 7, 13), cancelled=True)])
    b = once(2, D(2026, 7, 13), T(9), T(10), room=None)
    assert clashes(a, b) == []
    occurrences = tt.expand(a, MON, D(2026, 7, 20))
    assert [o.cancelled for o in occurrences] == [False, True, False]


def test_a_moved_occurrence_clashes_where_it_now_is_and_not_where_it_was() -> None:
    moved = weekly(
        1,
        1,
        T(9),
        T(10),
        room=None,
        changes=[Change(D(2026, 7, 13), new_date=D(2026, 7, 14), new_start=T(15), new_end=T(16))],
    )
    at_old_place = once(2, D(2026, 7, 13), T(9), T(10), room=None)
    at_new_place = once(3, D(2026, 7, 14), T(15, 30), T(16, 30), room=None)
    found = clashes(moved, at_old_place, at_new_place)
    assert [(c.first.key, c.second.key) for c in found] == [((1, D(2026, 7, 13)), (3, D(2026, 7, 14)))]
    assert found[0].first.moved and found[0].first.start == dt.datetime(2026, 7, 14, 15)


def test_a_moved_occurrence_can_change_room() -> None:
    a = weekly(1, 1, T(9), T(10), vols=(1,), room=1, changes=[Change(D(2026, 7, 13), new_room_id=2)])
    b = once(2, D(2026, 7, 13), T(9), T(10), vols=(2,), room=1)
    assert clashes(a, b) == []
    assert clashes(a, once(3, D(2026, 7, 13), T(9), T(10), vols=(3,), room=2))


def test_clashes_with_only_reports_the_candidate() -> None:
    existing = tt.expand_all(
        [once(1, MON, T(9), T(10)), once(2, MON, T(9), T(10), vols=(2,), room=2)], MON, SUN
    )
    existing += tt.expand(
        once(3, MON, T(9, 30), T(10, 30), vols=(2,), room=3), MON, SUN
    )  # 2 and 3 clash already
    candidate = tt.expand(once(4, MON, T(9, 30), T(11), vols=(1,), room=5), MON, SUN)
    found = tt.clashes_with(candidate, existing)
    assert [(c.first.session_id, c.second.session_id) for c in found] == [(1, 4)]


def test_describe_a_clash() -> None:
    found = clashes(
        once(1, D(2026, 7, 8), T(14, 30), T(16), title="美术"),
        once(2, D(2026, 7, 8), T(15), T(16, 30), room=2, title="阅读"),
    )
    names = {(ClashKind.VOLUNTEER, 1): "张老师"}
    text = tt.describe_clash(found[0], lambda kind, rid: names[(kind, rid)])
    assert text == "张老师 同一时间有两节课：7月8日（周三）14:30–16:00“美术”和 15:00–16:30“阅读”"
    night = clashes(
        once(1, MON, T(22), T(2), room=None, title="夜观星空"),
        once(2, D(2026, 7, 7), T(1), T(3), room=None, title="早操"),
    )
    assert "22:00–次日02:00“夜观星空”和 7月7日（周二）01:00–03:00“早操”" in tt.describe_clash(
        night[0], lambda *_: "李老师"
    )


# --- availability ------------------------------------------------------------------------------------------------


def test_availability_warns_and_never_refuses() -> None:
    info = {1: Availability(1, windows=(Window(1, T(16), T(17)), Window(1, T(17), T(18))))}
    inside = tt.expand(once(1, MON, T(16, 30), T(17, 30)), MON, SUN)  # across two adjacent windows: fine
    outside = tt.expand(once(2, MON, T(15, 30), T(16, 30)), MON, SUN)
    assert tt.availability_warnings(inside, info) == []
    warnings = tt.availability_warnings(outside, info)
    assert [w.kind for w in warnings] == [WarningKind.OUTSIDE_AVAILABILITY]


def test_no_windows_means_free_and_dates_and_status_are_checked() -> None:
    occurrences = tt.expand(once(1, MON, T(9), T(10)), MON, SUN)
    assert tt.availability_warnings(occurrences, {1: Availability(1)}) == []
    late = {1: Availability(1, start_on=D(2026, 7, 7))}
    assert [w.kind for w in tt.availability_warnings(occurrences, late)] == [WarningKind.OUTSIDE_SERVICE]
    gone = {1: Availability(1, active=False)}
    assert [w.kind for w in tt.availability_warnings(occurrences, gone)] == [WarningKind.INACTIVE]


def test_a_night_session_needs_both_days_windows() -> None:
    night = tt.expand(once(1, MON, T(22), T(1)), MON, SUN)
    only_monday = {1: Availability(1, windows=(Window(1, T(20), T(0)),))}
    both = {1: Availability(1, windows=(Window(1, T(20), T(0)), Window(2, T(0), T(2))))}
    assert tt.availability_warnings(night, only_monday)
    assert tt.availability_warnings(night, both) == []


# --- periods and the grid -------------------------------------------------------------------------------------------


def test_periods_are_sorted_numbered_and_must_not_overlap() -> None:
    periods = tt.check_periods([tt.Period(9, "下午", T(14), T(15)), tt.Period(3, "", T(9), T(10))])
    assert [(p.number, p.label) for p in periods] == [(1, "第1节"), (2, "下午")]
    with pytest.raises(ValidationError, match="时间重叠"):
        tt.check_periods([tt.Period(1, "一", T(9), T(10)), tt.Period(2, "二", T(9, 30), T(11))])
    with pytest.raises(ValidationError, match="不跨午夜"):
        tt.check_periods([tt.Period(1, "夜", T(21), T(1))])


def test_grid_place() -> None:
    periods = tt.DEFAULT_PERIODS["summer"]
    occurrence = tt.expand(once(1, D(2026, 7, 8), T(9, 30), T(10, 30)), MON, SUN)[0]
    assert tt.grid_place(occurrence, MON, periods) == tt.GridPlace(2, (1, 2))
    evening = tt.expand(once(1, MON, T(19), T(20)), MON, SUN)[0]
    assert tt.grid_place(evening, MON, periods) == tt.GridPlace(0, ())


def test_parse_time() -> None:
    assert tt.parse_time("16:30") == T(16, 30) == tt.parse_time("16：30") == tt.parse_time("16点30")
    assert tt.parse_time("9") == T(9) and tt.parse_time("24:00") == T(0)
    with pytest.raises(ValidationError):
        tt.parse_time("25:00")


# --- properties ------------------------------------------------------------------------------------------------


def _brute_force(
    occurrences: list[tt.Occurrence],
) -> set[tuple[str, int, tuple[int, dt.date], tuple[int, dt.date]]]:
    """The definition, pair by pair: same volunteer or room, intervals overlap (half-open), not cancelled."""
    found = set()
    live = [o for o in occurrences if not o.cancelled]
    for i, a in enumerate(live):
        for b in live[i + 1 :]:
            if a.start < b.end and b.start < a.end:
                pair = tuple(sorted((a.key, b.key)))
                for v in set(a.volunteer_ids) & set(b.volunteer_ids):
                    found.add(("volunteer", v, *pair))
                if a.room_id is not None and a.room_id == b.room_id:
                    found.add(("room", a.room_id, *pair))
    return found


minutes = st.integers(min_value=0, max_value=24 * 60 - 1)


@st.composite
def sessions(draw: st.DrawFn) -> list[Session]:
    result = []
    for sid in range(1, draw(st.integers(2, 9)) + 1):
        start = draw(minutes)
        length = draw(st.integers(5, 12 * 60))
        end = (start + length) % (24 * 60)
        vols = tuple(draw(st.sets(st.integers(1, 4), max_size=2)))
        room = draw(st.one_of(st.none(), st.integers(1, 3)))
        start_t, end_t = T(start // 60, start % 60), T(end // 60, end % 60)
        if draw(st.booleans()):
            weekday = draw(st.integers(1, 7))
            changes = []
            for week in draw(st.sets(st.integers(0, 2), max_size=2)):
                planned = MON + dt.timedelta(days=weekday - 1 + 7 * week)
                if draw(st.booleans()):
                    changes.append(Change(planned, cancelled=True))
                else:
                    changes.append(
                        Change(
                            planned,
                            new_date=planned + dt.timedelta(days=draw(st.integers(-2, 2))),
                            new_start=T(draw(st.integers(0, 23))),
                        )
                    )
            result.append(
                Session(sid, "s", start_t, end_t, vols, room, weekday=weekday, changes=tuple(changes))
            )
        else:
            day = MON + dt.timedelta(days=draw(st.integers(0, 20)))
            result.append(
                Session(sid, "s", start_t, end_t, vols, room, weekday=day.isoweekday(), on_date=day)
            )
    return result


@settings(max_examples=300, deadline=None)
@given(sessions())
def test_the_sweep_finds_exactly_the_pairs_the_definition_gives(items: list[Session]) -> None:
    occurrences = tt.expand_all(items, MON, MON + dt.timedelta(days=20))
    found = {
        (c.kind.value, c.resource_id, *sorted((c.first.key, c.second.key)))
        for c in tt.find_clashes(occurrences)
    }
    assert found == _brute_force(occurrences)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 24 * 60 - 1), st.integers(5, 12 * 60), st.integers(1, 12 * 60))
def test_back_to_back_never_clashes_and_any_overlap_does(start: int, length: int, second: int) -> None:
    a_start = T(start // 60, start % 60)
    a_end_min = (start + length) % (24 * 60)
    a_end = T(a_end_min // 60, a_end_min % 60)
    b_end_min = (a_end_min + second) % (24 * 60)
    b_end = T(b_end_min // 60, b_end_min % 60)
    a = once(1, MON, a_start, a_end)
    b_day = MON + dt.timedelta(days=(start + length) // (24 * 60))
    assert clashes(a, once(2, b_day, a_end, b_end)) == []
    one_minute_earlier = (a_end_min - 1) % (24 * 60)
    b_day_early = MON + dt.timedelta(days=(start + length - 1) // (24 * 60))
    assert clashes(a, once(3, b_day_early, T(one_minute_earlier // 60, one_minute_earlier % 60), b_end))


@settings(max_examples=200, deadline=None)
@given(sessions())
def test_clashes_are_symmetric_in_order_and_cancelling_everything_clears_them(items: list[Session]) -> None:
    occurrences = tt.expand_all(items, MON, MON + dt.timedelta(days=20))
    forward = {frozenset(c.keys) for c in tt.find_clashes(occurrences)}
    backward = {frozenset(c.keys) for c in tt.find_clashes(list(reversed(occurrences)))}
    assert forward == backward
    cancelled = [o.__class__(**{**o.__dict__, "cancelled": True}) for o in occurrences]
    assert tt.find_clashes(cancelled) == []
