"""点名: the roll call of a day or a session, one key per child.

The grid keeps the keyboard focus. With a row selected, a code's key (1 出勤, 2 缺勤, 3 迟到, 4 请假 as configured
in the settings) marks that child and moves to the next one, Space gives the default present code, Backspace or
Delete clears, ↑↓ move — so forty children take forty key presses — and Ctrl+S saves. Unsaved marks are bold and
starred until then.

Two people may take the same register (the desk PC and a laptop in the yard). The save sends, per child, the
version of the mark the user saw; what someone else saved meanwhile comes back as a conflict and is shown next to
the grid, never overwritten silently: "用我的覆盖" saves again with the stored versions, "保留对方的" takes theirs.
Switching to another date or register with unsaved marks asks first, in a panel above the grid (no modal dialog:
the roll call is driven by the keyboard and by tests alike).

A save says once what happened: "已保存 7 人的考勤。" under the grid, or — when it met conflicts — the one sentence of
what was saved, what was not and why as the title of the conflict list. While the tab is shown, a timer asks every
few seconds whether another PC has saved the register since this one read it (``attendance.register_stamp``, one
small query; not while a question, a dialog or a worker is up) and says so above the grid ("李老师正在点这张表，
已于 15:32 保存"); F5 or "载入对方的考勤" shows their marks and keeps this PC's unsaved ones. After each save, the
children marked absent are listed beside the grid with their guardian's phone (names only for a role that may not
see phones), so the social worker can call at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain.permissions import READ, WRITE, allowed
from center_app.services import activities_query, attendance
from center_app.services.attendance import Conflict, RegisterView, SaveResult
from center_app.ui import workers
from center_app.ui.events import Area
from center_app.ui.models.roll_call_model import (
    COL_CLASS,
    COL_CODE,
    COL_NAME,
    COL_NOTE,
    COL_NUMBER,
    RollCallModel,
)
from center_app.ui.operations import Operations
from center_app.ui.pages.roll_call_absent import AbsentPanel
from center_app.ui.pages.roll_call_conflicts import ConflictPanel
from center_app.ui.pages.roll_call_status import RollCallStatus
from center_app.ui.widgets.fonts import bigger
from center_app.ui.widgets.inline_question import InlineQuestion
from center_app.ui.widgets.messages import show_message

RegisterKey = tuple[dt.date, int | None]

ROW_HEIGHT = 38
POLL_MS = 4000  # how often a shown roll call asks whether another PC saved the same register


class RollCallTable(QTableView):
    """The grid: every key goes to the roll call first (``on_key`` returns True when it used it)."""

    def __init__(self, on_key: Callable[[QKeyEvent], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_key = on_key

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if not self._on_key(event):
            super().keyPressEvent(event)


class RollCallPanel(QWidget):
    """The 点名 tab. ``ops`` runs its use cases and tells the rest of the app that attendance changed."""

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rollCallTab")
        self.ctx = ctx
        self.ops = ops
        self.view: RegisterView | None = None
        self.conflicts: list[Conflict] = []
        self.stale = True
        self._loaded_key: RegisterKey | None = None
        self._absent_key: RegisterKey | None = None  # the register the absent list is of
        role = ctx.actor.role
        # A teacher may only take the roll of their own sessions: the day register is not offered first.
        self.sees_day_register = allowed(role, "attendance", READ)
        self.can_write_day = allowed(role, "attendance", WRITE)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 8, 0, 0)
        outer.setSpacing(6)
        outer.addLayout(self._build_choices())
        self.status_row = RollCallStatus()
        row = self.status_row  # the names tests and scripts use
        self.status, self.unsaved, self.totals = row.status, row.unsaved, row.totals
        self.other_desk, self.load_theirs_button = row.other_desk_text, row.load_theirs_button
        row.load_theirs.connect(self.load_theirs)
        outer.addWidget(self.status_row)
        self.question = InlineQuestion("rollCallConfirm", with_alt=True, large=True)
        self.question.answered.connect(self.focus_grid)
        # the names tests and scripts use
        self.confirm, self.confirm_text = self.question, self.question.text
        self.confirm_ok, self.confirm_alt, self.confirm_cancel = (
            self.question.ok,
            self.question.alt,
            self.question.cancel,
        )
        outer.addWidget(self.question)
        self.conflict_panel = ConflictPanel()
        self.conflict_panel.overwrite.connect(self.overwrite_conflicts)
        self.conflict_panel.keep_theirs.connect(self.keep_theirs)
        self.conflict_table = self.conflict_panel.table
        self.overwrite_button = self.conflict_panel.overwrite_button
        self.keep_theirs_button = self.conflict_panel.keep_theirs_button
        outer.addWidget(self.conflict_panel)

        self.model = RollCallModel(self)
        self.table = RollCallTable(self._table_key)
        self.table.setObjectName("rollCallTable")
        self.table.setModel(self.model)
        self.table.setFont(bigger(self, 4))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setStyleSheet(
            "QTableView { gridline-color: #cbd5e1; }"
            "QTableView::item:selected { background: #bfdbfe; color: black; border-top: 2px solid #2563eb;"
            " border-bottom: 2px solid #2563eb; }"
        )
        header = self.table.horizontalHeader()
        header.setFont(bigger(self, 2, bold=True))
        header.setMinimumHeight(34)
        for col, width in ((COL_NUMBER, 64), (COL_NAME, 170), (COL_CLASS, 150), (COL_CODE, 150)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.grid_row = QHBoxLayout()
        self.grid_row.setSpacing(8)
        self.grid_row.addWidget(self.table, 1)
        self.absent_panel = AbsentPanel()
        self.absent_panel.folded_changed.connect(self._absent_folded)
        self.absent_table = self.absent_panel.table
        self.grid_row.addWidget(self.absent_panel)
        outer.addLayout(self.grid_row, 1)

        bottom = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("rollCallMessage")
        self.message.setWordWrap(True)
        self.message.setFont(bigger(self, 1))
        bottom.addWidget(self.message, 1)
        self.keys_hint = QLabel()
        self.keys_hint.setObjectName("rollCallKeysHint")
        self.keys_hint.setStyleSheet("color: #555;")
        bottom.addWidget(self.keys_hint)
        outer.addLayout(bottom)

        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        fill = QShortcut(QKeySequence("Alt+A"), self)
        fill.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        fill.activated.connect(self.ask_all_present)
        reload = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        reload.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        reload.activated.connect(self.load_theirs)

        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll_other_desk)

        self._fill_sessions(self.on_date)

    # --- building ---------------------------------------------------------------------------------------------

    def _build_choices(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(QLabel(self.tr("日期")))
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setObjectName("rollCallDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy年M月d日 dddd")
        self.date_edit.setMaximumDate(QDate.currentDate())  # no roll call for a day not come yet
        self.date_edit.setMinimumWidth(210)
        self.date_edit.dateChanged.connect(self._on_date_changed)
        row.addWidget(self.date_edit)
        row.addSpacing(8)
        row.addWidget(QLabel(self.tr("点名表")))
        self.register_box = QComboBox()
        self.register_box.setObjectName("rollCallRegister")
        # Shrinks with the window instead of covering 班级, in any language; a long session name is clipped in the
        # box and shown whole in its list.
        self.register_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.register_box.setMinimumContentsLength(16)
        self.register_box.currentIndexChanged.connect(lambda _i: self._on_choice_changed())
        row.addWidget(self.register_box, 1)
        row.addSpacing(8)
        row.addWidget(QLabel(self.tr("班级")))
        self.class_box = QComboBox()
        self.class_box.setObjectName("rollCallClass")
        self.class_box.setMinimumWidth(130)
        self.class_box.addItem(self.tr("全部班级"), None)
        self.class_box.currentIndexChanged.connect(lambda _i: self._on_class_changed())
        row.addWidget(self.class_box)
        self.all_present_button = QPushButton(self.tr("全部出勤 (Alt+A)"))
        self.all_present_button.setObjectName("rollCallAllPresent")
        self.all_present_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the keys in the grid
        self.all_present_button.clicked.connect(self.ask_all_present)
        row.addWidget(self.all_present_button)
        self.save_button = QPushButton(self.tr("保存 (Ctrl+S)"))
        self.save_button.setObjectName("rollCallSave")
        self.save_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.save_button.setFont(bigger(self, 1, bold=True))
        self.save_button.setStyleSheet(
            "QPushButton { background: #2563eb; color: white; padding: 6px 18px; border-radius: 4px; }"
            "QPushButton:disabled { background: #94a3b8; }"
        )
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        return row

    # --- choosing the register --------------------------------------------------------------------------------

    @property
    def on_date(self) -> dt.date:
        day = self.date_edit.date().toPython()
        assert isinstance(day, dt.date)  # QDate.toPython() is typed ``object`` in PySide6's stubs
        return day

    @property
    def activity_id(self) -> int | None:
        data = self.register_box.currentData()
        return int(data) if data is not None else None

    def _key(self) -> RegisterKey:
        return (self.on_date, self.activity_id)

    def _fill_sessions(self, day: dt.date, select: int | None | str = "default") -> None:
        """The register choice for ``day``: the whole day plus that day's sessions (a teacher's own only)."""
        sessions = (
            self.ops.run(lambda: activities_query.sessions_on(self.ctx, day), refused=self.message).value
            or []
        )
        self.register_box.blockSignals(True)
        self.register_box.clear()
        self.register_box.addItem(self.tr("当天考勤（全天）"), None)
        for session in sessions:
            self.register_box.addItem(session.label, session.activity_id)
        if select == "default":
            # A teacher cannot open the day register: start on their first session of the day.
            index = 1 if not self.sees_day_register and sessions else 0
        else:
            index = max(self.register_box.findData(select), 0) if select is not None else 0
        self.register_box.setCurrentIndex(index)
        self.register_box.blockSignals(False)

    def _set_pickers(self, key: RegisterKey) -> None:
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(key[0].year, key[0].month, key[0].day))
        self.date_edit.blockSignals(False)
        self._fill_sessions(key[0], key[1])

    def _on_date_changed(self, _date: QDate) -> None:
        self._fill_sessions(self.on_date)
        self._on_choice_changed()

    def _on_choice_changed(self) -> None:
        key = self._key()
        if key == self._loaded_key:
            return
        unsaved = self.model.unsaved_count()
        if unsaved and self._loaded_key is not None:
            old = self._loaded_key
            self.question.ask(
                self.tr("有 %1 名儿童的考勤还没有保存。切换前要保存吗？").replace("%1", str(unsaved)),
                ok=(self.tr("保存后切换"), lambda: self._save_then_switch(key)),
                alt=(self.tr("不保存，切换"), lambda: self._switch(key)),
                cancel=(self.tr("留在这里"), lambda: self._set_pickers(old)),
            )
            self._set_pickers(old)  # until answered, the pickers show what the grid shows
            return
        self.load(keep_pending=False)

    def _switch(self, key: RegisterKey) -> None:
        self._set_pickers(key)
        self.load(keep_pending=False)

    def _save_then_switch(self, key: RegisterKey) -> None:
        result = self.save()
        if result is None or result.conflicts or self.model.unsaved_count():
            return  # the conflicts (or the refusal) are on screen; stay on this register
        self._switch(key)

    def _on_class_changed(self) -> None:
        self.model.set_class_filter(self.class_box.currentData())
        self._after_rows_changed()
        self._select_row(self.model.first_unmarked())

    # --- loading ----------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the register shown, keeping the user's unsaved marks (each with the version they saw)."""
        self.date_edit.setMaximumDate(QDate.currentDate())  # the app may have stayed open past midnight
        self.load(keep_pending=True)

    def load(self, keep_pending: bool = True) -> None:
        key = self._key()
        same = key == self._loaded_key
        pending = self.model.pending_by_child() if keep_pending and same else {}
        current = self._current_child() if same else None  # a reload keeps the place in the list
        self.stale = False
        self._loaded_key = key
        self.status_row.hide_other_desk()  # what this reads is the newest: nothing saved elsewhere since
        if key != self._absent_key:
            self.absent_panel.hide()  # it lists another register's absent children
        view = self.ops.run(
            lambda: attendance.open_register(self.ctx, key[0], key[1]), refused=self.message
        ).value
        if view is None:
            self.view = None
            self.model.load([], self.model.codes)
            self._fill_classes()
            self._hide_conflicts()
            self._show_header()
            self._enable(False)
            return
        self.view = view
        self.model.load(view.rows, view.codes)
        self.model.reapply(pending)
        self._fill_classes()
        self.model.set_class_filter(self.class_box.currentData())
        self._enable(view.may_edit)
        if not pending:
            self._hide_conflicts()
        self._show_header()
        self._after_rows_changed()
        row = self.model.row_of_child(current) if current is not None else -1
        self._select_row(row if row >= 0 else self.model.first_unmarked())
        self.keys_hint.setText(self._keys_text())
        if not view.may_edit:
            show_message(
                self.message, self.tr("你可以查看这张点名表，但不能修改（只能为自己负责的课程点名）。")
            )
        elif not pending:
            self.message.setText("")

    def _fill_classes(self) -> None:
        chosen = self.class_box.currentData()
        self.class_box.blockSignals(True)
        self.class_box.clear()
        self.class_box.addItem(self.tr("全部班级"), None)
        for name in self.model.classes():
            self.class_box.addItem(name, name)
        index = self.class_box.findData(chosen) if chosen is not None else 0
        self.class_box.setCurrentIndex(max(index, 0))
        self.class_box.blockSignals(False)

    def _enable(self, editable: bool) -> None:
        self.all_present_button.setEnabled(editable)
        self.save_button.setEnabled(editable)

    def _show_header(self) -> None:
        self.status_row.show_view(self.view)

    def _keys_text(self) -> str:
        codes = self.model.codes
        keys = [f"{c.shortcut} {c.label}" for c in codes.codes if c.shortcut]
        keys.append(self.tr("空格 %1").replace("%1", codes.label(codes.default_code)))
        keys.append(self.tr("⌫ 清除　↑↓ 上下　Ctrl+S 保存"))
        return "　".join(keys)

    def _after_rows_changed(self) -> None:
        self.status_row.show_counts(self.model)

    # --- marking by key ---------------------------------------------------------------------------------------

    def _table_key(self, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        ):
            return False  # Ctrl+S and the window's shortcuts
        key = event.key()
        codes = self.model.codes
        if key == Qt.Key.Key_Space:
            self.mark_current(codes.default_code)
            return True
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.mark_current(None, advance=False)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._select_row(self._current_row() + 1)
            return True
        text = event.text()
        if text and text.isprintable() and not text.isspace():
            found = codes.by_shortcut(text)
            if found is not None:
                self.mark_current(found.code)
            else:
                # Not a code key: say which keys work rather than let the grid jump to a matching row.
                show_message(
                    self.message, self.tr("“%1”不是考勤键。").replace("%1", text) + self._keys_text()
                )
            return True
        return False

    def mark_current(self, code: str | None, *, advance: bool = True) -> None:
        """Mark the selected child (the first row when none is) and go to the next one."""
        if self.view is None or not self.view.may_edit:
            show_message(self.message, self.tr("这张点名表不能修改。"))
            return
        row = self._current_row()
        if row < 0:
            row = 0
        if not self.model.set_code(row, code):
            return
        self._after_rows_changed()
        if advance and row + 1 < self.model.rowCount():
            self._select_row(row + 1)
        else:
            self._select_row(row)

    def _current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _current_child(self) -> int | None:
        row = self.model.row_at(self.table.currentIndex())
        return row.child_id if row is not None else None

    def _select_row(self, row: int) -> None:
        count = self.model.rowCount()
        if count == 0:
            return
        row = min(max(row, 0), count - 1)
        index = self.model.index(row, COL_NAME)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)

    scan_input = None  # the grid takes keys of its own (1–9, letters), never scans

    def focus_first(self) -> None:
        self.focus_grid()

    def focus_grid(self) -> None:
        if self.isVisible() and not self.confirm.isVisible():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- all present ------------------------------------------------------------------------------------------

    def ask_all_present(self) -> None:
        if self.view is None or not self.view.may_edit:
            return
        _, unmarked, _ = self.model.counts()
        if not unmarked:
            show_message(self.message, self.tr("没有还没点名的儿童。"), ok=True)
            self.focus_grid()
            return
        label = self.model.codes.label(self.model.codes.default_code)
        which = self.class_box.currentData()
        text = self.tr("把 %1 名还没点名的儿童记为“%2”？已经点过的不变。").replace("%1", str(unmarked))
        text = text.replace("%2", label)
        if which:
            text = f"{which}：{text}"
        self.question.ask(text, ok=(self.tr("确定"), self._fill_all_present), cancel=(self.tr("取消"), None))

    def _fill_all_present(self) -> None:
        codes = self.model.codes
        filled = self.model.fill_unmarked(codes.default_code)
        self._after_rows_changed()
        show_message(
            self.message,
            self.tr("已把 %1 人记为“%2”，按 Ctrl+S 保存。")
            .replace("%1", str(filled))
            .replace("%2", codes.label(codes.default_code)),
            ok=True,
        )

    def _answer(self, which: str) -> None:
        self.question.answer(which)

    # --- saving -----------------------------------------------------------------------------------------------

    def save(self) -> SaveResult | None:
        """Ctrl+S: write every unsaved mark; marks someone else changed meanwhile come back as conflicts."""
        view = self.view
        if view is None or not view.may_edit:
            return None
        # Sent even when nothing is unsaved: the service says so, and lists who is absent (whom to call).
        marks = self.model.pending()
        on_date, activity_id = self._loaded_key or self._key()
        done = self.ops.run(
            lambda: attendance.save_marks(self.ctx, on_date, activity_id, marks),
            changes=Area.ATTENDANCE,
            changed=lambda saved: bool(saved.saved),
            refused=self.message,
        )
        result = done.value
        if result is None:
            self.focus_grid()
            return None
        # What was written (or found equal) now matches the database; the conflicts stay unsaved, each with the
        # version the user saw, so saving again cannot overwrite them by accident.
        keep = {c.child_id: (c.your_code, self._expected(c.child_id)) for c in result.conflicts}
        self._reload_keeping(keep)
        self._show_conflicts(list(result.conflicts), result.message)
        if result.conflicts:
            self.message.setText("")  # said once: the title of the conflict list
        else:
            show_message(self.message, result.message, ok=True)
        self._show_absent(result, on_date, activity_id)
        self.focus_grid()
        return result

    def _show_absent(self, result: SaveResult, on_date: dt.date, activity_id: int | None) -> None:
        if activity_id is not None:
            heading = self.tr("这节课缺勤 %1 人")
        elif on_date == dt.date.today():
            heading = self.tr("今天缺勤 %1 人")
        else:
            heading = self.tr("这一天缺勤 %1 人")
        role = self.ctx.actor.role
        contacts = allowed(role, "child.family", READ) or allowed(role, "child.phones", READ)
        self._absent_key = (on_date, activity_id)
        self.absent_panel.show_absent(result.absent, heading=heading, contacts=contacts)

    def _absent_folded(self, folded: bool) -> None:
        # Folded, the panel is its title at the top of the grid's column; open, it runs the grid's height.
        align = Qt.AlignmentFlag.AlignTop if folded else Qt.AlignmentFlag(0)
        self.grid_row.setAlignment(self.absent_panel, align)

    def _expected(self, child_id: int) -> int:
        return self.model.pending_by_child().get(child_id, (None, 0))[1]

    def _reload_keeping(self, keep: dict[int, tuple[str | None, int]]) -> None:
        current = self._current_child()
        self._loaded_key = None  # load() must not carry the old pending marks over
        self.load(keep_pending=False)
        self.model.reapply(keep)
        self._after_rows_changed()
        row = self.model.row_of_child(current) if current is not None else -1
        if row >= 0:
            self._select_row(row)

    def _show_conflicts(self, conflicts: list[Conflict], message: str) -> None:
        self.conflicts = conflicts
        if not conflicts:
            self._hide_conflicts()
            return
        self.conflict_panel.show_conflicts(conflicts, message)
        self.model.set_conflicts({c.child_id for c in conflicts})

    def _hide_conflicts(self) -> None:
        self.conflicts = []
        self.model.set_conflicts(set())
        self.conflict_panel.hide()

    def overwrite_conflicts(self) -> None:
        """用我的覆盖: save the user's marks again with the versions stored now — overwriting on purpose."""
        if not self.conflicts:
            return
        self.model.reapply({c.child_id: (c.your_code, c.version) for c in self.conflicts})
        self.save()

    def keep_theirs(self) -> None:
        """保留对方的: drop the user's conflicting marks and show what is stored (other unsaved marks stay)."""
        dropped = {c.child_id for c in self.conflicts}
        keep = {cid: v for cid, v in self.model.pending_by_child().items() if cid not in dropped}
        self._hide_conflicts()
        self._reload_keeping(keep)
        show_message(self.message, self.tr("已保留别人保存的考勤。"), ok=True)
        self.focus_grid()

    # --- another PC on the same register ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.poll_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        self.poll_timer.stop()  # another tab or page is shown: nobody to tell

    def _may_poll(self) -> bool:
        if not self.isVisible() or self.view is None or self._loaded_key is None:
            return False
        if self.question.isVisible():
            return False  # the user is answering a question about this register
        if QApplication.activeModalWidget() is not None or QApplication.activePopupWidget() is not None:
            return False  # a dialog, or the calendar or a drop-down, is open
        if workers.active_jobs():
            return False  # an export or import is running on a worker thread
        return getattr(self.window(), "busy_reason", None) is None

    def poll_other_desk(self) -> None:
        """The timer's slot: has another PC saved this register since this one read it? Then say who and when."""
        if not self._may_poll():
            return
        assert self.view is not None and self._loaded_key is not None
        on_date, activity_id = self._loaded_key
        seen = self.view.saved_at
        stamp = self.ops.run(
            lambda: attendance.register_stamp(self.ctx, on_date, activity_id), refused=lambda _e: None
        ).value
        if stamp is None:
            self.poll_timer.stop()  # refused, or broken (the dialog said so): ask again when next shown
            return
        if stamp.saved_at is None or stamp.saved_at == seen or stamp == self.status_row.other_desk_stamp:
            return
        mine = stamp.saved_by_id is not None and stamp.saved_by_id == self.ctx.actor.user_id
        self.status_row.show_other_desk(stamp, same_account=mine)

    def load_theirs(self) -> None:
        """F5 / 载入对方的考勤: show what is saved now, keeping this PC's unsaved marks — each with the version seen,
        so a mark both PCs changed still comes back as a conflict at the save instead of being overwritten."""
        if self.view is None or self.question.isVisible():
            return
        self.load(keep_pending=True)
        kept = self.model.unsaved_count()
        if kept:
            text = self.tr("已显示最新保存的考勤；你还没保存的 %1 人不变，按 Ctrl+S 保存。").replace(
                "%1", str(kept)
            )
        else:
            text = self.tr("已显示最新保存的考勤。")
        show_message(self.message, text, ok=True)
        self.focus_grid()
