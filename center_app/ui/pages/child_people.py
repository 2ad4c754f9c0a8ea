"""The guardians and the pick-up people of a child's file: a small table each, with 添加/修改/删除 and a sub-form
under it (no dialog). Nothing is written here: ``pending()`` is what 保存 of the whole file applies, in the same
transaction as the profile (``children.save_child_file``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
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
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from center_app.domain import children as dom
from center_app.domain.children import GuardianInput, PickupInput
from center_app.domain.errors import ValidationError
from center_app.domain.permissions import READ, WRITE, allowed
from center_app.services import children as service
from center_app.ui.widgets.forms import EnterMovesOn, choices, line_edit, line_of, problem_text
from center_app.ui.widgets.messages import show_message


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
                widget = choices(name, relations, editable=True)
                line_of(widget).setPlaceholderText(self.tr("如 祖母、外公"))
            elif spec.kind == "literacy":
                widget = choices(name, [("", ""), *((x, x) for x in dom.LITERACY_LEVELS)], editable=True)
            elif spec.kind == "primary":
                widget = QCheckBox(self.tr("主要监护人"))
                widget.setObjectName(name.replace("IsPrimary", "Primary"))
            elif spec.kind == "age":
                widget = line_edit(name, 4, self.tr("岁"))
            elif spec.kind == "phone":
                widget = line_edit(name, 30, self.tr("手机或带区号的座机"))
            else:
                widget = line_edit(name, dom.NAME_MAX if spec.key == "name" else dom.GUARDIAN_HEALTH_MAX)
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


def people_entries(detail: service.ChildDetail) -> tuple[list[PersonEntry], list[PersonEntry]]:
    """A saved file's guardians and pick-up people, as the editors' rows."""
    guardians = [
        PersonEntry(g.id, GuardianInput(g.name, g.relation, g.phone, g.age, g.health, g.literacy, bool(g.is_primary)))
        for g in detail.guardians
    ]
    pickups = [PersonEntry(p.id, PickupInput(p.name, p.relation, p.phone)) for p in detail.pickup_people]
    return guardians, pickups
