"""Signing in: the sign-in / lock screen and changing one's password (the first-run wizard, shown while there is no
administrator yet, is ``ui/first_run``).

These widgets only talk to ``services.accounts``; the app decides what to do with the ``Actor`` they emit (put it in
``ctx.actor``, show the main window). They never change ``ctx.actor`` themselves.

The sign-in screen knows about scanners: a child's card or a book scanned at it (a fast, code-shaped burst ending
in Enter, told from typing by ``widgets.scanner_input.KeyBursts``, that is one of the centre's barcodes) is not a
password attempt — the fields are put back as they were, a message asks to sign in first, and nothing is counted
or audited. In 借还台模式 the lock screen keeps
the last such scan (``kept``) for the main window to do after the next sign-in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain.actor import Actor
from center_app.domain.errors import DomainError
from center_app.services import accounts, settings
from center_app.ui.operations import Operations
from center_app.ui.widgets.messages import show_message
from center_app.ui.widgets.scanner_input import KeyBursts
from center_app.ui.widgets.sound import DeskSound

log = logging.getLogger(__name__)


def _line(object_name: str, *, password: bool = False, max_length: int = 64) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(object_name)
    edit.setMaxLength(max_length)
    edit.setMinimumWidth(260)
    if password:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _bigger(widget: QWidget, points: int, *, bold: bool = False) -> None:
    font = widget.font()
    font.setPointSize(font.pointSize() + points)
    font.setBold(bold)
    widget.setFont(font)


def _centre_name(ctx: AppContext) -> str:
    try:
        return settings.get_centre(ctx).name
    except DomainError:  # a damaged store still gets a sign-in screen
        return settings.DEFAULT_CENTRE_NAME


class _Card(QFrame):
    """A framed box centred in its parent: sign-in forms look lost stretched across a 1366-wide screen."""

    def __init__(self, outer: QWidget, width: int) -> None:
        super().__init__(outer)
        self.setObjectName("loginCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMaximumWidth(width)
        self.inner = QVBoxLayout(self)
        self.inner.setContentsMargins(28, 24, 28, 24)
        self.inner.setSpacing(12)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self, 3)
        row.addStretch(1)
        column = QVBoxLayout(outer)
        column.addStretch(1)
        column.addLayout(row)
        column.addStretch(2)


@dataclass(frozen=True)
class KeptScan:
    """A scan the lock screen kept in 借还台模式: the code, and when (milliseconds on the lock screen's clock)."""

    code: str
    at: float


class LoginWidget(QWidget):
    """The sign-in screen, also used as the lock screen (``locked_for`` = who was signed in).

    On the lock screen anybody may sign in — that is how the next person takes over the shared PC without closing
    the app; the app compares the emitted actor with ``locked_for`` if it cares.

    ``keep_scans`` (借还台模式, lock screen only): the last card or book scanned at the lock screen is kept in
    ``kept`` for the app to do after the next sign-in (see ``kept_scan_age_ms``).
    """

    signed_in = Signal(object)  # Actor

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        locked_for: Actor | None = None,
        keep_scans: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginScreen")
        self.ctx = ctx
        self.ops = Operations(ctx)  # the app decides what follows (signed_in, password_changed)
        self.locked_for = locked_for
        self.keep_scans = keep_scans and locked_for is not None
        #: a scanner's burst + Enter in the fields, told from typing; its clock is the seam tests move by hand.
        #: Only the centre's own barcodes count as scans: a fast password of any other shape still signs in.
        self.bursts = KeyBursts(accepts=self._is_centre_barcode)
        self.kept: KeptScan | None = None
        self.sound = DeskSound()  # ``sound.player`` is a seam: tests record instead of beeping
        card = _Card(self, 520)

        self.heading = QLabel(_centre_name(ctx))
        self.heading.setObjectName("loginCentreName")
        self.heading.setWordWrap(True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        _bigger(self.heading, 6, bold=True)
        card.inner.addWidget(self.heading)

        if locked_for is not None:
            who = locked_for.display_name or locked_for.username
            subtitle = self.tr("已锁定：%1").replace("%1", who)
            hint = self.tr("输入密码继续使用；换人使用时，请输入自己的用户名和密码。")
        else:
            subtitle = self.tr("请登录")
            hint = ""
        self.subtitle = QLabel(subtitle)
        self.subtitle.setObjectName("loginLockedFor" if locked_for is not None else "loginSubtitle")
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        _bigger(self.subtitle, 2)
        card.inner.addWidget(self.subtitle)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setWordWrap(True)
            hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            card.inner.addWidget(hint_label)

        form = QFormLayout()
        form.setSpacing(10)
        self.username = _line("loginUsername")
        self.password = _line("loginPassword", password=True, max_length=accounts.MAX_PASSWORD_LENGTH)
        form.addRow(self.tr("用户名(&U)："), self.username)
        form.addRow(self.tr("密码(&P)："), self.password)
        for field in (self.username, self.password):
            _bigger(field, 2)
        card.inner.addLayout(form)

        self.button = QPushButton(self.tr("登录(&L)"))
        self.button.setObjectName("loginButton")
        self.button.setDefault(True)
        self.button.setMinimumHeight(36)
        self.button.clicked.connect(self.sign_in)
        card.inner.addWidget(self.button)

        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(40)  # room for the two-line lockout message without the card jumping
        card.inner.addWidget(self.message)

        self.username.returnPressed.connect(self.sign_in)
        self.password.returnPressed.connect(self.sign_in)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.button)
        for widget in (self.username, self.password, self.button):
            widget.installEventFilter(self)  # before the field sees a key: a scan's Enter never signs in
        if locked_for is not None:
            self.username.setText(locked_for.username)
        self.reset()

    @property
    def clock(self) -> Callable[[], float]:
        """Milliseconds since some fixed point (scan timing, the kept scan's age); tests replace it."""
        return self.bursts.clock

    @clock.setter
    def clock(self, clock: Callable[[], float]) -> None:
        self.bursts.clock = clock

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if isinstance(watched, QWidget) and watched in (self.username, self.password, self.button):
            code = self.bursts.watch(watched, event)
            if code is not None:
                self.scanned(code)
                return True  # the Enter of a scan: no sign-in attempt, nothing counted
        return super().eventFilter(watched, event)

    def _is_centre_barcode(self, code: str) -> bool:
        return bool(
            self.ops.run(lambda: accounts.is_centre_barcode(self.ctx, code), refused=log.warning).value
        )

    def scanned(self, code: str) -> None:
        """A card or book scanned at the sign-in screen (the fields are already as they were before it)."""
        if self.locked_for is None:
            show_message(self.message, self.tr("请先登录再扫码"))
        elif self.keep_scans:
            self.kept = KeptScan(code, self.clock())
            show_message(
                self.message,
                self.tr("屏幕已锁定，请先登录再扫码。已记下 %1，登录后自动办理。").replace("%1", code),
            )
        else:
            show_message(self.message, self.tr("屏幕已锁定，请先登录再扫码"))
        self.sound.refused()

    def kept_scan_age_ms(self) -> float | None:
        """How long ago the kept scan was made (None: nothing kept)."""
        return None if self.kept is None else self.clock() - self.kept.at

    def reset(self) -> None:
        """Clear the password and the message, and put the cursor where typing starts."""
        self.password.clear()
        self.message.clear()
        (self.password if self.username.text().strip() else self.username).setFocus()

    def sign_in(self) -> Actor | None:
        username = self.username.text().strip()
        password = self.password.text()
        # Nothing typed is not a failed attempt: it must not count towards the lock or fill the audit log.
        if not username:
            show_message(self.message, self.tr("请输入用户名。"))
            self.username.setFocus()
            return None
        if not password:
            show_message(self.message, self.tr("请输入密码。"))
            self.password.setFocus()
            return None
        actor = self.ops.run(
            lambda: accounts.authenticate(self.ctx, username, password), refused=self.message
        ).value
        if actor is None:
            self.password.clear()
            self.password.setFocus()
            return None
        self.password.clear()
        self.message.clear()
        self.signed_in.emit(actor)
        return actor


class ChangePasswordDialog(QDialog):
    """Change one's own password (``ctx.actor`` must be the signed-in user). Open with ``open()``, never ``exec()``.

    ``forced=True`` is for an account whose password was set by the administrator (``must_change_password``): it
    says why, and the app should sign the user out if the dialog is rejected.
    """

    password_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, forced: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("修改密码"))
        self.ctx = ctx
        self.ops = Operations(ctx)  # the app decides what follows (signed_in, password_changed)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        if forced:
            why = QLabel(self.tr("这是管理员为你设置的临时密码。请设置一个只有你自己知道的新密码。"))
            why.setObjectName("changePasswordReason")
            why.setWordWrap(True)
            layout.addWidget(why)

        form = QFormLayout()
        form.setSpacing(10)
        self.old = _line("changePasswordOld", password=True, max_length=accounts.MAX_PASSWORD_LENGTH)
        self.new = _line("changePasswordNew", password=True, max_length=accounts.MAX_PASSWORD_LENGTH)
        self.new.setPlaceholderText(self.tr("至少6个字符"))
        self.new2 = _line("changePasswordNew2", password=True, max_length=accounts.MAX_PASSWORD_LENGTH)
        form.addRow(self.tr("原密码（临时密码）：") if forced else self.tr("原密码："), self.old)
        form.addRow(self.tr("新密码："), self.new)
        form.addRow(self.tr("再次输入新密码："), self.new2)
        layout.addLayout(form)

        self.message = QLabel()
        self.message.setObjectName("changePasswordMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.ok = QPushButton(self.tr("确定(&O)"))
        self.ok.setObjectName("changePasswordOk")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.submit)
        self.cancel = QPushButton(self.tr("退出登录") if forced else self.tr("取消"))
        self.cancel.setObjectName("changePasswordCancel")
        self.cancel.clicked.connect(self.reject)
        buttons.addWidget(self.ok)
        buttons.addWidget(self.cancel)
        layout.addLayout(buttons)

        self.old.returnPressed.connect(self.new.setFocus)
        self.new.returnPressed.connect(self.new2.setFocus)
        self.new2.returnPressed.connect(self.submit)
        self.setTabOrder(self.old, self.new)
        self.setTabOrder(self.new, self.new2)
        self.setTabOrder(self.new2, self.ok)
        self.setMinimumWidth(460)
        self.old.setFocus()

    def submit(self) -> bool:
        if self.new.text() != self.new2.text():
            show_message(self.message, self.tr("两次输入的新密码不一致，请重新输入。"))
            self.new.clear()
            self.new2.clear()
            self.new.setFocus()
            return False
        old, new = self.old.text(), self.new.text()
        if not self.ops.run(
            lambda: accounts.change_own_password(self.ctx, old, new), refused=self.message
        ).ok:
            return False
        for edit in (self.old, self.new, self.new2):
            edit.clear()
        self.password_changed.emit()
        self.accept()
        return True
