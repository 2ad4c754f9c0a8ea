"""Small parts of the inline forms (a child's file, a follow-up, a guardian): fields made the same way, Enter that
moves on like people fill a paper form, and every problem on its own line."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from center_app.domain.errors import DomainError, ValidationError


def bold_heading(text: str, *, size: int = 3) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSize(font.pointSize() + size)
    font.setBold(True)
    label.setFont(font)
    return label


def section_heading(text: str) -> QLabel:
    """A group title inside a form: bold, with a rule under it so the long form reads as blocks."""
    label = bold_heading(text, size=1)
    label.setStyleSheet("border-bottom: 1px solid #cbd5e1; padding-top: 6px; padding-bottom: 2px;")
    return label


def problem_text(exc: DomainError) -> str:
    """Every problem on its own line: a form with four mistakes shows four lines, not one long sentence."""
    if isinstance(exc, ValidationError) and exc.problems:
        return "\n".join(f"• {line}" for line in exc.problems)
    return exc.message


def problems_of(exc: DomainError) -> list[str]:
    """The problems a refusal lists (a ValidationError's), else its one sentence."""
    return exc.problems if isinstance(exc, ValidationError) and exc.problems else [exc.message]


def line_edit(name: str, limit: int, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setMaxLength(limit)
    edit.setPlaceholderText(placeholder)
    return edit


def note_edit(name: str, lines: int = 2) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def choices(name: str, items: Sequence[tuple[str, Any]], *, editable: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setEditable(editable)
    if editable:
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    for text, data in items:
        combo.addItem(text, data)
    return combo


def line_of(combo: QComboBox) -> QLineEdit:
    """The line edit of an editable combo box (``setEditable(True)`` creates it)."""
    line = combo.lineEdit()
    assert line is not None, "the combo box is not editable"
    return line


def select_data(combo: QComboBox, value: Any) -> None:
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
            if isinstance(widget, QComboBox) and (line := widget.lineEdit()) is not None:
                line.installEventFilter(self)

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
                    following = widgets[at + 1]
                    following.setFocus()
                    if isinstance(following, QLineEdit):
                        following.selectAll()
                elif self.on_last is not None:
                    self.on_last()
                return True
        return super().eventFilter(watched, event)
