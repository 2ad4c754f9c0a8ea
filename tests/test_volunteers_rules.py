"""Volunteers' pure rules: the record, availability text, hours arithmetic, certificate codes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from center_app.domain import certificates as certs
from center_app.domain import volunteers as vol
from center_app.domain.errors import ValidationError
from center_app.domain.timetable import Window

T = dt.time


def test_a_volunteer_record_is_cleaned() -> None:
    v = vol.VolunteerInput(
        " 韦 小宝 ",
        organisation=" 广西师范大学 ",
        phone="+86 138-1234-5678",
        kind="大学生",
        gender="男",
        subjects="语文, 阅读 ;数学",
        start_on="2026-7-1",
        end_on="2026年7月28日",
        availability="周一至周五 8:30-11:40；周六 09:00-12:00",
    ).validated()
    assert (v.name, v.organisation, v.phone, v.kind, v.gender, v.subjects) == (
        "韦小宝",
        "广西师范大学",
        "13812345678",
        "student",
        "male",
        "语文、阅读、数学",
    )
    assert (v.start_on, v.end_on) == (dt.date(2026, 7, 1), dt.date(2026, 7, 28))
    assert len(v.windows) == 6 and v.windows[0] == Window(1, T(8, 30), T(11, 40))


def test_every_problem_of_a_record_is_listed() -> None:
    with pytest.raises(ValidationError) as refused:
        vol.VolunteerInput(
            "", phone="123", kind="校长", start_on="2026-8-1", end_on="2026-7-1", availability="明天"
        ).validated()
    problems = refused.value.problems
    assert any("姓名" in p for p in problems) and any("电话" in p for p in problems)
    assert any("类别" in p for p in problems) and any("服务结束" in p for p in problems)
    assert any("空闲时间" in p for p in problems)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("每天 9:00-10:00", [(d, T(9), T(10)) for d in range(1, 8)]),
        ("工作日 16:30-18:00", [(d, T(16, 30), T(18)) for d in range(1, 6)]),
        ("周末 8点-12点", [(6, T(8), T(12)), (7, T(8), T(12))]),
        ("星期一、星期三 19:00-24:00", [(1, T(19), T(0)), (3, T(19), T(0))]),
        (
            "周二到周四 14:00～15:00 16:00~17:00",
            [(d, a, b) for d in (2, 3, 4) for a, b in ((T(14), T(15)), (T(16), T(17)))],
        ),
        ("", []),
    ],
)
def test_availability_text(text: str, expected: list[tuple[int, dt.time, dt.time]]) -> None:
    windows = vol.parse_availability(text)
    assert sorted((w.weekday, w.start, w.end) for w in windows) == sorted(expected)
    assert vol.parse_availability(vol.format_availability(windows)) == windows


@pytest.mark.parametrize(
    "text", ["周八 9:00-10:00", "周一 10:00-9:00", "周五至周一 9:00-10:00", "周一", "9:00-10:00"]
)
def test_bad_availability_is_refused(text: str) -> None:
    with pytest.raises(vol.FieldError):
        vol.parse_availability(text)


@given(st.sets(st.tuples(st.integers(1, 7), st.integers(0, 22)), min_size=1, max_size=10))
def test_availability_round_trips(spans: set[tuple[int, int]]) -> None:
    windows = tuple(
        sorted({Window(d, T(h), T(h + 1)) for d, h in spans}, key=lambda w: (w.weekday, w.start, w.end))
    )
    assert vol.parse_availability(vol.format_availability(windows)) == windows


def test_hours_arithmetic() -> None:
    assert vol.signed_minutes(dt.datetime(2026, 7, 1, 8, 25, 40), dt.datetime(2026, 7, 1, 10, 1, 10)) == 95
    assert (
        vol.signed_minutes(dt.datetime(2026, 7, 1, 21), dt.datetime(2026, 7, 2, 1)) == 240
    )  # across midnight
    with pytest.raises(ValidationError, match="应晚于"):
        vol.signed_minutes(dt.datetime(2026, 7, 1, 10), dt.datetime(2026, 7, 1, 9))
    with pytest.raises(ValidationError, match="16 小时"):
        vol.signed_minutes(dt.datetime(2026, 7, 1, 8), dt.datetime(2026, 7, 2, 9))
    assert [vol.hours_text(m) for m in (0, 45, 180, 2790)] == [
        "0 小时",
        "45 分钟",
        "3 小时",
        "46 小时 30 分钟",
    ]
    assert vol.hours_decimal(2790) == Decimal("46.50") and vol.hours_decimal(50) == Decimal("0.83")
    assert vol.hours_decimal(1) == Decimal("0.02")  # half up: 0.01666… → 0.02
    with pytest.raises(ValidationError):
        vol.check_entry_minutes(0)


@given(st.lists(st.integers(1, 24 * 60), max_size=50))
def test_totals_are_exact_whatever_the_rounding_of_each_entry(entries: list[int]) -> None:
    total = sum(entries)
    assert vol.hours_text(total).startswith(f"{total // 60} 小时") or total < 60
    assert abs(vol.hours_decimal(total) - Decimal(total) / 60) <= Decimal("0.005")


# --- certificate codes ------------------------------------------------------------------------------------------

FACTS = certs.CertificateFacts(
    number="2026-0001",
    centre_name="古楼村儿童之家",
    volunteer_id=3,
    volunteer_name="韦小宝",
    organisation="广西师范大学",
    period_from=dt.date(2026, 7, 1),
    period_to=dt.date(2026, 7, 28),
    minutes=2790,
    sessions=31,
    issued_on=dt.date(2026, 8, 10),
)
SECRET = b"0123456789abcdef0123456789abcdef"


def test_a_code_is_twelve_typeable_characters_bound_to_the_facts() -> None:
    code = certs.code_for(SECRET, FACTS)
    assert len(code) == 12 and set(code) <= set(certs.ALPHABET)
    assert certs.matches(SECRET, FACTS, code)
    assert not certs.matches(SECRET, FACTS.__class__(**{**FACTS.__dict__, "minutes": 2791}), code)
    assert not certs.matches(b"another centre's secret", FACTS, code)
    assert certs.grouped(code).count("-") == 2


@pytest.mark.parametrize("field", ["number", "centre_name", "volunteer_name", "organisation"])
def test_every_fact_changes_the_code(field: str) -> None:
    changed = FACTS.__class__(**{**FACTS.__dict__, field: getattr(FACTS, field) + "x"})
    assert certs.code_for(SECRET, changed) != certs.code_for(SECRET, FACTS)


def test_typed_codes_are_read_forgivingly() -> None:
    code = certs.code_for(SECRET, FACTS)
    sloppy = certs.grouped(code).lower().replace("0", "o").replace("1", "l").replace("-", " ")
    assert certs.normalise_code(sloppy) == code
    with pytest.raises(ValidationError, match="12 位"):
        certs.normalise_code("ABCD-EFGH")
    with pytest.raises(ValidationError, match="不会出现的字符"):
        certs.normalise_code("ABCD-EFGH-JKU!")
    with pytest.raises(ValidationError, match="请输入"):
        certs.normalise_code("  ")
