"""打印书标和借书证: spine labels for books, library cards for a class, as a PDF on A4 label sheets.

Label sheets are bought by the pack and used up part by part, so the panel remembers which sheet was used last
and where on it the next label goes, and shows the sheet: grey squares are already used, blue ones will be
printed now; clicking a square starts there. A trial print draws the label outlines on plain paper to hold
against a sheet. The PDF goes to the data folder's exports and opens in the PDF reader, which prints it.

Library cards carry children's names: they are printed only for roles that may see the names and give out card
numbers, and every print is written to the audit log before its PDF (``library_cards.print_cards``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain.errors import DomainError, PermissionDenied, ValidationError
from center_app.domain.label_grid import PRESETS, LabelGrid
from center_app.domain.permissions import READ, WRITE, allowed
from center_app.reports.labels import SheetResult, SpineLabel
from center_app.services import library_cards, settings
from center_app.ui.events import Area, DataEvents
from center_app.ui.operations import Operations
from center_app.ui.pages.catalog_forms import heading_label
from center_app.ui.pages.catalog_print_cards import CardsChooser
from center_app.ui.pages.label_sheets import (
    CARDS,
    DEFAULT_GRID,
    SETTING_KEY,
    SPINE,
    barcode_range,
    fits,
    grid_text,
    safe_file_part,
    unique_path,
)
from center_app.ui.widgets.messages import show_message
from center_app.ui.widgets.sheet_preview import SheetPreview

__all__ = ["CARDS", "SETTING_KEY", "SPINE", "LabelSource", "PrintPanel", "barcode_range", "fits", "safe_file_part"]

#: builds the spine labels for these barcodes (unknown barcodes are left out)
LabelSource = Callable[[Sequence[str]], list[SpineLabel]]
#: what a print wrote: (PDF, labels or cards, the sheet result, a note for the message, card numbers given out)
_Printed = tuple[Path, int, SheetResult, str, int]


class PrintPanel(QWidget):
    """Spine labels (for chosen barcodes) or library cards (for a class), then a PDF opened for printing."""

    closed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        events: DataEvents,
        label_source: LabelSource,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printPanel")
        self.ctx = ctx
        self.events = events
        # The catalogue page says the books changed; the panel says so for children given card numbers.
        self.ops = Operations(ctx, events.announce)
        self.label_source = label_source
        # Seam the tests replace: opening a PDF starts another program.
        self.open_file: Callable[[Path], object] = lambda path: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(path))
        )
        role = ctx.actor.role
        self.can_cards = allowed(role, "child.basic", READ) and allowed(role, "circulation", WRITE)
        self._memory: dict[str, dict[str, Any]] = self._load_memory()  # JSON kept in the settings table
        self._selected: tuple[str, tuple[str, ...]] | None = None  # (title, barcodes) of the selected book
        self._recent: tuple[str, tuple[str, ...]] | None = None  # (what, barcodes) just catalogued/imported
        # Copies catalogued this session whose labels were not printed yet: one sheet for a whole pile of books.
        self._unprinted: list[str] = []
        self._user_source: str | None = None  # the source the user picked in the combo
        self.last_pdf: Path | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(heading_label(self.tr("打印书标和借书证")), 1)
        close = QPushButton(self.tr("关闭"))
        close.setObjectName("printClose")
        close.clicked.connect(self.closed.emit)
        top.addWidget(close)
        layout.addLayout(top)

        kinds = QHBoxLayout()
        self.kind_spine = QRadioButton(self.tr("书标"))
        self.kind_spine.setObjectName("printKindSpine")
        self.kind_cards = QRadioButton(self.tr("借书证"))
        self.kind_cards.setObjectName("printKindCards")
        self.kind_cards.setEnabled(self.can_cards)
        if not self.can_cards:
            self.kind_cards.setToolTip(self.tr("借书证上有儿童姓名，只有图书管理员、社工和管理员可以打印。"))
        group = QButtonGroup(self)
        group.addButton(self.kind_spine)
        group.addButton(self.kind_cards)
        self.kind_spine.setChecked(True)
        kinds.addWidget(self.kind_spine)
        kinds.addWidget(self.kind_cards)
        kinds.addStretch(1)
        layout.addLayout(kinds)

        self.what = QStackedWidget()
        self.what.addWidget(self._build_spine_box())
        self.cards = CardsChooser(self.ops, self._refused)
        self.cards.changed.connect(self._update_summary)
        # names tests use; ``children`` hides QObject.children(), which nothing calls on this panel
        self.class_combo = self.cards.class_combo
        self.children = self.cards.child_list  # type: ignore[method-assign, assignment]
        self.what.addWidget(self.cards)
        layout.addWidget(self.what)

        sheet_row = QHBoxLayout()
        form = QFormLayout()
        form.setSpacing(6)
        self.grid_combo = QComboBox()
        self.grid_combo.setObjectName("printGrid")
        self.start_spin = QSpinBox()
        self.start_spin.setObjectName("printStart")
        self.start_spin.setMinimum(1)
        self.guides = QCheckBox(self.tr("白纸试印（画出格线）"))
        self.guides.setObjectName("printGuides")
        self.guides.setToolTip(
            self.tr("先用白纸试印，叠在标签纸上对着光看是否对齐；试印不计入标签纸的用量。")
        )
        form.addRow(self.tr("标签纸："), self.grid_combo)
        form.addRow(self.tr("起始格："), self.start_spin)
        form.addRow(self.guides)
        legend = QLabel(self.tr("右图：灰色是用过的格，蓝色是这次要打印的；点一格就从那里开始。"))
        legend.setObjectName("printSheetHint")
        legend.setWordWrap(True)
        legend.setStyleSheet("color: #64748b;")
        form.addRow(legend)
        self.summary = QLabel()
        self.summary.setObjectName("printSummary")
        self.summary.setWordWrap(True)
        form.addRow(self.summary)
        sheet_row.addLayout(form, 1)
        self.sheet = SheetPreview()
        self.sheet.start_chosen.connect(self.start_spin.setValue)
        sheet_row.addWidget(self.sheet, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(sheet_row)

        buttons = QHBoxLayout()
        self.go = QPushButton(self.tr("生成 PDF 并打开(&P)"))
        self.go.setObjectName("printGo")
        self.go.clicked.connect(self.print_now)
        buttons.addWidget(self.go)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("printMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._layout = layout

        self.kind_spine.toggled.connect(lambda _on: self._kind_changed())
        self.grid_combo.currentIndexChanged.connect(lambda _i: self._grid_changed())
        self.start_spin.valueChanged.connect(lambda _v: self._update_summary())
        self._fill_sources()
        self._kind_changed()

    # --- building -----------------------------------------------------------------------------------------

    def _build_spine_box(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(6)
        self.source = QComboBox()
        self.source.setObjectName("printSource")
        self.source.currentIndexChanged.connect(lambda _i: self._source_changed())
        self.source.activated.connect(lambda _i: setattr(self, "_user_source", self.source.currentData()))
        form.addRow(self.tr("打印哪些书："), self.source)
        self.range_box = QWidget()
        row = QHBoxLayout(self.range_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.range_from = QLineEdit()
        self.range_from.setObjectName("printFrom")
        self.range_from.setPlaceholderText("T0000001")
        self.range_to = QLineEdit()
        self.range_to.setObjectName("printTo")
        self.range_to.setPlaceholderText("T0000050")
        row.addWidget(self.range_from, 1)
        row.addWidget(QLabel(self.tr("到")))
        row.addWidget(self.range_to, 1)
        for edit in (self.range_from, self.range_to):
            edit.editingFinished.connect(self._update_summary)
        form.addRow(self.tr("条码范围："), self.range_box)
        self.range_label = form.labelForField(self.range_box)
        return box

    # --- what to print ------------------------------------------------------------------------------------

    @property
    def kind(self) -> str:
        return CARDS if self.kind_cards.isChecked() else SPINE

    def set_selected(self, title: str | None, barcodes: Sequence[str] = ()) -> None:
        """The book selected in the catalogue (its copies' labels are one choice)."""
        self._selected = (title, tuple(barcodes)) if title and barcodes else None
        self._fill_sources()

    def offer(self, barcodes: Sequence[str], what: str) -> None:
        """Preselect spine labels for these barcodes (just catalogued or imported)."""
        self._recent = (what, tuple(barcodes)) if barcodes else None
        self._user_source = None
        self.kind_spine.setChecked(True)
        self._fill_sources()
        self.message.clear()

    def add_unprinted(self, barcodes: Sequence[str]) -> None:
        """New copies (typed or added here): they wait in "本次新登记、还没打印书标的" until printed."""
        self._unprinted.extend(b for b in barcodes if b not in self._unprinted)
        self._fill_sources()

    def show_cards(self) -> None:
        if self.can_cards:
            self.kind_cards.setChecked(True)

    def _fill_sources(self) -> None:
        """The choices, and which is current: the user's own pick while it exists, else the newest offer, else
        the selected book, else a range."""
        self.source.blockSignals(True)
        self.source.clear()
        if self._recent is not None:
            what, codes = self._recent
            self.source.addItem(
                self.tr("%1（%2 张）").replace("%1", what).replace("%2", str(len(codes))), "recent"
            )
        if self._unprinted:
            self.source.addItem(
                self.tr("本次新登记、还没打印书标的 %1 册").replace("%1", str(len(self._unprinted))),
                "unprinted",
            )
        if self._selected is not None:
            title, codes = self._selected
            self.source.addItem(
                self.tr("选中的书《%1》的全部 %2 册").replace("%1", title).replace("%2", str(len(codes))),
                "selected",
            )
        self.source.addItem(self.tr("按条码范围…"), "range")
        at = self.source.findData(self._user_source) if self._user_source else -1
        self.source.setCurrentIndex(max(0, at))
        self.source.blockSignals(False)
        self._source_changed()

    def _source_changed(self) -> None:
        is_range = self.source.currentData() == "range"
        self.range_box.setVisible(is_range)
        if self.range_label is not None:
            self.range_label.setVisible(is_range)
        self._update_summary()

    def spine_barcodes(self) -> list[str]:
        """The barcodes chosen (raises ValidationError for a bad range)."""
        choice = self.source.currentData()
        if choice == "recent" and self._recent is not None:
            return list(self._recent[1])
        if choice == "selected" and self._selected is not None:
            return list(self._selected[1])
        if choice == "unprinted":
            return list(self._unprinted)
        if not self.range_from.text().strip():
            return []
        return barcode_range(self.range_from.text(), self.range_to.text())

    # --- whose cards (catalog_print_cards.CardsChooser) -------------------------------------------------------

    def _load_classes(self) -> None:
        if self.can_cards:
            self.cards.load_classes()

    def choose_class(self, class_name: str) -> bool:
        return self.cards.choose_class(class_name)

    def _check_all(self, on: bool) -> None:
        self.cards.check_all(on)

    def chosen_children(self) -> list[int]:
        return self.cards.chosen()

    def reset_children(self) -> None:
        """Children changed (card numbers given, a class renamed): reload, staying on the same class."""
        self.cards.reset(reload=self.kind == CARDS)

    # --- sheet and start position -------------------------------------------------------------------------

    def _kind_changed(self) -> None:
        kind = self.kind
        self.what.setCurrentIndex(1 if kind == CARDS else 0)
        # A stacked widget is as tall as its tallest page; the hidden page must not hold the space open.
        for n in range(self.what.count()):
            policy = (
                QSizePolicy.Policy.Preferred if n == self.what.currentIndex() else QSizePolicy.Policy.Ignored
            )
            page = self.what.widget(n)
            assert page is not None  # 0 <= n < count
            page.setSizePolicy(policy, policy)
        # The children's list takes the spare height; the few spine-label fields keep to the top.
        self._layout.setStretchFactor(self.what, 1 if kind == CARDS else 0)
        self._layout.setStretch(self._layout.count() - 1, 0 if kind == CARDS else 1)
        if kind == CARDS:
            self._load_classes()
        remembered = self._memory.get(kind, {})
        self.grid_combo.blockSignals(True)
        self.grid_combo.clear()
        for key, grid in PRESETS.items():
            if fits(kind, grid):
                self.grid_combo.addItem(grid_text(grid), key)
                self.grid_combo.setItemData(
                    self.grid_combo.count() - 1, grid.describe(), Qt.ItemDataRole.ToolTipRole
                )
        at = self.grid_combo.findData(remembered.get("grid", DEFAULT_GRID[kind]))
        self.grid_combo.setCurrentIndex(max(0, at))
        self.grid_combo.blockSignals(False)
        self._grid_changed(int(remembered.get("start", 1) or 1))

    def grid(self) -> LabelGrid:
        return PRESETS[self.grid_combo.currentData() or DEFAULT_GRID[self.kind]]

    def _grid_changed(self, start: int | None = None) -> None:
        grid = self.grid()
        self.start_spin.setMaximum(grid.per_page)
        if start is None:
            remembered = self._memory.get(self.kind, {})
            start = int(remembered.get("start", 1) or 1) if remembered.get("grid") == grid.name else 1
        self.start_spin.setValue(min(max(1, start), grid.per_page))
        self._update_summary()

    def _count(self) -> int:
        if self.kind == CARDS:
            return len(self.chosen_children())
        try:
            return len(self.spine_barcodes())
        except ValidationError:
            return 0

    def _update_summary(self) -> None:
        grid = self.grid()
        count = self._count()
        start = self.start_spin.value()
        self.sheet.show_sheet(grid, start, min(count, grid.per_page - start + 1))
        noun = self.tr("张借书证") if self.kind == CARDS else self.tr("张书标")
        if not count:
            text = self.tr("还没有选择要打印的内容。")
        else:
            text = (
                self.tr("共 %1 %2，用 %3 张标签纸。")
                .replace("%1", str(count))
                .replace("%2", noun)
                .replace("%3", str(grid.pages_needed(start, count)))
            )
        self.summary.setText(text)
        self.go.setEnabled(count > 0)

    # --- memory (settings for whoever may write them, else this session only) ------------------------------

    def _load_memory(self) -> dict[str, dict[str, Any]]:
        done = self.ops.run(lambda: settings.get_setting(self.ctx, SETTING_KEY, {}), refused=lambda _exc: None)
        value = done.value if done.ok else {}
        return (
            {k: dict(v) for k, v in value.items() if isinstance(v, dict)} if isinstance(value, dict) else {}
        )

    def _remember(self, kind: str, grid: LabelGrid, next_start: int) -> None:
        self._memory[kind] = {"grid": grid.name, "start": next_start}
        if allowed(self.ctx.actor.role, "settings", WRITE):
            memory = dict(self._memory)
            self.ops.run(lambda: settings.set_setting(self.ctx, SETTING_KEY, memory), refused=self._not_remembered)

    def _not_remembered(self, exc: DomainError) -> None:
        if not isinstance(exc, PermissionDenied):  # then it is kept for this session only
            show_message(self.message, exc.message)

    def _refused(self, exc: DomainError) -> None:
        show_message(self.message, exc.message)

    # --- printing -----------------------------------------------------------------------------------------

    def print_now(self) -> Path | None:
        """Write the PDF, open it, remember where the next label goes. Returns the PDF's path (None if refused)."""
        grid, start, trial = self.grid(), self.start_spin.value(), self.guides.isChecked()
        centre = settings.get_centre(self.ctx).name
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
        folder = self.ctx.data_dir.exports
        folder.mkdir(parents=True, exist_ok=True)
        write = self._print_cards if self.kind == CARDS else self._print_spine
        printed = self.ops.run(
            lambda: write(grid, start, centre, stamp, folder, trial),
            changes=Area.CHILDREN,  # card numbers given out: the pages that list children
            changed=lambda done: done is not None and done[4] > 0,
            refused=self.message,
        ).value
        if printed is None:
            return None
        path, count, result, note, new_cards = printed
        if new_cards:
            self.reset_children()  # show the numbers
        self.last_pdf = path
        noun = self.tr("张借书证") if self.kind == CARDS else self.tr("张书标")
        text = (
            self.tr("已生成 %1：%2 %3，%4 页。")
            .replace("%1", path.name)
            .replace("%2", str(count))
            .replace("%3", noun)
            .replace("%4", str(result.pages))
        )
        if trial:
            text += " " + self.tr("这是试印（画了格线），标签纸的用量不变。")
        else:
            self._remember(self.kind, grid, result.next_start_position)
            text += " " + self.tr("放好标签纸后从 PDF 阅读器打印（“实际大小”，不要“适合页面”）。")
            self.start_spin.setValue(result.next_start_position)
        show_message(self.message, f"{text} {note}".strip(), ok=True)
        self.open_file(path)
        return path

    def _print_spine(
        self, grid: LabelGrid, start: int, centre: str, stamp: str, folder: Path, trial: bool
    ) -> _Printed | None:
        from center_app.reports.labels import spine_labels_pdf

        barcodes = self.spine_barcodes()
        labels = self.label_source(barcodes)
        if not labels:
            show_message(self.message, self.tr("没有找到这些条码的书，没有生成 PDF。"))
            return None
        choice = self.source.currentData()
        if choice == "selected" and self._selected is not None:
            what = self._selected[0]
        elif choice == "recent" and self._recent is not None:
            what = self._recent[0]
        elif choice == "unprinted":
            what = self.tr("新登记")
        else:
            what = f"{labels[0].barcode}-{labels[-1].barcode}"
        path = unique_path(folder, f"书标_{safe_file_part(what)}_{len(labels)}张_{stamp}")
        result = spine_labels_pdf(path, labels, grid, start, centre_name=centre, guides=trial)
        if not trial and self._unprinted:
            printed = {label.barcode for label in labels}
            self._unprinted = [b for b in self._unprinted if b not in printed]
            self._fill_sources()
        missing = len(barcodes) - len(labels)
        note = self.tr("有 %1 个条码没有对应的书，已跳过。").replace("%1", str(missing)) if missing else ""
        return path, len(labels), result, note, 0

    def _print_cards(
        self, grid: LabelGrid, start: int, centre: str, stamp: str, folder: Path, trial: bool
    ) -> _Printed | None:
        ids = self.chosen_children()
        class_name = self.class_combo.currentData() or ""
        named = class_name or self.tr("未分班")
        path = unique_path(folder, f"借书证_{safe_file_part(named)}_{len(ids)}张_{stamp}")
        # One use case: card numbers for those without, the audit entry, then the PDF.
        printed = library_cards.print_cards(
            self.ctx, ids, path, grid, start, centre_name=centre, guides=trial
        )
        new = printed.new_numbers
        note = self.tr("新发了 %1 个借书证号。").replace("%1", str(new)) if new else ""
        return path, len(printed.holders), printed.sheet, note, new
