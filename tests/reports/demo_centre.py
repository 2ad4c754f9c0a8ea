"""The demo centre the report tests cross-check on, and what they need to recompute each figure with plain SQL and
find it in a PDF's text.

The centre is the app's own demo (``center_app.demo.fill_demo``) generated as of :data:`DEMO_TODAY`, so every run
has the same data; it is built once per test run and copied. The SQL runs on the database file through
``sqlite3`` (read-only), not through the app's code, so a figure is checked against the data, not against itself.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from center_app.config import DataDir
from center_app.context import Actor, AppContext, open_store
from center_app.domain.attendance import DEFAULT_OPEN_WEEKDAYS

DEMO_TODAY = dt.date(2026, 12, 2)
_TEMPLATE: dict[str, bytes] = {}


def demo_centre(folder: Path) -> AppContext:
    """A copy of the demo centre in ``folder``, opened as the command line's administrator."""
    data_dir = DataDir(folder)
    data_dir.ensure()
    if "db" not in _TEMPLATE:
        from center_app import demo

        ctx = open_store(data_dir, actor=Actor.command_line())
        try:
            demo.fill_demo(ctx, today=DEMO_TODAY)
        finally:
            ctx.close()
        _TEMPLATE["db"] = data_dir.db_path.read_bytes()
    else:
        data_dir.db_path.write_bytes(_TEMPLATE["db"])
    return open_store(data_dir, actor=Actor.command_line())


def utc(day: dt.date) -> str:
    """Local midnight starting ``day`` as the stored naive-UTC text (instants are kept as UTC)."""
    instant = dt.datetime.combine(day, dt.time()).astimezone().astimezone(dt.UTC).replace(tzinfo=None)
    return instant.strftime("%Y-%m-%d %H:%M:%S.%f")


class Sql:
    """Plain SQL on the centre's database file, read-only."""

    def __init__(self, ctx: AppContext) -> None:
        self.connection = sqlite3.connect(f"{ctx.data_dir.db_path.as_uri()}?mode=ro", uri=True)

    def all(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        return self.connection.execute(sql, params).fetchall()

    def one(self, sql: str, *params: Any) -> Any:
        return self.connection.execute(sql, params).fetchone()[0]

    def ids(self, sql: str, *params: Any) -> set[int]:
        return {row[0] for row in self.all(sql, *params)}

    def close(self) -> None:
        self.connection.close()


# --- attendance, recomputed ---------------------------------------------------------------------------------------

ON_ROLL = """
    SELECT id FROM child WHERE (enrolled_on IS NULL OR enrolled_on <= ?)
      AND (status = 'active' OR (left_on IS NOT NULL AND left_on > ?))
    UNION
    SELECT m.child_id FROM attendance_mark m JOIN attendance_register r ON r.id = m.register_id
     WHERE r.activity_id IS NULL AND r.on_date BETWEEN ? AND ?
"""
CAME = """
    SELECT DISTINCT m.child_id FROM attendance_mark m
      JOIN attendance_register r ON r.id = m.register_id JOIN attendance_code c ON c.code = m.code
     WHERE r.activity_id IS NULL AND r.on_date BETWEEN ? AND ? AND c.counts_present
"""


def marks(sql: Sql, first: dt.date, last: dt.date) -> tuple[int, int, int, int]:
    """(present, absent, excused, late) marks of the day registers from ``first`` to ``last``."""
    rows = sql.all(
        """SELECT c.code, c.counts_present, c.counts_absent, count(*) FROM attendance_mark m
             JOIN attendance_register r ON r.id = m.register_id JOIN attendance_code c ON c.code = m.code
            WHERE r.activity_id IS NULL AND r.on_date BETWEEN ? AND ? GROUP BY c.code""",
        first,
        last,
    )
    present = sum(n for _, p, _, n in rows if p)
    absent = sum(n for _, p, a, n in rows if not p and a)
    excused = sum(n for _, p, a, n in rows if not p and not a)
    late = sum(n for code, _, _, n in rows if code == "L")
    return present, absent, excused, late


def open_days(sql: Sql, first: dt.date, last: dt.date) -> int:
    stored = sql.all("SELECT value FROM setting WHERE key = 'open_weekdays'")
    weekdays = set(json.loads(stored[0][0])) if stored else set(DEFAULT_OPEN_WEEKDAYS)
    closed = {dt.date.fromisoformat(d) for (d,) in sql.all("SELECT day FROM closed_day")}
    days = (first + dt.timedelta(days=i) for i in range((last - first).days + 1))
    return sum(1 for d in days if d.isoweekday() in weekdays and d not in closed)


def taken_days(sql: Sql, first: dt.date, last: dt.date) -> int:
    return sql.one(
        "SELECT count(DISTINCT on_date) FROM attendance_register WHERE activity_id IS NULL AND on_date BETWEEN ? AND ?",
        first,
        last,
    )


def pdf_text(path: Path) -> str:
    """The PDF's text with every run of whitespace made one space (table cells come out one per line)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def part(text: str, start: str, end: str | None = None) -> str:
    """The text from the heading ``start`` to the next heading ``end`` (or the end)."""
    begin = text.index(start)
    stop = text.index(end, begin) if end else len(text)
    return text[begin:stop]


def figure(text: str, label: str) -> str:
    """The value printed after a key figure's label: ``在册儿童 117 名`` → ``117``; ``出勤率 92.6%`` → ``92.6%``."""
    match = re.search(rf"(?<!\S){re.escape(label)} (\S+)", text)
    assert match, f"no figure {label!r} in {text[:300]!r}…"
    return match.group(1)


def row(text: str, label: str, cells: int) -> list[str]:
    """The ``cells`` values printed after a table row's first cell ``label``."""
    match = re.search(rf"(?<!\S){re.escape(label)}((?: \S+){{{cells}}})", text)
    assert match, f"no row {label!r} in {text[:300]!r}…"
    return match.group(1).split()


def rate(present: int, absent: int) -> str:
    """The rate as printed (``format_rate``): 92.6%, 100%, —."""
    if present + absent == 0:
        return "—"
    return f"{present / (present + absent) * 100:.1f}%".replace(".0%", "%")


def hours(minutes: int) -> str:
    h, m = divmod(minutes, 60)
    if h and m:
        return f"{h} 小时 {m} 分钟"
    return f"{m} 分钟" if m else f"{h} 小时"


def one_decimal(value: float) -> str:
    """How the PDF prints a float cell (``str``): 104.8, 52.0."""
    return str(round(value, 1))
