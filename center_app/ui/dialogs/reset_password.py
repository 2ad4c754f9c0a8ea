"""重置密码: the administrator gives a user who forgot their password a new one (the user changes it at sign-in)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from center_app.services import accounts
from center_app.services.accounts import UserInfo
from center_app.ui.operations import Operations


class ResetPasswordDialog(QDialog):
    """Asks for a temporary password for one account. Non-modal use: ``open()``; emits ``password_chosen``."""

    password_chosen = Signal(int, str)  # user id, new password

    def __init__(self, user: UserInfo, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsResetDialog")
        self.setWindowTitle(self.tr("重置密码"))
        self.user = user
        self.ops = ops
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        who = QLabel(
            self.tr("为 %1 设置一个临时密码。对方下次登录时必须改成自己的密码。").replace(
                "%1", f"{user.display_name}（{user.username}）"
            )
        )
        who.setWordWrap(True)
        layout.addWidget(who)
        form = QFormLayout()
        self.password = QLineEdit()
        self.password.setObjectName("accountsResetNewPassword")
        self.password.setMaxLength(accounts.MAX_PASSWORD_LENGTH)
        self.password.setMinimumWidth(240)
        # Shown in clear: the administrator has to read it out or write it down for the user anyway.
        form.addRow(self.tr("临时密码："), self.password)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("accountsResetMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.ok = QPushButton(self.tr("重置(&R)"))
        self.ok.setObjectName("accountsResetOk")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self._submit)
        cancel = QPushButton(self.tr("取消"))
        cancel.setObjectName("accountsResetCancel")
        cancel.clicked.connect(self.reject)
        buttons.addWidget(self.ok)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        self.password.returnPressed.connect(self._submit)
        self.setMinimumWidth(440)

    def _submit(self) -> None:
        password = self.password.text()
        checked = self.ops.run(
            lambda: accounts.check_password(password, username=self.user.username), refused=self.message
        )
        if not checked.ok:
            return
        self.password_chosen.emit(self.user.id, self.password.text())
        self.accept()
