"""Counts-only facts about children, for the reports to the bureau: grade, gender, left-behind type and when a child
joined or left — never a name. The reports count children by them (``services.reports``); nothing here says who."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select

from center_app.context import AppContext
from center_app.db.models import Child
from center_app.domain.permissions import READ, require


@dataclass(frozen=True, slots=True)
class ChildFacts:
    """What a statistic needs to know about one child (no name, no date of birth, no place)."""

    child_id: int
    grade: int | None
    gender: str  # male | female | ""
    left_behind_type: str  # both | father | mother | none
    status: str
    enrolled_on: dt.date | None
    left_on: dt.date | None


def child_facts(ctx: AppContext, child_ids: Collection[int]) -> dict[int, ChildFacts]:
    """The facts of the children ``child_ids`` (those that exist), by id. Needs ``child.profile`` read: the
    left-behind type is part of a child's profile."""
    require(ctx.actor, "child.basic", READ)
    require(ctx.actor, "child.profile", READ)
    wanted = set(child_ids)
    if not wanted:
        return {}
    with ctx.db.read() as s:
        # The whole roster in one statement (a centre has hundreds of children, not millions): no IN list that
        # would outgrow SQLite's limit on bound parameters.
        rows = s.execute(
            select(
                Child.id,
                Child.grade,
                Child.gender,
                Child.left_behind_type,
                Child.status,
                Child.enrolled_on,
                Child.left_on,
            )
        ).all()
    return {row.id: ChildFacts(*row) for row in rows if row.id in wanted}
