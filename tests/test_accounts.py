"""Accounts on a real SQLite file: first run, sign-in and lockout (with an explicit clock), administration rules."""

from __future__ import annotations

import datetime as dt

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from center_app.context import Actor, AppContext
from center_app.db.models import AuditLog, User, Volunteer
from center_app.domain.errors import NotFound, PermissionDenied, ValidationError
from center_app.services import accounts
from center_app.services.accounts import AccountDisabled, AccountLocked, LoginFailed

T0 = dt.datetime(2026, 3, 2, 8, 0, 0)
ADMIN_PW = "guLou-2026"


def _audit(ctx: AppContext, action: str | None = None) -> list[AuditLog]:
    with ctx.db.read() as s:
        stmt = select(AuditLog).order_by(AuditLog.id)
        if action:
            stmt = stmt.where(AuditLog.action == action)
        rows = list(s.scalars(stmt))
        s.expunge_all()  # detach before read() rolls back, so the loaded values stay usable
        return rows


def _row(ctx: AppContext, user_id: int) -> User:
    with ctx.db.read() as s:
        user = s.get(User, user_id)
        assert user is not None
        s.expunge(user)
        return user


@pytest.fixture
def admin(ctx: AppContext) -> Actor:
    """A first administrator, signed in (ctx.actor is them)."""
    accounts.create_first_admin(ctx, "lifang", "李芳", ADMIN_PW)
    ctx.actor = accounts.authenticate(ctx, "lifang", ADMIN_PW, now=T0)
    return ctx.actor


def _add(ctx: AppContext, username: str, role: str, password: str = "shuwu-77") -> int:
    return accounts.create_user(ctx, username, username.title(), role, password).id


# --- first run ----------------------------------------------------------------------------------------------


def test_first_admin_wizard_flow(ctx: AppContext) -> None:
    assert accounts.needs_first_admin(ctx)
    info = accounts.create_first_admin(ctx, "lifang", "李芳", ADMIN_PW)
    assert (info.role, info.role_label, info.active, info.must_change_password) == (
        "admin",
        "管理员",
        True,
        False,
    )
    assert not accounts.needs_first_admin(ctx)

    with pytest.raises(PermissionDenied, match="已经有管理员"):
        accounts.create_first_admin(ctx, "intruder", "某人", "another-pw")

    actor = accounts.authenticate(ctx, "lifang", ADMIN_PW, now=T0)
    assert actor == Actor(username="lifang", role="admin", user_id=info.id, display_name="李芳")
    created = _audit(ctx, "create")
    assert len(created) == 1 and created[0].entity == "user_account" and created[0].entity_id == str(info.id)
    assert ADMIN_PW not in created[0].changes


def test_first_admin_input_is_validated(ctx: AppContext) -> None:
    with pytest.raises(ValidationError, match="至少需要6个字符"):
        accounts.create_first_admin(ctx, "lifang", "李芳", "abc")
    with pytest.raises(ValidationError, match="姓名"):
        accounts.create_first_admin(ctx, "lifang", "  ", ADMIN_PW)
    assert accounts.needs_first_admin(ctx)


def test_set_up_centre_names_the_centre_and_signs_the_new_administrator_in_at_once(
    nobody_ctx: AppContext,
) -> None:
    from center_app.services import settings

    ctx = nobody_ctx  # the first-run wizard: nobody is signed in yet
    actor = accounts.set_up_centre(ctx, "lifang", "李芳", ADMIN_PW, centre_name="  古楼村儿童之家 ", now=T0)
    assert (actor.username, actor.role, actor.display_name) == ("lifang", "admin", "李芳")
    assert not accounts.needs_first_admin(ctx)
    assert settings.get_centre(ctx).name == "古楼村儿童之家"
    assert _row(ctx, actor.user_id).last_login_at == T0
    entries = [(e.action, e.entity, e.actor) for e in _audit(ctx)]
    assert entries == [
        ("create", "user_account", "lifang"),
        ("create", "centre", "lifang"),  # a new folder has no centre row yet
        ("login", "user_account", "lifang"),
    ]
    with pytest.raises(PermissionDenied, match="已经有管理员"):
        accounts.set_up_centre(ctx, "intruder", "某人", "another-pw")


@pytest.mark.parametrize(
    ("centre_name", "password", "error"),
    [("名" * 300, ADMIN_PW, "中心"), ("古楼村儿童之家", "abc", "至少需要6个字符")],
)
def test_set_up_centre_refuses_the_whole_form_and_writes_nothing(
    nobody_ctx: AppContext, centre_name: str, password: str, error: str
) -> None:
    from center_app.services import settings

    before = settings.get_centre(nobody_ctx)
    with pytest.raises(ValidationError, match=error):
        accounts.set_up_centre(nobody_ctx, "lifang", "李芳", password, centre_name=centre_name)
    assert accounts.needs_first_admin(nobody_ctx)  # no account…
    assert settings.get_centre(nobody_ctx) == before  # …no new name…
    assert _audit(nobody_ctx) == []  # …and nothing in the log


def test_needs_first_admin_again_when_no_admin_is_active(ctx: AppContext, admin: Actor) -> None:
    # Recovery path: only reachable by editing the database, since the last admin cannot be disabled in the app.
    with ctx.db.session() as s:
        s.get(User, admin.user_id).active = False
    assert accounts.needs_first_admin(ctx)


# --- signing in ---------------------------------------------------------------------------------------------


def test_login_success_resets_counter_sets_last_login_and_audits(ctx: AppContext, admin: Actor) -> None:
    uid = _add(ctx, "wang.li", "staff")
    with pytest.raises(LoginFailed):
        accounts.authenticate(ctx, "wang.li", "wrong-pw", now=T0)
    assert _row(ctx, uid).failed_attempts == 1

    later = T0 + dt.timedelta(minutes=1)
    actor = accounts.authenticate(ctx, "WANG.LI", "shuwu-77", now=later)  # user names ignore case
    assert (actor.username, actor.role, actor.user_id, actor.display_name) == (
        "wang.li",
        "staff",
        uid,
        "Wang.Li",
    )
    row = _row(ctx, uid)
    assert (row.failed_attempts, row.locked_until, row.last_login_at) == (0, None, later)
    logins = _audit(ctx, "login")
    assert logins[-1].user_id == uid and logins[-1].actor == "wang.li"


def test_aware_now_is_stored_as_naive_utc(ctx: AppContext, admin: Actor) -> None:
    beijing = dt.timezone(dt.timedelta(hours=8))
    accounts.authenticate(ctx, "lifang", ADMIN_PW, now=dt.datetime(2026, 3, 2, 16, 0, tzinfo=beijing))
    assert _row(ctx, admin.user_id).last_login_at == dt.datetime(2026, 3, 2, 8, 0)


def test_unknown_user_and_wrong_password_get_the_same_message(ctx: AppContext, admin: Actor) -> None:
    with pytest.raises(LoginFailed) as unknown:
        accounts.authenticate(ctx, "nobody", ADMIN_PW, now=T0)
    with pytest.raises(LoginFailed) as wrong:
        accounts.authenticate(ctx, "lifang", "not-my-password", now=T0)
    with pytest.raises(LoginFailed) as empty:
        accounts.authenticate(ctx, "", "", now=T0)
    assert type(unknown.value) is type(wrong.value) is type(empty.value) is LoginFailed
    assert unknown.value.message == wrong.value.message == empty.value.message == "用户名或密码不正确。"

    failed = _audit(ctx, "login_failed")
    assert len(failed) == 3
    assert failed[0].entity_id == "" and "nobody" not in failed[0].summary  # typed names are not recorded
    assert failed[1].entity_id == str(admin.user_id)
    assert all(ADMIN_PW not in (r.summary + r.changes) for r in _audit(ctx))


def test_five_failures_lock_for_five_minutes(ctx: AppContext, admin: Actor) -> None:
    uid = _add(ctx, "zhao", "librarian")
    for i in range(5):
        with pytest.raises(LoginFailed) as err:
            accounts.authenticate(ctx, "zhao", f"bad-{i}", now=T0 + dt.timedelta(seconds=i))
        assert not isinstance(err.value, AccountLocked)
    assert _row(ctx, uid).locked_until == T0 + dt.timedelta(seconds=4) + dt.timedelta(minutes=5)

    # Even the right password is refused while locked, with the time left.
    with pytest.raises(AccountLocked) as locked:
        accounts.authenticate(ctx, "zhao", "shuwu-77", now=T0 + dt.timedelta(minutes=1))
    assert "锁定" in locked.value.message and "5分钟后" in locked.value.message
    with pytest.raises(AccountLocked) as locked:
        accounts.authenticate(ctx, "zhao", "shuwu-77", now=T0 + dt.timedelta(minutes=4, seconds=30))
    assert "1分钟后" in locked.value.message

    actor = accounts.authenticate(ctx, "zhao", "shuwu-77", now=T0 + dt.timedelta(minutes=5, seconds=5))
    assert actor.user_id == uid
    assert _row(ctx, uid).locked_until is None
    assert len(_audit(ctx, "login_failed")) == 7


def test_failures_are_counted_per_run_not_forever(ctx: AppContext, admin: Actor) -> None:
    uid = _add(ctx, "zhao", "librarian")
    for i in range(4):
        with pytest.raises(LoginFailed):
            accounts.authenticate(ctx, "zhao", f"bad-{i}", now=T0)
    accounts.authenticate(ctx, "zhao", "shuwu-77", now=T0)  # success resets: 4 more tries are not a lock
    for i in range(4):
        with pytest.raises(LoginFailed):
            accounts.authenticate(ctx, "zhao", f"bad-{i}", now=T0)
    assert _row(ctx, uid).locked_until is None


def test_disabled_account_refused_but_only_told_after_the_right_password(
    ctx: AppContext, admin: Actor
) -> None:
    uid = _add(ctx, "chen", "teacher")
    accounts.set_active(ctx, uid, False)
    with pytest.raises(LoginFailed) as wrong:
        accounts.authenticate(ctx, "chen", "bad-password", now=T0)
    assert type(wrong.value) is LoginFailed
    with pytest.raises(AccountDisabled, match="已停用"):
        accounts.authenticate(ctx, "chen", "shuwu-77", now=T0)


def test_old_hash_parameters_are_upgraded_at_sign_in(ctx: AppContext, admin: Actor) -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(ADMIN_PW)
    with ctx.db.session() as s:
        s.get(User, admin.user_id).password_hash = weak
    accounts.authenticate(ctx, "lifang", ADMIN_PW, now=T0)
    upgraded = _row(ctx, admin.user_id).password_hash
    assert upgraded != weak and "$m=19456,t=2,p=1$" in upgraded


def test_hashes_are_argon2id_and_never_the_password(ctx: AppContext, admin: Actor) -> None:
    uid = _add(ctx, "wang", "staff", "shuwu-77")
    for user_id, password in ((admin.user_id, ADMIN_PW), (uid, "shuwu-77")):
        stored = _row(ctx, user_id).password_hash
        assert stored.startswith("$argon2id$") and password not in stored
    assert not hasattr(accounts.list_users(ctx)[0], "password_hash")


def test_sign_out_and_current_user(ctx: AppContext, admin: Actor) -> None:
    me = accounts.current_user(ctx)
    assert me is not None and me.username == "lifang"
    accounts.sign_out(ctx)
    assert _audit(ctx, "logout")[-1].user_id == admin.user_id
    ctx.actor = Actor.command_line()
    assert accounts.current_user(ctx) is None


# --- administration -----------------------------------------------------------------------------------------


def test_non_admin_cannot_manage_accounts(ctx: AppContext, admin: Actor) -> None:
    _add(ctx, "wang", "staff")
    ctx.actor = accounts.authenticate(ctx, "wang", "shuwu-77", now=T0)
    with pytest.raises(PermissionDenied, match="^社工 无权管理用户账号"):
        accounts.create_user(ctx, "sneaky", "某人", "admin", "pass-word-1")
    with pytest.raises(PermissionDenied, match="社工 无权查看用户账号"):
        accounts.list_users(ctx)
    with pytest.raises(PermissionDenied):
        accounts.reset_password(ctx, admin.user_id, "taken-over")
    with pytest.raises(PermissionDenied):
        accounts.set_active(ctx, admin.user_id, False)
    with pytest.raises(PermissionDenied):
        accounts.update_user(ctx, admin.user_id, role="teacher")
    assert len(_audit(ctx, "create")) == 2  # first admin + wang only


def test_create_user_rules(ctx: AppContext, admin: Actor) -> None:
    info = accounts.create_user(
        ctx, "王芳", "王芳", "teacher", "jiaoshu-1"
    )  # two Chinese characters are enough
    assert info.must_change_password and info.role_label == "志愿者教师"
    with pytest.raises(ValidationError, match="已被使用"):
        accounts.create_user(ctx, "LIFANG", "另一个", "staff", "pass-word-1")
    with pytest.raises(ValidationError, match="3–32"):
        accounts.create_user(ctx, "ab", "短", "staff", "pass-word-1")
    with pytest.raises(ValidationError, match="3–32"):
        accounts.create_user(ctx, "x" * 33, "长", "staff", "pass-word-1")
    with pytest.raises(ValidationError, match="不能有空格"):
        accounts.create_user(ctx, "li fang", "空格", "staff", "pass-word-1")
    with pytest.raises(ValidationError, match="角色"):
        accounts.create_user(ctx, "boss", "老板", "superuser", "pass-word-1")
    with pytest.raises(ValidationError, match="太常见"):
        accounts.create_user(ctx, "boss", "老板", "staff", "123456")
    with pytest.raises(ValidationError, match="太常见"):
        accounts.create_user(ctx, "boss", "老板", "staff", "aaaaaaaa")
    with pytest.raises(ValidationError, match="和用户名相同"):
        accounts.create_user(ctx, "zhangsan", "张三", "staff", "ZhangSan")
    with pytest.raises(ValidationError, match="志愿者"):
        accounts.create_user(ctx, "zhangsan", "张三", "teacher", "pass-word-1", volunteer_id=999)
    assert [u.username for u in accounts.list_users(ctx)] == ["lifang", "王芳"]


def test_create_user_is_audited_without_the_password(ctx: AppContext, admin: Actor) -> None:
    uid = _add(ctx, "wang", "staff", "secret-77")
    row = _audit(ctx, "create")[-1]
    assert (row.entity, row.entity_id, row.actor, row.user_id) == (
        "user_account",
        str(uid),
        "lifang",
        admin.user_id,
    )
    assert "staff" in row.changes and "secret-77" not in row.changes


def test_list_users_order_and_fields(ctx: AppContext, admin: Actor) -> None:
    t = _add(ctx, "teacher1", "teacher")
    _add(ctx, "staff1", "staff")
    accounts.set_active(ctx, t, False)
    users = accounts.list_users(ctx)
    assert [(u.username, u.active) for u in users] == [
        ("lifang", True),
        ("staff1", True),
        ("teacher1", False),
    ]
    assert users[0].last_login_at == T0


def test_last_admin_cannot_be_disabled_or_demoted(ctx: AppContext, admin: Actor) -> None:
    ctx.actor = (
        Actor.command_line()
    )  # an admin that is not this account, so the self-rule is not what stops it
    with pytest.raises(PermissionDenied, match="最后一个管理员"):
        accounts.set_active(ctx, admin.user_id, False)
    with pytest.raises(PermissionDenied, match="最后一个管理员"):
        accounts.update_user(ctx, admin.user_id, role="staff")
    assert _row(ctx, admin.user_id).active and _row(ctx, admin.user_id).role == "admin"

    second = _add(ctx, "admin2", "admin")
    accounts.update_user(ctx, admin.user_id, role="staff")  # fine now: admin2 remains
    with pytest.raises(PermissionDenied, match="最后一个管理员"):
        accounts.set_active(ctx, second, False)


def test_admin_cannot_disable_themselves_or_change_their_own_role(ctx: AppContext, admin: Actor) -> None:
    _add(ctx, "admin2", "admin")
    with pytest.raises(PermissionDenied, match="自己"):
        accounts.set_active(ctx, admin.user_id, False)
    with pytest.raises(PermissionDenied, match="自己的角色"):
        accounts.update_user(ctx, admin.user_id, role="staff")
    assert (
        accounts.update_user(ctx, admin.user_id, display_name="李芳（站长）").display_name == "李芳（站长）"
    )


def test_set_active_audits_and_reenabling_clears_the_lock(ctx: AppContext, admin: Actor) -> None:
    uid = _add(ctx, "wang", "staff")
    with ctx.db.session() as s:
        s.get(User, uid).locked_until = T0 + dt.timedelta(minutes=3)
    accounts.set_active(ctx, uid, False)
    accounts.set_active(ctx, uid, False)  # no change, no audit row
    info = accounts.set_active(ctx, uid, True)
    assert info.active and info.locked_until is None
    rows = [r for r in _audit(ctx, "update") if r.entity == "user_account"]
    assert [r.summary for r in rows] == ["停用账号 wang", "启用账号 wang"]


def test_update_user_changes_role_and_audits(ctx: AppContext, admin: Actor) -> None:
    uid = _add(ctx, "wang", "staff")
    info = accounts.update_user(ctx, uid, display_name="王丽", role="librarian")
    assert (info.display_name, info.role) == ("王丽", "librarian")
    row = _audit(ctx, "update")[-1]
    assert '"role": ["staff", "librarian"]' in row.changes
    with pytest.raises(NotFound):
        accounts.update_user(ctx, 999, display_name="x")


def _volunteer(ctx: AppContext, name: str, pinyin: str, *, active: bool = True) -> int:
    with ctx.db.session() as s:
        vol = Volunteer(
            name=name, name_pinyin=pinyin, organisation="师范学院", phone="13800000000", active=active
        )
        s.add(vol)
        s.flush()
        return vol.id


def test_update_user_links_a_teacher_to_their_volunteer_record(ctx: AppContext, admin: Actor) -> None:
    vid = _volunteer(ctx, "陈老师", "chen laoshi")
    uid = _add(ctx, "chen", "teacher")
    info = accounts.update_user(ctx, uid, volunteer_id=vid)
    assert (info.volunteer_id, info.display_name, info.role) == (vid, "Chen", "teacher")  # the rest unchanged
    row = _audit(ctx, "update")[-1]
    assert row.summary == "修改账号 chen" and f'"volunteer_id": [null, {vid}]' in row.changes
    # Signing in carries the link: the teacher's "own sessions" are the ones this volunteer leads.
    assert accounts.authenticate(ctx, "chen", "shuwu-77", now=T0).volunteer_id == vid

    before = len(_audit(ctx))
    accounts.update_user(ctx, uid, display_name="Chen")  # nothing changed (the link is kept): no audit row
    assert _row(ctx, uid).volunteer_id == vid and len(_audit(ctx)) == before
    with pytest.raises(ValidationError, match="志愿者"):
        accounts.update_user(ctx, uid, display_name="陈晨", volunteer_id=vid + 100)
    assert _row(ctx, uid).display_name == "Chen"  # the whole edit refused
    info = accounts.update_user(ctx, uid, display_name="陈晨", volunteer_id=None)
    assert (info.display_name, info.volunteer_id) == ("陈晨", None)


def test_update_user_validates_and_refuses_the_whole_edit(ctx: AppContext, admin: Actor) -> None:
    uid = _add(ctx, "wang", "staff")
    with pytest.raises(ValidationError, match="请填写姓名"):
        accounts.update_user(ctx, uid, display_name="  ", role="librarian")
    with pytest.raises(ValidationError, match="不能超过50个字"):
        accounts.update_user(ctx, uid, display_name="王" * 51)
    with pytest.raises(ValidationError, match="未知的角色"):
        accounts.update_user(ctx, uid, role="superuser")
    assert (_row(ctx, uid).display_name, _row(ctx, uid).role) == ("Wang", "staff")


def test_list_linkable_volunteers(ctx: AppContext, admin: Actor) -> None:
    gone = _volunteer(ctx, "白老师", "bai laoshi", active=False)
    zhao = _volunteer(ctx, "赵老师", "zhao laoshi")
    chen = _volunteer(ctx, "陈老师", "chen laoshi")
    uid = _add(ctx, "chen", "teacher")
    accounts.update_user(ctx, uid, volunteer_id=chen)
    volunteers = accounts.list_linkable_volunteers(ctx)
    assert [(v.id, v.name, v.active, v.linked_to) for v in volunteers] == [
        (chen, "陈老师", True, ("chen",)),  # still serving first, by pinyin
        (zhao, "赵老师", True, ()),
        (gone, "白老师", False, ()),
    ]
    assert volunteers[0].organisation == "师范学院"
    assert not hasattr(volunteers[0], "phone")  # linking needs the name, not the phone or ID number
    _add(ctx, "wang", "staff")
    ctx.actor = accounts.authenticate(ctx, "wang", "shuwu-77", now=T0)
    with pytest.raises(PermissionDenied):
        accounts.list_linkable_volunteers(ctx)


# --- passwords ----------------------------------------------------------------------------------------------


def test_reset_password_unlocks_forces_change_and_is_audited(ctx: AppContext, admin: Actor) -> None:
    uid = _add(ctx, "wang", "staff")
    accounts.authenticate(ctx, "wang", "shuwu-77", now=T0)
    for i in range(5):
        with pytest.raises(LoginFailed):
            accounts.authenticate(ctx, "wang", f"bad-{i}", now=T0)
    info = accounts.reset_password(ctx, uid, "temp-4321")
    assert info.must_change_password and info.locked_until is None
    assert accounts.authenticate(ctx, "wang", "temp-4321", now=T0).user_id == uid
    reset = _audit(ctx, "password_reset")
    assert len(reset) == 1 and reset[0].entity_id == str(uid) and "temp-4321" not in reset[0].summary


def test_change_own_password(ctx: AppContext, admin: Actor) -> None:
    uid = _add(ctx, "wang", "staff")
    ctx.actor = accounts.authenticate(ctx, "wang", "shuwu-77", now=T0)
    assert accounts.current_user(ctx).must_change_password
    with pytest.raises(ValidationError, match="原密码不正确"):
        accounts.change_own_password(ctx, "not-it", "new-pass-1")
    with pytest.raises(ValidationError, match="不能和原密码相同"):
        accounts.change_own_password(ctx, "shuwu-77", "shuwu-77")
    accounts.change_own_password(ctx, "shuwu-77", "new-pass-1")
    assert not accounts.current_user(ctx).must_change_password
    assert accounts.authenticate(ctx, "wang", "new-pass-1", now=T0).user_id == uid
    with pytest.raises(LoginFailed):
        accounts.authenticate(ctx, "wang", "shuwu-77", now=T0)
    assert _audit(ctx, "password_change")[-1].user_id == uid


def test_command_line_actor_has_no_own_password(ctx: AppContext) -> None:
    with pytest.raises(PermissionDenied):
        accounts.change_own_password(ctx, "a", "b")


# --- demo folders and idle lock -------------------------------------------------------------------------------


def test_ensure_demo_admin_creates_once_and_signs_in(ctx: AppContext) -> None:
    first = accounts.ensure_demo_admin(ctx)
    assert (first.username, first.role, first.display_name) == ("demo", "admin", "演示管理员")
    again = accounts.ensure_demo_admin(ctx)
    assert again.user_id == first.user_id
    assert accounts.is_demo_folder(ctx)
    signed_in = accounts.demo_sign_in(ctx)
    assert signed_in is not None and signed_in.user_id == first.user_id
    assert _audit(ctx, "login")[-1].summary == "演示数据文件夹：演示管理员自动登录"
    with pytest.raises(LoginFailed):  # its password is random: nobody can sign in as it by guessing
        accounts.authenticate(ctx, "demo", "demo", now=T0)


def test_a_demo_folder_with_another_account_no_longer_signs_in_by_itself(ctx: AppContext) -> None:
    """The demo was tried, then somebody started real work on the folder: from then on, passwords."""
    ctx.actor = accounts.ensure_demo_admin(ctx)
    wang = _add(ctx, "wang", "staff")  # e.g. the social worker's account, then real children typed in
    assert accounts.demo_sign_in(ctx) is None
    with pytest.raises(PermissionDenied):
        accounts.ensure_demo_admin(ctx)
    # Nobody can sign in as the demo administrator, so the folder asks for its real administrator (no dead end).
    assert accounts.needs_first_admin(ctx)
    ctx.actor = Actor.nobody()
    accounts.create_first_admin(ctx, "lifang", "李芳", ADMIN_PW)
    assert not accounts.needs_first_admin(ctx)
    assert accounts.demo_sign_in(ctx) is None
    with pytest.raises(PermissionDenied, match="已经有管理员"):
        accounts.create_first_admin(ctx, "zhang", "张", ADMIN_PW)
    # Disabling the other accounts does not bring the auto sign-in back while a real administrator exists…
    ctx.actor = accounts.authenticate(ctx, "lifang", ADMIN_PW, now=T0)
    accounts.set_active(ctx, wang, False)
    assert accounts.demo_sign_in(ctx) is None
    # …and a disabled demo account never signs in.
    demo = next(u for u in accounts.list_users(ctx) if u.username == "demo")
    accounts.set_active(ctx, demo.id, False)
    assert accounts.demo_sign_in(ctx) is None
    assert accounts.is_demo_folder(ctx)  # still flagged until the demo data is cleared: the banner stays


def test_a_folder_that_is_not_flagged_never_signs_in_by_itself(ctx: AppContext) -> None:
    assert accounts.demo_sign_in(ctx) is None  # a brand-new folder: the first-run wizard
    accounts.create_first_admin(ctx, "lifang", "李芳", ADMIN_PW)
    assert accounts.demo_sign_in(ctx) is None
    assert not accounts.is_demo_folder(ctx)


def test_ensure_demo_admin_refuses_a_real_centres_folder(ctx: AppContext, admin: Actor) -> None:
    with pytest.raises(PermissionDenied, match="正式账号"):
        accounts.ensure_demo_admin(ctx)


def test_ensure_demo_admin_refuses_a_real_demo_named_user(ctx: AppContext, admin: Actor) -> None:
    _add(ctx, "demo", "staff")  # a real account that happens to be called demo
    with pytest.raises(PermissionDenied):
        accounts.ensure_demo_admin(ctx)


def test_idle_lock_minutes(ctx: AppContext, admin: Actor) -> None:
    assert accounts.get_idle_lock_minutes(ctx) == 10
    accounts.set_idle_lock_minutes(ctx, 0)
    assert accounts.get_idle_lock_minutes(ctx) == 0
    accounts.set_idle_lock_minutes(ctx, 30)
    assert accounts.get_idle_lock_minutes(ctx) == 30
    for bad in (-1, 121, True, "5"):
        with pytest.raises(ValidationError):
            accounts.set_idle_lock_minutes(ctx, bad)  # type: ignore[arg-type]
    _add(ctx, "wang", "staff")
    ctx.actor = accounts.authenticate(ctx, "wang", "shuwu-77", now=T0)
    with pytest.raises(PermissionDenied, match="社工 无权修改系统设置"):
        accounts.set_idle_lock_minutes(ctx, 5)
    assert accounts.get_idle_lock_minutes(ctx) == 30


def test_desk_mode_is_off_by_default_and_has_its_own_longer_idle_lock(ctx: AppContext, admin: Actor) -> None:
    assert accounts.get_desk_mode(ctx) == accounts.DeskMode(on=False, idle_lock_minutes=60)
    accounts.set_idle_lock_minutes(ctx, 10)
    assert accounts.idle_lock_minutes_in_use(ctx) == 10  # off: the ordinary idle lock
    assert accounts.set_desk_mode(ctx, True, 90) == accounts.DeskMode(on=True, idle_lock_minutes=90)
    assert accounts.get_desk_mode(ctx) == accounts.DeskMode(on=True, idle_lock_minutes=90)
    assert accounts.idle_lock_minutes_in_use(ctx) == 90
    accounts.set_desk_mode(ctx, True, 0)  # never locks
    assert accounts.idle_lock_minutes_in_use(ctx) == 0
    accounts.set_desk_mode(ctx, False, 0)
    assert accounts.idle_lock_minutes_in_use(ctx) == 10
    assert accounts.get_idle_lock_minutes(ctx) == 10  # the ordinary setting is untouched


def test_desk_mode_is_checked_validated_and_audited(ctx: AppContext, admin: Actor) -> None:
    for on, minutes in ((True, -1), (True, accounts.MAX_DESK_IDLE_LOCK_MINUTES + 1), (True, True), (1, 60)):
        with pytest.raises(ValidationError):
            accounts.set_desk_mode(ctx, on, minutes)  # type: ignore[arg-type]
    accounts.set_desk_mode(ctx, True, accounts.MAX_DESK_IDLE_LOCK_MINUTES)
    with ctx.db.read() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.entity_id == accounts.DESK_MODE_KEY)).all()
    assert [(row.action, row.actor) for row in rows] == [("update", admin.username)]
    _add(ctx, "wang", "staff")
    ctx.actor = accounts.authenticate(ctx, "wang", "shuwu-77", now=T0)
    with pytest.raises(PermissionDenied, match="无权修改系统设置"):
        accounts.set_desk_mode(ctx, False)
    assert accounts.get_desk_mode(ctx).on  # anyone reads it (the window and its lock screen need it)
    ctx.actor = Actor.nobody()
    assert accounts.get_desk_mode(ctx).on


def test_desk_mode_reads_a_bad_stored_value_as_off(ctx: AppContext) -> None:
    from center_app.services.settings import set_setting

    set_setting(ctx, accounts.DESK_MODE_KEY, "on")
    assert accounts.get_desk_mode(ctx) == accounts.DeskMode()
    set_setting(ctx, accounts.DESK_MODE_KEY, {"on": True, "idle_lock_minutes": 9999})
    assert accounts.get_desk_mode(ctx) == accounts.DeskMode(on=True, idle_lock_minutes=60)


def test_is_centre_barcode_knows_cards_books_equipment_and_isbns_and_nothing_else(ctx: AppContext) -> None:
    from center_app.db.models import BookCopy, BookTitle, Child
    from center_app.services import equipment

    with ctx.db.session() as s:
        s.add(Child(name="王子涵", name_pinyin="wangzihan", name_initials="wzh", card_barcode="C00012"))
        title = BookTitle(title="西游记", title_pinyin="xiyouji", title_initials="xyj")
        s.add(title)
        s.flush()
        s.add(BookCopy(title_id=title.id, barcode="T0000007", status="available"))
    ropes = equipment.create_item(ctx, equipment.ItemInput("跳绳", quantity=20)).new_barcodes
    keyboard = equipment.create_item(
        ctx, equipment.ItemInput("电子琴", tracking="individual", quantity=1)
    ).new_barcodes
    ctx.actor = Actor.nobody()  # asked at the sign-in screen, before anyone signs in
    cards_and_books = ("C00012", "c00012", "Ｃ０００１２", "T0000007", "t0000007")  # Caps Lock, a Chinese IME
    for code in (*cards_and_books, *ropes, *keyboard, "9787020002207", "702000220X", "702000220x"):
        assert accounts.is_centre_barcode(ctx, code), code
    for code in ("gulou2026", "C00013", "T0000008", "9787020002208", "", "   ", "x" * 100):
        assert not accounts.is_centre_barcode(ctx, code), code


def test_idle_lock_falls_back_on_a_bad_stored_value(ctx: AppContext) -> None:
    from center_app.services.settings import set_setting

    set_setting(ctx, accounts.IDLE_LOCK_KEY, "soon")
    assert accounts.get_idle_lock_minutes(ctx) == 10
