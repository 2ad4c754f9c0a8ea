"""The line above the roll-call grid: who took this register and when (or that nobody has yet, or that the day is
closed), how many marks are not saved, and the totals per code."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from center_app.services.attendance import RegisterView
from center_app.ui.models.roll_call_model import RollCallModel
from center_app.ui.widgets.fonts import bigger

NOTE_STYLE = "color: #b45309; font-weight: bold;"  # the roll not taken yet, a closed day
INFO_STYLE = "color: #334155;"


class RollCallStatus(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
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

    def show_view(self, view: RegisterView | None) -> None:
        if view is None:
            self.status.setText("")
            return
        parts: list[str] = []  # the date and the register are in the pickers above
        style = INFO_STYLE
        if view.register_id is None:
            if view.activity_id is not None:
                parts.append(self.tr("这节课还没点名"))
            elif view.on_date == dt.date.today():
                parts.append(self.tr("今天还没点名"))
            else:
                parts.append(self.tr("这一天还没点名"))
            style = NOTE_STYLE
        else:
            taken = self.tr("%1 点名").replace("%1", self._who_when(view.taken_by, view.taken_at, view.on_date))
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
