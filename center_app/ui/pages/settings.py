"""设置: the centre's name and address (they head every printed page) and the UI language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from center_app import __version__
from center_app.context import AppContext
from center_app.domain.errors import DomainError
from center_app.services import settings
from center_app.ui.events import DataEvents
from center_app.ui.pages.base import Page, page_title, vbox

LANGUAGE_LABELS = {"zh_CN": "中文（简体）", "en": "English"}


class SettingsPage(Page):
    areas = ("centre", "settings")

    def __init__(
        self,
        ctx: AppContext,
        events: DataEvents,
        on_language_changed: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, events, parent)
        self.setObjectName("settingsPage")
        self._on_language_changed = on_language_changed
        layout = vbox(self)
        layout.addWidget(page_title(self.tr("设置")))

        form = QFormLayout()
        form.setSpacing(10)
        self.name = self._line("settingsCentreName", 200)
        self.address = self._line("settingsAddress", 400)
        self.phone = self._line("settingsPhone", 50)
        self.contact = self._line("settingsContact", 100)
        form.addRow(self.tr("中心名称："), self.name)
        form.addRow(self.tr("地址："), self.address)
        form.addRow(self.tr("电话："), self.phone)
        form.addRow(self.tr("联系人："), self.contact)

        self.language = QComboBox()
        self.language.setObjectName("settingsLanguage")
        for code, label in LANGUAGE_LABELS.items():
            self.language.addItem(label, code)
        form.addRow(self.tr("界面语言："), self.language)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存(&S)"))
        self.save_button.setObjectName("settingsSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.message = QLabel()
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        where = QLabel(
            self.tr("数据文件夹：%1").replace("%1", str(ctx.data_dir.root))
            + "\n"
            + self.tr("版本：%1").replace("%1", __version__)
        )
        where.setObjectName("settingsDataFolder")
        where.setWordWrap(True)
        layout.addWidget(where)
        layout.addStretch(1)
        for edit in (self.name, self.address, self.phone, self.contact):
            edit.returnPressed.connect(self.save)

    def _line(self, object_name: str, max_length: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(object_name)
        edit.setMaxLength(max_length)
        return edit

    def refresh(self) -> None:
        centre = settings.get_centre(self.ctx)
        self.name.setText(centre.name)
        self.address.setText(centre.address)
        self.phone.setText(centre.phone)
        self.contact.setText(centre.contact_person)
        index = self.language.findData(settings.get_language(self.ctx))
        self.language.setCurrentIndex(max(index, 0))
        super().refresh()

    def save(self) -> bool:
        info = settings.CentreInfo(
            self.name.text(), self.address.text(), self.phone.text(), self.contact.text()
        )
        try:
            language = self.language.currentData()
            language_changed = language != settings.get_language(self.ctx)
            settings.save_general(self.ctx, info, language)
        except DomainError as exc:
            self.message.setStyleSheet("color: #c0392b;")
            self.message.setText(exc.message)
            return False
        self.message.setStyleSheet("color: #1e8449;")
        self.message.setText(self.tr("已保存。"))
        self.events.data_changed.emit("centre")
        if language_changed and self._on_language_changed is not None:
            self._on_language_changed(language)
        return True
