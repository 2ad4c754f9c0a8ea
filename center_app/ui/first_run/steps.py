"""The first-run wizard's steps: the centre, the administrator, the language and the backup folder (the start step
— import, demo or empty — is ``start_step.py``). Each writes only in its ``save()``, one service use case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from center_app.services import accounts, backup, settings
from center_app.ui import i18n
from center_app.ui.first_run.step import Step, WizardState, intro_label, line
from center_app.ui.i18n import format_date
from center_app.ui.widgets.messages import show_message

#: each language named in itself: the same words whatever the language shown now (not translated)
LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}


class CentreStep(Step):
    """1. The centre's name and address: they head every printed page. Saved with the administrator (one use case,
    ``accounts.set_up_centre``); after that, going back and changing them saves through ``settings.save_centre``."""

    def __init__(self, state: WizardState, message: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(state, message, parent)
        self.setObjectName("firstRunCentreStep")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.intro = intro_label("firstRunIntro")
        layout.addWidget(self.intro)
        form = QFormLayout()
        form.setSpacing(10)
        self.name = line("firstRunCentreName", max_length=200)
        self.address = line("firstRunCentreAddress", max_length=400)
        self.name_label, self.address_label = QLabel(), QLabel()
        form.addRow(self.name_label, self.name)
        form.addRow(self.address_label, self.address)
        layout.addLayout(form)
        layout.addStretch(1)
        self.fields = [self.name, self.address]
        current = state.centre
        if current.name != settings.DEFAULT_CENTRE_NAME:  # a folder whose demo was cleared keeps nothing here
            self.name.setText(current.name)
        self.address.setText(current.address)
        self.retranslate()

    def title(self) -> str:
        return self.tr("中心信息")

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr("第一次使用，先填中心的名称和地址：打印出来的借书证、催还单和报表，每一页都以它们开头。")
        )
        self.name_label.setText(self.tr("中心名称(&N)："))
        self.name_label.setBuddy(self.name)
        self.address_label.setText(self.tr("地址(&D)："))
        self.address_label.setBuddy(self.address)
        self.name.setPlaceholderText(self.tr("例如：古楼村留守儿童关爱活动中心"))
        self.address.setPlaceholderText(self.tr("例如：广西贺州市钟山县古楼村小学内（可以不填）"))

    def typed(self) -> settings.CentreInfo:
        return replace(self.state.centre, name=self.name.text().strip(), address=self.address.text().strip())

    def save(self) -> bool:
        info = self.typed()
        if self.state.actor is None:
            # Nobody may write yet: checked now, saved with the administrator in the next step.
            checked = self.ops.run(lambda: settings.validate_centre(info), refused=self.message).value
        elif info != self.state.centre:
            admin = self.state.admin_ctx
            checked = self.ops.run(lambda: settings.save_centre(admin, info), refused=self.message).value
        else:
            checked = info
        if checked is None:
            self.name.setFocus()
            return False
        self.state.centre = checked
        return True


class FirstAdminWidget(Step):
    """2. The administrator: creates the first account, with the centre's name and address typed in step 1 and
    their sign-in, in one use case (``accounts.set_up_centre``). The wizard's later steps act as them; the window
    signs them in when the wizard ends. Once saved, the step shows who was created (going back changes nothing)."""

    def __init__(self, state: WizardState, message: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(state, message, parent)
        self.setObjectName("firstRunAdminStep")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.intro = intro_label("firstRunAdminIntro")
        layout.addWidget(self.intro)
        self.form = form = QFormLayout()
        form.setSpacing(10)
        self.username = line("firstRunUsername", max_length=accounts.USERNAME_MAX_WIDTH)
        self.display_name = line("firstRunDisplayName", max_length=accounts.DISPLAY_NAME_MAX)
        self.password = line("firstRunPassword", password=True, max_length=accounts.MAX_PASSWORD_LENGTH)
        self.password2 = line("firstRunPassword2", password=True, max_length=accounts.MAX_PASSWORD_LENGTH)
        self.labels = [QLabel() for _ in range(4)]
        for label, field in zip(
            self.labels, (self.username, self.display_name, self.password, self.password2), strict=True
        ):
            form.addRow(label, field)
            label.setBuddy(field)
        layout.addLayout(form)
        self.created = intro_label("firstRunAdminCreated")
        self.created.hide()
        layout.addWidget(self.created)
        layout.addStretch(1)
        self.fields = [self.username, self.display_name, self.password, self.password2]
        self.retranslate()

    def title(self) -> str:
        return self.tr("管理员账号")

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "第一次使用，请先创建管理员账号：管理员可以添加其他用户、修改设置、备份数据和查看审计日志。"
            )
        )
        self.username.setPlaceholderText(self.tr("登录时输入，例如 lifang"))
        self.display_name.setPlaceholderText(self.tr("例如：李芳"))
        self.password.setPlaceholderText(self.tr("至少6个字符，不要用123456这类常见密码"))
        texts = (self.tr("用户名："), self.tr("姓名："), self.tr("密码："), self.tr("再次输入密码："))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        if self.state.actor is not None:
            self._show_created()

    def _show_created(self) -> None:
        actor = self.state.actor
        assert actor is not None
        self.created.setText(
            self.tr("已创建管理员 %1（%2），并已登录。")
            .replace("%1", actor.username)
            .replace("%2", actor.display_name or actor.username)
        )
        self.created.show()

    def first_focus(self) -> QWidget:
        return self.username if self.state.actor is None else self

    def save(self) -> bool:
        if self.state.actor is not None:
            return True  # created already: the account is changed in 设置 → 用户账号
        password = self.password.text()
        if password != self.password2.text():
            show_message(self.message, self.tr("两次输入的密码不一致，请重新输入。"))
            self.password.clear()
            self.password2.clear()
            self.password.setFocus()
            return False
        centre = self.state.centre
        username, display_name = self.username.text().strip(), self.display_name.text()
        # One use case: the administrator, the centre's name and address and the sign-in together, or nothing.
        actor = self.ops.run(
            lambda: accounts.set_up_centre(
                self.state.ctx,
                username,
                display_name,
                password,
                centre_name=centre.name,
                address=centre.address,
            ),
            refused=self.message,
        ).value
        if actor is None:
            return False
        self.state.actor = actor
        self.password.clear()
        self.password2.clear()
        for field in self.fields:
            field.setEnabled(False)
        for field in (self.password, self.password2):
            self.form.setRowVisible(field, False)  # set: nothing more to type there
        self._show_created()
        return True


class LanguageStep(Step):
    """3. The language: applied at once when picked (the rest of the wizard, and the window after it, in it),
    saved by ``settings.set_language`` on Enter."""

    def __init__(self, state: WizardState, message: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(state, message, parent)
        self.setObjectName("firstRunLanguageStep")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.intro = intro_label("firstRunLanguageIntro")
        layout.addWidget(self.intro)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for code in settings.LANGUAGES:
            button = QRadioButton(LANGUAGE_NAMES.get(code, code), self)
            button.setObjectName(f"firstRunLanguage_{code}")
            self.group.addButton(button)
            self.buttons[code] = button
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)  # as wide as its text: a click on it hits
            button.toggled.connect(lambda on, code=code: self.apply(code) if on else None)
        self.buttons.get(i18n.current_language(), self.buttons[settings.DEFAULT_LANGUAGE]).setChecked(True)
        layout.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("语言")

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr("程序用哪种语言显示？选好马上生效，以后可以在“设置”里改。用方向键选择，按回车继续。")
        )

    def chosen(self) -> str:
        return next((code for code, button in self.buttons.items() if button.isChecked()), "zh_CN")

    def first_focus(self) -> QWidget:
        return self.buttons[self.chosen()]

    def apply(self, language: str) -> None:
        """Show the wizard in ``language`` now (nothing saved until Enter)."""
        app = QCoreApplication.instance()
        if app is not None and language != i18n.current_language():
            i18n.install_language(app, language)  # every widget gets a LanguageChange: the steps retranslate

    def save(self) -> bool:
        language, admin = self.chosen(), self.state.admin_ctx
        return self.ops.run(lambda: settings.set_language(admin, language), refused=self.message).ok


class BackupStep(Step):
    """5. The backup folder (a USB stick) every automatic backup is copied to as well, and when the first backup
    runs, in words (``backup.backup_schedule``). Saved by ``backup.set_backup_folder``; empty: only this PC."""

    def __init__(self, state: WizardState, message: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(state, message, parent)
        self.setObjectName("firstRunBackupStep")
        #: seam the tests replace: the native folder dialog is modal
        self.choose_folder: Callable[[], str] = lambda: QFileDialog.getExistingDirectory(
            self, self.tr("选择备份文件夹（如 U 盘）")
        )
        self.schedule: backup.BackupSchedule | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.intro = intro_label("firstRunBackupIntro")
        layout.addWidget(self.intro)
        row = QHBoxLayout()
        self.folder_label = QLabel()
        self.folder = line("firstRunBackupFolder", max_length=1000)
        self.folder_label.setBuddy(self.folder)
        self.choose = QPushButton()
        self.choose.setObjectName("firstRunBackupChoose")
        self.choose.setAutoDefault(True)
        self.choose.clicked.connect(self._choose)
        row.addWidget(self.folder_label)
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        layout.addLayout(row)
        self.when = intro_label("firstRunBackupWhen")
        layout.addWidget(self.when)
        layout.addStretch(1)
        self.fields = [self.folder]
        self.folder.textChanged.connect(lambda _text: self._say_when())
        self.retranslate()

    def title(self) -> str:
        return self.tr("备份")

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "程序会自动备份数据。再选一个备份文件夹，最好在 U 盘或另一个磁盘上：每次自动备份都会再复制一份"
                "到那里，电脑坏了数据也还在。不选也可以，备份就只在这台电脑上。"
            )
        )
        self.folder_label.setText(self.tr("备份文件夹(&B)："))
        self.folder.setPlaceholderText(self.tr("例如 U 盘上的一个文件夹（可以不选）"))
        self.choose.setText(self.tr("选择文件夹(&F)…"))
        self._say_when()

    def entered(self) -> None:
        admin = self.state.admin_ctx
        self.schedule = self.ops.run(lambda: backup.backup_schedule(admin), refused=self.message).value
        if self.schedule is not None and self.schedule.folder is not None and not self.folder.text():
            self.folder.setText(str(self.schedule.folder))
        self._say_when()

    def _choose(self) -> None:
        chosen = self.choose_folder()
        if chosen:
            self.folder.setText(chosen)
            self.folder.setFocus()

    def _say_when(self) -> None:
        """When the first backup runs, in words: the service's schedule, with the folder as typed now."""
        schedule = self.schedule
        if schedule is None:
            self.when.clear()
            return
        day = (
            self.tr("今天")
            if schedule.next_at_exit == dt.date.today()
            else format_date(schedule.next_at_exit)
        )
        if self.folder.text().strip():
            first = self.tr(
                "第一次备份到这个文件夹：%1关闭程序时。那时请插好 U 盘；没插时只备份在这台电脑上，下次再复制。"
            ).replace("%1", day)
        else:
            first = self.tr("第一次自动备份：%1关闭程序时，备份在这台电脑的数据文件夹里。").replace("%1", day)
        later = (
            self.tr(
                "以后每次关闭程序时都会备份；超过一天没有备份时，打开程序后也会马上备份一次。"
                "保留最近 %1 天、%2 周和 %3 个月的备份。"
            )
            .replace("%1", str(schedule.keep_daily))
            .replace("%2", str(schedule.keep_weekly))
            .replace("%3", str(schedule.keep_monthly))
        )
        self.when.setText(first + "\n" + later)

    def save(self) -> bool:
        folder, admin = self.folder.text().strip(), self.state.admin_ctx
        saved = self.ops.run(lambda: backup.set_backup_folder(admin, folder or None), refused=self.message)
        if not saved.ok:
            self.folder.setFocus()
            return False
        if saved.value is not None:
            self.folder.setText(str(saved.value))
        return True
