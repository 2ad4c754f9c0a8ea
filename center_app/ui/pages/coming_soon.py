"""A page whose area is built by a later issue. It says so plainly instead of pretending."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from center_app.context import AppContext
from center_app.ui.events import DataEvents
from center_app.ui.pages.base import Page, page_title, vbox


class ComingSoonPage(Page):
    def __init__(
        self,
        ctx: AppContext,
        events: DataEvents,
        object_name: str,
        title: str,
        plan: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, events, parent)
        self.setObjectName(object_name)
        layout = vbox(self)
        layout.addWidget(page_title(title))
        notice = QLabel(self.tr("这一部分还在建设中，将在后续版本中提供。") + "\n\n" + plan)
        notice.setObjectName("comingSoonNotice")
        notice.setWordWrap(True)
        notice.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        font = notice.font()
        font.setPointSize(font.pointSize() + 1)
        notice.setFont(font)
        layout.addWidget(notice)
        layout.addStretch(1)
