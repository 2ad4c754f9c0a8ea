"""儿童: the roster — search as you type (name, pinyin initials such as ``wzh``, class, card number), the selected
child's file beside it, and the panels to register or edit a child, record a follow-up, import and export the
roster and move everyone up a grade.

A :class:`~center_app.ui.pages.list_page.ListPage`: search and filters on top, the roster on the left
(``children_roster``), and on the right one panel at a time: the child's file (``child_detail``), the profile form
(``childForm``), the follow-up form, the import panel, the export confirmation (``children_export``) or the
promotion confirmation (``children_promote``). Nothing here is a modal dialog.

Privacy (docs/permissions.md): the services redact for the signed-in role; this page only decides what to *show*:
columns and sections a role may not read are left out (not shown empty), and buttons it may not use are hidden.

Keys: Ctrl+F search, ↓ or Enter from the search into the list, Enter/F2/double-click edits, Ctrl+N new child,
Ctrl+I import, Ctrl+S saves a form, Esc closes the panel (or clears the search).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QFileDialog, QWidget

from center_app.context import AppContext
from center_app.domain import children as dom
from center_app.domain.permissions import CHILD_GROUPS, READ, WRITE, allowed
from center_app.services import children as service
from center_app.ui.events import Area, DataEvents
from center_app.ui.pages.child_detail import ChildDetailPanel
from center_app.ui.pages.child_form import ChildForm, FollowUpForm
from center_app.ui.pages.children_export import ChildrenExportPanel
from center_app.ui.pages.children_import import children_import_kind
from center_app.ui.pages.children_promote import PromotePanel, UndoPromotionButton
from center_app.ui.pages.children_roster import ChildTableModel, size_columns
from center_app.ui.pages.list_page import ListPage, action_button
from center_app.ui.widgets.import_panel import ImportPanel
from center_app.ui.widgets.messages import show_message

# Splitter sizes: list and file side by side; a wider form (two fields a row) when editing.
SIZES_BROWSE = (724, 436)
SIZES_FORM = (380, 780)


class ChildrenPage(ListPage):
    areas = (Area.CHILDREN, Area.ATTENDANCE)

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(ctx, events, prefix="children", row_padding=12, side_width=420, parent=parent)
        self.title_label.setText(self.tr("儿童"))
        role = ctx.actor.role
        self.can_write = allowed(role, "children", WRITE) and allowed(role, "child.basic", WRITE)
        self.sees_profile = allowed(role, "child.profile", READ)
        self.can_follow_up = allowed(role, "child.followups", WRITE)
        # The librarian issues library cards at the desk: the card button is theirs too.
        self.can_card = allowed(role, "child.basic", WRITE) or allowed(role, "circulation", WRITE)
        # An import can fill every field group; a promotion changes grade, class and status.
        self.can_import = allowed(role, "children", WRITE) and all(
            allowed(role, group, WRITE) for group in CHILD_GROUPS if group != "child.followups"
        )
        self.can_promote = self.can_write and allowed(role, "child.profile", WRITE)
        self.current_id: int | None = None
        self._total = 0
        # Seam the tests replace: the native file dialog is modal. Gets the suggested file, returns the chosen one.
        self.choose_export_file: Callable[[Path], str] = lambda suggested: QFileDialog.getSaveFileName(
            self,
            self.tr("导出花名册"),
            str(suggested),
            self.tr("Excel 文件 (*.xlsx);;CSV 文件 (*.csv)"),
        )[0]

        self._build_header()
        self._build_filters()
        self.model = ChildTableModel(role, self)
        self.table.setModel(self.model)
        size_columns(self.table, self.model)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_edit())
        self._build_panels()
        self.splitter.setSizes(list(SIZES_BROWSE))
        self.undo_button = UndoPromotionButton(ctx, self.ops, self.message, can_promote=self.can_promote)
        self.undo_button.undone.connect(lambda _count: self.ensure_fresh())
        self.status_row.addWidget(self.undo_button)

        self.add_shortcuts(("Ctrl+N", self.open_add), ("Ctrl+I", self.open_import), ("F2", self.open_edit))
        self._show_detail(None)

    # ========================================================================================= building

    def _build_header(self) -> None:
        self.add_button = action_button("childrenAdd", self.tr("登记新儿童  Ctrl+N"), self.open_add)
        self.import_button = action_button(
            "childrenImport", self.tr("导入花名册…"), self.open_import, tip="Ctrl+I"
        )
        self.export_button = action_button("childrenExport", self.tr("导出花名册…"), self.open_export)
        self.promote_button = action_button(
            "childrenPromote",
            self.tr("全体升一级…"),
            self.open_promote,
            tip=self.tr("新学年开学时：所有在册儿童升一个年级，初三儿童离开"),
        )
        self.add_actions(self.add_button, self.import_button, self.export_button, self.promote_button)
        self.add_button.setVisible(self.can_write)
        self.import_button.setVisible(self.can_import)
        self.promote_button.setVisible(self.can_promote)

    def _build_filters(self) -> None:
        self.search.setPlaceholderText(self.tr("姓名、拼音首字母（如 wzh）、班级、借书证号…  Ctrl+F"))
        self.search.setMaxLength(100)
        self.class_filter = QComboBox()
        self.class_filter.setObjectName("childrenClassFilter")
        self.class_filter.addItem(self.tr("全部班级"), None)
        self.class_filter.setMinimumContentsLength(7)
        self.class_filter.setMaxVisibleItems(24)
        self.add_filter(self.class_filter, 1)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("childrenStatusFilter")
        self.status_filter.addItem(self.tr("在册"), dom.ACTIVE)
        self.status_filter.addItem(self.tr("离开"), dom.LEFT)
        self.status_filter.addItem(self.tr("全部"), None)
        self.add_filter(self.status_filter)
        self.special_only = QCheckBox(self.tr("只看重点关注 ★"))
        self.special_only.setObjectName("childrenSpecialOnly")
        self.add_filter(self.special_only)
        # Filtering by status or by the special-attention mark would reveal them.
        self.status_filter.setVisible(self.sees_profile)
        self.special_only.setVisible(self.sees_profile)

    def _build_panels(self) -> None:
        ctx = self.ctx
        self.detail_panel = ChildDetailPanel(
            ctx,
            self.ops,
            self.message,
            can_write=self.can_write,
            sees_profile=self.sees_profile,
            can_follow_up=self.can_follow_up,
            can_card=self.can_card,
        )
        self.detail_panel.edit_requested.connect(self.open_edit)
        self.detail_panel.follow_up_requested.connect(self.open_follow_up)
        self.detail_panel.changed.connect(self.ensure_fresh)
        self.add_panel(self.detail_panel, home=True)
        self.form = ChildForm(ctx)
        self.form.saved.connect(self._saved)
        self.form.closed.connect(self.close_panel)
        self.add_panel(self.form)
        self.follow_up_form = FollowUpForm(ctx)
        self.follow_up_form.saved.connect(self._saved)
        self.follow_up_form.closed.connect(self.close_panel)
        self.add_panel(self.follow_up_form)
        self.import_panel = ImportPanel(ctx, children_import_kind())
        self.import_panel.imported.connect(lambda _result: self._changed())
        self.import_panel.closed.connect(self.close_panel)
        self.add_panel(self.import_panel)
        self.export_panel = ChildrenExportPanel(
            ctx, lambda suggested: self.choose_export_file(suggested), sees_profile=self.sees_profile
        )
        self.export_panel.closed.connect(self.close_panel)
        self.export_panel.exported.connect(self._exported)
        self.add_panel(self.export_panel)
        self.promote_panel = PromotePanel(ctx, self.ops)
        self.promote_panel.closed.connect(self.close_panel)
        self.promote_panel.promoted.connect(self._promoted)
        self.add_panel(self.promote_panel)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            self.search.setFocus()  # coming to the page means looking someone up: type at once

    # ========================================================================================= list

    def refresh(self) -> None:
        self._fill_classes()
        everyone = self.ops.run(lambda: service.list_children(self.ctx), refused=self.message).value
        if everyone is not None:
            self._total = len(everyone)
        self.run_search()
        if self.side.currentWidget() is self.detail_panel:
            self._show_detail(self.current_id)
        self.undo_button.offer()
        super().refresh()

    def _fill_classes(self) -> None:
        current = self.class_filter.currentData()
        classes = self.ops.run(lambda: service.list_classes(self.ctx), refused=lambda _exc: None).value or []
        self.class_filter.blockSignals(True)
        self.class_filter.clear()
        self.class_filter.addItem(self.tr("全部班级"), None)
        for name in classes:
            self.class_filter.addItem(name, name)
        index = self.class_filter.findData(current) if current else 0
        self.class_filter.setCurrentIndex(max(index, 0))
        self.class_filter.blockSignals(False)
        self.form.set_classes(classes)

    def _filters_active(self) -> bool:
        return bool(
            self.search.text().strip()
            or self.class_filter.currentData()
            or self.status_filter.currentData() != dom.ACTIVE
            or self.special_only.isChecked()
        )

    def run_search(self) -> None:
        """Search as you type; the selected child stays selected while still listed."""
        status = self.status_filter.currentData() if self.sees_profile else dom.ACTIVE
        rows = self.ops.run(
            lambda: service.list_children(
                self.ctx,
                self.search.text(),
                class_name=self.class_filter.currentData(),
                status=status,
                special_only=self.sees_profile and self.special_only.isChecked(),
            ),
            refused=self.message,
        ).value
        self.model.set_rows(rows or [])
        if self._filters_active():
            self.count_label.setText(self.tr("找到 %1 名").replace("%1", str(len(self.model.rows))))
        else:
            self.count_label.setText(self.tr("在册 %1 名").replace("%1", str(self._total)))
        row = self._row_of(self.current_id)
        if row is None and len(self.model.rows) == 1:
            row = 0  # exactly one match: show it (Enter then edits)
        if row is not None:
            self.select_row(row)

    def _row_of(self, child_id: int | None) -> int | None:
        if child_id is None:
            return None
        return next((n for n, r in enumerate(self.model.rows) if r.id == child_id), None)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current)
        if row is None or row.id == self.current_id:
            return
        self.current_id = row.id
        self.detail_panel.hide_action()
        if self.side.currentWidget() is self.detail_panel:
            self._show_detail(row.id)

    def select_child(self, child_id: int) -> None:
        """Show this child (selected in the list when listed; a search that hides them is cleared)."""
        self.current_id = child_id
        if self._row_of(child_id) is None and self.search.text():
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.run_search()
        row = self._row_of(child_id)
        if row is not None:
            self.select_row(row)
        if self.side.currentWidget() is self.detail_panel:
            self._show_detail(child_id)

    def table_key(self, key: int) -> bool:
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_edit()
            return True
        return False

    def _show_detail(self, child_id: int | None) -> None:
        if not self.detail_panel.show_child(child_id):
            self.current_id = None

    # ========================================================================================= panels

    def _show_panel(self, panel: QWidget, sizes: tuple[int, int] = SIZES_BROWSE) -> None:
        self.detail_panel.hide_action()
        self.show_panel(panel)
        self.splitter.setSizes(list(sizes))

    def panel_busy(self) -> bool:
        return self.import_panel.busy or self.exporting

    def close_panel(self) -> bool:
        if not super().close_panel():
            return False
        self.splitter.setSizes(list(SIZES_BROWSE))
        self._show_detail(self.current_id)
        self.table.setFocus()
        return True

    def escape_panel(self, panel: QWidget) -> None:
        if panel is self.form:
            self.form.escape()  # asks before dropping what was typed
        else:
            self.close_panel()

    def escape_home(self) -> bool:
        return self.detail_panel.hide_action()

    def open_add(self) -> None:
        if not self.can_write:
            return
        self.form.start_new()
        self._show_panel(self.form, SIZES_FORM)
        self.form.name.setFocus()

    def open_edit(self) -> None:
        child_id = self.current_id
        if not self.can_write or child_id is None:
            return
        detail = self.ops.run(lambda: service.get_child(self.ctx, child_id), refused=self.message).value
        if detail is None:
            return
        self.form.start_edit(detail)
        self._show_panel(self.form, SIZES_FORM)
        self.form.name.setFocus()

    def open_follow_up(self) -> None:
        detail = self.detail_panel.detail
        if not self.can_follow_up or detail is None:
            return
        self.follow_up_form.start(detail.id, detail.label)
        self._show_panel(self.follow_up_form)
        self.follow_up_form.note.setFocus()

    def open_import(self) -> None:
        if not self.can_import:
            return
        if self.side.currentWidget() is not self.import_panel:
            self.import_panel.reset()
        self._show_panel(self.import_panel)
        self.import_panel.choose_button.setFocus()

    @property
    def exporting(self) -> bool:
        return self.export_panel.exporting

    def open_export(self) -> None:
        self._show_panel(self.export_panel)
        self.export_panel.start()  # the running export's progress and result stay on the panel

    def open_promote(self) -> None:
        if not self.can_promote or not self.promote_panel.start(refused=self.message):
            return
        self._show_panel(self.promote_panel)
        self.promote_panel.back.setFocus()  # the safe choice is the default

    # ========================================================================================= results

    def _changed(self) -> None:
        """After a commit made in a form or the import: every page showing children reloads (this one too,
        keeping the selection)."""
        self.announce(Area.CHILDREN)
        self.ensure_fresh()  # not visible: the announcement only marked it stale

    def _saved(self, child_id: int, text: str) -> None:
        self.current_id = child_id
        self.side.setCurrentWidget(self.detail_panel)
        self.splitter.setSizes(list(SIZES_BROWSE))
        show_message(self.message, text, ok=True)
        self._changed()
        self.select_child(child_id)
        self.table.setFocus()

    def _exported(self, text: str) -> None:
        self.close_panel()
        show_message(self.message, text, ok=True)

    def _promoted(self, text: str, token: str) -> None:
        self.close_panel()
        show_message(self.message, text, ok=True)
        self.ensure_fresh()
        self.undo_button.offer(token)
