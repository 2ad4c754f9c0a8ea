"""Who may do what: one declarative table of roles × areas (and the sensitive field groups of a child).

The data is about vulnerable left-behind children on a PC shared by staff, a volunteer librarian and visiting
volunteer teachers, so access follows need-to-know: only social workers (and the administrator) see more about a
child than the name, class and library card. ``PERMISSIONS`` is plain data so that ``docs/permissions.md`` can show
it (``render_markdown_table``) and a test can compare the two.

Levels granted in the table:

- ``none``  — nothing.
- ``read``  — see everything in the area.
- ``own``   — see and change only the records that are the user's own: the sessions they lead (their registers and
  activities) and their own volunteer record and hours. Needs the user's linked volunteer id.
- ``write`` — see and change everything in the area.

Asking ``allowed(role, area, level)``: ``read`` is satisfied by read/write, ``own`` by own/write (a role that may
change everything may change its own), ``write`` only by write. ``own`` does *not* imply ``read`` of the whole area.

Services enforce it: each public service function calls ``require(ctx.actor, area, level)`` before it opens its
transaction, and whatever returns child data passes it through ``redact_child`` so a page never receives a field the
user may not see. Pure domain code: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any, Final, Protocol

from center_app.domain.errors import PermissionDenied

# --- roles --------------------------------------------------------------------------------------------------


class Role(StrEnum):
    """A user account's role (``user_account.role``, ``Actor.role``)."""

    ADMIN = "admin"
    STAFF = "staff"
    LIBRARIAN = "librarian"
    TEACHER = "teacher"


ADMIN: Final = Role.ADMIN
STAFF: Final = Role.STAFF
LIBRARIAN: Final = Role.LIBRARIAN
TEACHER: Final = Role.TEACHER
NOBODY: Final = "none"  # ``Actor.nobody()``'s role: no role of the table, so every check refuses it

ROLES: Final[tuple[str, ...]] = (ADMIN, STAFF, LIBRARIAN, TEACHER)
ROLE_LABELS: Final[dict[str, str]] = {
    ADMIN: "管理员",
    STAFF: "社工",
    LIBRARIAN: "图书管理员",
    TEACHER: "志愿者教师",
}

# --- levels -------------------------------------------------------------------------------------------------


class Level(StrEnum):
    """A permission level (see the module doc)."""

    NONE = "none"
    READ = "read"
    OWN = "own"
    WRITE = "write"


NONE: Final = Level.NONE
READ: Final = Level.READ
OWN: Final = Level.OWN
WRITE: Final = Level.WRITE

LEVELS: Final[tuple[str, ...]] = (NONE, READ, OWN, WRITE)
LEVEL_LABELS: Final[dict[str, str]] = {NONE: "—", READ: "读", OWN: "仅本人", WRITE: "写"}

# Which requested levels each granted level satisfies. Not a simple order: ``own`` and ``read`` are incomparable.
_SATISFIES: Final[dict[str, frozenset[str]]] = {
    NONE: frozenset({NONE}),
    READ: frozenset({NONE, READ}),
    OWN: frozenset({NONE, OWN}),
    WRITE: frozenset({NONE, READ, OWN, WRITE}),
}

# --- areas and child field groups ---------------------------------------------------------------------------

AREAS: Final[tuple[str, ...]] = (
    "catalog",
    "circulation",
    "children",
    "attendance",
    "equipment",
    "equipment.lend",
    "equipment.stock",
    "equipment.stocktake",
    "equipment.delete",
    "volunteers",
    "activities",
    "reports",
    "settings",
    "accounts",
    "backups",
    "audit",
)

CHILD_GROUPS: Final[tuple[str, ...]] = (
    "child.basic",
    "child.profile",
    "child.health",
    "child.family",
    "child.phones",
    "child.followups",
)

# Keys of a child's dict (``Child`` columns; ``guardians.*`` / ``pickup_people.*`` are the columns of each item of
# those lists, i.e. ``Guardian`` / ``PickupPerson``; ``follow_ups`` is the whole list of ``FollowUp`` rows).
# Every column of those tables is classified here or in ``ALWAYS_VISIBLE``; a test keeps it so when the schema grows.
CHILD_FIELD_GROUPS: Final[dict[str, tuple[str, ...]]] = {
    # Enough to call the roll, find a child at the desk and put a name on a library card.
    # photo_consent: whoever takes and prints an activity's photos must know whom they may show.
    "child.basic": (
        "name",
        "name_pinyin",
        "name_initials",
        "gender",
        "grade",
        "class_name",
        "card_barcode",
        "photo_consent",
    ),
    "child.profile": (
        "birth_date",
        "school",
        "village",
        "address",
        "left_behind_type",
        "special_attention",
        "photo_path",
        "status",
        "enrolled_on",
        "left_on",
        "notes",
    ),
    "child.health": ("health_notes", "allergy_notes"),
    "child.family": (
        "father_work_city",
        "mother_work_city",
        "guardians.name",
        "guardians.relation",
        "guardians.age",
        "guardians.health",
        "guardians.literacy",
        "guardians.is_primary",
        "pickup_people.name",
        "pickup_people.relation",
    ),
    "child.phones": ("father_phone", "mother_phone", "guardians.phone", "pickup_people.phone"),
    "child.followups": ("follow_ups",),
}

# Keys that identify a record rather than describe the child; kept for every role (top level and list items).
ALWAYS_VISIBLE: Final[frozenset[str]] = frozenset({"id", "child_id"})

# --- THE table ----------------------------------------------------------------------------------------------
# Reasoning in docs/permissions.md. Change a cell here, then regenerate the table in the doc (a test compares).

PERMISSIONS: Final[dict[str, dict[str, str]]] = {
    "catalog": {ADMIN: WRITE, STAFF: WRITE, LIBRARIAN: WRITE, TEACHER: READ},
    "circulation": {ADMIN: WRITE, STAFF: WRITE, LIBRARIAN: WRITE, TEACHER: NONE},
    "children": {ADMIN: WRITE, STAFF: WRITE, LIBRARIAN: READ, TEACHER: READ},
    "attendance": {ADMIN: WRITE, STAFF: WRITE, LIBRARIAN: NONE, TEACHER: OWN},
    "equipment": {ADMIN: WRITE, STAFF: WRITE, LIBRARIAN: READ, TEACHER: READ},
    # The equipment room's actions beyond registering items (``equipment`` write): the desk (lend, take back,
    # undo, and counting at a stocktake), stock in/out of consumables, opening/applying/cancelling a stocktake,
    # and deleting an item. Only the ``write`` level of these rows is ever asked for.
    "equipment.lend": {ADMIN: WRITE, STAFF: WRITE, LIBRARIAN: WRITE, TEACHER: NONE},
    "equipment.stock": {ADMIN: WRITE, STAFF: WRITE, LIBRARIAN: NONE, TEACHER: NONE},
    "equipment.stocktake": {ADMIN: WRITE, STAFF: WRITE, LIBRARIAN: NONE, TEACHER: NONE},
    "equipment.delete": {ADMIN: WRITE, STAFF: NONE, LIBRARIAN: NONE, TEACHER: NONE},
    "volunteers": {ADMIN: WRITE, STAFF: WRITE, LIBRARIAN: NONE, TEACHER: OWN},
    "activities": {ADMIN: WRITE, STAFF: WRITE, LIBRARIAN: NONE, TEACHER: OWN},
    "reports": {ADMIN: WRITE, STAFF: WRITE, LIBRARIAN: READ, TEACHER: NONE},
    "settings": {ADMIN: WRITE, STAFF: READ, LIBRARIAN: NONE, TEACHER: NONE},
    "accounts": {ADMIN: WRITE, STAFF: NONE, LIBRARIAN: NONE, TEACHER: NONE},
    "backups": {ADMIN: WRITE, STAFF: NONE, LIBRARIAN: NONE, TEACHER: NONE},
    "audit": {ADMIN: READ, STAFF: NONE, LIBRARIAN: NONE, TEACHER: NONE},  # append-only: nobody writes
    "child.basic": {ADMIN: WRITE, STAFF: WRITE, LIBRARIAN: READ, TEACHER: READ},
    "child.profile": {ADMIN: WRITE, STAFF: WRITE, LIBRARIAN: NONE, TEACHER: NONE},
    "child.health": {ADMIN: WRITE, STAFF: WRITE, LIBRARIAN: NONE, TEACHER: NONE},
    "child.family": {ADMIN: WRITE, STAFF: WRITE, LIBRARIAN: NONE, TEACHER: NONE},
    "child.phones": {ADMIN: WRITE, STAFF: WRITE, LIBRARIAN: NONE, TEACHER: NONE},
    "child.followups": {ADMIN: WRITE, STAFF: WRITE, LIBRARIAN: NONE, TEACHER: NONE},
}

# Chinese names of each row, for the doc and the UI.
AREA_LABELS: Final[dict[str, str]] = {
    "catalog": "图书编目",
    "circulation": "借还书",
    "children": "儿童名单",
    "attendance": "考勤",
    "equipment": "器材",
    "equipment.lend": "器材：借出、归还、盘点扫描",
    "equipment.stock": "器材：入库、领用出库",
    "equipment.stocktake": "器材：开始、确认或取消盘点",
    "equipment.delete": "器材：删除",
    "volunteers": "志愿者、课表与服务时长",
    "activities": "活动",
    "reports": "报表",
    "settings": "系统设置",
    "accounts": "用户账号",
    "backups": "备份与恢复",
    "audit": "审计日志",
    "child.basic": "儿童：姓名、班级、借书证",
    "child.profile": "儿童：详细档案",
    "child.health": "儿童：健康与过敏",
    "child.family": "儿童：家庭与接送人",
    "child.phones": "儿童：电话号码",
    "child.followups": "儿童：回访记录",
}

# What the user was trying to do, as it reads after "无权": (read phrase, write phrase). ``own`` uses the write one.
_ACTIONS: Final[dict[str, tuple[str, str]]] = {
    "catalog": ("查看图书目录", "编辑图书目录"),
    "circulation": ("查看借阅记录", "办理借书还书"),
    "children": ("查看儿童名单", "登记或修改儿童档案"),
    "attendance": ("查看考勤", "点名或修改考勤"),
    "equipment": ("查看器材", "登记或修改器材"),
    "equipment.lend": ("查看器材借用", "借出或归还器材"),
    "equipment.stock": ("查看器材库存", "办理器材入库或出库"),
    "equipment.stocktake": ("查看盘点", "开始、确认或取消盘点"),
    "equipment.delete": ("查看器材", "删除器材"),
    "volunteers": ("查看志愿者信息", "修改志愿者信息或服务时长"),
    "activities": ("查看活动记录", "记录或修改活动"),
    "reports": ("查看报表", "导出报表数据"),
    "settings": ("查看系统设置", "修改系统设置"),
    "accounts": ("查看用户账号", "管理用户账号"),
    "backups": ("查看备份", "备份或恢复数据"),
    "audit": ("查看审计日志", "修改审计日志"),
    "child.basic": ("查看儿童的姓名和班级", "修改儿童的姓名和班级"),
    "child.profile": ("查看儿童的详细档案", "修改儿童的详细档案"),
    "child.health": ("查看儿童的健康信息", "修改儿童的健康信息"),
    "child.family": ("查看儿童的家庭信息", "修改儿童的家庭信息"),
    "child.phones": ("查看儿童家人的电话号码", "修改儿童家人的电话号码"),
    "child.followups": ("查看儿童的回访记录", "修改儿童的回访记录"),
}


# For ``own`` grants: what the user may do, as it reads after "只能".
_OWN_ACTIONS: Final[dict[str, str]] = {
    "attendance": "为自己负责的课程点名",
    "activities": "记录或修改自己负责的活动",
    "volunteers": "查看或修改自己的志愿者信息、自己的课和服务时长",
}


# --- questions ----------------------------------------------------------------------------------------------


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role or "未登录用户")


def access(role: str, area_or_group: str) -> str:
    """The level granted to ``role`` (``none`` for an unknown role: roles come from data and fail closed)."""
    row = PERMISSIONS.get(area_or_group)
    if row is None:
        # Areas come from code, so a typo is a bug to surface in tests, not a silent "no".
        raise ValueError(f"unknown permission area: {area_or_group!r}")
    return row.get(role, NONE)


def allowed(role: str, area_or_group: str, level: str) -> bool:
    if level not in _SATISFIES:
        raise ValueError(f"unknown permission level: {level!r}")
    return level in _SATISFIES[access(role, area_or_group)]


class _HasRole(Protocol):
    @property
    def role(self) -> str: ...


def denied_message(role: str, area_or_group: str, level: str) -> str:
    read_phrase, write_phrase = _ACTIONS[area_or_group]
    message = f"{role_label(role)} 无权{read_phrase if level == READ else write_phrase}。"
    if (
        role != ADMIN
    ):  # the hint would be absurd for the administrator (only "modify the audit log" reaches here)
        message += "如确有需要，请联系管理员。"
    return message


def require(actor: _HasRole, area_or_group: str, level: str) -> None:
    """Raise ``PermissionDenied`` with a message naming the role and the action, unless allowed."""
    if not allowed(actor.role, area_or_group, level):
        raise PermissionDenied(denied_message(actor.role, area_or_group, level))


def require_any(actor: _HasRole, *grants: tuple[str, str]) -> None:
    """Allowed when any of the ``(area, level)`` grants is; the refusal names the first one."""
    if not any(allowed(actor.role, area, level) for area, level in grants):
        raise PermissionDenied(denied_message(actor.role, *grants[0]))


def require_signed_in(actor: _HasRole) -> None:
    """For what every role may see (headline counts): refuse only nobody, and roles the table does not know."""
    if actor.role not in ROLES:
        raise PermissionDenied("请先登录。")


def visible_child_groups(role: str) -> frozenset[str]:
    return frozenset(g for g in CHILD_GROUPS if allowed(role, g, READ))


# --- "own" records --------------------------------------------------------------------------------------------


def can_write_owned(
    actor: _HasRole, area: str, owner_volunteer_ids: Iterable[int | None], volunteer_id: int | None = None
) -> bool:
    """May the actor change a record owned by ``owner_volunteer_ids`` (e.g. the volunteers leading a session)?

    ``write`` may change any record; ``own`` only one the actor's linked volunteer is among the owners of.
    ``volunteer_id`` defaults to ``actor.volunteer_id`` when the Actor carries one.
    """
    level = access(actor.role, area)
    if level == WRITE:
        return True
    if level != OWN:
        return False
    mine = volunteer_id if volunteer_id is not None else getattr(actor, "volunteer_id", None)
    # An account not linked to a volunteer owns nothing, and a day register (no volunteers) belongs to nobody.
    return mine is not None and mine in set(owner_volunteer_ids)


def can_mark_register(
    actor: _HasRole, register_volunteer_ids: Iterable[int | None], volunteer_id: int | None = None
) -> bool:
    """Teachers may take the roll only for sessions they lead; staff and admin for any register."""
    return can_write_owned(actor, "attendance", register_volunteer_ids, volunteer_id)


def require_owned(
    actor: _HasRole, area: str, owner_volunteer_ids: Iterable[int | None], volunteer_id: int | None = None
) -> None:
    if not can_write_owned(actor, area, owner_volunteer_ids, volunteer_id):
        if access(actor.role, area) == OWN:
            only = _OWN_ACTIONS.get(area, _ACTIONS[area][1] + "（限本人的记录）")
            raise PermissionDenied(f"{role_label(actor.role)} 只能{only}。如需代课或代办，请联系社工。")
        raise PermissionDenied(denied_message(actor.role, area, WRITE))


# --- redaction ----------------------------------------------------------------------------------------------


def _blank(value: Any) -> Any:
    # "" keeps text cells empty; lists empty; anything else None — never False, which would *assert* something
    # (e.g. special_attention=False says "no special needs" when we only mean "not for you to see").
    if isinstance(value, str):
        return ""
    if isinstance(value, list | tuple):
        return []
    if isinstance(value, dict):
        return {}
    return None


def _readable_fields(role: str) -> frozenset[str]:
    return (
        frozenset(field for group in visible_child_groups(role) for field in CHILD_FIELD_GROUPS[group])
        | ALWAYS_VISIBLE
    )


def redact_child(role: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a child's data with every field the role may not read blanked (keys kept, so tables still fill).

    Fails closed: a key not listed in ``CHILD_FIELD_GROUPS`` is blanked for every role, so a service that adds a
    derived value (age, open loans…) must compute it from the redacted dict, not leak it past the check.
    A list (guardians, pickup people) whose item fields are all hidden becomes ``[]``: not even the count shows.
    """
    readable = _readable_fields(role)
    result: dict[str, Any] = {}
    for key, value in data.items():
        if key in readable:
            result[key] = value
            continue
        prefix = key + "."
        nested = {f[len(prefix) :] for f in readable if f.startswith(prefix)}
        if nested and isinstance(value, list | tuple):
            result[key] = [
                {
                    k: (v if k in nested or k in ALWAYS_VISIBLE else _blank(v))
                    for k, v in (item.items() if isinstance(item, Mapping) else ())
                }
                for item in value
            ]
        else:
            result[key] = _blank(value)
    return result


# --- the doc's table ------------------------------------------------------------------------------------------


def render_markdown_table() -> str:
    """The table as markdown, rows = areas and groups, columns = roles; docs/permissions.md embeds it verbatim."""
    header = "| 范围 | " + " | ".join(f"{ROLE_LABELS[r]} `{r}`" for r in ROLES) + " |"
    rule = "|---|" + "---|" * len(ROLES)
    rows = [
        f"| {AREA_LABELS[area]} `{area}` | "
        + " | ".join(LEVEL_LABELS[PERMISSIONS[area][r]] for r in ROLES)
        + " |"
        for area in (*AREAS, *CHILD_GROUPS)
    ]
    return "\n".join([header, rule, *rows]) + "\n"
