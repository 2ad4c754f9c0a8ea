"""Bulk writing for the demo: rows as plain dicts, primary keys handed out before the rows are written."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from center_app.db import models as m

Row = dict[str, Any]


class Writer:
    """Buffers rows per table and inserts them in bulk, parents before children (metadata's dependency order).

    Primary keys are handed out here (continuing after any rows already present), so a row can be referenced
    before it is written. Rows of one table may differ in their keys; each shape is inserted separately.
    """

    CHUNK = 20_000

    def __init__(self, session: Session) -> None:
        self._session = session
        self._tables = {t.name: t for t in m.Base.metadata.sorted_tables}
        self._order = list(self._tables)
        self._buffers: dict[str, list[Row]] = {}
        self._pending = 0
        self._next_id: dict[str, int] = {}
        self.counts: Counter[str] = Counter()

    def new_id(self, model: type[m.Base]) -> int:
        name = model.__tablename__
        if name not in self._next_id:
            table = self._tables[name]
            self._next_id[name] = int(self._session.scalar(select(func.max(table.c.id))) or 0) + 1
        value = self._next_id[name]
        self._next_id[name] = value + 1
        return value

    def add(self, model: type[m.Base], row: Row) -> None:
        self._buffers.setdefault(model.__tablename__, []).append(row)
        self._pending += 1
        if self._pending >= self.CHUNK:
            self.flush()

    def flush(self) -> None:
        for name in self._order:
            rows = self._buffers.get(name)
            if not rows:
                continue
            shapes: dict[tuple[str, ...], list[Row]] = {}
            for row in rows:
                shapes.setdefault(tuple(row), []).append(row)
            for group in shapes.values():
                self._session.execute(insert(self._tables[name]), group)
            self.counts[name] += len(rows)
            self._buffers[name] = []
        self._pending = 0

    def mark_on_loan(self, model: type[m.Base], rows: list[Row]) -> None:
        """Set ``status`` to on_loan on rows already written; each of ``rows`` is ``{"b_id": id, "b_at": updated_at}``
        (the lending time, not the clock, so fills are repeatable)."""
        table = model.__table__
        assert isinstance(table, Table)  # a mapped class's table, for update()
        self._session.execute(
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values(status="on_loan", updated_at=bindparam("b_at")),
            rows,
        )
