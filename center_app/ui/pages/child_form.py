"""儿童档案表单 and 回访记录: the inline panels that replace the child's detail beside the roster (never a modal
dialog — the desk keeps working and tests never block).

``ChildForm`` registers a new child or edits one: the profile fields, the guardians and pick-up people (edited in a
small sub-form under their table), the library-card number. Nothing is written until 保存 (Ctrl+S), which is one
service call (``children.save_child_file``: the whole file in one transaction): every problem of the profile and of
the people is listed at once in red and nothing is saved; 取消 (Esc) drops every change, guardians included. Enter moves to the next field. Fields of a group the role may not write are disabled, groups
it may not read are hidden (docs/permissions.md); the services check again.

``FollowUpForm`` records a social worker's 回访 through ``early_warning.record_follow_up``, so a resolved follow-up
clears the child's absence warnings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain import children as dom
from center_app.domain.children import ChildInput, FieldError, GuardianInput, PickupInput
from center_app.domain.errors import DomainError, ValidationError
from center_app.domain.permissions import CHILD_FIELD_GROUPS, READ, WRITE, allowed
from center_app.services import children as service
from center_app.services import early_warning
from center_app.services.children import ChildDetail
from center_app.ui.i18n import format_date
from center_app.ui.widgets.messages import show_message

MUTED = "color: #64748b;"
# Child column → its permission group (``name`` → ``child.basic``); dotted names are the people's fields.
GROUP_OF: dict[str, str] = {
    name: group for group, names in CHILD_FIELD_GROUPS.items() for name in names if "." not in name
}
# What a follow-up was about: the early-warning kinds (stored as codes) plus the other usual reasons.
FOLLOW_UP_REASONS: dict[str, str] = {
    **early_warning.KIND_LABELS,
    "special_attention": "重点关注",
    "left": "离开中心",
}


def heading(text: str, *, size: int = 3) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSize(font.pointSize() + size)
    font.setBold(True)
    label.setFont(font)
    return label


def section_heading(text: str) -> QLabel:
    """A group title inside a form: bold, with a rule under it so the long form reads as blocks."""
    label = heading(text, size=1)
    label.setStyleSheet("border-bottom: 1px solid #cbd5e1; padding-top: 6px; padding-bottom: 2px;")
    return label


def reason_label(reason: str) -> str:
    return FOLLOW_UP_REASONS.get(reason, reason)


def problem_text(exc: DomainError) -> str:
    """Every problem on its own line: a form with four mistakes shows four lines, not one long sentence."""
    if isinstance(exc, ValidationError) and exc.problems:
        return "\n".join(f"• {line}" for line in exc.problems)
    return exc.message


def _line(name: str, limit: int, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setMaxLength(limit)
    edit.setPlaceholderText(placeholder)
    return edit


def _note(name: str, lines: int = 2) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def _choices(name: str, items: Sequence[tuple[str, Any]], *, editable: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setEditable(editable)
    if editable:
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    for text, data in items:
        combo.addItem(text, data)
    return combo


def _select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


class EnterMovesOn(QObject):
    """Enter in a one-line field moves to the next field of ``order`` (people type a form top to bottom); Enter in
    the last one calls ``on_last`` (e.g. "add this guardian")."""

    def __init__(
        self, owner: QWidget, order: Callable[[], list[QWidget]], on_last: Callable[[], object] | None = None
    ) -> None:
        super().__init__(owner)
        self.order = order
        self.on_last = on_last

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            widget.installEventFilter(self)
            if isinstance(widget, QComboBox) and widget.lineEdit() is not None:
                widget.lineEdit().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and isinstance(watched, QWidget)
        ):
            widgets = [w for w in self.order() if w.isVisible() and w.isEnabled()]
            current = next((w for w in widgets if w is watched or w.isAncestorOf(watched)), None)
            if current is not None:
                at = widgets.index(current)
                if at + 1 < len(widgets):
                    widgets[at + 1].setFocus()
                    if isinstance(widgets[at + 1], QLineEdit):
                        widgets[at + 1].selectAll()
                elif self.on_last is not None:
                    self.on_last()
                return True
        return super().eventFilter(watched, event)


# --- guardians and pick-up people ---------------------------------------------------------------------------


@dataclass
class PersonEntry:
    """One row of a people table. Pending until the profile is saved: ``id`` None = to add; ``changed`` = to
    update; ``removed`` = to delete."""

    id: int | None
    data: GuardianInput | PickupInput
    changed: bool = False
    removed: bool = False


@dataclass(frozen=True)
class _FieldSpec:
    key: str
    header: str
    kind: str  # text | phone | relation | literacy | age | primary
    group: str = "child.family"


class PeopleEditor(QWidget):
    """A small table of people with 添加/修改/删除 and a sub-form under it (no dialog)."""

    changed = Signal()

    def __init__(self, kind: str, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind  # guardian | pickup
        prefix = "childFormGuardian" if kind == "guardian" else "childFormPickup"
        self.setObjectName(prefix + "Box")
        self.entries: list[PersonEntry] = []
        self._editing: PersonEntry | None = None
        if kind == "guardian":
            self.specs = [
                _FieldSpec("name", self.tr("姓名"), "text"),
                _FieldSpec("relation", self.tr("关系"), "relation"),
                _FieldSpec("phone", self.tr("电话"), "phone", "child.phones"),
                _FieldSpec("age", self.tr("年龄"), "age"),
                _FieldSpec("health", self.tr("健康状况"), "text"),
                _FieldSpec("literacy", self.tr("文化程度"), "literacy"),
                _FieldSpec("is_primary", self.tr("主要"), "primary"),
            ]
        else:
            self.specs = [
                _FieldSpec("name", self.tr("姓名"), "text"),
                _FieldSpec("relation", self.tr("关系"), "relation"),
                _FieldSpec("phone", self.tr("电话"), "phone", "child.phones"),
            ]
        self.can_write = allowed(role, "child.family", WRITE)
        self.role = role

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.table = QTableWidget(0, len(self.specs))
        self.table.setObjectName("childFormGuardians" if kind == "guardian" else "childFormPickups")
        self.table.setHorizontalHeaderLabels([s.header for s in self.specs])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setHighlightSections(False)
        self._row_height = self.fontMetrics().height() + 8
        self.table.verticalHeader().setDefaultSectionSize(self._row_height)
        self.table.doubleClicked.connect(lambda _i: self.start_edit())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        for col, spec in enumerate(self.specs):
            self.table.setColumnHidden(col, not allowed(role, spec.group, READ))
        layout.addWidget(self.table)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("添加…"))
        self.add_button.setObjectName(prefix + "Add")
        self.add_button.clicked.connect(self.start_add)
        self.edit_button = QPushButton(self.tr("修改…"))
        self.edit_button.setObjectName(prefix + "Edit")
        self.edit_button.clicked.connect(self.start_edit)
        self.remove_button = QPushButton(self.tr("删除"))
        self.remove_button.setObjectName(prefix + "Remove")
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        # The sub-form: one person's fields in a row or two, 确定 puts them in the table (still unsaved).
        self.editor = QFrame()
        self.editor.setObjectName(prefix + "Editor")
        self.editor.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self.editor)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        self.inputs: dict[str, QWidget] = {}
        relations = [("", ""), *((r, r) for r in dom.RELATIONS)]
        for position, spec in enumerate(self.specs):
            name = prefix + spec.key.title().replace("_", "")
            widget: QWidget
            if spec.kind == "relation":
                widget = _choices(name, relations, editable=True)
                widget.lineEdit().setPlaceholderText(self.tr("如 祖母、外公"))
            elif spec.kind == "literacy":
                widget = _choices(name, [("", ""), *((x, x) for x in dom.LITERACY_LEVELS)], editable=True)
            elif spec.kind == "primary":
                widget = QCheckBox(self.tr("主要监护人"))
                widget.setObjectName(name.replace("IsPrimary", "Primary"))
            elif spec.kind == "age":
                widget = _line(name, 4, self.tr("岁"))
            elif spec.kind == "phone":
                widget = _line(name, 30, self.tr("手机或带区号的座机"))
            else:
                widget = _line(name, dom.NAME_MAX if spec.key == "name" else dom.GUARDIAN_HEALTH_MAX)
            self.inputs[spec.key] = widget
            row, col = divmod(position, 3)
            if spec.kind == "primary":
                grid.addWidget(widget, row, col * 2, 1, 2)
            else:
                grid.addWidget(QLabel(spec.header + self.tr("：")), row, col * 2)
                grid.addWidget(widget, row, col * 2 + 1)
        for spec in self.specs:  # a phone number needs child.phones, the rest child.family
            self.inputs[spec.key].setEnabled(allowed(role, spec.group, WRITE))
        self.editor_message = QLabel()
        self.editor_message.setObjectName(prefix + "Message")
        self.editor_message.setWordWrap(True)
        ok_row = QHBoxLayout()
        self.ok_button = QPushButton(self.tr("确定"))
        self.ok_button.setObjectName(prefix + "Ok")
        self.ok_button.clicked.connect(lambda: self.apply_editor())
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setObjectName(prefix + "Cancel")
        self.cancel_button.clicked.connect(self.close_editor)
        ok_row.addWidget(self.editor_message, 1)
        ok_row.addWidget(self.ok_button)
        ok_row.addWidget(self.cancel_button)
        last_row = (len(self.specs) + 2) // 3
        grid.addLayout(ok_row, last_row, 0, 1, 6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setColumnStretch(5, 1)
        self.editor.hide()
        layout.addWidget(self.editor)
        # Enter in the sub-form moves on; Enter in its last field means 确定.
        self._enter = EnterMovesOn(self, lambda: list(self.inputs.values()), self.apply_editor)
        self._enter.watch(*self.inputs.values())
        self._update_buttons()

    # --- state ----------------------------------------------------------------------------------------

    def load(self, entries: list[PersonEntry]) -> None:
        self.entries = entries
        self.close_editor()
        self._fill()

    def _visible(self) -> list[PersonEntry]:
        return [e for e in self.entries if not e.removed]

    def _fill(self) -> None:
        shown = self._visible()
        self.table.setRowCount(len(shown))
        for row, entry in enumerate(shown):
            for col, spec in enumerate(self.specs):
                value = getattr(entry.data, spec.key)
                if spec.kind == "primary":
                    text = "✓" if value else ""
                else:
                    text = "" if value is None else str(value)
                item = QTableWidgetItem(text)
                if spec.kind in ("primary", "age"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        for col, spec in enumerate(self.specs):
            # The free-text column takes the spare width; the others fit their content.
            stretch = spec.key == ("health" if self.kind == "guardian" else "phone")
            header.setSectionResizeMode(
                col, QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.ResizeToContents
            )
        # As tall as its rows plus an empty one (room to see "add" works), two to four rows.
        rows = min(max(len(shown) + 1, 2), 4)
        self.table.setFixedHeight(header.sizeHint().height() + self._row_height * rows + 4)
        self._update_buttons()

    def _selected(self) -> PersonEntry | None:
        rows = self.table.selectionModel().selectedRows()
        shown = self._visible()
        return shown[rows[0].row()] if rows and rows[0].row() < len(shown) else None

    def _update_buttons(self) -> None:
        selected = self._selected() is not None
        self.add_button.setEnabled(self.can_write)
        self.edit_button.setEnabled(self.can_write and selected)
        self.remove_button.setEnabled(self.can_write and selected)

    # --- sub-form -------------------------------------------------------------------------------------

    def start_add(self) -> None:
        self._editing = None
        self._set_inputs(None)
        self.ok_button.setText(self.tr("添加"))
        self.editor.show()
        self.inputs["name"].setFocus()

    def start_edit(self) -> None:
        entry = self._selected()
        if entry is None or not self.can_write:
            return
        self._editing = entry
        self._set_inputs(entry.data)
        self.ok_button.setText(self.tr("确定"))
        self.editor.show()
        self.inputs["name"].setFocus()

    def _set_inputs(self, data: GuardianInput | PickupInput | None) -> None:
        self.editor_message.clear()
        for spec in self.specs:
            widget = self.inputs[spec.key]
            value = getattr(data, spec.key) if data is not None else None
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QComboBox):
                widget.setEditText("" if value is None else str(value))
            elif isinstance(widget, QLineEdit):
                widget.setText("" if value is None else str(value))

    def _read_inputs(self) -> GuardianInput | PickupInput:
        values: dict[str, Any] = {}
        for spec in self.specs:
            widget = self.inputs[spec.key]
            if isinstance(widget, QCheckBox):
                values[spec.key] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                values[spec.key] = widget.currentText()
            elif isinstance(widget, QLineEdit):
                values[spec.key] = widget.text()
        if self._editing is not None:
            for spec in self.specs:
                if not allowed(self.role, spec.group, WRITE):
                    values[spec.key] = getattr(
                        self._editing.data, spec.key
                    )  # a disabled field keeps its value
        return GuardianInput(**values) if self.kind == "guardian" else PickupInput(**values)

    def has_typed_anything(self) -> bool:
        return any(
            (w.text() if isinstance(w, QLineEdit) else w.currentText()).strip()
            for w in self.inputs.values()
            if isinstance(w, QLineEdit | QComboBox)
        )

    def apply_editor(self) -> list[str]:
        """Check the sub-form and put the person in the table (saved with the profile). Returns the problems
        (shown under the sub-form); none means done."""
        if not self.editor.isVisible():
            return []
        try:
            data = self._read_inputs().validated()
        except ValidationError as exc:
            show_message(self.editor_message, problem_text(exc))
            return exc.problems or [exc.message]
        if isinstance(data, GuardianInput) and data.is_primary:
            for other in self.entries:  # one primary guardian, as the service keeps it
                if (
                    other is not self._editing
                    and isinstance(other.data, GuardianInput)
                    and other.data.is_primary
                ):
                    other.data = GuardianInput(**{**other.data.values(), "is_primary": False})
                    other.changed = other.id is not None
        if self._editing is not None:
            if self._editing.data != data:
                self._editing.data, self._editing.changed = data, True
        else:
            self.entries.append(PersonEntry(None, data))
        self.close_editor()
        self._fill()
        self.changed.emit()
        return []

    def close_editor(self) -> None:
        self._editing = None
        self.editor_message.clear()
        self.editor.hide()

    def remove_selected(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        if entry.id is None:
            self.entries.remove(entry)
        else:
            entry.removed = True
        if self._editing is entry:
            self.close_editor()
        self._fill()
        self.changed.emit()

    def pending(self) -> service.PeopleChanges:
        """What 保存 does with this table (the service applies it with the rest of the file, or nothing)."""
        remove: list[int] = []
        update: list[tuple[int, Any]] = []
        add: list[Any] = []
        for entry in self.entries:
            if entry.id is not None and entry.removed:
                remove.append(entry.id)
            elif entry.id is not None and entry.changed:
                update.append((entry.id, entry.data))
            elif entry.id is None and not entry.removed:
                add.append(entry.data)
        return service.PeopleChanges(tuple(remove), tuple(update), tuple(add))


# --- the profile form ---------------------------------------------------------------------------------------


class ChildForm(QWidget):
    """A child's profile: new (``start_new``) or an existing one (``start_edit``). Emits ``saved`` after a commit."""

    #: (child id, message to show)
    saved = Signal(int, str)
    closed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("childForm")
        self.ctx = ctx
        self.role = ctx.actor.role
        self.editing: ChildDetail | None = None
        self._assign_card = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        outer.setSpacing(6)
        top = QHBoxLayout()
        self.heading = heading("")
        self.heading.setObjectName("childFormHeading")
        top.addWidget(self.heading, 1)
        self.save_button = QPushButton(self.tr("保存  Ctrl+S"))
        self.save_button.setObjectName("childFormSave")
        self.save_button.clicked.connect(lambda: self.save())
        self.cancel_button = QPushButton(self.tr("取消  Esc"))
        self.cancel_button.setObjectName("childFormCancel")
        self.cancel_button.clicked.connect(self.cancel)
        top.addWidget(self.save_button)
        top.addWidget(self.cancel_button)
        outer.addLayout(top)
        # Above the scrolling part: a problem is seen whatever field the user is looking at.
        self.message = QLabel()
        self.message.setObjectName("childFormMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        outer.addWidget(self.message)

        body = QWidget()
        body.setObjectName("childFormBody")
        self.grid = QGridLayout(body)
        self.grid.setContentsMargins(0, 0, 8, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(3, 1)
        self._row = 0
        self._col = 0
        # (group, label, widget) of each field: the role decides what is shown and what may be changed
        self._fields: list[tuple[str, QLabel | None, QWidget]] = []

        self._section(self.tr("基本信息"))
        self.name = _line("childFormName", dom.NAME_MAX)
        self.gender = _choices(
            "childFormGender", [("", ""), (self.tr("男"), "male"), (self.tr("女"), "female")]
        )
        self.birth_date = _line("childFormBirthDate", 20, self.tr("如 2015-3-2 或 2015年3月2日"))
        self.birth_hint = QLabel()
        self.birth_hint.setObjectName("childFormBirthHint")
        self.birth_hint.setStyleSheet(MUTED)
        self.birth_date.editingFinished.connect(self._birth_entered)
        birth_box = QWidget()
        birth_row = QHBoxLayout(birth_box)
        birth_row.setContentsMargins(0, 0, 0, 0)
        birth_row.addWidget(self.birth_date, 1)
        birth_row.addWidget(self.birth_hint)
        self.grade = _choices(
            "childFormGrade", [("", None), *((label, g) for g, label in dom.GRADES.items())]
        )
        self.class_name = _choices("childFormClass", [("", "")], editable=True)
        self.class_name.lineEdit().setMaxLength(dom.CLASS_MAX)
        self.class_name.lineEdit().setPlaceholderText(self.tr("如 三年级2班"))
        self.class_name.currentTextChanged.connect(self._class_changed)
        self.school = _line("childFormSchool", dom.SCHOOL_MAX)
        self.village = _line("childFormVillage", dom.VILLAGE_MAX, self.tr("如 古楼村5组"))
        self.card = _line("childFormCard", dom.CARD_MAX, self.tr("扫描借书证，或点“分配新号”"))
        self.card.textEdited.connect(self._card_typed)
        self.card_assign = QPushButton(self.tr("分配新号"))
        self.card_assign.setObjectName("childFormCardAssign")
        self.card_assign.setToolTip(self.tr("保存时分配下一个未用过的借书证号（C00001 起）"))
        self.card_assign.clicked.connect(self._assign_next_card)
        card_box = QWidget()
        card_row = QHBoxLayout(card_box)
        card_row.setContentsMargins(0, 0, 0, 0)
        card_row.addWidget(self.card, 1)
        card_row.addWidget(self.card_assign)
        self.address = _line("childFormAddress", dom.ADDRESS_MAX)
        self._pair("child.basic", self.tr("姓名*"), self.name)
        self._pair("child.basic", self.tr("性别"), self.gender)
        self._pair("child.profile", self.tr("出生日期"), birth_box, self.birth_date)
        self._pair("child.basic", self.tr("年级"), self.grade)
        self._pair("child.basic", self.tr("班级"), self.class_name)
        self._pair("child.profile", self.tr("学校"), self.school)
        self._pair("child.profile", self.tr("村/组"), self.village)
        self._pair("child.basic", self.tr("借书证号"), card_box, self.card)
        self._wide("child.profile", self.tr("家庭住址"), self.address)

        self._section(self.tr("家庭"))
        self.left_behind = _choices(
            "childFormLeftBehind", [(label, code) for code, label in dom.LEFT_BEHIND_TYPES.items()]
        )
        self.special = QCheckBox(self.tr("重点关注（社工定期回访）"))
        self.special.setObjectName("childFormSpecial")
        self.father_city = _line("childFormFatherCity", dom.CITY_MAX, self.tr("如 广东深圳"))
        self.father_phone = _line("childFormFatherPhone", 30)
        self.mother_city = _line("childFormMotherCity", dom.CITY_MAX)
        self.mother_phone = _line("childFormMotherPhone", 30)
        self._pair("child.profile", self.tr("留守类型"), self.left_behind)
        self._pair("child.profile", "", self.special)
        self._pair("child.family", self.tr("父亲务工地"), self.father_city)
        self._pair("child.phones", self.tr("父亲电话"), self.father_phone)
        self._pair("child.family", self.tr("母亲务工地"), self.mother_city)
        self._pair("child.phones", self.tr("母亲电话"), self.mother_phone)

        self.guardians = PeopleEditor("guardian", self.role)
        self.pickups = PeopleEditor("pickup", self.role)
        self.guardians_heading = self._section(self.tr("监护人"))
        self._block("child.family", self.guardians)
        self.pickups_heading = self._section(self.tr("接送人（可以来接孩子的人）"))
        self._block("child.family", self.pickups)

        self.health_heading = self._section(self.tr("健康与备注"))
        self.health = _note("childFormHealth")
        self.health.setPlaceholderText(self.tr("如 哮喘，随身带喷雾"))
        self.allergy = _note("childFormAllergy")
        self.allergy.setPlaceholderText(self.tr("如 花生过敏"))
        self.notes = _note("childFormNotes")
        self._wide("child.health", self.tr("健康状况"), self.health)
        self._wide("child.health", self.tr("过敏"), self.allergy)
        self._wide("child.profile", self.tr("备注"), self.notes)
        self.grid.setRowStretch(self._row + 1, 1)

        self.scroll = QScrollArea()
        self.scroll.setObjectName("childFormScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)
        outer.addWidget(self.scroll, 1)
        hint = QLabel(self.tr("回车：下一项　Ctrl+S：保存　Esc：取消（不保存任何修改）"))
        hint.setObjectName("childFormHint")
        hint.setStyleSheet(MUTED)
        outer.addWidget(hint)

        self._enter = EnterMovesOn(self, self._order)
        self._enter.watch(
            self.name,
            self.gender,
            self.birth_date,
            self.grade,
            self.class_name,
            self.school,
            self.village,
            self.card,
            self.address,
            self.left_behind,
            self.special,
            self.father_city,
            self.father_phone,
            self.mother_city,
            self.mother_phone,
        )
        save = QShortcut(QKeySequence("Ctrl+S"), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(lambda: self.save())
        self._apply_role()

    # --- building -------------------------------------------------------------------------------------

    def _order(self) -> list[QWidget]:
        return [
            self.name,
            self.gender,
            self.birth_date,
            self.grade,
            self.class_name,
            self.school,
            self.village,
            self.card,
            self.address,
            self.left_behind,
            self.special,
            self.father_city,
            self.father_phone,
            self.mother_city,
            self.mother_phone,
            self.guardians.add_button,
        ]

    def _next_row(self) -> None:
        if self._col:
            self._row += 1
            self._col = 0

    def _section(self, text: str) -> QLabel:
        self._next_row()
        label = section_heading(text)
        self.grid.addWidget(label, self._row, 0, 1, 4)
        self._row += 1
        return label

    def _pair(
        self, group: str, label_text: str, widget: QWidget, field_widget: QWidget | None = None
    ) -> None:
        """Two fields a row: the form stays short enough for 768 pixels without hiding anything."""
        label = QLabel(label_text + self.tr("：") if label_text else "")
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setBuddy(field_widget or widget)
        self.grid.addWidget(label, self._row, self._col * 2)
        self.grid.addWidget(widget, self._row, self._col * 2 + 1)
        self._fields.append((group, label, widget))
        self._col += 1
        if self._col == 2:
            self._next_row()

    def _wide(self, group: str, label_text: str, widget: QWidget) -> None:
        self._next_row()
        label = QLabel(label_text + self.tr("："))
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        label.setBuddy(widget)
        self.grid.addWidget(label, self._row, 0)
        self.grid.addWidget(widget, self._row, 1, 1, 3)
        self._fields.append((group, label, widget))
        self._row += 1

    def _block(self, group: str, widget: QWidget) -> None:
        self._next_row()
        self.grid.addWidget(widget, self._row, 0, 1, 4)
        self._fields.append((group, None, widget))
        self._row += 1

    def _apply_role(self) -> None:
        """Hide the groups the role may not read; disable the ones it may not change."""
        for group, label, widget in self._fields:
            readable = allowed(self.role, group, READ)
            if label is not None:
                label.setVisible(readable)
            widget.setVisible(readable)
            widget.setEnabled(allowed(self.role, group, WRITE))
        family = allowed(self.role, "child.family", READ)
        self.guardians_heading.setVisible(family)
        self.pickups_heading.setVisible(family)
        self.health_heading.setVisible(
            allowed(self.role, "child.health", READ) or allowed(self.role, "child.profile", READ)
        )
        self.card_assign.setEnabled(allowed(self.role, "child.basic", WRITE))

    # --- opening --------------------------------------------------------------------------------------

    def set_classes(self, classes: Sequence[str]) -> None:
        text = self.class_name.currentText()
        self.class_name.blockSignals(True)
        self.class_name.clear()
        self.class_name.addItem("", "")
        for name in classes:
            self.class_name.addItem(name, name)
        self.class_name.setEditText(text)
        self.class_name.blockSignals(False)

    def start_new(self) -> None:
        self.editing = None
        self.heading.setText(self.tr("登记新儿童"))
        self._load(ChildInput(name=""), (), ())
        self.name.setFocus()

    def start_edit(self, detail: ChildDetail) -> None:
        self.editing = detail
        self.heading.setText(self.tr("修改档案：%1").replace("%1", detail.name))
        self._load(
            detail.as_input(),
            [PersonEntry(g.id, _guardian_input(g)) for g in detail.guardians],
            [PersonEntry(p.id, PickupInput(p.name, p.relation, p.phone)) for p in detail.pickup_people],
        )
        self.name.setFocus()
        self.name.selectAll()

    def _load(
        self, data: ChildInput, guardians: Sequence[PersonEntry], pickups: Sequence[PersonEntry]
    ) -> None:
        self._assign_card = False
        self.message.clear()
        self.message.hide()
        self.name.setText(data.name)
        _select_data(self.gender, data.gender or "")
        birth = data.birth_date
        self.birth_date.setText(birth.isoformat() if isinstance(birth, dt.date) else str(birth or ""))
        self._birth_entered()
        _select_data(self.grade, data.grade)
        self.class_name.blockSignals(True)
        self.class_name.setEditText(data.class_name)
        self.class_name.blockSignals(False)
        self.school.setText(data.school)
        self.village.setText(data.village)
        self.address.setText(data.address)
        self.card.setText(data.card_barcode or "")
        self.card.setPlaceholderText(self.tr("扫描借书证，或点“分配新号”"))
        _select_data(self.left_behind, data.left_behind_type or dom.NOT_LEFT_BEHIND)
        self.special.setChecked(bool(data.special_attention))
        self.father_city.setText(data.father_work_city)
        self.father_phone.setText(data.father_phone)
        self.mother_city.setText(data.mother_work_city)
        self.mother_phone.setText(data.mother_phone)
        self.health.setPlainText(data.health_notes)
        self.allergy.setPlainText(data.allergy_notes)
        self.notes.setPlainText(data.notes)
        self.guardians.load(list(guardians))
        self.pickups.load(list(pickups))
        self.scroll.verticalScrollBar().setValue(0)

    # --- small helpers while typing -------------------------------------------------------------------

    def _birth_entered(self) -> None:
        """Show the date as stored and the age, or say at once what is wrong (Save says it again)."""
        text = self.birth_date.text().strip()
        if not text:
            self.birth_hint.clear()
            return
        try:
            day = dom.parse_date(text)
        except FieldError as exc:
            show_message(self.birth_hint, self.tr("日期无法识别"))
            self.birth_hint.setToolTip(exc.reason)
            return
        self.birth_date.setText(day.isoformat())
        today = dt.date.today()
        if day > today:
            show_message(self.birth_hint, self.tr("晚于今天"))
        else:
            self.birth_hint.setStyleSheet(MUTED)
            self.birth_hint.setText(self.tr("%1 岁").replace("%1", str(dom.age_on(day, today))))
        self.birth_hint.setToolTip(format_date(day))

    def _class_changed(self, text: str) -> None:
        # "三年级2班" says the grade: fill it in, so the two never disagree by accident.
        grade = dom.class_grade(text)
        if grade is not None:
            _select_data(self.grade, grade)

    def _assign_next_card(self) -> None:
        self._assign_card = True
        self.card.clear()
        old = self.editing.card_barcode if self.editing is not None else None
        self.card.setPlaceholderText(
            self.tr("保存时补办新号，旧号 %1 作废").replace("%1", old)
            if old
            else self.tr("保存时自动分配下一个借书证号")
        )

    def _card_typed(self, _text: str) -> None:
        self._assign_card = False  # a scanned or typed number wins over "assign the next one"

    # --- saving ---------------------------------------------------------------------------------------

    def _input(self) -> ChildInput:
        """The profile as typed; fields the role may not change keep their stored values."""
        base = self.editing.as_input().values() if self.editing is not None else ChildInput(name="").values()
        typed: dict[str, Any] = {
            "name": self.name.text(),
            "gender": self.gender.currentData() or "",
            "birth_date": self.birth_date.text().strip() or None,
            "grade": self.grade.currentData(),
            "class_name": self.class_name.currentText(),
            "school": self.school.text(),
            "village": self.village.text(),
            "address": self.address.text(),
            "left_behind_type": self.left_behind.currentData(),
            "special_attention": self.special.isChecked(),
            "father_work_city": self.father_city.text(),
            "father_phone": self.father_phone.text(),
            "mother_work_city": self.mother_city.text(),
            "mother_phone": self.mother_phone.text(),
            "health_notes": self.health.toPlainText(),
            "allergy_notes": self.allergy.toPlainText(),
            "notes": self.notes.toPlainText(),
            # "assign the next number" keeps the current card; save_child_file(new_card=True) replaces it
            "card_barcode": base["card_barcode"] if self._assign_card else (self.card.text().strip() or None),
        }
        values = {
            key: value
            for key, value in typed.items()
            if allowed(self.role, GROUP_OF.get(key, "child.profile"), WRITE)
        }
        return ChildInput.from_values({**base, **values})

    def _problems(self) -> list[str]:
        """Everything wrong with the form, people included, without writing anything."""
        problems: list[str] = []
        for editor in (self.guardians, self.pickups):
            if editor.editor.isVisible() and editor.has_typed_anything():
                problems += editor.apply_editor()  # a person typed but not yet "确定" is saved too
            elif editor.editor.isVisible():
                editor.close_editor()  # an empty sub-form the user opened and left
        try:
            self._input().validated()
        except ValidationError as exc:
            problems = [*(exc.problems or [exc.message]), *problems]
        return problems

    def save(self) -> int | None:
        """Save everything or nothing (see the module doc): one service call, one transaction — a refusal leaves
        the database as it was and the form as typed. Returns the child's id, or None."""
        problems = self._problems()
        if problems:
            self._show_problems(problems)
            return None
        try:
            saved = service.save_child_file(
                self.ctx,
                self.editing.id if self.editing is not None else None,
                self._input(),
                self.guardians.pending(),
                self.pickups.pending(),
                new_card=self._assign_card,
            )
        except DomainError as exc:
            problems = exc.problems if isinstance(exc, ValidationError) and exc.problems else [exc.message]
            self._show_problems(problems)
            return None
        name = saved.detail.name
        if saved.created:
            text = self.tr("已登记 %1。").replace("%1", name)
        else:
            text = self.tr("已保存 %1 的档案。").replace("%1", name)
        if saved.new_card:
            text += " " + self.tr("借书证号：%1").replace("%1", saved.new_card)
        self.saved.emit(saved.detail.id, text)
        return saved.detail.id

    def _show_problems(self, problems: list[str]) -> None:
        text = self.tr("没有保存，请改正：") + "\n" + "\n".join(f"• {line}" for line in problems)
        show_message(self.message, text)
        self.message.show()

    def cancel(self) -> None:
        self.editing = None
        self.closed.emit()

    def escape(self) -> None:
        """Esc: closes an open guardian/pick-up sub-form first, then the form (nothing saved)."""
        for editor in (self.guardians, self.pickups):
            if editor.editor.isVisible():
                editor.close_editor()
                editor.add_button.setFocus()
                return
        self.cancel()


def _guardian_input(g: service.GuardianRow) -> GuardianInput:
    return GuardianInput(g.name, g.relation, g.phone, g.age, g.health, g.literacy, bool(g.is_primary))


# --- follow-up ----------------------------------------------------------------------------------------------


class FollowUpForm(QWidget):
    """记录回访: date, how, why, what was said, what came of it, what next, and whether it is dealt with."""

    #: (child id, message)
    saved = Signal(int, str)
    closed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpForm")
        self.ctx = ctx
        self.child_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.heading = heading("")
        self.heading.setObjectName("followUpHeading")
        top.addWidget(self.heading, 1)
        self.save_button = QPushButton(self.tr("保存  Ctrl+S"))
        self.save_button.setObjectName("followUpSave")
        self.save_button.clicked.connect(lambda: self.save())
        self.cancel_button = QPushButton(self.tr("取消  Esc"))
        self.cancel_button.setObjectName("followUpCancel")
        self.cancel_button.clicked.connect(self.closed.emit)
        top.addWidget(self.save_button)
        top.addWidget(self.cancel_button)
        layout.addLayout(top)
        self.message = QLabel()
        self.message.setObjectName("followUpMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.on_date = _line("followUpDate", 20, self.tr("如 2026-11-29"))
        self.method = _choices(
            "followUpMethod", [(label, code) for code, label in early_warning.FOLLOW_UP_METHODS.items()]
        )
        self.reason = _choices(
            "followUpReason",
            [("", ""), *((label, code) for code, label in FOLLOW_UP_REASONS.items())],
            editable=True,
        )
        self.reason.lineEdit().setMaxLength(early_warning.FOLLOW_UP_REASON_MAX)
        self.reason.lineEdit().setPlaceholderText(self.tr("选择或输入"))
        self.note = _note("followUpNote", 3)
        self.note.setPlaceholderText(self.tr("了解到的情况"))
        self.outcome = _note("followUpOutcome", 2)
        self.next_step = _note("followUpNextStep", 2)
        self.next_step.setPlaceholderText(self.tr("如 一个月后再回访"))
        self.resolved = QCheckBox(self.tr("已处理（该儿童当前的缺勤预警随之消除）"))
        self.resolved.setObjectName("followUpResolved")
        grid.addWidget(QLabel(self.tr("日期：")), 0, 0)
        grid.addWidget(self.on_date, 0, 1)
        grid.addWidget(QLabel(self.tr("方式：")), 0, 2)
        grid.addWidget(self.method, 0, 3)
        wide = [
            (self.tr("原因"), self.reason),
            (self.tr("回访内容"), self.note),
            (self.tr("结果"), self.outcome),
            (self.tr("下一步"), self.next_step),
        ]
        for row, (label, widget) in enumerate(wide, start=1):
            caption = QLabel(label + self.tr("："))
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(caption, row, 0)
            grid.addWidget(widget, row, 1, 1, 3)
        grid.addWidget(self.resolved, len(wide) + 1, 1, 1, 3)
        layout.addLayout(grid)
        layout.addStretch(1)
        self._enter = EnterMovesOn(self, lambda: [self.on_date, self.method, self.reason, self.note])
        self._enter.watch(self.on_date, self.method, self.reason)
        save = QShortcut(QKeySequence("Ctrl+S"), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(lambda: self.save())

    def start(self, child_id: int, child_label: str) -> None:
        self.child_id = child_id
        self.heading.setText(self.tr("记录回访：%1").replace("%1", child_label))
        self.message.clear()
        self.on_date.setText(dt.date.today().isoformat())
        self.method.setCurrentIndex(0)
        self.reason.setCurrentIndex(0)
        for edit in (self.note, self.outcome, self.next_step):
            edit.clear()
        self.resolved.setChecked(True)
        self.note.setFocus()

    def save(self) -> bool:
        if self.child_id is None:
            return False
        problems: list[str] = []
        on_date: dt.date | None = None
        text = self.on_date.text().strip()
        if not text:
            problems.append(self.tr("请填写回访日期。"))
        else:
            try:
                on_date = dom.parse_date(text)
            except FieldError as exc:
                problems.append(self.tr("“回访日期”") + exc.reason)
        if not self.note.toPlainText().strip() and not self.outcome.toPlainText().strip():
            problems.append(
                self.tr("请填写回访内容或结果。")
            )  # the service's rule, said together with the date's
        # A chosen reason is stored as its code (so the warning list can tell which warning it answers).
        reason_text = self.reason.currentText().strip()
        index = self.reason.findText(reason_text)
        reason = self.reason.itemData(index) if index > 0 else reason_text
        try:
            if problems or on_date is None:
                raise ValidationError("", problems)
            early_warning.record_follow_up(
                self.ctx,
                self.child_id,
                on_date,
                self.method.currentData(),
                self.note.toPlainText(),
                self.outcome.toPlainText(),
                self.next_step.toPlainText(),
                self.resolved.isChecked(),
                reason,
            )
        except DomainError as exc:
            lines = exc.problems if isinstance(exc, ValidationError) and exc.problems else [exc.message]
            show_message(self.message, self.tr("没有保存：") + " ".join(lines))
            return False
        self.saved.emit(self.child_id, self.tr("已记录回访。"))
        return True
