"""Centre details and application settings.

Reading a stored setting (``get_setting``) needs the read permission of the area the key belongs to
(``SETTING_AREAS``; a key not listed there needs ``settings`` read): ``children.last_promotion`` holds every
promoted child's grade, class, status and leaving date, which a librarian may not see. ``PUBLIC_SETTINGS`` are the
few harmless for anyone, even before sign-in, each with its reason. Writing any key needs ``settings`` write.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import Centre, Setting
from center_app.domain.errors import ValidationError
from center_app.domain.permissions import READ, WRITE, require
from center_app.services import audit

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
DEFAULT_CENTRE_NAME = "儿童之家"

#: Keys anyone may read, even nobody (before sign-in), and why that is harmless.
PUBLIC_SETTINGS: Final[dict[str, str]] = {
    "language": "the interface language: the sign-in screen is shown in it before anyone has signed in",
    "idle_lock_minutes": "how soon the screen locks: the window applies it to whoever is signed in",
    "desk_mode": "whether the PC is a circulation desk (借还台模式) and its idle lock: the window applies it to "
    "whoever is signed in, and the lock screen keeps a scan in it",
}

#: Key → the area (or child field group) whose ``read`` permission reading it needs. Keys an area's own service
#: reads (with its own check) are listed too, so a direct ``get_setting`` of them is no way round that check.
SETTING_AREAS: Final[dict[str, str]] = {
    "label_printing": "catalog",  # which label sheet was used last and where the next label goes
    "barcode_prefix": "catalog",
    "demo_folder": "settings",  # read by accounts.is_demo_folder, which says why it needs no check
    "backup_folder": "backups",  # the USB stick automatic backups are copied to (backup.get_backup_folder)
    "children.last_promotion": "child.profile",  # every promoted child's grade, class, status, leaving date
    "children.card_last_number": "child.basic",
    "block_when_overdue": "circulation",
    "sound_on": "circulation",
    "renew_when_overdue": "circulation",
    "open_weekdays": "attendance",
    "late_after": "attendance",
    "attendance_default_code": "attendance",
    "attendance_late_code": "attendance",
    "warning_consecutive_absences": "attendance",
    "warning_month_rate": "attendance",
}


@dataclass(frozen=True)
class CentreInfo:
    name: str = DEFAULT_CENTRE_NAME
    address: str = ""
    phone: str = ""
    contact_person: str = ""


def get_centre(ctx: AppContext) -> CentreInfo:
    with ctx.db.read() as s:
        centre = s.scalars(select(Centre).order_by(Centre.id).limit(1)).first()
        if centre is None:
            return CentreInfo()
        return CentreInfo(centre.name, centre.address, centre.phone, centre.contact_person)


def validate_centre(info: CentreInfo) -> CentreInfo:
    cleaned = CentreInfo(*(v.strip() for v in (info.name, info.address, info.phone, info.contact_person)))
    problems = []
    if not cleaned.name:
        problems.append("请填写中心名称。")
    if len(cleaned.name) > 200:
        problems.append("中心名称不能超过200个字。")
    if len(cleaned.address) > 400:
        problems.append("地址不能超过400个字。")
    if cleaned.phone and not all(c.isdigit() or c in "-+ ()" for c in cleaned.phone):
        problems.append("电话号码只能包含数字、空格和“-”。")
    if problems:
        raise ValidationError("中心信息有误：" + " ".join(problems), problems)
    return cleaned


def write_centre(s: Session, ctx: AppContext, info: CentreInfo) -> None:
    """Inside a use case's transaction (``info`` validated): the centre's details, audited as ``ctx.actor``."""
    centre = s.scalars(select(Centre).order_by(Centre.id).limit(1)).first()
    old = (
        {}
        if centre is None
        else asdict(CentreInfo(centre.name, centre.address, centre.phone, centre.contact_person))
    )
    if centre is None:
        centre = Centre(name=info.name)
        s.add(centre)
    centre.name, centre.address, centre.phone, centre.contact_person = (
        info.name,
        info.address,
        info.phone,
        info.contact_person,
    )
    changes = audit.diff(old, asdict(info))
    if changes:
        s.flush()
        audit.record(s, ctx.actor, "update" if old else "create", "centre", centre.id, "中心信息", changes)


def save_centre(ctx: AppContext, info: CentreInfo) -> CentreInfo:
    require(ctx.actor, "settings", WRITE)
    info = validate_centre(info)
    with ctx.db.session() as s:
        write_centre(s, ctx, info)
    return info


def save_general(ctx: AppContext, info: CentreInfo, language: str) -> CentreInfo:
    """The settings page's one save: centre details and language together, or neither."""
    require(ctx.actor, "settings", WRITE)
    info = validate_centre(info)
    if language not in LANGUAGES:
        raise ValidationError(f"不支持的语言：{language}")
    with ctx.db.session() as s:
        write_centre(s, ctx, info)
        write_setting(s, ctx, "language", language)
    return info


def _require_setting_read(ctx: AppContext, key: str) -> None:
    """Refuse unless the actor may read ``key`` (see the module doc); unknown keys need ``settings`` read."""
    if key not in PUBLIC_SETTINGS:
        require(ctx.actor, SETTING_AREAS.get(key, "settings"), READ)


def get_setting(ctx: AppContext, key: str, default: Any = None) -> Any:
    _require_setting_read(ctx, key)
    with ctx.db.read() as s:
        row = s.get(Setting, key)
        if row is None or row.value == "":
            return default
        try:
            return json.loads(row.value)
        except ValueError:
            return default


def write_setting(s: Session, ctx: AppContext, key: str, value: Any) -> None:
    encoded = json.dumps(value, ensure_ascii=False)
    row = s.get(Setting, key)
    old = None if row is None else row.value
    if row is None:
        s.add(Setting(key=key, value=encoded))
    else:
        row.value = encoded
    if old != encoded:
        previous = None if not old else json.loads(old)
        audit.record(s, ctx.actor, "update", "setting", key, f"设置 {key}", {key: [previous, value]})


def set_setting(ctx: AppContext, key: str, value: Any) -> None:
    require(ctx.actor, "settings", WRITE)
    with ctx.db.session() as s:
        write_setting(s, ctx, key, value)


def get_language(ctx: AppContext) -> str:
    lang = get_setting(ctx, "language", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def set_language(ctx: AppContext, language: str) -> None:
    if language not in LANGUAGES:
        raise ValidationError(f"不支持的语言：{language}")
    set_setting(ctx, "language", language)
