from __future__ import annotations

import json

import pytest

from center_app.db.models import AuditLog
from center_app.domain.errors import ValidationError
from center_app.services import settings


def test_default_centre_and_language(ctx) -> None:
    assert settings.get_centre(ctx).name == settings.DEFAULT_CENTRE_NAME
    assert settings.get_language(ctx) == "zh_CN"


def test_save_centre_trims_and_audits(ctx) -> None:
    settings.save_centre(
        ctx, settings.CentreInfo("  古楼村留守儿童关爱活动中心 ", "钟山县古楼村", "0774-1234567", "韦老师")
    )
    info = settings.get_centre(ctx)
    assert info.name == "古楼村留守儿童关爱活动中心"
    assert info.phone == "0774-1234567"
    with ctx.db.read() as s:
        entry = s.query(AuditLog).filter_by(entity="centre").one()
        assert entry.action == "create"
        assert entry.actor.startswith("cli:")
        assert json.loads(entry.changes)["name"] == [None, "古楼村留守儿童关爱活动中心"]
    settings.save_centre(ctx, settings.CentreInfo("古楼村儿童之家", "钟山县古楼村", "0774-1234567", "韦老师"))
    with ctx.db.read() as s:
        update = s.query(AuditLog).filter_by(entity="centre", action="update").one()
        assert json.loads(update.changes) == {"name": ["古楼村留守儿童关爱活动中心", "古楼村儿童之家"]}


@pytest.mark.parametrize(
    ("info", "fragment"),
    [
        (settings.CentreInfo("   "), "请填写中心名称"),
        (settings.CentreInfo("中" * 201), "不能超过200个字"),
        (settings.CentreInfo("古楼村", phone="电话号码abc"), "电话号码只能包含数字"),
    ],
)
def test_bad_centre_details_are_refused_and_nothing_is_written(ctx, info, fragment) -> None:
    with pytest.raises(ValidationError, match=fragment):
        settings.save_general(ctx, info, "en")
    assert settings.get_centre(ctx) == settings.CentreInfo()
    assert settings.get_language(ctx) == "zh_CN"


def test_language_round_trip_and_refusal(ctx) -> None:
    settings.set_language(ctx, "en")
    assert settings.get_language(ctx) == "en"
    with pytest.raises(ValidationError):
        settings.set_language(ctx, "fr")
    assert settings.get_language(ctx) == "en"


def test_generic_settings_are_json(ctx) -> None:
    settings.set_setting(ctx, "loan_days", 21)
    settings.set_setting(ctx, "closed_note", "春节放假")
    assert settings.get_setting(ctx, "loan_days") == 21
    assert settings.get_setting(ctx, "closed_note") == "春节放假"
    assert settings.get_setting(ctx, "missing", "默认") == "默认"


@pytest.mark.parametrize("role", ["staff", "librarian", "teacher"])
def test_only_the_administrator_changes_settings(ctx, role) -> None:
    from center_app.context import Actor
    from center_app.domain.errors import PermissionDenied

    ctx.actor = Actor(username="someone", role=role)
    with pytest.raises(PermissionDenied):
        settings.save_general(ctx, settings.CentreInfo("别的名字"), "zh_CN")
    with pytest.raises(PermissionDenied):
        settings.set_setting(ctx, "loan_days", 30)
    assert settings.get_centre(ctx).name == settings.DEFAULT_CENTRE_NAME  # printed on slips, shown at sign-in


def test_reading_a_setting_needs_the_permission_of_its_area(ctx) -> None:
    from center_app.context import Actor
    from center_app.domain.children import ChildInput
    from center_app.domain.errors import PermissionDenied
    from center_app.services import children

    settings.set_setting(ctx, "label_printing", {"cards": {}})  # as the administrator
    ctx.actor = Actor(username="shegong", role="staff")
    children.create_child(ctx, ChildInput("王子涵", grade=3, class_name="三年级2班"))
    children.promote_all(ctx)  # children.last_promotion now holds every child's grade, class and status
    assert settings.get_setting(ctx, children.PROMOTION_KEY)["children"]

    ctx.actor = Actor(username="tushu", role="librarian")
    with pytest.raises(PermissionDenied, match="图书管理员 无权查看儿童的详细档案"):
        settings.get_setting(ctx, children.PROMOTION_KEY)
    with pytest.raises(PermissionDenied, match="无权查看系统设置"):
        settings.get_setting(ctx, "a_key_nobody_listed")  # unknown keys need settings read
    assert settings.get_setting(ctx, "label_printing") == {"cards": {}}  # the librarian prints labels
    assert settings.get_language(ctx) == "zh_CN"

    ctx.actor = Actor.nobody()  # before sign-in: only what the sign-in screen needs
    assert settings.get_language(ctx) == "zh_CN"
    assert settings.get_setting(ctx, "idle_lock_minutes", 10) == 10
    for key in ("label_printing", children.PROMOTION_KEY, "block_when_overdue", "open_weekdays"):
        with pytest.raises(PermissionDenied):
            settings.get_setting(ctx, key)


def test_every_stored_setting_key_is_classified() -> None:
    """A key some service stores (a ``*_KEY`` constant) is either public (with a reason) or has its area."""
    import importlib
    import pkgutil

    import center_app.services as package

    keys = set()
    for info in pkgutil.walk_packages(package.__path__, "center_app.services."):  # packages' modules too
        module = importlib.import_module(info.name)
        keys |= {
            value for name, value in vars(module).items() if name.endswith("_KEY") and isinstance(value, str)
        }
    assert keys, "no setting keys found"
    assert keys <= set(settings.PUBLIC_SETTINGS) | set(settings.SETTING_AREAS)
    assert not set(settings.PUBLIC_SETTINGS) & set(settings.SETTING_AREAS)
