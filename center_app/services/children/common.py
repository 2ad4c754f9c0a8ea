"""What the children modules and the roster import (``services/children_import/``) share: loading a child, the
profile's fields and values, the labels audit summaries use, the write check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Final

from sqlalchemy.orm import Session

from center_app.db.models import Child, Guardian, PickupPerson
from center_app.domain import children as dom
from center_app.domain.errors import NotFound
from center_app.domain.permissions import WRITE, require

CHILD_FIELDS: Final[tuple[str, ...]] = tuple(dom.CHILD_LABELS)


def load_child(s: Session, child_id: int) -> Child:
    child = s.get(Child, child_id)
    if child is None:
        raise NotFound(f"找不到这名儿童（编号 {child_id}），可能已被删除。请刷新名单。")
    return child


def child_values(child: Child) -> dict[str, Any]:
    return {name: getattr(child, name) for name in CHILD_FIELDS}


def plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def child_label(child: Child) -> str:
    return f"#{child.id} {child.class_name} {child.name}".replace("  ", " ")


def require_file_write(actor: Any) -> None:
    """Changing a child's file needs ``children`` write. There is no per-field-group write check: every role that
    may write ``children`` may write every child field group (tests/test_permissions.py keeps the table so), and
    the groups decide only what a role *sees*. A role allowed to change some groups and not others would need
    per-field checks here and in children_import (see docs/permissions.md)."""
    require(actor, "children", WRITE)


def guardian_dict(g: Guardian) -> dict[str, Any]:
    return {
        "id": g.id,
        "child_id": g.child_id,
        "name": g.name,
        "relation": g.relation,
        "phone": g.phone,
        "age": g.age,
        "health": g.health,
        "literacy": g.literacy,
        "is_primary": g.is_primary,
    }


def pickup_dict(p: PickupPerson) -> dict[str, Any]:
    return {"id": p.id, "child_id": p.child_id, "name": p.name, "relation": p.relation, "phone": p.phone}


def age_of(data: Mapping[str, Any], today: dt.date | None = None) -> int | None:
    # Computed from the *redacted* birth date: a role that may not see it gets no age either.
    birth = data.get("birth_date")
    return dom.age_on(birth, today or dt.date.today()) if isinstance(birth, dt.date) else None
