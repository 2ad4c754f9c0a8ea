"""新书登记 / 修改图书信息: the title form, shown beside the catalogue table (a panel, not a modal dialog).

Made for a pile of donated books and a USB scanner: the ISBN comes first, and a scan (digits + Enter) moves on to
the next field; when that ISBN is already catalogued the form says so at once and offers to add a copy instead —
the common case for donations. Enter moves from field to field, Ctrl+S saves, Esc (the page's) closes. Every problem is listed
at once in red and nothing is saved; the rules are ``TitleInput.validated`` and the catalogue service's.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain import books, clc
from center_app.domain.errors import DomainError, ValidationError
from center_app.services import catalog
from center_app.services.catalog import DuplicateTitle, TitleDetail
from center_app.ui.models.title_table import grade_labels
from center_app.ui.operations import Operations
from center_app.ui.widgets.forms import line_of
from center_app.ui.widgets.messages import show_message

#: ``isbn_lookup(isbn13)`` → (title id, title, copies) of the catalogued book with that ISBN, or None
IsbnLookup = Callable[[str], "tuple[int, str, int] | None"]


def class_items() -> list[tuple[str, str]]:
    """(text, letter) for the 22 CLC classes: ``("I 文学", "I")``."""
    return [(f"{c.letter} {c.name}", c.letter) for c in clc.CLASSES]


def heading_label(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSize(font.pointSize() + 3)
    font.setBold(True)
    label.setFont(font)
    return label


class TitleForm(QWidget):
    """One title: new (with copies) or an existing one's record. Emits what it did; the page refreshes."""

    #: a title was saved: (title id, barcodes of new copies — empty when a record was edited)
    saved = Signal(int, object)
    #: copies were added to an existing title instead of cataloguing a duplicate: (title id, barcodes)
    copies_added = Signal(int, object)
    #: the user asked to print labels for these barcodes: (barcodes, what they are, for the print panel)
    print_requested = Signal(object, str)
    closed = Signal()

    def __init__(
        self, ctx: AppContext, isbn_lookup: IsbnLookup | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("titleForm")
        self.ctx = ctx
        self.ops = Operations(ctx)  # the catalogue page says the books changed (it handles saved / copies_added)
        self.isbn_lookup = isbn_lookup
        self.editing: TitleDetail | None = None
        self._duplicate: DuplicateTitle | None = None
        self._existing_id: int | None = None  # the title the duplicate offer adds copies to
        self._printable: tuple[str, ...] = ()
        self._printable_what = ""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.heading = heading_label(self.tr("新书登记"))
        self.heading.setObjectName("titleFormHeading")
        top.addWidget(self.heading, 1)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setObjectName("titleFormClose")
        self.close_button.setToolTip("Esc")
        self.close_button.clicked.connect(self.close_form)
        top.addWidget(self.close_button)
        layout.addLayout(top)
        hint = QLabel(self.tr("扫描 ISBN 后自动跳到书名。回车：下一项　Ctrl+S：保存　Esc：关闭"))
        hint.setObjectName("titleFormHint")
        hint.setStyleSheet("color: #64748b;")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        self.isbn = self._line("titleFormIsbn", 20, self.tr("扫描或输入，没有可不填"))
        self.title = self._line("titleFormTitle", books.LIMITS["title"][1])
        self.author = self._line("titleFormAuthor", books.LIMITS["author"][1])
        self.publisher = self._line("titleFormPublisher", books.LIMITS["publisher"][1])
        self.year = self._line("titleFormYear", 6, self.tr("如 2015"))
        self.price = self._line("titleFormPrice", 12, self.tr("元"))
        self.clc = QComboBox()
        self.clc.setObjectName("titleFormClc")
        self.clc.setEditable(True)
        self.clc.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.clc.addItem("", "")
        for text, letter in class_items():
            self.clc.addItem(text, letter)
        self.clc.setMinimumContentsLength(8)
        self.clc.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.clc.view().setMinimumWidth(300)  # the popup shows the whole class names
        line_of(self.clc).setPlaceholderText(self.tr("如 I287.5"))
        self.clc.setToolTip(self.tr("中图法分类号：选大类，或输入完整分类号（如 I287.5），索书号自动生成"))
        self.grade = QComboBox()
        self.grade.setObjectName("titleFormGrade")
        for band, label in grade_labels().items():
            self.grade.addItem(label, band)
        self.subjects = self._line("titleFormSubjects", books.LIMITS["subjects"][1], self.tr("如 童话；动物"))
        self.copies = QSpinBox()
        self.copies.setObjectName("titleFormCopies")
        self.copies.setRange(0, catalog.MAX_COPIES_AT_ONCE)
        self.copies.setValue(1)
        self.copies.setSuffix(self.tr(" 册"))
        self.location = self._line("titleFormLocation", catalog.MAX_LOCATION_CHARS, self.tr("如 A架3层"))
        self.notes = self._line("titleFormNotes", 2000)

        form = QFormLayout()
        form.setSpacing(6)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("ISBN："), self.isbn)
        form.addRow(self.tr("书名*："), self.title)
        form.addRow(self.tr("作者："), self.author)
        form.addRow(self.tr("出版社："), self.publisher)
        form.addRow(self.tr("出版年："), self._pair(self.year, self.tr("定价："), self.price))
        form.addRow(self.tr("分类号："), self._pair(self.clc, self.tr("年级："), self.grade))
        form.addRow(self.tr("主题词："), self.subjects)
        self.copies_row = self._pair(self.copies, self.tr("位置："), self.location)
        self.copies_label = QLabel(self.tr("册数："))
        form.addRow(self.copies_label, self.copies_row)
        form.addRow(self.tr("备注："), self.notes)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存(&S)"))
        self.save_button.setObjectName("titleFormSave")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(lambda: self.save())
        self.clear_button = QPushButton(self.tr("清空"))
        self.clear_button.setObjectName("titleFormClear")
        self.clear_button.clicked.connect(self.start_new)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.message = QLabel()
        self.message.setObjectName("titleFormMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)

        actions = QHBoxLayout()
        self.add_copy_button = QPushButton()
        self.add_copy_button.setObjectName("titleFormAddCopyInstead")
        self.add_copy_button.clicked.connect(self.add_copy_instead)
        self.save_anyway_button = QPushButton(self.tr("不是同一本，仍然登记"))
        self.save_anyway_button.setObjectName("titleFormSaveAnyway")
        self.save_anyway_button.clicked.connect(lambda: self.save(allow_duplicate=True))
        self.print_button = QPushButton()
        self.print_button.setObjectName("titleFormPrintLabels")
        self.print_button.clicked.connect(
            lambda: self.print_requested.emit(list(self._printable), self._printable_what)
        )
        for button in (self.add_copy_button, self.save_anyway_button, self.print_button):
            actions.addWidget(button)
            button.hide()
        actions.addStretch(1)
        layout.addLayout(actions)
        layout.addStretch(1)

        # Enter moves on (a scanner ends with Enter); Enter in the last field saves.
        self._order: list[QWidget] = [
            self.isbn,
            self.title,
            self.author,
            self.publisher,
            self.year,
            self.price,
            self.clc,
            self.grade,
            self.subjects,
            self.copies,
            self.location,
            self.notes,
        ]
        for widget in self._order:
            widget.installEventFilter(self)
        for inner in (self.clc.lineEdit(), self.copies.findChild(QLineEdit)):
            if inner is not None:  # the key goes to the editor inside the combo / spin box
                inner.installEventFilter(self)
        # Esc is the page's shortcut (it closes whichever panel is open); two Esc shortcuts would cancel out.
        for key in ("Ctrl+S", "Ctrl+Return"):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda: self.save())
        self.start_new()

    # --- building -----------------------------------------------------------------------------------------

    def _line(self, object_name: str, max_length: int, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(object_name)
        edit.setMaxLength(max_length)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        return edit

    def _pair(self, first: QWidget, label: str, second: QWidget) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(first, 1)
        row.addWidget(QLabel(label))
        row.addWidget(second, 1)
        return box

    # --- modes --------------------------------------------------------------------------------------------

    def start_new(self) -> None:
        """An empty form for the next book. The location and grade are kept: a pile usually shares them."""
        self.editing = None
        self.heading.setText(self.tr("新书登记"))
        self._clear_fields(keep_location=True)
        self.copies.setValue(1)
        self._set_copies_visible(True)
        self._reset_offers()
        self.message.clear()
        self.isbn.setFocus()

    def start_edit(self, detail: TitleDetail) -> None:
        self.editing = detail
        self.heading.setText(self.tr("修改《%1》").replace("%1", detail.title))
        self._clear_fields(keep_location=False)
        self.isbn.setText(detail.isbn13 or "")
        self.title.setText(detail.title)
        self.author.setText(detail.author)
        self.publisher.setText(detail.publisher)
        self.year.setText(str(detail.pub_year) if detail.pub_year else "")
        self.price.setText(f"{detail.price_fen / 100:.2f}" if detail.price_fen is not None else "")
        self.clc.setEditText(detail.clc_class)
        self.grade.setCurrentIndex(max(0, self.grade.findData(detail.grade_band)))
        self.subjects.setText(detail.subjects)
        self.notes.setText(detail.notes)
        self._set_copies_visible(False)  # copies are added from the detail panel
        self._reset_offers()
        self.message.clear()
        self.title.setFocus()

    def _clear_fields(self, *, keep_location: bool) -> None:
        for edit in (
            self.isbn,
            self.title,
            self.author,
            self.publisher,
            self.year,
            self.price,
            self.subjects,
        ):
            edit.clear()
        self.notes.clear()
        self.clc.setCurrentIndex(0)
        self.clc.setEditText("")
        if not keep_location:
            self.location.clear()
            self.grade.setCurrentIndex(0)

    def _set_copies_visible(self, visible: bool) -> None:
        self.copies_row.setVisible(visible)
        self.copies_label.setVisible(visible)

    def _reset_offers(self) -> None:
        self._duplicate = None
        self._existing_id = None
        for button in (self.add_copy_button, self.save_anyway_button, self.print_button):
            button.hide()

    def close_form(self) -> None:
        self.closed.emit()

    # --- keyboard -----------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            current = next(
                (w for w in self._order if w is watched or (isinstance(watched, QWidget) and w.isAncestorOf(watched))),
                None,
            )
            if current is self.isbn:
                self._isbn_entered()
            elif current is self.notes:
                self.save()
            elif current is not None:
                self._next_field(current)
            return True
        return super().eventFilter(watched, event)

    def _next_field(self, current: QWidget) -> None:
        visible = [w for w in self._order if w.isVisibleTo(self)]
        at = visible.index(current) if current in visible else -1
        if 0 <= at < len(visible) - 1:
            following = visible[at + 1]
            following.setFocus()
            if isinstance(following, QLineEdit):
                following.selectAll()

    def _isbn_entered(self) -> None:
        """A scanned ISBN: say at once if it is wrong or already catalogued, then move on to the title."""
        text = self.isbn.text()
        try:
            isbn13 = books.parse_isbn(text)
        except ValidationError as exc:
            show_message(self.message, exc.message + self.tr("。请核对后重新扫描或输入。"))
            self.isbn.selectAll()
            return
        self._reset_offers()
        self.message.clear()
        found = self.isbn_lookup(isbn13) if isbn13 and self.isbn_lookup and self.editing is None else None
        if found is not None:
            title_id, title, copies = found
            self._existing_id = title_id
            show_message(
                self.message,
                self.tr("《%1》已经登记过（现有 %2 册）。是同一本书的话，直接加册即可。")
                .replace("%1", title)
                .replace("%2", str(copies)),
            )
            self._offer_add_copy(title)
            self.add_copy_button.setFocus()  # Enter (or Space) adds the copy: the scan-scan-Enter rhythm
            return
        self.title.setFocus()
        self.title.selectAll()

    # --- saving -------------------------------------------------------------------------------------------

    def title_input(self) -> books.TitleInput:
        return books.TitleInput(
            title=self.title.text(),
            author=self.author.text(),
            publisher=self.publisher.text(),
            pub_year=self.year.text(),
            isbn=self.isbn.text(),
            clc=self._clc_text(),
            grade_band=self.grade.currentData() or "",
            subjects=self.subjects.text(),
            price=self.price.text(),
            notes=self.notes.text(),
        )

    def _clc_text(self) -> str:
        text = self.clc.currentText().strip()
        at = self.clc.findText(text)
        if at > 0:
            return str(self.clc.itemData(at))
        return text.split()[0] if text else ""  # "I287.5 文学" → "I287.5"

    def save(self, allow_duplicate: bool = False) -> bool:
        self._reset_offers()
        data = self.title_input()
        if self.editing is not None:
            title_id = self.editing.id
            detail = self.ops.run(
                lambda: catalog.update_title(self.ctx, title_id, data, allow_duplicate=allow_duplicate),
                refused=self._refused,
            ).value
            if detail is None:
                return False
            self.editing = detail
            show_message(self.message, self.tr("已保存《%1》。").replace("%1", detail.title), ok=True)
            self.saved.emit(detail.id, ())
            return True
        copies, location = self.copies.value(), self.location.text()
        result = self.ops.run(
            lambda: catalog.add_title(self.ctx, data, copies, location, allow_duplicate=allow_duplicate),
            refused=self._refused,
        ).value
        if result is None:
            return False
        title = " ".join(data.title.split())
        text = (
            self.tr("已登记《%1》，索书号 %2。").replace("%1", title).replace("%2", result.call_number or "—")
        )
        if result.barcodes:
            text += " " + self.tr("条码：%1").replace("%1", _barcode_span(result.barcodes))
        self.saved.emit(result.title_id, result.barcodes)
        location = self.location.text()
        self.start_new()
        self.location.setText(location)
        show_message(self.message, text + "\n" + self.tr("请扫描下一本书。"), ok=True)
        self._offer_print(result.barcodes, title)
        return True

    def _refused(self, exc: DomainError) -> None:
        if isinstance(exc, DuplicateTitle):
            self._show_duplicate(exc)
        elif isinstance(exc, ValidationError):
            self._show_problems(exc)
        else:
            show_message(self.message, exc.message)

    def _show_problems(self, exc: ValidationError) -> None:
        if exc.problems:
            lines = "\n".join(f"• {p}" for p in exc.problems)
            show_message(self.message, self.tr("没有保存，请改正：") + "\n" + lines)
        else:
            show_message(self.message, exc.message)

    def _show_duplicate(self, exc: DuplicateTitle) -> None:
        self._duplicate = exc
        self._existing_id = exc.title_id
        if self.editing is not None:
            show_message(self.message, self.tr("没有保存：已有《%1》。").replace("%1", exc.title))
        else:
            show_message(self.message, exc.message)
            self._offer_add_copy(exc.title)
        if exc.by == "match_key":  # same name and author without ISBN: may really be another edition
            self.save_anyway_button.show()

    def _offer_add_copy(self, title: str) -> None:
        n = max(1, self.copies.value())
        self.add_copy_button.setText(self.tr("为《%1》加 %2 册").replace("%1", title).replace("%2", str(n)))
        self.add_copy_button.show()

    def add_copy_instead(self) -> bool:
        """Add this form's number of copies (at least one) to the catalogued title it duplicates."""
        if self._existing_id is None:
            return False
        title_id = self._existing_id
        n, location = max(1, self.copies.value()), self.location.text()
        added = self.ops.run(
            lambda: (catalog.add_copies(self.ctx, title_id, n, location), catalog.get_title(self.ctx, title_id)),
            refused=self.message,
        ).value
        if added is None:
            return False
        barcodes, detail = added
        self.copies_added.emit(title_id, tuple(barcodes))
        location = self.location.text()
        self.start_new()
        self.location.setText(location)
        show_message(
            self.message,
            self.tr("已为《%1》加 %2 册（现有 %3 册），条码：%4。")
            .replace("%1", detail.title)
            .replace("%2", str(len(barcodes)))
            .replace("%3", str(detail.holdings))
            .replace("%4", _barcode_span(barcodes))
            + "\n"
            + self.tr("请扫描下一本书。"),
            ok=True,
        )
        self._offer_print(tuple(barcodes), detail.title)
        return True

    def _offer_print(self, barcodes: tuple[str, ...], title: str) -> None:
        if not barcodes:
            return
        self._printable = barcodes
        self._printable_what = self.tr("《%1》的新书标").replace("%1", title)
        self.print_button.setText(self.tr("打印这 %1 张书标…").replace("%1", str(len(barcodes))))
        self.print_button.show()


def _barcode_span(barcodes: tuple[str, ...] | list[str]) -> str:
    """``T0000001`` or ``T0000001–T0000003`` (new copies get consecutive numbers)."""
    if not barcodes:
        return ""
    return barcodes[0] if len(barcodes) == 1 else f"{barcodes[0]}–{barcodes[-1]}"
