"""考勤代码 (settings tab): the marks a roll call offers — 出勤, 缺勤, 迟到, 请假 as seeded — their keys, what each
counts as in the attendance rate, the one "all present" fills in and the one a late check-in gets. Centres differ
(some record 病假 and 事假 apart, some no lateness). Administrators change them; others see them read-only.

Every change (add, edit, remove) saves the whole set at once through ``attendance.save_codes``, which checks it
(``domain.attendance.validate_codes``) and refuses to remove a code already used by marks; its message is shown
whole, and nothing is saved.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain import attendance as rules
from center_app.domain.attendance import CodeConfig, CodeDef
from center_app.domain.permissions import READ, WRITE, allowed
from center_app.services import attendance
from center_app.ui.events import Area, DataEvents
from center_app.ui.pages.base import Page, page_title, vbox
from center_app.ui.widgets.messages import show_message

COLUMNS = 6  # 代码 名称 快捷键 算作 默认 迟到


class AttendanceCodesTab(Page):
    areas = (Area.SETTINGS,)

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(ctx, events, parent)
        self.setObjectName("attendanceCodesTab")
        role = ctx.actor.role
        self.can_write = allowed(role, "settings", WRITE)
        self.can_read = self.can_write or allowed(role, "settings", READ)
        self.config: CodeConfig | None = None
        self._editing: CodeDef | None = None  # the code the form changes; None: a new one

        layout = vbox(self)
        layout.addWidget(page_title(self.tr("考勤代码")))
        intro = QLabel(
            self.tr(
                "点名时按快捷键标记。算作出勤和缺勤的代码决定出勤率，不计的（如请假）不算在出勤率里。"
                "“全部出勤”填入默认代码；签到晚于规定时间的孩子记为迟到代码。"
                "修改后立即保存，以前的考勤统计也按新的设置计算。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("attendanceCodesTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("代码"),
                self.tr("名称"),
                self.tr("快捷键"),
                self.tr("算作"),
                self.tr("默认"),
                self.tr("迟到"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # 不计（如请假） shown whole
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumWidth(560)
        self.table.setMinimumHeight(150)
        self.table.setMaximumHeight(320)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.show_edit_form())
        # The codes and their buttons on the left, the form beside them: below the table it left too little height
        # on a 1366×768 screen.
        body = QHBoxLayout()
        body.setSpacing(16)
        codes = QVBoxLayout()
        codes.addWidget(self.table)

        row = QHBoxLayout()
        self.add_button = self._button("attendanceCodesAdd", self.tr("添加代码(&A)"), self.show_add_form)
        self.edit_button = self._button("attendanceCodesEdit", self.tr("修改(&M)…"), self.show_edit_form)
        self.remove_button = self._button("attendanceCodesRemove", self.tr("删除(&D)"), self.remove_selected)
        for button in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        codes.addLayout(row)
        codes.addStretch(1)
        body.addLayout(codes, 3)
        body.addWidget(self._build_form(), 2, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(body)

        self.message = QLabel()
        self.message.setObjectName("attendanceCodesMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(24)
        layout.addWidget(self.message)
        layout.addStretch(1)
        if not self.can_write:
            show_message(self.message, self.tr("只有管理员可以修改考勤代码。"))
        self._update_buttons()

    # --- building ------------------------------------------------------------------------------------------------

    def _button(self, object_name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(object_name)
        button.setAutoDefault(True)
        button.clicked.connect(slot)
        return button

    def _build_form(self) -> QGroupBox:
        self.form = QGroupBox()
        self.form.setObjectName("attendanceCodeForm")
        self.form.setMaximumWidth(520)
        form = QFormLayout(self.form)
        form.setSpacing(8)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("attendanceCodeCode")
        self.code_edit.setMaxLength(10)
        self.code_edit.setPlaceholderText(self.tr("1–10 个英文字母或数字，例如 S"))
        self.label_edit = QLineEdit()
        self.label_edit.setObjectName("attendanceCodeLabel")
        self.label_edit.setMaxLength(rules.CODE_LABEL_MAX)
        self.label_edit.setPlaceholderText(self.tr("点名和打印时显示，例如 病假"))
        self.shortcut_edit = QLineEdit()
        self.shortcut_edit.setObjectName("attendanceCodeShortcut")
        self.shortcut_edit.setMaxLength(1)
        self.shortcut_edit.setMaximumWidth(60)
        self.kind = QComboBox()
        self.kind.setObjectName("attendanceCodeKind")
        self.kind.addItem(self.tr("出勤"), rules.PRESENT)
        self.kind.addItem(self.tr("缺勤"), rules.ABSENT)
        self.kind.addItem(self.tr("不计（如请假）"), rules.EXCUSED)
        self.default_box = QCheckBox(self.tr("默认代码（“全部出勤”时填入）"))
        self.default_box.setObjectName("attendanceCodeDefault")
        self.late_box = QCheckBox(self.tr("迟到代码（签到晚于规定时间时使用）"))
        self.late_box.setObjectName("attendanceCodeLate")
        form.addRow(self.tr("代码："), self.code_edit)
        form.addRow(self.tr("名称："), self.label_edit)
        form.addRow(self.tr("快捷键："), self.shortcut_edit)
        form.addRow(self.tr("算作："), self.kind)
        form.addRow(self.default_box)
        form.addRow(self.late_box)
        buttons = QHBoxLayout()
        self.save_button = self._button("attendanceCodeSave", self.tr("保存(&S)"), self.save_form)
        self.cancel_button = self._button("attendanceCodeCancel", self.tr("取消"), self.hide_form)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.code_edit.returnPressed.connect(self.label_edit.setFocus)
        self.label_edit.returnPressed.connect(self.shortcut_edit.setFocus)
        self.shortcut_edit.returnPressed.connect(self.save_form)
        self.form.setVisible(False)
        return self.form

    # --- state ---------------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.ensure_fresh()

    def refresh(self) -> None:
        selected = self.selected_code()
        loaded = self.ops.run(lambda: attendance.get_codes(self.ctx), refused=self.message)
        self._show(loaded.value)
        if selected is not None:
            self.select_code(selected.code)
        super().refresh()

    def _show(self, config: CodeConfig | None) -> None:
        self.config = config
        codes = config.codes if config is not None else ()
        self.table.setRowCount(len(codes))
        for row, code in enumerate(codes):
            assert config is not None
            cells = [
                code.code,
                code.label,
                code.shortcut or "—",
                self.kind_label(code),
                "✓" if code.code == config.default_code else "",
                "✓" if code.code == config.late_code else "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self._update_buttons()

    def kind_label(self, code: CodeDef) -> str:
        index = self.kind.findData(code.kind)
        return self.kind.itemText(index) if index >= 0 else str(code.kind)

    def selected_code(self) -> CodeDef | None:
        rows = self.table.selectionModel().selectedRows()
        if self.config is None or not rows or rows[0].row() >= len(self.config.codes):
            return None
        return self.config.codes[rows[0].row()]

    def select_code(self, code: str) -> None:
        if self.config is None:
            return
        for row, c in enumerate(self.config.codes):
            if c.code == code:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        selected = self.selected_code() is not None
        self.add_button.setEnabled(self.can_write and self.config is not None)
        self.edit_button.setEnabled(self.can_write and selected)
        self.remove_button.setEnabled(self.can_write and selected)

    # --- actions -------------------------------------------------------------------------------------------------

    def show_add_form(self) -> None:
        if not self.can_write or self.config is None:
            return
        self._editing = None
        self.form.setTitle(self.tr("添加考勤代码"))
        self.code_edit.setEnabled(True)
        for edit in (self.code_edit, self.label_edit, self.shortcut_edit):
            edit.clear()
        self.kind.setCurrentIndex(self.kind.findData(rules.EXCUSED))
        self.default_box.setChecked(False)
        self.late_box.setChecked(False)
        self.message.clear()
        self.form.setVisible(True)
        self.code_edit.setFocus()

    def show_edit_form(self) -> bool:
        code = self.selected_code()
        if not self.can_write or code is None or self.config is None:
            if self.can_write:
                show_message(self.message, self.tr("请先在表格中选中一个代码。"))
            return False
        self._editing = code
        self.form.setTitle(self.tr("修改考勤代码 %1").replace("%1", code.code))
        self.code_edit.setText(code.code)
        # The code is what the stored marks refer to; its name is what people see, and may change.
        self.code_edit.setEnabled(False)
        self.label_edit.setText(code.label)
        self.shortcut_edit.setText(code.shortcut)
        self.kind.setCurrentIndex(max(self.kind.findData(code.kind), 0))
        self.default_box.setChecked(code.code == self.config.default_code)
        self.late_box.setChecked(code.code == self.config.late_code)
        self.message.clear()
        self.form.setVisible(True)
        self.label_edit.setFocus()
        self.label_edit.selectAll()
        return True

    def hide_form(self) -> None:
        self._editing = None
        self.form.setVisible(False)
        self.add_button.setFocus()

    def _typed(self) -> CodeDef:
        kind = self.kind.currentData()
        return CodeDef(
            code=self.code_edit.text(),
            label=self.label_edit.text(),
            counts_present=kind == rules.PRESENT,
            counts_absent=kind == rules.ABSENT,
            shortcut=self.shortcut_edit.text(),
        )

    def save_form(self) -> CodeConfig | None:
        config = self.config
        if config is None or not self.form.isVisible():
            return None
        editing = self._editing
        typed = self._typed()
        if editing is None:
            last = max((c.sort_order for c in config.codes), default=0)
            codes = [*config.codes, replace(typed, sort_order=last + 1)]  # new codes come last
            was = ""
        else:
            typed = replace(typed, code=editing.code, sort_order=editing.sort_order)
            codes = [typed if c.code == editing.code else c for c in config.codes]
            was = editing.code
        # The boxes speak for this code: ticked, it becomes the default (late) code; unticked, it stops being it.
        default = typed.code if self.default_box.isChecked() else config.default_code
        if not self.default_box.isChecked() and was and default == was:
            default = ""  # the service asks for another default
        late = typed.code if self.late_box.isChecked() else config.late_code
        if not self.late_box.isChecked() and was and late == was:
            late = ""  # the centre no longer records lateness
        saved = self._save(CodeConfig(tuple(codes), default_code=default, late_code=late))
        if saved is None:
            return None  # the form stays open with what was typed
        # As stored (upper case, trimmed): the new code is the last one, an edited one keeps its code.
        code = saved.codes[-1] if editing is None else saved.get(editing.code) or typed
        self.form.setVisible(False)
        self._editing = None
        text = self.tr("已添加考勤代码 %1。") if editing is None else self.tr("已保存考勤代码 %1。")
        show_message(self.message, text.replace("%1", code.label), ok=True)
        self.select_code(code.code)
        return saved

    def remove_selected(self) -> CodeConfig | None:
        code = self.selected_code()
        config = self.config
        if not self.can_write or code is None or config is None:
            return None
        if code.code == config.default_code:
            show_message(
                self.message,
                self.tr("“%1”是默认代码，不能删除。请先把另一个算作出勤的代码设为默认代码。").replace(
                    "%1", code.label
                ),
            )
            return None
        late = "" if code.code == config.late_code else config.late_code  # removing it: no lateness recorded
        codes = tuple(c for c in config.codes if c.code != code.code)
        saved = self._save(CodeConfig(codes, default_code=config.default_code, late_code=late))
        if saved is None:
            return None
        self.hide_form()
        show_message(self.message, self.tr("已删除考勤代码 %1。").replace("%1", code.label), ok=True)
        return saved

    def _save(self, config: CodeConfig) -> CodeConfig | None:
        # Rates, the roll call's keys and the printed register's legend all follow the codes.
        saved = self.ops.run(
            lambda: attendance.save_codes(self.ctx, config),
            changes=(Area.SETTINGS, Area.ATTENDANCE),
            refused=self.message,
        ).value
        if saved is not None:
            self.ensure_fresh()  # announced: a visible tab has reloaded; a hidden one does now
        return saved

