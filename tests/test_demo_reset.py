"""清空演示数据，开始正式使用 on a real SQLite file: everything the demo wrote goes in one transaction, the seeded
reference rows, settings and audit log stay, the demo account is disabled and the folder asks for its real
administrator."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from center_app import demo
from center_app.context import Actor, AppContext
from center_app.db import models as m
from center_app.domain.errors import DomainError, PermissionDenied
from center_app.services import accounts, demo_reset
from center_app.services.settings import get_setting, set_language

TODAY = dt.date(2026, 11, 25)
ADMIN_PW = "guLou-2026"


def _count(ctx: AppContext, model: type[m.Base]) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _seeded(ctx: AppContext) -> tuple[list[tuple], list[tuple]]:
    with ctx.db.read() as s:
        codes = [tuple(r) for r in s.execute(select(m.AttendanceCode.code, m.AttendanceCode.label))]
        rules = [tuple(r) for r in s.execute(select(m.LoanRule.grade_min, m.LoanRule.max_books))]
    return codes, rules


@pytest.fixture
def demo_folder(ctx: AppContext) -> AppContext:
    """What `demo-data` leaves: the demo centre and its demo administrator, signed in by itself."""
    demo.fill_demo(ctx, today=TODAY)
    accounts.ensure_demo_admin(ctx)
    ctx.actor = accounts.demo_sign_in(ctx)
    assert ctx.actor is not None
    return ctx


def test_clearing_deletes_the_demo_and_leads_to_the_first_run_wizard(demo_folder: AppContext) -> None:
    ctx = demo_folder
    seeded_before = _seeded(ctx)
    set_language(ctx, "zh_CN")  # a setting chosen during the demo stays
    audit_before = _count(ctx, m.AuditLog)
    plan = demo_reset.plan_clear(ctx)
    assert plan.counts["children"] >= 120 and plan.counts["copies"] >= 4000
    assert plan.accounts_to_disable == ["demo"]

    result = demo_reset.clear_demo_data(ctx)

    for table in m.Base.metadata.sorted_tables:
        with ctx.db.read() as s:
            rows = s.scalar(select(func.count()).select_from(table))
        if table.name in demo_reset.KEPT_TABLES:
            continue
        assert rows == 0, table.name
    assert result.deleted["child"] >= 120 and result.deleted["book_copy"] >= 4000
    assert _seeded(ctx) == seeded_before and seeded_before[0] and seeded_before[1]  # codes and loan rules kept
    assert get_setting(ctx, "language") == "zh_CN"
    assert not accounts.is_demo_folder(ctx)
    assert result.accounts_disabled == ["demo"] and result.needs_first_admin
    assert accounts.demo_sign_in(ctx) is None
    assert accounts.needs_first_admin(ctx)  # the wizard, for the real administrator
    assert result.backup is not None and result.backup.exists()  # the copy written first
    with ctx.db.read() as s:
        last = s.scalars(select(m.AuditLog).order_by(m.AuditLog.id.desc()).limit(1)).one()
        assert (last.action, last.entity, last.actor) == ("delete", "demo", "demo")
        assert last.summary.startswith("清空演示数据，开始正式使用")
    assert _count(ctx, m.AuditLog) > audit_before  # the log is kept and the clearing is in it

    # The real administrator, then real work on a clean folder.
    ctx.actor = Actor.nobody()
    accounts.create_first_admin(ctx, "lifang", "李芳", ADMIN_PW)
    assert not accounts.needs_first_admin(ctx)
    with pytest.raises(PermissionDenied):  # the folder never becomes a demo folder again by itself
        accounts.ensure_demo_admin(ctx)


def test_a_real_administrator_clears_and_keeps_their_account(demo_folder: AppContext) -> None:
    ctx = demo_folder
    accounts.create_user(ctx, "demo.teacher", "演示老师", "teacher", "shuwu-77")
    ctx.actor = Actor.nobody()
    accounts.create_first_admin(ctx, "lifang", "李芳", ADMIN_PW)  # the folder asked for its real admin
    ctx.actor = accounts.authenticate(ctx, "lifang", ADMIN_PW)
    assert accounts.is_demo_folder(ctx)
    assert demo_reset.plan_clear(ctx).accounts_to_disable == ["demo", "demo.teacher"]
    result = demo_reset.clear_demo_data(ctx, backup_first=False)
    assert result.accounts_disabled == ["demo", "demo.teacher"] and not result.needs_first_admin
    active = {u.username for u in accounts.list_users(ctx) if u.active}
    assert active == {"lifang"}
    assert _count(ctx, m.Child) == 0


def test_only_an_administrator_of_a_demo_folder_may_clear(demo_folder: AppContext) -> None:
    ctx = demo_folder
    admin = ctx.actor
    accounts.create_user(ctx, "wang", "王社工", "staff", "shuwu-77")
    ctx.actor = accounts.authenticate(ctx, "wang", "shuwu-77")
    accounts.change_own_password(ctx, "shuwu-77", "wang-2026x")
    with pytest.raises(PermissionDenied):
        demo_reset.plan_clear(ctx)
    with pytest.raises(PermissionDenied):
        demo_reset.clear_demo_data(ctx, backup_first=False)
    assert _count(ctx, m.Child) >= 120 and accounts.is_demo_folder(ctx)
    with ctx.db.read() as s:
        assert not s.scalars(select(m.AuditLog).where(m.AuditLog.entity == "demo", m.AuditLog.action == "delete")
                             ).first()
    ctx.actor = admin
    demo_reset.clear_demo_data(ctx, backup_first=False)
    with pytest.raises(DomainError, match="不是演示数据文件夹"):  # once only
        demo_reset.clear_demo_data(ctx, backup_first=False)


def test_a_real_centres_folder_is_never_cleared(ctx: AppContext) -> None:
    accounts.create_first_admin(ctx, "lifang", "李芳", ADMIN_PW)
    ctx.actor = accounts.authenticate(ctx, "lifang", ADMIN_PW)
    demo.fill_demo(ctx, today=TODAY)  # data that looks like the demo, but the folder is not flagged
    with pytest.raises(DomainError, match="不是演示数据文件夹"):
        demo_reset.clear_demo_data(ctx, backup_first=False)
    assert _count(ctx, m.Child) >= 120


def test_a_failure_half_way_leaves_everything_as_it_was(
    demo_folder: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = demo_folder
    children = _count(ctx, m.Child)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(demo_reset.audit, "record", broken)  # the last step of the transaction
    with pytest.raises(RuntimeError):
        demo_reset.clear_demo_data(ctx, backup_first=False)
    monkeypatch.undo()
    assert _count(ctx, m.Child) == children
    assert accounts.is_demo_folder(ctx) and accounts.demo_sign_in(ctx) is not None
