"""The centre's rooms (阅览室, 活动室, 操场…): what a session is held in, and what the clash check books."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from center_app.context import AppContext
from center_app.db.models import Room
from center_app.domain.errors import ValidationError
from center_app.domain.pinyin import sort_key
from center_app.services import audit
from center_app.services.volunteers.common import load_room, require_see, require_write

ROOM_NAME_MAX = 60


@dataclass(frozen=True, slots=True)
class RoomRow:
    id: int
    name: str
    capacity: int | None


def list_rooms(ctx: AppContext) -> list[RoomRow]:
    require_see(ctx.actor)
    with ctx.db.read() as s:
        rows = [RoomRow(r.id, r.name, r.capacity) for r in s.scalars(select(Room))]
    return sorted(rows, key=lambda r: sort_key(r.name))


def save_room(ctx: AppContext, room_id: int | None, name: str, capacity: int | None = None) -> RoomRow:
    """Add a room (``room_id`` None) or rename it / change its capacity. Names are unique."""
    require_write(ctx.actor)
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise ValidationError("请填写教室名称。")
    if len(cleaned) > ROOM_NAME_MAX:
        raise ValidationError(f"教室名称太长（最多 {ROOM_NAME_MAX} 个字）。")
    if capacity is not None and not 1 <= capacity <= 1000:
        raise ValidationError("容纳人数应在 1 到 1000 之间（不知道可以不填）。")
    with ctx.db.session() as s:
        same = s.scalar(select(Room).where(Room.name == cleaned))
        if same is not None and same.id != room_id:
            raise ValidationError(f"已经有一间“{cleaned}”了。")
        if room_id is None:
            room = Room(name=cleaned, capacity=capacity)
            s.add(room)
            s.flush()
            audit.record(
                s, ctx.actor, "create", "room", room.id, f"新增教室 {cleaned}", {"name": [None, cleaned]}
            )
        else:
            room = load_room(s, room_id)
            changes = audit.diff(
                {"name": room.name, "capacity": room.capacity}, {"name": cleaned, "capacity": capacity}
            )
            room.name, room.capacity = cleaned, capacity
            if changes:
                audit.record(s, ctx.actor, "update", "room", room.id, f"修改教室 {cleaned}", changes)
        return RoomRow(room.id, room.name, room.capacity)
