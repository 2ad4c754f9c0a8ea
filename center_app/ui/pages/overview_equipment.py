"""The overview's equipment line: what was lent today (or earlier) and is not back by closing time — who has what —
with a link to the equipment page, where it is taken back. One line in the page's title row (the whole list in its
tooltip); hidden while everything is back."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from center_app.context import AppContext

#: loans named in the line; the rest are counted ("等")
NAMED = 5


class OneLineLabel(QLabel):
    """A label that shows as much of its text as fits in one line (… at the end) and the whole in its tooltip; it
    takes the width its layout gives it instead of asking for its text's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(text)
        self._elide()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(min(super().sizeHint().width(), self.width()), super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = max(0, self.contentsRect().width() - 2)
        shown = self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, room)
        if shown != self.text():
            self.setText(shown)


class EquipmentUnreturned(QFrame):
    """``refresh()`` reads ``equipment.unreturned_at_closing``; ``open_equipment`` when the link is pressed."""

    open_equipment = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewEquipmentUnreturned")
        self.setStyleSheet(
            "QFrame#overviewEquipmentUnreturned { background: #fef9c3; border: 1px solid #facc15;"
            " border-radius: 6px; }"
        )
        self.ctx = ctx
        self.count = 0
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 0, 2, 0)
        row.setSpacing(4)
        self.text = OneLineLabel()
        self.text.setObjectName("overviewEquipmentUnreturnedText")
        row.addWidget(self.text, 1)
        self.go = QPushButton(self.tr("去器材页收回"))
        self.go.setObjectName("overviewEquipmentGo")
        self.go.setFlat(True)  # a link more than a button: the line is no taller than the title beside it
        self.go.setCursor(Qt.CursorShape.PointingHandCursor)
        self.go.setStyleSheet("QPushButton { color: #1d4ed8; text-decoration: underline; padding: 2px 6px; }")
        self.go.clicked.connect(lambda _checked=False: self.open_equipment.emit())
        row.addWidget(self.go)
        self.hide()

    @property
    def summary(self) -> str:
        """The whole line (the label shows as much as fits)."""
        return self.text.full_text

    def refresh(self, now: dt.datetime | None = None) -> None:
        from center_app.services import equipment  # after the first paint: start-up does not wait for it

        loans = equipment.unreturned_at_closing(self.ctx, now)
        self.count = len(loans)
        if not loans:
            self.hide()
            return
        who_what = [
            f"{loan.borrower} {loan.item_name}"
            + (f"（{loan.unit_barcode}）" if loan.unit_barcode else f" {loan.out}{loan.unit}")
            for loan in loans[:NAMED]
        ]
        text = (
            self.tr("器材到闭馆还没还（%1 笔）：%2")
            .replace("%1", str(len(loans)))
            .replace("%2", "、".join(who_what))
        )
        if len(loans) > NAMED:
            text += self.tr(" 等")
        self.text.set_full_text(text)
        self.show()
