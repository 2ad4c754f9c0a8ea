"""Writing the audit trail. Called inside the service's own transaction, so the record and the change commit
together or not at all."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from center_app.db.models import AuditLog
from center_app.domain.actor import Actor


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """Fields whose value changed, as {field: [old, new]}."""
    return {k: [_plain(old.get(k)), _plain(v)] for k, v in new.items() if old.get(k) != v}


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object = "",
    summary: str = "",
    changes: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditLog(
            user_id=actor.user_id,
            actor=actor.username,
            action=action,
            entity=entity,
            entity_id=str(entity_id or ""),
            summary=summary[:400],
            changes=json.dumps(changes, ensure_ascii=False) if changes else "",
        )
    )
