"""Everyone up one grade at the start of a school year, and its undo."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import Child, Setting, utcnow
from center_app.domain import children as dom
from center_app.domain.errors import DomainError
from center_app.domain.permissions import READ, require
from center_app.services import audit
from center_app.services.children.common import plain, require_file_write

PROMOTION_KEY: Final = "children.last_promotion"
# A second "everyone up one grade" this soon is almost surely a double click, not a new school year.
PROMOTION_MIN_DAYS_APART: Final = 300


@dataclass(frozen=True)
class PromotionResult:
    token: str  # pass to undo_promotion
    on: dt.date
    promoted: int  # children moved up one grade
    graduated: int  # 初三 children set to "left"
    without_grade: int  # active children with no grade: unchanged
    to_check: tuple[int, ...]  # ids whose class/school probably changed: into 一年级 or 初一

    @property
    def message(self) -> str:
        text = f"已将 {self.promoted} 名儿童升一个年级"
        if self.graduated:
            text += f"，{self.graduated} 名初三儿童已设为“已离开”"
        if self.without_grade:
            text += f"；{self.without_grade} 名儿童没有填写年级，未改动"
        if self.to_check:
            text += f"；{len(self.to_check)} 名儿童升入一年级或初一，请核对他们的班级和学校"
        return text + "。"


@dataclass(frozen=True)
class PendingPromotion:
    """The last promotion, which may still be undone (if none of its children was edited since)."""

    token: str
    on: dt.date
    children: int
    by: str


def _stamp() -> dt.datetime:
    return utcnow()


def pending_promotion(ctx: AppContext) -> PendingPromotion | None:
    """The last promotion, if it has not been undone (whether it still *can* be is decided by undo_promotion)."""
    require(ctx.actor, "children", READ)
    with ctx.db.read() as s:
        record = _promotion_record(s)
    if record is None or record.get("undone"):
        return None
    return PendingPromotion(
        record["token"], dt.date.fromisoformat(record["on"]), len(record["children"]), record.get("by", "")
    )


def _promotion_record(s: Session) -> dict[str, Any] | None:
    row = s.get(Setting, PROMOTION_KEY)
    if row is None or not row.value:
        return None
    try:
        value = json.loads(row.value)
    except ValueError:
        return None
    return value if isinstance(value, dict) and "token" in value else None


def promote_all(ctx: AppContext, today: dt.date | None = None, *, force: bool = False) -> PromotionResult:
    """Start of a school year: every active child goes up one grade and their class name follows (三年级2班 →
    四年级2班, 六年级1班 → 初一1班); 初三 children are set to "left" (they leave for senior school or work).
    Children without a grade are not touched. One transaction, one audit entry; ``undo_promotion(token)`` puts
    back exactly the previous grades, classes and statuses while none of those children was edited since.

    A second promotion within ``PROMOTION_MIN_DAYS_APART`` days is refused unless ``force`` (a double click would
    otherwise move everyone up two grades).
    """
    require_file_write(ctx.actor)
    today = today or dt.date.today()
    with ctx.db.session() as s:
        last = _promotion_record(s)
        if last is not None and not last.get("undone") and not force:
            last_on = dt.date.fromisoformat(last["on"])
            if 0 <= (today - last_on).days < PROMOTION_MIN_DAYS_APART:
                raise DomainError(
                    f"{last_on.year}年{last_on.month}月{last_on.day}日已经全体升过一次年级了。"
                    "每学年只需升级一次；如果确实需要再升一次，请确认后重试。"
                )
        stamp = _stamp()
        token = secrets.token_hex(8)
        entries: list[list[Any]] = []
        promoted = graduated = without_grade = 0
        to_check: list[int] = []
        for child in s.scalars(select(Child).where(Child.status == dom.ACTIVE).order_by(Child.id)):
            if child.grade is None:
                without_grade += 1
                continue
            before = [child.grade, child.class_name, child.status, plain(child.left_on)]
            if child.grade >= dom.GRADE_MAX:
                # Finished 初三: the grade stays the last one they had here
                child.status, child.left_on = dom.LEFT, today
                graduated += 1
            else:
                new_grade = child.grade + 1
                child.class_name = dom.promoted_class_name(child.class_name, new_grade)
                child.grade = new_grade
                promoted += 1
                if new_grade in (1, 7):
                    to_check.append(child.id)
            child.updated_at = stamp  # explicit, so undo can tell whether anyone edited the child since
            after = [child.grade, child.class_name, child.status, plain(child.left_on)]
            entries.append([child.id, before, after])
        if not entries:
            raise DomainError("名单中没有填写了年级的在册儿童，无需升级。")
        record = {
            "token": token,
            "on": today.isoformat(),
            "stamp": stamp.isoformat(),
            "by": ctx.actor.display_name or ctx.actor.username,
            "children": entries,
        }
        row = s.get(Setting, PROMOTION_KEY)
        if row is None:
            s.add(Setting(key=PROMOTION_KEY, value=json.dumps(record, ensure_ascii=False)))
        else:
            row.value = json.dumps(record, ensure_ascii=False)
        result = PromotionResult(token, today, promoted, graduated, without_grade, tuple(to_check))
        audit.record(
            s,
            ctx.actor,
            "update",
            "child",
            "",
            f"全体升级：{promoted} 名儿童升一个年级，{graduated} 名初三儿童设为已离开",
            {
                "promotion": [None, token],
                "promoted": [None, promoted],
                "graduated": [None, graduated],
                "children": [None, entries],  # [id, [grade, class, status, left_on] before, … after]
            },
        )
    return result


def undo_promotion(ctx: AppContext, token: str) -> int:
    """Put back the grades, classes and statuses the promotion ``token`` changed. Refused when that is not the
    last promotion, it was already undone, or any of its children was edited since (their edit would be lost).
    Returns how many children were restored."""
    require_file_write(ctx.actor)
    with ctx.db.session() as s:
        record = _promotion_record(s)
        if record is None or record.get("token") != token or record.get("undone"):
            raise DomainError(
                "这次升级已经无法撤销（已撤销过，或之后又升过级）。如有错误，请逐个修改儿童的年级。"
            )
        stamp = dt.datetime.fromisoformat(record["stamp"])
        ids = [entry[0] for entry in record["children"]]
        children = {c.id: c for c in s.scalars(select(Child).where(Child.id.in_(ids)))}
        edited = [children[i] for i in ids if i in children and children[i].updated_at != stamp]
        missing = [i for i in ids if i not in children]
        if edited or missing:
            names = "、".join(c.name for c in edited[:3]) + ("等" if len(edited) > 3 else "")
            raise DomainError(
                f"升级之后已有 {len(edited) + len(missing)} 名儿童的档案被修改过（{names or '有档案已删除'}），"
                "撤销会覆盖这些修改，所以不能自动撤销。请逐个修改年级和班级。"
            )
        for child_id, before, _after in record["children"]:
            child = children[child_id]
            grade, class_name, status, left_on = before
            child.grade, child.class_name, child.status = grade, class_name, status
            child.left_on = dt.date.fromisoformat(left_on) if left_on else None
        record["undone"] = True
        row = s.get(Setting, PROMOTION_KEY)
        assert row is not None  # read above in this transaction
        row.value = json.dumps(record, ensure_ascii=False)
        audit.record(
            s,
            ctx.actor,
            "update",
            "child",
            "",
            f"撤销全体升级：{len(ids)} 名儿童恢复原来的年级、班级和状态",
            {"promotion_undone": [None, token], "children": [None, len(ids)]},
        )
    return len(ids)
