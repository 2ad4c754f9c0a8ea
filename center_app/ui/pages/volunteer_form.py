"""登记志愿者 / 修改志愿者: a volunteer's record, a panel beside the roster (never a modal dialog).

Name, gender, kind (本地教师 / 社工 / 大学生 / 其他), organisation or university, phone, subjects and skills, the
weekly availability written as people write it (``周一至周五 16:00-18:00；周六 09:00-12:00``), the service dates and
notes. Enter moves from field to field (Enter in the notes saves), Ctrl+S saves.

Every rule is ``domain.volunteers.VolunteerInput.validated`` and the volunteers service's: the form hands over the
text as typed, and a refused save says each problem in red under the field it is about (the rule names the field:
“空闲时间”…) and saves nothing. While the availability is typed, the same parser says under the field how it was read
(or what is wrong with it) — nothing is decided here that the rule does not decide.

An administrator also sees 关联账号: a teacher's account linked to this record (a teacher then sees their own
sessions and hours). The link is the accounts service's (``accounts.update_user(volunteer_id=…)``), run after the
record is saved — a second, separate step: a refused link leaves the saved record as it is and says so.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain import volunteers as rules
from center_app.domain.children.vocabulary import FieldError
from center_app.domain.errors import DomainError, ValidationError
from center_app.domain.permissions import TEACHER, WRITE, allowed
from center_app.domain.states import VolunteerKind
from center_app.services import accounts, volunteers
from center_app.services.accounts import UserInfo
from center_app.services.volunteers import VolunteerInput, VolunteerRow
from center_app.ui.events import Area
from center_app.ui.operations import Operations
from center_app.ui.widgets.forms import EnterMovesOn, line_edit, line_of, note_edit
from center_app.ui.widgets.headings import heading
from center_app.ui.widgets.messages import ERROR_STYLE, show_message

translate = QCoreApplication.translate
HINT_STYLE = "color: #64748b;"


def kind_labels() -> dict[str, str]:
    """The volunteer kinds as the roster and the form show them (``domain.volunteers.KIND_LABELS``, translated)."""
    return {
        VolunteerKind.LOCAL: translate("Volunteers", "本地教师"),
        VolunteerKind.SOCIAL_WORK: translate("Volunteers", "社工"),
        VolunteerKind.STUDENT: translate("Volunteers", "大学生"),
        VolunteerKind.OTHER: translate("Volunteers", "其他"),
    }


def gender_labels() -> dict[str, str]:
    return {
        "": translate("Volunteers", "未填"),
        "male": translate("Volunteers", "男"),
        "female": translate("Volunteers", "女"),
    }


def hours_label(minutes: int) -> str:
    """``46 小时 30 分钟``, ``3 小时``, ``45 分钟`` (``domain.volunteers.hours_text``, translated)."""
    hours, rest = divmod(int(minutes), 60)
    if hours and rest:
        return translate("Volunteers", "%1 小时 %2 分钟").replace("%1", str(hours)).replace("%2", str(rest))
    if rest:
        return translate("Volunteers", "%1 分钟").replace("%1", str(rest))
    return translate("Volunteers", "%1 小时").replace("%1", str(hours))


def hours_short(minutes: int) -> str:
    """``32.5 小时`` for a narrow table column (rounded to a tenth for display only; sums stay whole minutes)."""
    text = f"{int(minutes) / 60:.1f}".removesuffix(".0")
    return translate("Volunteers", "%1 小时").replace("%1", text)


# Which field a problem is about: the rule puts the field's name in quotes (“空闲时间”看不懂…). Order matters:
# "“服务结束”不能早于“服务开始”" is the end date's.
_FIELD_WORDS: tuple[tuple[str, str], ...] = (
    ("name", "“姓名”"),
    ("end_on", "“服务结束”"),
    ("start_on", "“服务开始”"),
    ("availability", "“空闲时间”"),
    ("phone", "“电话”"),
    ("organisation", "“单位/学校”"),
    ("kind", "“类别”"),
    ("gender", "“性别”"),
    ("subjects", "“任教科目”"),
    ("skills", "“特长”"),
    ("notes", "“备注”"),
)


def field_of(problem: str) -> str:
    """The form field a problem sentence is about (``""``: the form as a whole)."""
    return next((key for key, word in _FIELD_WORDS if word in problem), "")


class VolunteerForm(QWidget):
    """One volunteer: new, or an existing one's record. ``saved(volunteer_id)`` after a save (the roster reloads);
    ``closed``."""

    saved = Signal(int)
    closed = Signal()

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volunteersForm")
        self.ctx = ctx
        self.ops = ops
        self.editing: VolunteerRow | None = None
        #: an administrator links teachers' accounts here
        self.links_accounts = allowed(ctx.actor.role, "accounts", WRITE)
        self.users: list[UserInfo] = []
        self._link_error = ""
        #: the last save's account link was refused (the record itself was saved)
        self.link_failed = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.heading = heading(self.tr("登记志愿者"))
        self.heading.setObjectName("volunteersFormHeading")
        self.heading.setWordWrap(True)
        top.addWidget(self.heading, 1)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setObjectName("volunteersFormClose")
        self.close_button.setToolTip("Esc")
        self.close_button.clicked.connect(self.closed.emit)
        top.addWidget(self.close_button)
        layout.addLayout(top)
        hint = QLabel(self.tr("回车：下一项　Ctrl+S：保存　Esc：关闭"))
        hint.setObjectName("volunteersFormHint")
        hint.setStyleSheet(HINT_STYLE)
        layout.addWidget(hint)

        self._build_fields()
        scroll = QScrollArea()
        scroll.setObjectName("volunteersFormScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.fields)
        layout.addWidget(scroll, 1)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存(&S)"))
        self.save_button.setObjectName("volunteersFormSave")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(lambda: self.save())
        self.clear_button = QPushButton(self.tr("清空"))
        self.clear_button.setObjectName("volunteersFormClear")
        self.clear_button.clicked.connect(self.start_new)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("volunteersFormMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)

        self._enter = EnterMovesOn(self, self._order, on_last=self.save)
        self._enter.watch(*self._order())
        for key in ("Ctrl+S", "Ctrl+Return"):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda: self.save())
        self.start_new()

    # --- building -----------------------------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.fields = QWidget()
        self.fields.setObjectName("volunteersFormFields")
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 4, 0)
        form.setSpacing(6)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form
        self.problem_labels: dict[str, QLabel] = {}

        self.name = line_edit("volunteersFormName", rules.NAME_MAX, self.tr("如 莫小燕"))
        self.gender = QComboBox()
        self.gender.setObjectName("volunteersFormGender")
        for value, label in gender_labels().items():
            self.gender.addItem(label, value)
        self.kind = QComboBox()
        self.kind.setObjectName("volunteersFormKind")
        for value, label in kind_labels().items():
            self.kind.addItem(label, value)
        self.organisation = QComboBox()
        self.organisation.setObjectName("volunteersFormOrganisation")
        self.organisation.setEditable(True)
        self.organisation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line_of(self.organisation).setMaxLength(rules.ORGANISATION_MAX)
        line_of(self.organisation).setPlaceholderText(self.tr("大学、学校或机构，如 贺州学院"))
        self.phone = line_edit("volunteersFormPhone", 30, self.tr("手机号"))
        self.subjects = line_edit(
            "volunteersFormSubjects", rules.SUBJECTS_MAX, self.tr("如 语文、阅读、美术")
        )
        self.skills = line_edit("volunteersFormSkills", rules.SKILLS_MAX, self.tr("如 书法、篮球、剪纸"))
        self.availability = line_edit(
            "volunteersFormAvailability", 300, self.tr("如 周一至周五 16:00-18:00；周六 09:00-12:00")
        )
        self.availability.textChanged.connect(lambda _text: self._read_availability())
        self.availability_hint = QLabel()
        self.availability_hint.setObjectName("volunteersFormAvailabilityHint")
        self.availability_hint.setWordWrap(True)
        self.availability_hint.setStyleSheet(HINT_STYLE)
        self.start_on = line_edit("volunteersFormStart", 20, self.tr("如 2026-07-06"))
        self.end_on = line_edit("volunteersFormEnd", 20, self.tr("如 2026-08-02"))
        self.account = QComboBox()
        self.account.setObjectName("volunteersFormAccount")
        self.account.setToolTip(self.tr("志愿者教师的账号关联到这条信息后，登录就能看到自己的课和服务时长"))
        self.notes = note_edit("volunteersFormNotes")

        self._row("name", self.tr("姓名*："), self.name)
        self._row("gender", self.tr("性别："), self._pair(self.gender, self.tr("类别："), self.kind))
        self._row("kind", None, None)
        self._row("organisation", self.tr("单位/学校："), self.organisation)
        self._row("phone", self.tr("电话："), self.phone)
        self._row("subjects", self.tr("任教科目："), self.subjects)
        self._row("skills", self.tr("特长："), self.skills)
        self._row("availability", self.tr("空闲时间："), self.availability)
        form.addRow("", self.availability_hint)
        self._row("start_on", self.tr("服务日期："), self._pair(self.start_on, self.tr("至"), self.end_on))
        self._row("end_on", None, None)
        self.account_label = QLabel(self.tr("关联账号："))
        self._row("account", self.account_label, self.account)
        form.setRowVisible(self.account, self.links_accounts)
        self._row("notes", self.tr("备注："), self.notes)
        self.general_problems = QLabel()
        self.general_problems.setObjectName("volunteersFormProblem")
        self.general_problems.setWordWrap(True)
        self.general_problems.setStyleSheet(ERROR_STYLE)
        form.addRow(self.general_problems)
        form.setRowVisible(self.general_problems, False)

    def _row(self, key: str, label: str | QLabel | None, widget: QWidget | None) -> None:
        """A field (when given) and, under it, the line where its problems are said (hidden until then)."""
        if widget is not None:
            if isinstance(label, QLabel):
                self.form.addRow(label, widget)
            else:
                self.form.addRow(label or "", widget)
        problem = QLabel()
        problem.setObjectName(f"volunteersFormProblem_{key}")
        problem.setWordWrap(True)
        problem.setStyleSheet(ERROR_STYLE)
        self.problem_labels[key] = problem
        self.form.addRow("", problem)
        self.form.setRowVisible(problem, False)

    @staticmethod
    def _pair(first: QWidget, label: str, second: QWidget) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(first, 1)
        row.addWidget(QLabel(label))
        row.addWidget(second, 1)
        return box

    def _order(self) -> list[QWidget]:
        return [
            self.name,
            self.gender,
            self.kind,
            self.organisation,
            self.phone,
            self.subjects,
            self.skills,
            self.availability,
            self.start_on,
            self.end_on,
            *([self.account] if self.links_accounts else []),
            self.notes,
        ]

    # --- choices the roster fills ------------------------------------------------------------------------

    def set_organisations(self, names: Sequence[str]) -> None:
        """The organisations in use (the combo stays editable: a new one is typed)."""
        text = self.organisation.currentText()
        self.organisation.blockSignals(True)
        self.organisation.clear()
        self.organisation.addItems(list(names))
        self.organisation.setEditText(text)
        self.organisation.blockSignals(False)

    def load_accounts(self) -> None:
        """The teachers' accounts an administrator may link (``list_users``); others see no such field."""
        if not self.links_accounts:
            return
        users = self.ops.run(lambda: accounts.list_users(self.ctx), refused=lambda _exc: None).value or []
        self.users = [u for u in users if u.role == TEACHER]
        self._fill_accounts()

    def _fill_accounts(self) -> None:
        mine = self.editing.id if self.editing is not None else None
        combo = self.account
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("（不关联）"), None)
        for user in self.users:
            text = user.username + (f"（{user.display_name}）" if user.display_name else "")
            if not user.active:
                text += self.tr("，已停用")
            if user.volunteer_id is not None and user.volunteer_id != mine:
                text += self.tr("，已关联别的志愿者")
            combo.addItem(text, user.id)
        linked = next((u.id for u in self.users if mine is not None and u.volunteer_id == mine), None)
        combo.setCurrentIndex(max(0, combo.findData(linked)) if linked is not None else 0)
        combo.blockSignals(False)

    # --- modes --------------------------------------------------------------------------------------------

    def start_new(self) -> None:
        """An empty form for the next volunteer; the organisation, kind and service dates stay (a university team's
        members share them)."""
        self.editing = None
        self.heading.setText(self.tr("登记志愿者"))
        for edit in (self.name, self.phone, self.subjects, self.skills, self.availability):
            edit.clear()
        self.gender.setCurrentIndex(0)
        self.notes.clear()
        self._fill_accounts()
        self.clear_problems()
        self.message.clear()
        self.name.setFocus()

    def start_edit(self, row: VolunteerRow) -> None:
        self.editing = row
        self.heading.setText(self.tr("修改“%1”").replace("%1", row.name))
        self.name.setText(row.name)
        self.gender.setCurrentIndex(max(0, self.gender.findData(row.gender)))
        self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind)))
        self.organisation.setEditText(row.organisation)
        self.phone.setText(row.phone)
        self.subjects.setText(row.subjects)
        self.skills.setText(row.skills)
        self.availability.setText(row.availability)
        self.start_on.setText(row.start_on.isoformat() if row.start_on else "")
        self.end_on.setText(row.end_on.isoformat() if row.end_on else "")
        self.notes.setPlainText(row.notes)
        self._fill_accounts()
        self.clear_problems()
        self.message.clear()
        self.name.setFocus()
        self.name.selectAll()

    # --- availability, read as it is typed ---------------------------------------------------------------

    def _read_availability(self) -> None:
        """Say under the field how the typed availability is read (the rule's own parser), or what is wrong."""
        text = self.availability.text()
        problem = self.problem_labels["availability"]
        if not text.strip():
            self.availability_hint.setText(self.tr("空着表示哪天都可以。多段用“；”隔开。"))
            problem.clear()
            self.form.setRowVisible(problem, False)
            return
        try:
            windows = rules.parse_availability(text)
        except FieldError as exc:
            self.availability_hint.setText(
                self.tr("多段用“；”隔开，如 周一、周三 14:00-16:00；周六 09:00-12:00")
            )
            problem.setText(self.tr("“空闲时间”%1").replace("%1", exc.reason))
            self.form.setRowVisible(problem, True)
            return
        problem.clear()
        self.form.setRowVisible(problem, False)
        self.availability_hint.setText(self.tr("读作：%1").replace("%1", rules.format_availability(windows)))

    # --- problems -----------------------------------------------------------------------------------------

    def clear_problems(self) -> None:
        for label in self.problem_labels.values():
            label.clear()
            self.form.setRowVisible(label, False)
        self.general_problems.clear()
        self.form.setRowVisible(self.general_problems, False)
        self._read_availability()

    def show_problems(self, problems: Sequence[str]) -> None:
        """Each problem in red under its field (those about no field at the end); the message says nothing was
        saved; the focus goes to the first field with a problem."""
        for label in self.problem_labels.values():
            label.clear()
            self.form.setRowVisible(label, False)
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            by_field.setdefault(field_of(problem), []).append(problem)
        for field, lines in by_field.items():
            label = self.problem_labels.get(field, self.general_problems)
            label.setText("\n".join(lines))
            self.form.setRowVisible(label, True)
        show_message(self.message, self.tr("没有保存，请按红字改正。"))
        widgets: dict[str, QWidget] = {
            "name": self.name,
            "gender": self.gender,
            "kind": self.kind,
            "organisation": self.organisation,
            "phone": self.phone,
            "subjects": self.subjects,
            "skills": self.skills,
            "availability": self.availability,
            "start_on": self.start_on,
            "end_on": self.end_on,
            "notes": self.notes,
        }
        first = next((w for key, w in widgets.items() if key in by_field), None)
        if first is not None:
            first.setFocus()

    def problems_shown(self) -> dict[str, str]:
        """What is said under each field now (tests; a person sees the red lines)."""
        shown = {key: label.text() for key, label in self.problem_labels.items() if label.text()}
        if self.general_problems.text():
            shown[""] = self.general_problems.text()
        return shown

    # --- saving -------------------------------------------------------------------------------------------

    def volunteer_input(self) -> VolunteerInput:
        """The record as typed (the rule cleans and checks it)."""
        return VolunteerInput(
            name=self.name.text(),
            organisation=self.organisation.currentText(),
            phone=self.phone.text(),
            kind=str(self.kind.currentData()),
            gender=str(self.gender.currentData() or ""),
            subjects=self.subjects.text(),
            skills=self.skills.text(),
            start_on=self.start_on.text(),
            end_on=self.end_on.text(),
            availability=self.availability.text(),
            notes=self.notes.toPlainText(),
        )

    def save(self) -> bool:
        """Save through the volunteers service; a refusal is shown by the fields and nothing is saved. Then, for an
        administrator, link the chosen teacher's account."""
        data = self.volunteer_input()
        editing = self.editing
        if editing is not None:
            volunteer_id = editing.id
            row = self.ops.run(
                lambda: volunteers.update_volunteer(self.ctx, volunteer_id, data),
                changes=Area.VOLUNTEERS,
                refused=self._refused,
            ).value
        else:
            row = self.ops.run(
                lambda: volunteers.create_volunteer(self.ctx, data),
                changes=Area.VOLUNTEERS,
                refused=self._refused,
            ).value
        if row is None:
            return False
        self.clear_problems()
        text = (
            self.tr("已保存“%1”。") if editing is not None else self.tr("已登记“%1”，可以登记下一位了。")
        ).replace("%1", row.name)
        linked = self._link_account(row.id)
        if editing is not None:
            self.editing = row
            self.heading.setText(self.tr("修改“%1”").replace("%1", row.name))
        if editing is None:
            self.start_new()
        self.link_failed = linked is None
        if linked is not None:
            show_message(self.message, text + linked, ok=True)
        else:
            show_message(self.message, text + " " + self.tr("账号没有关联：") + self._link_error)
        self.saved.emit(row.id)
        return True

    def _link_account(self, volunteer_id: int) -> str | None:
        """Link the chosen account to the record and unlink the one linked before; what to add to the message,
        or None when the accounts service refused (``_link_error`` says why)."""
        self._link_error = ""
        if not self.links_accounts:
            return ""
        chosen = self.account.currentData()
        before = [u.id for u in self.users if u.volunteer_id == volunteer_id]
        if chosen in before or (chosen is None and not before):
            return ""

        def link() -> None:
            # The new link first: if it is refused, the old one still stands.
            if chosen is not None:
                accounts.update_user(self.ctx, int(chosen), volunteer_id=volunteer_id)
            for user_id in before:
                accounts.update_user(self.ctx, user_id, volunteer_id=None)

        done = self.ops.run(link, changes=(Area.ACCOUNTS, Area.VOLUNTEERS), refused=self._link_refused)
        self.load_accounts()
        if not done.ok:
            return None
        if chosen is None:
            return " " + self.tr("已取消账号关联。")
        name = next((u.username for u in self.users if u.id == chosen), "")
        return " " + self.tr("已关联账号 %1。").replace("%1", name)

    def _link_refused(self, exc: DomainError) -> None:
        self._link_error = exc.message

    def _refused(self, exc: DomainError) -> None:
        problems = exc.problems if isinstance(exc, ValidationError) and exc.problems else [exc.message]
        self.show_problems(problems)
