"""打印书标和借书证: spine labels for books, library cards for a class, as a PDF on A4 label sheets.

Label sheets are bought by the pack and used up part by part, so the panel remembers which sheet was used last
and where on it the next label goes, and shows the sheet: grey squares are already used, blue ones will be
printed now; clicking a square starts there. A trial print draws the label outlines on plain paper to hold
against a sheet. The PDF goes to the data folder's exports and opens in the PDF reader, which prints it.

Library cards carry children's names: they are printed only for roles that may see the names and give out card
numbers, and every print is written to the audit log before its PDF (``library_cards.print_cards``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain import books
from center_app.domain.errors import DomainError, PermissionDenied, ValidationError
from center_app.domain.label_grid import A4_HEIGHT_MM, A4_WIDTH_MM, PRESETS, LabelGrid
from center_app.domain.permissions import READ, WRITE, allowed
from center_app.reports.cards import MIN_CARD_HEIGHT_MM, MIN_CARD_WIDTH_MM
from center_app.reports.labels import SheetResult, SpineLabel
from center_app.services import library_cards, settings
from center_app.ui.events import DataEvents
from center_app.ui.pages.catalog_forms import heading_label
from center_app.ui.widgets.messages import show_message

SPINE = "spine"
CARDS = "cards"
SETTING_KEY = "label_printing"  # {"spine": {"grid": "a4-24", "start": 5}, "cards": {...}}
DEFAULT_GRID = {SPINE: "a4-24", CARDS: "cards-10"}
MAX_RANGE = 2000  # labels from one barcode range: more is a typo in the range
_CODE = re.compile(r"^([A-Z]*)(\d+)$")

#: builds the spine labels for these barcodes (unknown barcodes are left out)
LabelSource = Callable[[Sequence[str]], list[SpineLabel]]
#: what a print wrote: (PDF, labels or cards, the sheet result, a note for the message)
_Printed = tuple[Path, int, SheetResult, str]


def fits(kind: str, grid: LabelGrid) -> bool:
    """Cards need a card-sized label; spine labels go on the small A4 sheets (a card sheet would waste them)."""
    card_size = grid.label_width_mm >= MIN_CARD_WIDTH_MM and grid.label_height_mm >= MIN_CARD_HEIGHT_MM
    return card_size if kind == CARDS else grid.label_width_mm <= 80


def grid_text(grid: LabelGrid) -> str:
    """Short, for the chooser: ``A4 24 格（70×37 毫米）``; the tooltip gives ``grid.describe()``."""
    return f"A4 {grid.per_page} 格（{grid.label_width_mm:g}×{grid.label_height_mm:g} 毫米）"


def barcode_range(first: str, last: str) -> list[str]:
    """``T0000001``…``T0000050`` → the 50 barcodes between (same letters, same number of digits)."""
    a, b = books.clean_barcode(first), books.clean_barcode(last or first)
    ma, mb = _CODE.match(a), _CODE.match(b)
    if not ma or not mb or ma[1] != mb[1] or len(ma[2]) != len(mb[2]):
        raise ValidationError("条码范围应写成同一种条码的首尾两个，如 T0000001 到 T0000050。")
    low, high = sorted((int(ma[2]), int(mb[2])))
    if high - low + 1 > MAX_RANGE:
        raise ValidationError(f"一次最多打印 {MAX_RANGE} 张书标，请缩小条码范围。")
    width = len(ma[2])
    return [f"{ma[1]}{n:0{width}d}" for n in range(low, high + 1)]


def safe_file_part(text: str, limit: int = 20) -> str:
    """Text fit for a file name on Windows (no \\/:*?"<>| and no dots or spaces at the ends)."""
    cleaned = re.sub(r'[\\/:*?"<>|\s]+', "", text)[:limit].strip(". ")
    return cleaned or "未命名"


def unique_path(folder: Path, stem: str, suffix: str = ".pdf") -> Path:
    path = folder / f"{stem}{suffix}"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}{suffix}"
        n += 1
    return path


class SheetPreview(QWidget):
    """A small picture of one label sheet: used positions grey, the ones to print blue. Click to choose the
    start."""

    start_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printSheet")
        self.grid: LabelGrid | None = None
        self.start = 1
        self.count = 0
        self.setFixedSize(QSize(106, 149))  # A4's proportions
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("点击一格，从那一格开始打印"))

    def show_sheet(self, grid: LabelGrid, start: int, count: int) -> None:
        self.grid, self.start, self.count = grid, start, count
        self.update()

    def _scale(self) -> float:
        return min((self.width() - 2) / A4_WIDTH_MM, (self.height() - 2) / A4_HEIGHT_MM)

    def _slot_rect(self, grid: LabelGrid, slot: int) -> QRectF:
        k = self._scale()
        x, y = grid.slot_origin(slot)
        return QRectF(1 + x * k, 1 + y * k, grid.label_width_mm * k, grid.label_height_mm * k)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        k = self._scale()
        painter.fillRect(QRectF(1, 1, A4_WIDTH_MM * k, A4_HEIGHT_MM * k), QColor("white"))
        painter.setPen(QPen(QColor("#888888")))
        painter.drawRect(QRectF(1, 1, A4_WIDTH_MM * k, A4_HEIGHT_MM * k))
        if self.grid is None:
            return
        last = self.start + self.count - 1
        for slot in range(1, self.grid.per_page + 1):
            if slot < self.start:
                colour = QColor("#bbbbbb")  # peeled off already
            elif slot <= last:
                colour = QColor("#3b82f6")
            else:
                colour = QColor("#f1f5f9")
            rect = self._slot_rect(self.grid, slot).adjusted(0.5, 0.5, -0.5, -0.5)
            painter.fillRect(rect, colour)
            painter.setPen(QPen(QColor("#64748b"), 0.5))
            painter.drawRect(rect)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self.grid is None:
            return
        point = event.position()
        for slot in range(1, self.grid.per_page + 1):
            if self._slot_rect(self.grid, slot).contains(point):
                self.start_chosen.emit(slot)
                return


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
        self.label_source = label_source
        # Seam the tests replace: opening a PDF starts another program.
        self.open_file: Callable[[Path], object] = lambda path: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(path))
        )
        role = ctx.actor.role
        self.can_cards = allowed(role, "child.basic", READ) and allowed(role, "circulation", WRITE)
        self._memory: dict[str, dict[str, object]] = self._load_memory()
        self._selected: tuple[str, tuple[str, ...]] | None = None  # (title, barcodes) of the selected book
        self._recent: tuple[str, tuple[str, ...]] | None = None  # (what, barcodes) just catalogued/imported
        # Copies catalogued this session whose labels were not printed yet: one sheet for a whole pile of books.
        self._unprinted: list[str] = []
        self._user_source: str | None = None  # the source the user picked in the combo
        self._children_loaded_for: str | None = None
        self._without_card: set[int] = set()
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
        self.what.addWidget(self._build_cards_box())
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

    def _build_cards_box(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("班级：")))
        self.class_combo = QComboBox()
        self.class_combo.setObjectName("printClass")
        self.class_combo.currentIndexChanged.connect(lambda _i: self._load_children())
        row.addWidget(self.class_combo, 1)
        self.select_all = QPushButton(self.tr("全选"))
        self.select_all.setObjectName("printSelectAll")
        self.select_all.clicked.connect(lambda: self._check_all(True))
        self.select_none = QPushButton(self.tr("全不选"))
        self.select_none.setObjectName("printSelectNone")
        self.select_none.clicked.connect(lambda: self._check_all(False))
        row.addWidget(self.select_all)
        row.addWidget(self.select_none)
        layout.addLayout(row)
        self.children = QListWidget()
        self.children.setObjectName("printChildren")
        self.children.itemChanged.connect(lambda _item: self._update_summary())
        layout.addWidget(self.children, 1)
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

    def _load_classes(self) -> None:
        if not self.can_cards or self.class_combo.count():
            return
        try:
            groups = library_cards.list_classes(self.ctx)
        except DomainError as exc:
            show_message(self.message, exc.message)
            return
        self.class_combo.blockSignals(True)
        for g in groups:
            name = g.class_name or self.tr("未分班")
            text = self.tr("%1（%2 人）").replace("%1", name).replace("%2", str(g.children))
            if g.without_card:
                text += self.tr("，%1 人还没有借书证号").replace("%1", str(g.without_card))
            self.class_combo.addItem(text, g.class_name)
        self.class_combo.setCurrentIndex(-1)
        self.class_combo.blockSignals(False)
        if groups:
            self.class_combo.setCurrentIndex(0)

    def choose_class(self, class_name: str) -> bool:
        self._load_classes()
        at = self.class_combo.findData(class_name)
        if at >= 0:
            self.class_combo.setCurrentIndex(at)
            self._load_children()
        return at >= 0

    def _load_children(self) -> None:
        class_name = self.class_combo.currentData()
        if class_name is None or class_name == self._children_loaded_for:
            return
        try:
            holders = library_cards.children_of_class(self.ctx, class_name)
        except DomainError as exc:
            show_message(self.message, exc.message)
            return
        self._children_loaded_for = class_name
        self._without_card = {h.id for h in holders if not h.card_barcode}
        self.children.blockSignals(True)
        self.children.clear()
        for h in holders:
            card = h.card_barcode or self.tr("（打印时分配证号）")
            item = QListWidgetItem(f"{h.name}　{card}")
            item.setData(Qt.ItemDataRole.UserRole, h.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.children.addItem(item)
        self.children.blockSignals(False)
        self._update_summary()

    def _check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self.children.blockSignals(True)
        for n in range(self.children.count()):
            self.children.item(n).setCheckState(state)
        self.children.blockSignals(False)
        self._update_summary()

    def chosen_children(self) -> list[int]:
        return [
            int(self.children.item(n).data(Qt.ItemDataRole.UserRole))
            for n in range(self.children.count())
            if self.children.item(n).checkState() == Qt.CheckState.Checked
        ]

    def reset_children(self) -> None:
        """Children changed (card numbers given, a class renamed): reload, staying on the same class."""
        current = self.class_combo.currentData()
        self.class_combo.blockSignals(True)
        self.class_combo.clear()
        self.class_combo.blockSignals(False)
        self.children.clear()
        self._children_loaded_for = None
        if self.kind == CARDS:
            self._load_classes()
            if current is not None:
                self.choose_class(current)

    # --- sheet and start position -------------------------------------------------------------------------

    def _kind_changed(self) -> None:
        kind = self.kind
        self.what.setCurrentIndex(1 if kind == CARDS else 0)
        # A stacked widget is as tall as its tallest page; the hidden page must not hold the space open.
        for n in range(self.what.count()):
            policy = (
                QSizePolicy.Policy.Preferred if n == self.what.currentIndex() else QSizePolicy.Policy.Ignored
            )
            self.what.widget(n).setSizePolicy(policy, policy)
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

    def _load_memory(self) -> dict[str, dict[str, object]]:
        try:
            value = settings.get_setting(self.ctx, SETTING_KEY, {})
        except DomainError:
            value = {}
        return (
            {k: dict(v) for k, v in value.items() if isinstance(v, dict)} if isinstance(value, dict) else {}
        )

    def _remember(self, kind: str, grid: LabelGrid, next_start: int) -> None:
        self._memory[kind] = {"grid": grid.name, "start": next_start}
        if allowed(self.ctx.actor.role, "settings", WRITE):
            with contextlib.suppress(PermissionDenied):  # then it is kept for this session only
                settings.set_setting(self.ctx, SETTING_KEY, self._memory)

    # --- printing -----------------------------------------------------------------------------------------

    def print_now(self) -> Path | None:
        """Write the PDF, open it, remember where the next label goes. Returns the PDF's path (None if refused)."""
        grid, start, trial = self.grid(), self.start_spin.value(), self.guides.isChecked()
        centre = settings.get_centre(self.ctx).name
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
        folder = self.ctx.data_dir.exports
        folder.mkdir(parents=True, exist_ok=True)
        try:
            if self.kind == CARDS:
                printed = self._print_cards(grid, start, centre, stamp, folder, trial)
            else:
                printed = self._print_spine(grid, start, centre, stamp, folder, trial)
        except DomainError as exc:
            show_message(self.message, exc.message)
            return None
        if printed is None:
            return None
        path, count, result, note = printed
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
        return path, len(labels), result, note

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
        if new:  # card numbers were given out: show them, and tell the pages that list children
            self.reset_children()
            self.events.data_changed.emit("children")
        note = self.tr("新发了 %1 个借书证号。").replace("%1", str(new)) if new else ""
        return path, len(printed.holders), printed.sheet, note
