"""The 报表 tab's preview: the report's PDF inside the app (QtPdf), pages one under the other, fit to the width; 上一页
/ 下一页 (PgUp / PgDn on the pages, Home / End), "第 x 页 共 y 页", 缩小 / 放大 / 适合宽度.

The PDF shown is a file the tab wrote (``exports/预览/``); loading another one closes it, and the tab then deletes the
old file (a file still open cannot be deleted on Windows).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 4.0


class PageKeysView(QPdfView):
    """QPdfView whose PgUp / PgDn / Home / End move by whole pages (the scroll bar still scrolls freely)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        navigator = self.pageNavigator()
        pages = self.document().pageCount() if self.document() is not None else 0
        targets = {
            Qt.Key.Key_PageUp: navigator.currentPage() - 1,
            Qt.Key.Key_PageDown: navigator.currentPage() + 1,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: pages - 1,
        }
        key = Qt.Key(event.key())
        if pages and key in targets and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            page = max(0, min(pages - 1, targets[key]))
            navigator.jump(page, QPointF(), navigator.currentZoom())
            event.accept()
            return
        super().keyPressEvent(event)


class PdfPreview(QWidget):
    """The preview pane (see the module doc). ``show_pdf(path, title)``; ``page`` / ``pages`` for the label."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsPreviewPane")
        self.path: Path | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.prev_button = self._button("reportsPrevPage", self.tr("上一页"), "PgUp", self.previous_page)
        self.page_label = QLabel()
        self.page_label.setObjectName("reportsPageLabel")
        self.page_label.setMinimumWidth(
            self.page_label.fontMetrics().horizontalAdvance("第 888 页 共 888 页") + 8
        )
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_button = self._button("reportsNextPage", self.tr("下一页"), "PgDn", self.next_page)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        self.zoom_out_button = self._button(
            "reportsZoomOut", self.tr("缩小"), "", lambda: self.zoom(1 / ZOOM_STEP)
        )
        self.zoom_in_button = self._button("reportsZoomIn", self.tr("放大"), "", lambda: self.zoom(ZOOM_STEP))
        self.fit_button = self._button("reportsFitWidth", self.tr("适合宽度"), "", self.fit_width)
        self.fit_button.setCheckable(True)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.title = QLabel()
        self.title.setObjectName("reportsPreviewTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)

        self.stack = QStackedWidget()
        self.empty = QLabel(
            self.tr(
                "在左边选好报表和它的月份、捐赠方或日期，按“预览”（F5）在这里看生成的报表；"
                "满意了再打印、另存为 PDF 或导出 Excel。"
            )
        )
        self.empty.setObjectName("reportsPreviewEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #64748b; padding: 24px;")
        self.view = PageKeysView(self)
        self.view.setObjectName("reportsPdfView")
        # Made after the view, so that it outlives it when the pane is deleted (the view listens to it).
        self.document = QPdfDocument(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.pageNavigator().currentPageChanged.connect(lambda _p: self._update())
        self.view.zoomModeChanged.connect(lambda _m: self._update())
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)
        layout.addWidget(self.stack, 1)
        self._update()

    def _button(self, name: str, text: str, key: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setMaximumWidth(button.fontMetrics().horizontalAdvance(text) + 28)
        if key:
            button.setToolTip(key)
        button.clicked.connect(lambda: slot())
        return button

    # --- what is shown ----------------------------------------------------------------------------------------

    @property
    def pages(self) -> int:
        return self.document.pageCount() if self.path is not None else 0

    @property
    def page(self) -> int:
        """The page in view, 1-based (0: nothing shown)."""
        return self.view.pageNavigator().currentPage() + 1 if self.pages else 0

    def show_pdf(self, path: Path, title: str) -> int:
        """Show the PDF at ``path`` from its first page; returns its page count (0: it could not be read)."""
        self.document.load(str(path))
        if self.document.status() != QPdfDocument.Status.Ready or self.document.pageCount() < 1:
            self.clear()
            return 0
        self.path = path
        self.stack.setCurrentWidget(self.view)
        self.view.pageNavigator().jump(0, QPointF(), self.view.zoomFactor())
        self.set_title(title)
        self._update()
        return self.document.pageCount()

    def set_title(self, title: str) -> None:
        self.title.setText(title)

    def clear(self) -> None:
        self.document.close()
        self.path = None
        self.title.clear()
        self.stack.setCurrentWidget(self.empty)
        self._update()

    def _update(self) -> None:
        if not (isValid(self.document) and isValid(self.page_label)):
            return  # the pane is being deleted: the view's last page change says nothing to anyone
        pages = self.pages
        self.page_label.setText(
            self.tr("第 %1 页 共 %2 页").replace("%1", str(self.page)).replace("%2", str(pages))
            if pages
            else ""
        )
        self.prev_button.setEnabled(pages > 0 and self.page > 1)
        self.next_button.setEnabled(pages > 0 and self.page < pages)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            button.setEnabled(pages > 0)
        self.fit_button.setChecked(self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth)
        self.title.setVisible(bool(self.title.text()))

    # --- moving and zooming -----------------------------------------------------------------------------------

    def go_to(self, page: int) -> None:
        """Show page ``page`` (1-based)."""
        if self.pages:
            navigator = self.view.pageNavigator()
            navigator.jump(max(0, min(self.pages - 1, page - 1)), QPointF(), navigator.currentZoom())

    def next_page(self) -> None:
        self.go_to(self.page + 1)

    def previous_page(self) -> None:
        self.go_to(self.page - 1)

    def zoom(self, factor: float) -> None:
        if not self.pages:
            return
        current = self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(ZOOM_MIN, min(ZOOM_MAX, current * factor)))
        self._update()

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update()
