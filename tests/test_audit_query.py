"""Reading the audit log on a real SQLite file: filters, paging, totals, local days, permission."""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest

from center_app.context import Actor, AppContext
from center_app.db.models import AuditLog
from center_app.domain.errors import PermissionDenied
from center_app.services import accounts, audit_query
from center_app.services.audit_query import ACTION_LABELS, ENTITY_LABELS

ADMIN_PW = "guLou-2026"


@pytest.fixture
def admin(ctx: AppContext) -> Actor:
    accounts.create_first_admin(ctx, "lifang", "李芳", ADMIN_PW)
    ctx.actor = accounts.authenticate(ctx, "lifang", ADMIN_PW)
    return ctx.actor


def _add(
    ctx: AppContext, at: dt.datetime, actor: str, action: str, entity: str, summary: str = "", **changes
) -> None:
    with ctx.db.session() as s:
        s.add(
            AuditLog(
                at=at,
                actor=actor,
                action=action,
                entity=entity,
                entity_id="7",
                summary=summary,
                changes=json.dumps(changes, ensure_ascii=False) if changes else "",
            )
        )


@pytest.fixture
def seeded(ctx: AppContext, admin: Actor) -> AppContext:
    base = dt.datetime(2026, 3, 1, 9, 0)
    for i in range(30):
        _add(
            ctx,
            base + dt.timedelta(hours=i),
            "wangli",
            "update",
            "child",
            f"修改儿童档案 {i}",
            name=["王子涵", "王梓涵"],
        )
    for i in range(5):
        _add(ctx, base + dt.timedelta(days=3, minutes=i), "zhaoyun", "create", "loan", f"借出《西游记》{i}")
    _add(ctx, dt.datetime(2026, 3, 10, 8, 0), "lifang", "export", "child", "导出儿童名单 100%_done")
    return ctx


def _ours(page: audit_query.AuditPage) -> list[audit_query.AuditRow]:
    # The admin fixture's own entries (create, login) are dated "now"; seeded ones are in March 2026.
    return [r for r in page.rows if r.at.year == 2026 and r.at.month == 3]


def test_newest_first_with_total(seeded: AppContext) -> None:
    page = audit_query.query(seeded, since=dt.date(2026, 3, 1), until=dt.date(2026, 3, 31))
    assert page.total == 36
    assert [r.at for r in page.rows] == sorted((r.at for r in page.rows), reverse=True)
    assert page.rows[0].summary == "导出儿童名单 100%_done"
    assert not page.has_previous and not page.has_next


def test_filters_combine(seeded: AppContext) -> None:
    page = audit_query.query(seeded, action="update", entity="child", actor="wangli")
    assert page.total == 30
    assert {r.action for r in page.rows} == {"update"}
    assert page.rows[0].changes == {"name": ["王子涵", "王梓涵"]}
    assert audit_query.query(seeded, actor="zhaoyun").total == 5
    assert audit_query.query(seeded, entity="child").total == 31
    assert audit_query.query(seeded, action="update", actor="zhaoyun").total == 0


def test_text_searches_summary_and_changes(seeded: AppContext) -> None:
    assert audit_query.query(seeded, text="西游记").total == 5
    assert audit_query.query(seeded, text="王梓涵").total == 30  # only in the changes JSON
    assert audit_query.query(seeded, text="  西游记  ").total == 5
    # LIKE wildcards typed by the user are literal characters, not patterns
    assert audit_query.query(seeded, text="100%_").total == 1
    assert audit_query.query(seeded, text="%").total == 1
    assert audit_query.query(seeded, text="0_").total == 0  # as a pattern, "0_" would match "00"


def test_paging(seeded: AppContext) -> None:
    first = audit_query.query(seeded, actor="wangli", limit=12)
    second = audit_query.query(seeded, actor="wangli", limit=12, offset=12)
    third = audit_query.query(seeded, actor="wangli", limit=12, offset=24)
    assert (len(first.rows), len(second.rows), len(third.rows)) == (12, 12, 6)
    assert first.total == second.total == third.total == 30
    assert first.has_next and second.has_previous and second.has_next and not third.has_next
    ids = [r.id for p in (first, second, third) for r in p.rows]
    assert len(set(ids)) == 30
    assert audit_query.query(seeded, actor="wangli", offset=100).rows == ()


def test_day_bounds_are_inclusive(seeded: AppContext) -> None:
    # 2026-03-01 09:00 … 2026-03-02 14:00 are the 30 child updates (UTC here: the test machine's zone may be any)
    day1 = audit_query.query(seeded, since=dt.date(2026, 3, 4), until=dt.date(2026, 3, 4))
    assert {r.actor for r in _ours(day1)} <= {"zhaoyun"}
    only_before = audit_query.query(seeded, until=dt.date(2026, 2, 28))
    assert _ours(only_before) == []


def test_day_filters_use_the_local_calendar(
    ctx: AppContext, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset (Unix)")
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        # 23:30 UTC on 3 March is 07:30 on 4 March in China
        _add(ctx, dt.datetime(2026, 3, 3, 23, 30), "wangli", "view", "child", "早上查看")
        page = audit_query.query(ctx, since=dt.date(2026, 3, 4), until=dt.date(2026, 3, 4))
        assert [r.summary for r in page.rows] == ["早上查看"]
        assert page.rows[0].local_at == dt.datetime(2026, 3, 4, 7, 30)
        assert audit_query.query(ctx, since=dt.date(2026, 3, 3), until=dt.date(2026, 3, 3)).total == 0
    finally:
        monkeypatch.undo()
        time.tzset()


def test_distinct_values_for_the_filter_combos(seeded: AppContext) -> None:
    values = audit_query.distinct_values(seeded)
    assert values["actors"] == ["lifang", "wangli", "zhaoyun"]
    # known codes in label order: create < update < export < login
    assert values["actions"] == ["create", "update", "export", "login"]
    assert values["entities"] == ["child", "loan", "user_account"]


def test_real_account_actions_are_listed(ctx: AppContext, admin: Actor) -> None:
    accounts.create_user(ctx, "tushu", "图书管理员小陈", "librarian", "shuwu-77")
    page = audit_query.query(ctx, entity="user_account")
    assert [r.action for r in page.rows][:3] == ["create", "login", "create"]
    created = page.rows[0]
    assert created.actor == "lifang" and "tushu" in created.summary
    assert created.changes["role"] == [None, "librarian"]


def test_bad_changes_text_is_still_shown(ctx: AppContext, admin: Actor) -> None:
    with ctx.db.session() as s:
        s.add(AuditLog(actor="x", action="update", entity="child", summary="旧数据", changes="not json"))
    row = audit_query.query(ctx, text="旧数据").rows[0]
    assert row.changes == {"": [None, "not json"]}


def test_labels_cover_every_action_the_services_record() -> None:
    for code in (
        "create",
        "update",
        "delete",
        "view",
        "print",
        "export",
        "login",
        "login_failed",
        "logout",
        "password_reset",
        "password_change",
        "backup",
        "restore",
    ):
        assert code in ACTION_LABELS
    for code in (
        "child",
        "guardian",
        "follow_up",
        "loan",
        "equipment",
        "user",
        "user_account",
        "setting",
        "centre",
        "database",
    ):
        assert code in ENTITY_LABELS
    assert ACTION_LABELS["login_failed"] == "登录失败" and ENTITY_LABELS["centre"] == "中心信息"


@pytest.mark.parametrize("role", ["staff", "librarian", "teacher"])
def test_only_the_administrator_reads_the_log(ctx: AppContext, role: str) -> None:
    ctx.actor = Actor(username="someone", role=role, user_id=99)
    with pytest.raises(PermissionDenied):
        audit_query.query(ctx)
    with pytest.raises(PermissionDenied):
        audit_query.distinct_values(ctx)


def test_there_is_no_way_to_change_the_log() -> None:
    public = {n for n in dir(audit_query) if not n.startswith("_")}
    assert not {n for n in public if any(w in n for w in ("delete", "update", "edit", "remove", "purge"))}
