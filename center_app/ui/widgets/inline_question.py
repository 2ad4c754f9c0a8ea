"""A question in a yellow bar above what it is about — never a modal dialog (it would block the event loop, the idle
lock and the tests, and the pages are driven by the keyboard).

``ask(text, ok=(label, action), cancel=(label, action or None), alt=(label, action))`` shows it with the focus on
the first button; Enter presses the focused button, Esc answers the cancel choice. The objectNames are the page's
prefix + ``Text``, ``Ok``, ``Alt``, ``Cancel`` (``rollCallConfirmOk``…). ``answered`` follows every answer (the page
puts the focus back where the keys go).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from center_app.ui.widgets.fonts import bigger

Choice = tuple[str, Callable[[], object] | None]  # what the callback returns is ignored


class InlineQuestion(QFrame):
    answered = Signal()

    def __init__(
        self, prefix: str, *, with_alt: bool = False, large: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(prefix)
        padding = " padding: 4px;" if large else ""
        self.setStyleSheet(
            f"QFrame#{prefix} {{ background: #fef9c3; border: 1px solid #facc15; border-radius: 6px;{padding} }}"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        self.text = QLabel()
        self.text.setObjectName(prefix + "Text")
        self.text.setWordWrap(True)
        if large:
            self.text.setFont(bigger(self, 2, bold=True))
        row.addWidget(self.text, 1)
        self.ok = QPushButton(self)  # the texts come with each question
        self.ok.setObjectName(prefix + "Ok")
        self.alt = QPushButton(self)
        self.alt.setObjectName(prefix + "Alt")
        self.alt.hide()  # shown by a question that has a third answer (``with_alt``)
        self.cancel = QPushButton(self)
        self.cancel.setObjectName(prefix + "Cancel")
        buttons = (("ok", self.ok), ("alt", self.alt), ("cancel", self.cancel))
        for key, button in buttons:
            if key == "alt" and not with_alt:
                continue
            button.setAutoDefault(True)  # Enter presses the focused button (outside a dialog too)
            if large:
                button.setMinimumHeight(34)
            button.clicked.connect(lambda _checked=False, k=key: self.answer(k))
            row.addWidget(button)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(lambda: self.answer("cancel"))
        self._actions: dict[str, Callable[[], object] | None] = {}
        self.hide()

    def ask(self, text: str, *, ok: Choice, cancel: Choice, alt: Choice | None = None) -> None:
        self.text.setText(text)
        self.ok.setText(ok[0])
        self.cancel.setText(cancel[0])
        self.alt.setVisible(alt is not None)
        if alt is not None:
            self.alt.setText(alt[0])
        self._actions = {"ok": ok[1], "alt": alt[1] if alt else None, "cancel": cancel[1]}
        self.show()
        self.ok.setFocus(Qt.FocusReason.OtherFocusReason)

    def answer(self, which: str) -> None:
        """``ok``, ``alt`` or ``cancel``: hide the question, then do what that answer does."""
        if not self.isVisible():
            return
        action = self._actions.get(which)
        self._actions = {}
        self.hide()
        if action is not None:
            action()
        self.answered.emit()
