"""Sign-in screen, lock screen, first-run wizard and the change-password dialog, driven by keyboard like a user."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import func, select

from center_app.context import Actor, AppContext
from center_app.db.models import AuditLog, User
from center_app.services import accounts, settings
from center_app.ui.first_run import FirstRunWizard
from center_app.ui.login import ChangePasswordDialog, LoginWidget
from tests.uitools import ime_type

ADMIN_PW = "guLou-2026"
LIB_PW = "shuwu-77"


def _count(ctx: AppContext, model: type) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


@pytest.fixture
def admin(ctx: AppContext) -> Actor:
    accounts.create_first_admin(ctx, "lifang", "李芳", ADMIN_PW)
    return accounts.authenticate(ctx, "lifang", ADMIN_PW)


@pytest.fixture
def librarian(ctx: AppContext, admin: Actor) -> Actor:
    """A librarian account (made by the admin; the store's actor goes back to "nobody signed in")."""
    anonymous = ctx.actor
    ctx.actor = admin
    accounts.create_user(ctx, "chenxia", "陈霞", "librarian", LIB_PW)
    ctx.actor = anonymous
    return accounts.authenticate(ctx, "chenxia", LIB_PW)


def _login(qtbot, ctx: AppContext, **kwargs) -> LoginWidget:
    widget = LoginWidget(ctx, **kwargs)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _type_and_enter(qtbot, widget: LoginWidget, username: str | None, password: str) -> None:
    if username is not None:
        widget.username.clear()
        qtbot.keyClicks(widget.username, username)
    widget.password.clear()
    qtbot.keyClicks(widget.password, password)
    qtbot.keyClick(widget.password, Qt.Key.Key_Return)


# --- sign-in ------------------------------------------------------------------------------------------------


def test_sign_in_emits_the_actor_with_its_role(qtbot, ctx: AppContext, librarian: Actor) -> None:
    widget = _login(qtbot, ctx)
    assert widget.objectName() == "loginScreen"
    assert widget.findChild(QLineEdit, "loginPassword").echoMode() == QLineEdit.EchoMode.Password
    assert widget.heading.text() == settings.DEFAULT_CENTRE_NAME
    with qtbot.waitSignal(widget.signed_in, timeout=3000) as blocker:
        _type_and_enter(qtbot, widget, "chenxia", LIB_PW)
    actor = blocker.args[0]
    assert (actor.username, actor.role, actor.display_name) == ("chenxia", "librarian", "陈霞")
    assert widget.password.text() == ""  # nothing left behind on a shared PC


def test_enter_in_the_username_field_signs_in_too(qtbot, ctx: AppContext, admin: Actor) -> None:
    widget = _login(qtbot, ctx)
    qtbot.keyClicks(widget.password, ADMIN_PW)
    qtbot.keyClicks(widget.username, "LiFang")  # user names are not case-sensitive
    with qtbot.waitSignal(widget.signed_in, timeout=3000) as blocker:
        qtbot.keyClick(widget.username, Qt.Key.Key_Return)
    assert blocker.args[0].role == "admin"


def test_wrong_password_shows_the_message_and_emits_nothing(qtbot, ctx: AppContext, admin: Actor) -> None:
    widget = _login(qtbot, ctx)
    with qtbot.assertNotEmitted(widget.signed_in):
        _type_and_enter(qtbot, widget, "lifang", "wrong-password")
    assert "用户名或密码不正确" in widget.message.text()
    assert "c0392b" in widget.message.styleSheet()  # red
    assert widget.password.text() == "" and widget.focusWidget() is widget.password
    # an unknown name reads exactly the same
    with qtbot.assertNotEmitted(widget.signed_in):
        _type_and_enter(qtbot, widget, "nobody", "wrong-password")
    assert "用户名或密码不正确" in widget.message.text()


def test_five_failures_then_the_lockout_message(qtbot, ctx: AppContext, admin: Actor) -> None:
    widget = _login(qtbot, ctx)
    with qtbot.assertNotEmitted(widget.signed_in):
        for _ in range(accounts.MAX_FAILED_ATTEMPTS):
            _type_and_enter(qtbot, widget, "lifang", "not-it-123")
        # even the right password is refused while locked
        _type_and_enter(qtbot, widget, "lifang", ADMIN_PW)
    text = widget.message.text()
    assert "锁定" in text and "5分钟" in text
    assert "c0392b" in widget.message.styleSheet()


def test_empty_fields_are_not_failed_attempts(qtbot, ctx: AppContext, admin: Actor) -> None:
    widget = _login(qtbot, ctx)
    before = _count(ctx, AuditLog)
    qtbot.keyClick(widget.username, Qt.Key.Key_Return)
    assert widget.message.text() == "请输入用户名。"
    qtbot.keyClicks(widget.username, "lifang")
    qtbot.keyClick(widget.username, Qt.Key.Key_Return)
    assert widget.message.text() == "请输入密码。" and widget.focusWidget() is widget.password
    assert _count(ctx, AuditLog) == before  # nothing recorded, nothing counted


def test_lock_screen_names_the_user_and_lets_another_person_sign_in(
    qtbot,
    ctx: AppContext,
    admin: Actor,
    librarian: Actor,
) -> None:
    widget = _login(qtbot, ctx, locked_for=admin)
    assert widget.subtitle.objectName() == "loginLockedFor"
    assert widget.subtitle.text() == "已锁定：李芳"
    assert widget.username.text() == "lifang"
    assert widget.focusWidget() is widget.password
    with qtbot.waitSignal(widget.signed_in, timeout=3000) as blocker:
        _type_and_enter(qtbot, widget, "chenxia", LIB_PW)
    assert blocker.args[0].username == "chenxia"


def test_reset_clears_password_and_message(qtbot, ctx: AppContext, admin: Actor) -> None:
    widget = _login(qtbot, ctx)
    _type_and_enter(qtbot, widget, "lifang", "wrong-password")
    qtbot.keyClicks(widget.password, "half-typed")
    widget.reset()
    assert widget.password.text() == "" and widget.message.text() == ""
    assert widget.focusWidget() is widget.password  # the user name is there already
    widget.username.clear()
    widget.reset()
    assert widget.focusWidget() is widget.username


# --- first run (the whole wizard, driven through the window: tests/gui/test_first_run.py) ---------------------


def _wizard(qtbot, ctx: AppContext) -> FirstRunWizard:
    widget = FirstRunWizard(ctx)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _centre_and_admin(qtbot, widget: FirstRunWizard, password2: str = ADMIN_PW) -> None:
    centre, admin = widget.steps[0], widget.steps[1]
    ime_type(centre.name, "古楼村留守儿童关爱活动中心")
    ime_type(centre.address, "古楼村小学内")
    qtbot.keyClick(centre.address, Qt.Key.Key_Return)
    qtbot.keyClicks(admin.username, "lifang")
    ime_type(admin.display_name, "李芳")
    qtbot.keyClicks(admin.password, ADMIN_PW)
    admin.password2.setFocus()
    qtbot.keyClicks(admin.password2, password2)
    qtbot.keyClick(admin.password2, Qt.Key.Key_Return)


def test_first_run_wizard_creates_the_admin_with_the_centre_and_signs_in_at_the_end(
    qtbot, ctx: AppContext
) -> None:
    assert accounts.needs_first_admin(ctx)
    widget = _wizard(qtbot, ctx)
    assert widget.objectName() == "firstRunWizard"
    with qtbot.assertNotEmitted(widget.signed_in):
        _centre_and_admin(qtbot, widget)
    assert not accounts.needs_first_admin(ctx)
    centre = settings.get_centre(ctx)
    assert (centre.name, centre.address) == ("古楼村留守儿童关爱活动中心", "古楼村小学内")
    with ctx.db.read() as s:
        centre_entry = s.scalars(select(AuditLog).where(AuditLog.entity == "centre")).one()
        assert centre_entry.actor == "lifang"  # saved as the new administrator, not anonymously
    actor = widget.state.actor  # the later steps act as them; the window signs them in at the end
    assert (actor.username, actor.role, actor.display_name) == ("lifang", "admin", "李芳")


def test_first_run_wizard_ends_with_signed_in(qtbot, ctx: AppContext) -> None:
    widget = _wizard(qtbot, ctx)
    _centre_and_admin(qtbot, widget)
    qtbot.mouseClick(widget.next_button, Qt.MouseButton.LeftButton)  # Chinese
    widget.steps[3].options["empty"].setChecked(True)
    qtbot.mouseClick(widget.next_button, Qt.MouseButton.LeftButton)
    assert widget.current.objectName() == "firstRunBackupStep"
    with qtbot.waitSignal(widget.signed_in, timeout=3000) as blocker:
        qtbot.mouseClick(widget.next_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].username == "lifang"


def test_mismatched_passwords_are_refused_with_nothing_written(qtbot, ctx: AppContext) -> None:
    widget = _wizard(qtbot, ctx)
    _centre_and_admin(qtbot, widget, password2=ADMIN_PW + "x")
    admin = widget.steps[1]
    assert widget.message.text() == "两次输入的密码不一致，请重新输入。"
    assert admin.password.text() == "" and admin.password2.text() == ""
    assert widget.current is admin
    assert (_count(ctx, User), _count(ctx, AuditLog)) == (0, 0)
    assert settings.get_centre(ctx).name == settings.DEFAULT_CENTRE_NAME
    assert accounts.needs_first_admin(ctx)


# --- change password ----------------------------------------------------------------------------------------


def _dialog(qtbot, ctx: AppContext) -> ChangePasswordDialog:
    dialog = ChangePasswordDialog(ctx, forced=True)
    qtbot.addWidget(dialog)
    dialog.open()  # as the app does: never exec()
    qtbot.waitExposed(dialog)
    return dialog


def test_change_password_dialog(qtbot, ctx: AppContext, librarian: Actor) -> None:
    ctx.actor = librarian
    assert accounts.current_user(ctx).must_change_password
    dialog = _dialog(qtbot, ctx)
    assert dialog.findChild(QLineEdit, "changePasswordOld") is dialog.old
    qtbot.keyClicks(dialog.old, LIB_PW)
    qtbot.keyClicks(dialog.new, "wo-de-mima-9")
    qtbot.keyClicks(dialog.new2, "wo-de-mima-9")
    with qtbot.waitSignal(dialog.password_changed, timeout=3000):
        qtbot.keyClick(dialog.new2, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert not accounts.current_user(ctx).must_change_password
    assert accounts.authenticate(ctx, "chenxia", "wo-de-mima-9").username == "chenxia"


def test_change_password_refusals_stay_in_the_dialog(qtbot, ctx: AppContext, librarian: Actor) -> None:
    ctx.actor = librarian
    dialog = _dialog(qtbot, ctx)
    qtbot.keyClicks(dialog.old, LIB_PW)
    qtbot.keyClicks(dialog.new, "wo-de-mima-9")
    qtbot.keyClicks(dialog.new2, "wo-de-mima-8")
    with qtbot.assertNotEmitted(dialog.password_changed):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "两次输入的新密码不一致，请重新输入。"
    dialog.old.clear()
    qtbot.keyClicks(dialog.old, "not-my-password")
    qtbot.keyClicks(dialog.new, "wo-de-mima-9")
    qtbot.keyClicks(dialog.new2, "wo-de-mima-9")
    with qtbot.assertNotEmitted(dialog.password_changed):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "原密码不正确。"
    assert dialog.isVisible()
    assert accounts.current_user(ctx).must_change_password
