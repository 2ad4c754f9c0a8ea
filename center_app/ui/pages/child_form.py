"""儿童档案表单: the inline panel that replaces the child's detail beside the roster (never a modal dialog — the
desk keeps working and tests never block).

``ChildForm`` registers a new child or edits one: the profile fields, the guardians and pick-up people (edited in a
small sub-form under their table, ``child_people.PeopleEditor``), the library-card number. Nothing is written until
保存 (Ctrl+S), which is one service call (``children.save_child_file``: the whole file in one transaction): every
problem of the profile and of the people is listed at once in red and nothing is saved; 取消 (Esc) drops every
change, guardians included. Enter moves to the next field. Fields of a group the role may not write are disabled,
groups it may not read are hidden (docs/permissions.md); the services check again.

The follow-up form (回访记录) is ``widgets.follow_up_form.FollowUpForm``, shared with the overview; it and
``heading`` / ``reason_label`` are importable from here too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain import children as dom
from center_app.domain.children import ChildInput, FieldError
from center_app.domain.errors import ValidationError
from center_app.domain.permissions import CHILD_FIELD_GROUPS, READ, WRITE, allowed
from center_app.services import children as service
from center_app.services.children import ChildDetail
from center_app.ui.i18n import format_date
from center_app.ui.operations import Operations
from center_app.ui.pages.child_people import PeopleEditor, PersonEntry, people_entries
from center_app.ui.widgets.follow_up_form import FollowUpForm, reason_label
from center_app.ui.widgets.forms import (
    EnterMovesOn,
    bold_heading,
    choices,
    line_edit,
    line_of,
    note_edit,
    problems_of,
    section_heading,
    select_data,
)
from center_app.ui.widgets.forms import bold_heading as heading
from center_app.ui.widgets.messages import show_message

__all__ = ["ChildForm", "FollowUpForm", "heading", "reason_label"]

MUTED = "color: #64748b;"
# Child column → its permission group (``name`` → ``child.basic``); dotted names are the people's fields.
GROUP_OF: dict[str, str] = {
    name: group for group, names in CHILD_FIELD_GROUPS.items() for name in names if "." not in name
}


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
        self.ops = Operations(ctx)
        self.editing: ChildDetail | None = None
        self._assign_card = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        outer.setSpacing(6)
        top = QHBoxLayout()
        self.heading = bold_heading("")
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
        self.name = line_edit("childFormName", dom.NAME_MAX)
        self.gender = choices(
            "childFormGender", [("", ""), (self.tr("男"), "male"), (self.tr("女"), "female")]
        )
        self.birth_date = line_edit("childFormBirthDate", 20, self.tr("如 2015-3-2 或 2015年3月2日"))
        self.birth_hint = QLabel()
        self.birth_hint.setObjectName("childFormBirthHint")
        self.birth_hint.setStyleSheet(MUTED)
        self.birth_date.editingFinished.connect(self._birth_entered)
        birth_box = QWidget()
        birth_row = QHBoxLayout(birth_box)
        birth_row.setContentsMargins(0, 0, 0, 0)
        birth_row.addWidget(self.birth_date, 1)
        birth_row.addWidget(self.birth_hint)
        self.grade = choices(
            "childFormGrade", [("", None), *((label, g) for g, label in dom.GRADES.items())]
        )
        self.class_name = choices("childFormClass", [("", "")], editable=True)
        line_of(self.class_name).setMaxLength(dom.CLASS_MAX)
        line_of(self.class_name).setPlaceholderText(self.tr("如 三年级2班"))
        self.class_name.currentTextChanged.connect(self._class_changed)
        self.school = line_edit("childFormSchool", dom.SCHOOL_MAX)
        self.village = line_edit("childFormVillage", dom.VILLAGE_MAX, self.tr("如 古楼村5组"))
        self.card = line_edit("childFormCard", dom.CARD_MAX, self.tr("扫描借书证，或点“分配新号”"))
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
        self.address = line_edit("childFormAddress", dom.ADDRESS_MAX)
        self._pair("child.basic", self.tr("姓名*"), self.name)
        self._pair("child.basic", self.tr("性别"), self.gender)
        self._pair("child.profile", self.tr("出生日期"), birth_box, self.birth_date)
        self._pair("child.basic", self.tr("年级"), self.grade)
        self._pair("child.basic", self.tr("班级"), self.class_name)
        self._pair("child.profile", self.tr("学校"), self.school)
        self._pair("child.profile", self.tr("村/组"), self.village)
        self._pair("child.basic", self.tr("借书证号"), card_box, self.card)
        self._wide("child.profile", self.tr("家庭住址"), self.address)
        self.photo_consent = QCheckBox(self.tr("监护人已签字同意拍照：有这个孩子的活动照片可以打印"))
        self.photo_consent.setObjectName("childFormPhotoConsent")
        self._wide("child.basic", self.tr("照片"), self.photo_consent)

        self._section(self.tr("家庭"))
        self.left_behind = choices(
            "childFormLeftBehind", [(label, code) for code, label in dom.LEFT_BEHIND_TYPES.items()]
        )
        self.special = QCheckBox(self.tr("重点关注（社工定期回访）"))
        self.special.setObjectName("childFormSpecial")
        self.father_city = line_edit("childFormFatherCity", dom.CITY_MAX, self.tr("如 广东深圳"))
        self.father_phone = line_edit("childFormFatherPhone", 30)
        self.mother_city = line_edit("childFormMotherCity", dom.CITY_MAX)
        self.mother_phone = line_edit("childFormMotherPhone", 30)
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
        self.health = note_edit("childFormHealth")
        self.health.setPlaceholderText(self.tr("如 哮喘，随身带喷雾"))
        self.allergy = note_edit("childFormAllergy")
        self.allergy.setPlaceholderText(self.tr("如 花生过敏"))
        self.notes = note_edit("childFormNotes")
        self._wide("child.health", self.tr("健康状况"), self.health)
        self._wide("child.health", self.tr("过敏"), self.allergy)
        self._wide("child.profile", self.tr("备注"), self.notes)
        self.grid.setRowStretch(self._row + 1, 1)

        self.scroll_area = QScrollArea()  # not ``scroll``: that would hide QWidget.scroll()
        self.scroll_area.setObjectName("childFormScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)
        hint = QLabel(self.tr("回车：下一项　Ctrl+S：保存　Esc：取消（不保存任何修改）"))
        hint.setObjectName("childFormHint")
        hint.setStyleSheet(MUTED)
        outer.addWidget(hint)

        self._enter = EnterMovesOn(self, self._order)
        self._enter.watch(*self._order()[:-1])  # every field but the last stop, the guardians' add button
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
            self.photo_consent,
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
        self._load(detail.as_input(), *people_entries(detail))
        self.name.setFocus()
        self.name.selectAll()

    def _load(
        self, data: ChildInput, guardians: Sequence[PersonEntry], pickups: Sequence[PersonEntry]
    ) -> None:
        self._assign_card = False
        self.message.clear()
        self.message.hide()
        self.name.setText(data.name)
        select_data(self.gender, data.gender or "")
        birth = data.birth_date
        self.birth_date.setText(birth.isoformat() if isinstance(birth, dt.date) else str(birth or ""))
        self._birth_entered()
        select_data(self.grade, data.grade)
        self.class_name.blockSignals(True)
        self.class_name.setEditText(data.class_name)
        self.class_name.blockSignals(False)
        self.school.setText(data.school)
        self.village.setText(data.village)
        self.address.setText(data.address)
        self.card.setText(data.card_barcode or "")
        self.card.setPlaceholderText(self.tr("扫描借书证，或点“分配新号”"))
        select_data(self.left_behind, data.left_behind_type or dom.NOT_LEFT_BEHIND)
        self.special.setChecked(bool(data.special_attention))
        self.photo_consent.setChecked(bool(data.photo_consent))
        self.father_city.setText(data.father_work_city)
        self.father_phone.setText(data.father_phone)
        self.mother_city.setText(data.mother_work_city)
        self.mother_phone.setText(data.mother_phone)
        self.health.setPlainText(data.health_notes)
        self.allergy.setPlainText(data.allergy_notes)
        self.notes.setPlainText(data.notes)
        self.guardians.load(list(guardians))
        self.pickups.load(list(pickups))
        self.scroll_area.verticalScrollBar().setValue(0)

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
            select_data(self.grade, grade)

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
            "photo_consent": self.photo_consent.isChecked(),
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
        child_id = self.editing.id if self.editing is not None else None
        data, guardians, pickups = self._input(), self.guardians.pending(), self.pickups.pending()
        # The children page says the children changed (it shows the saved file).
        saved = self.ops.run(
            lambda: service.save_child_file(
                self.ctx, child_id, data, guardians, pickups, new_card=self._assign_card
            ),
            refused=lambda exc: self._show_problems(problems_of(exc)),
        ).value
        if saved is None:
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

