"""The lines above the roll-call grid: who took this register and when (or that nobody has yet, or that the day is
closed), how many marks are not saved, and the totals per code; and, when another PC has saved the same register
since this one read it, a notice saying who and when, with a button to show their marks ("载入对方的考勤 (F5)":
this PC's unsaved marks stay)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from center_app.services.attendance import RegisterStamp, RegisterView
from center_app.ui.models.roll_call_model import RollCallModel
from center_app.ui.widgets.fonts import bigger

NOTE_STYLE = "color: #b45309; font-weight: bold;"  # the roll not taken yet, a closed day
INFO_STYLE = "color: #334155;"
OTHER_DESK_STYLE = (
    "QFrame#rollCallOtherDesk { background: #fffbeb; border: 1px solid #f59e0b; border-radius: 4px; }"
    "QLabel#rollCallOtherDeskText { color: #92400e; font-weight: bold; }"
)


class RollCallStatus(QWidget):
    #: the notice's button: show what the other PC saved, keeping this PC's unsaved marks
    load_theirs = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lines = QVBoxLayout(self)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(4)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        lines.addLayout(row)
        self.status = QLabel()
        self.status.setObjectName("rollCallStatus")
        self.status.setWordWrap(True)
        row.addWidget(self.status, 1)
        self.unsaved = QLabel()
        self.unsaved.setObjectName("rollCallUnsaved")
        self.unsaved.setStyleSheet("color: #c2410c; font-weight: bold;")
        row.addWidget(self.unsaved)
        row.addSpacing(12)
        self.totals = QLabel()
        self.totals.setObjectName("rollCallTotals")
        self.totals.setFont(bigger(self, 4, bold=True))
        row.addWidget(self.totals)

        self.other_desk = QFrame()
        self.other_desk.setObjectName("rollCallOtherDesk")
        self.other_desk.setStyleSheet(OTHER_DESK_STYLE)
        notice = QHBoxLayout(self.other_desk)
        notice.setContentsMargins(10, 2, 4, 2)
        self.other_desk_text = QLabel()
        self.other_desk_text.setObjectName("rollCallOtherDeskText")
        self.other_desk_text.setFont(bigger(self, 1))
        notice.addWidget(self.other_desk_text, 1)
        self.load_theirs_button = QPushButton(self.tr("载入对方的考勤 (F5)"))
        self.load_theirs_button.setObjectName("rollCallLoadTheirs")
        self.load_theirs_button.setToolTip(self.tr("显示对方保存的考勤；你还没保存的不变"))
        self.load_theirs_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the keys in the grid
        self.load_theirs_button.clicked.connect(self.load_theirs.emit)
        notice.addWidget(self.load_theirs_button)
        lines.addWidget(self.other_desk)
        self.other_desk.hide()
        self.other_desk_stamp: RegisterStamp | None = None
        self.view: RegisterView | None = None

    def show_other_desk(self, stamp: RegisterStamp, *, same_account: bool) -> None:
        """Another PC saved this register at ``stamp.saved_at`` (``same_account``: signed in as this user)."""
        when = stamp.saved_at
        if when is None:
            return
        stamp_text = (
            f"{when:%H:%M}" if when.date() == dt.date.today() else f"{when.month}月{when.day}日 {when:%H:%M}"
        )
        if same_account:
            text = self.tr("另一台电脑也在点这张表，已于 %1 保存").replace("%1", stamp_text)
        elif stamp.saved_by:
            text = (
                self.tr("%1正在点这张表，已于 %2 保存")
                .replace("%1", stamp.saved_by)
                .replace("%2", stamp_text)
            )
        else:
            text = self.tr("别人正在点这张表，已于 %1 保存").replace("%1", stamp_text)
        self.other_desk_text.setText(text)
        self.other_desk_stamp = stamp
        self.other_desk.show()
        self.show_view(self.view)  # "今天还没点名" is no longer true

    def hide_other_desk(self) -> None:
        self.other_desk_stamp = None
        self.other_desk.hide()

    def show_view(self, view: RegisterView | None) -> None:
        self.view = view
        if view is None:
            self.status.setText("")
            return
        parts: list[str] = []  # the date and the register are in the pickers above
        style = INFO_STYLE
        if view.register_id is None and self.other_desk_stamp is not None:
            pass  # taken on another PC since: the notice below says who and when
        elif view.register_id is None:
            if view.activity_id is not None:
                parts.append(self.tr("这节课还没点名"))
            elif view.on_date == dt.date.today():
                parts.append(self.tr("今天还没点名"))
            else:
                parts.append(self.tr("这一天还没点名"))
            style = NOTE_STYLE
        else:
            taken = self.tr("%1 点名").replace(
                "%1", self._who_when(view.taken_by, view.taken_at, view.on_date)
            )
            parts.append(taken)
            if view.last_saved_at is not None and view.last_saved_at != view.taken_at:
                parts.append(
                    self.tr("最后保存：%1").replace(
                        "%1", self._who_when(view.last_saved_by, view.last_saved_at, view.on_date)
                    )
                )
        if not view.is_open_day:
            parts.append(self.tr("不是开放日（如有活动仍可点名）"))
            style = NOTE_STYLE
        if view.scope == "regulars":
            parts.append(self.tr("名单：最近几次来过这门课的孩子"))
        self.status.setStyleSheet(style)
        self.status.setText("　·　".join(parts))

    def _who_when(self, who: str, when: dt.datetime | None, day: dt.date) -> str:
        who = who or self.tr("有人")
        if when is None:
            return who
        stamp = f"{when:%H:%M}" if when.date() == day else f"{when:%m-%d %H:%M}"
        return f"{who} {stamp}"

    def show_counts(self, model: RollCallModel) -> None:
        per_code, unmarked, total = model.counts()
        parts = [f"{c.label} {per_code.get(c.code, 0)}" for c in model.codes.codes]
        parts.append(self.tr("未点 %1 / %2").replace("%1", str(unmarked)).replace("%2", str(total)))
        self.totals.setText(" · ".join(parts))
        count = model.unsaved_count()
        self.unsaved.setText(self.tr("未保存 %1 人").replace("%1", str(count)) if count else "")
