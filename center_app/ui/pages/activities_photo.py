"""The photo panel of the 活动记录 tab: a photo just chosen (添加照片…) or one already kept (核对照片里的儿童…), shown
small, with the children in it ticked in a list — the activity's attendees first, each child without a guardian's
photo consent marked in red — and a caption. Saving adds the photo (``activities.add_photo``: copied into the data
folder, upright and resized) or says who is in it (``activities.tag_photo``). A photo with a child without consent
is kept but never printed; the panel says so before it is saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImageReader, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain.activities import CAPTION_MAX
from center_app.domain.pinyin import matches, person_name_keys
from center_app.services import activities
from center_app.services.activities import ChildChoice, PhotoRow
from center_app.ui.events import Area
from center_app.ui.operations import Operations
from center_app.ui.widgets.forms import line_edit, problem_text
from center_app.ui.widgets.headings import heading
from center_app.ui.widgets.messages import show_message
from center_app.ui.widgets.tables import RED

PREVIEW = QSize(360, 140)


def thumbnail(path: Path, size: QSize) -> QPixmap:
    """A photo decoded at the size it is shown (a JPEG decodes small fast; a null pixmap for a missing file)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    original = reader.size()
    if original.isValid():
        reader.setScaledSize(original.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return QPixmap.fromImage(image) if not image.isNull() else QPixmap()


class PhotoPanel(QWidget):
    """Add a photo (``open_new``) or check who is in one (``open_photo``). ``saved(photo_row)`` after the service
    wrote it (announced); ``closed``."""

    saved = Signal(object)
    closed = Signal()

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activitiesPhotoPanel")
        self.ctx = ctx
        self.ops = ops
        self.activity_id: int | None = None
        self.source: Path | None = None  # a new photo's file
        self.photo: PhotoRow | None = None  # a kept photo being checked
        self.choices: list[ChildChoice] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.heading = heading(self.tr("添加照片"))
        top.addWidget(self.heading, 1)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setObjectName("activitiesPhotoClose")
        self.close_button.setToolTip("Esc")
        self.close_button.clicked.connect(self.closed.emit)
        top.addWidget(self.close_button)
        layout.addLayout(top)

        self.preview = QLabel()
        self.preview.setObjectName("activitiesPhotoPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedHeight(PREVIEW.height())
        self.preview.setStyleSheet("background: #f1f5f9;")
        layout.addWidget(self.preview)
        self.caption = line_edit(
            "activitiesPhotoCaption", CAPTION_MAX, self.tr("照片说明，如 孩子们在读绘本")
        )
        layout.addWidget(self.caption)
        self.hint = QLabel(self.tr("勾选照片里的儿童（没有儿童就不勾）："))
        self.hint.setObjectName("activitiesPhotoHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.filter = line_edit("activitiesPhotoFilter", 50, self.tr("找儿童：姓名、拼音首字母、班级"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        layout.addWidget(self.filter)
        self.children_list = QListWidget()
        self.children_list.setObjectName("activitiesPhotoChildren")
        self.children_list.setMinimumHeight(self.fontMetrics().height() * 4)
        self.children_list.itemChanged.connect(lambda _item: self._say_consent())
        layout.addWidget(self.children_list, 1)
        self.consent = QLabel()
        self.consent.setObjectName("activitiesPhotoConsent")
        self.consent.setWordWrap(True)
        self.consent.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.consent.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.consent)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存照片(&S)"))
        self.save_button.setObjectName("activitiesPhotoSave")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(lambda: self.save())
        buttons.addWidget(self.save_button)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setObjectName("activitiesPhotoCancel")
        self.cancel_button.clicked.connect(self.closed.emit)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("activitiesPhotoMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        save = QShortcut(QKeySequence("Ctrl+S"), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(lambda: self.save())

    # --- opening ------------------------------------------------------------------------------------------------

    def open_new(self, activity_id: int, source: Path) -> bool:
        """A photo chosen from the disk, for this activity: nobody ticked yet."""
        self.activity_id, self.source, self.photo = activity_id, source, None
        self.heading.setText(self.tr("添加照片"))
        self.caption.clear()
        self.message.clear()
        self._show_preview(source)
        if self.preview.pixmap().isNull():
            show_message(
                self.message,
                self.tr("“%1”不是能识别的照片文件（请选 JPG 或 PNG 照片）。").replace("%1", source.name),
            )
        return self._load_children(set())

    def open_photo(self, photo: PhotoRow) -> bool:
        """A kept photo: who is in it, and its caption."""
        self.activity_id, self.source, self.photo = photo.activity_id, None, photo
        self.heading.setText(self.tr("核对照片里的儿童"))
        self.caption.setText(photo.caption)
        self.message.clear()
        self._show_preview(photo.path)
        return self._load_children({c.child_id for c in photo.children})

    def _show_preview(self, path: Path) -> None:
        pixmap = thumbnail(path, PREVIEW)
        self.preview.setPixmap(pixmap)
        self.preview.setToolTip(path.name)

    def _load_children(self, ticked: set[int]) -> bool:
        activity_id = self.activity_id
        if activity_id is None:
            return False
        found = self.ops.run(
            lambda: activities.photo_children_choices(self.ctx, activity_id), refused=self.message
        ).value
        self.choices = list(found or [])
        self.children_list.blockSignals(True)
        try:
            self.children_list.clear()
            for choice in self.choices:
                text = choice.display
                if choice.attended:
                    text += self.tr(" · 出勤")
                if not choice.consent:
                    text += self.tr(" · 未同意拍照")
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, choice.child_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if choice.child_id in ticked else Qt.CheckState.Unchecked
                )
                if not choice.consent:
                    item.setForeground(RED)
                    item.setToolTip(self.tr("监护人还没有签字同意拍照：有这个孩子的照片不会印在报告里"))
                self.children_list.addItem(item)
        finally:
            self.children_list.blockSignals(False)
        self.filter.clear()
        self._say_consent()
        return found is not None

    # --- ticking ------------------------------------------------------------------------------------------------

    def _filter(self, text: str) -> None:
        for n, choice in enumerate(self.choices):
            item = self.children_list.item(n)
            shown = matches(text, choice.name, *person_name_keys(choice.name)) or matches(
                text, choice.class_name
            )
            item.setHidden(not shown)

    def ticked(self) -> list[int]:
        return [
            self.children_list.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.children_list.count())
            if self.children_list.item(n).checkState() == Qt.CheckState.Checked
        ]

    def tick(self, child_id: int, on: bool = True) -> None:
        for n in range(self.children_list.count()):
            item = self.children_list.item(n)
            if item.data(Qt.ItemDataRole.UserRole) == child_id:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _say_consent(self) -> None:
        ticked = set(self.ticked())
        without = [c.name for c in self.choices if c.child_id in ticked and not c.consent]
        if without:
            show_message(
                self.consent,
                self.tr("%1 的监护人还没有同意拍照：这张照片会保存，但不会印在活动报告里。").replace(
                    "%1", "、".join(without)
                ),
            )
        else:
            self.consent.setStyleSheet("color: #64748b;")
            self.consent.setText(
                self.tr("已勾选 %1 名儿童，都同意拍照：这张照片可以印在活动报告里。").replace(
                    "%1", str(len(ticked))
                )
                if ticked
                else self.tr("没有勾选儿童：照片里没有孩子时（如布置好的教室、作品），可以印在报告里。")
            )

    # --- saving -------------------------------------------------------------------------------------------------

    def save(self) -> PhotoRow | None:
        activity_id, children, caption = self.activity_id, self.ticked(), self.caption.text()
        if activity_id is None:
            return None
        source, photo = self.source, self.photo
        if photo is not None:
            call = lambda: activities.tag_photo(self.ctx, photo.id, children, caption=caption)  # noqa: E731
        elif source is not None:
            call = lambda: activities.add_photo(  # noqa: E731
                self.ctx, activity_id, source, child_ids=children, caption=caption
            )
        else:
            return None
        row = self.ops.run(
            call, changes=Area.ACTIVITIES, refused=lambda exc: show_message(self.message, problem_text(exc))
        ).value
        if row is None:
            return None
        self.saved.emit(row)
        return row
