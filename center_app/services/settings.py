"""Centre details and application settings."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import Centre, Setting
from center_app.domain.errors import ValidationError
from center_app.domain.permissions import require
from center_app.services import audit

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
DEFAULT_CENTRE_NAME = "儿童之家"


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


def _write_centre(s: Session, ctx: AppContext, info: CentreInfo) -> None:
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
    require(ctx.actor, "settings", "write")
    info = validate_centre(info)
    with ctx.db.session() as s:
        _write_centre(s, ctx, info)
    return info


def save_general(ctx: AppContext, info: CentreInfo, language: str) -> CentreInfo:
    """The settings page's one save: centre details and language together, or neither."""
    require(ctx.actor, "settings", "write")
    info = validate_centre(info)
    if language not in LANGUAGES:
        raise ValidationError(f"不支持的语言：{language}")
    with ctx.db.session() as s:
        _write_centre(s, ctx, info)
        write_setting(s, ctx, "language", language)
    return info


def get_setting(ctx: AppContext, key: str, default: Any = None) -> Any:
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
    require(ctx.actor, "settings", "write")
    with ctx.db.session() as s:
        write_setting(s, ctx, key, value)


def get_language(ctx: AppContext) -> str:
    lang = get_setting(ctx, "language", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def set_language(ctx: AppContext, language: str) -> None:
    if language not in LANGUAGES:
        raise ValidationError(f"不支持的语言：{language}")
    set_setting(ctx, "language", language)
