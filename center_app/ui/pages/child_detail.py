"""The child's file beside the roster (``childDetail``): name, class and card for everyone, and only the sections the
role may read (docs/permissions.md) — a section a role may not see is left out, not shown empty; the panel says
that the rest is not theirs to see.

Its actions on the shown child: edit the profile and record a follow-up (the page opens those forms), issue or
replace the library card, and leaving the centre / back on the roll — the last two asked first in a small inline
box (``childrenActionBox``), with the date of leaving.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from center_app.context import AppContext
from center_app.domain import children as dom
from center_app.services import children as service
from center_app.services.children import ChildDetail
from center_app.ui.events import Area
from center_app.ui.i18n import format_date
from center_app.ui.operations import Operations
from center_app.ui.pages.children_roster import STAR
from center_app.ui.pages.list_page import action_button
from center_app.ui.widgets.follow_up_form import reason_label
from center_app.ui.widgets.forms import bold_heading as heading
from center_app.ui.widgets.messages import show_message


def esc(value: object) -> str:
    return html.escape(str(value or "")).replace("\n", "<br>")


class ChildDetailPanel(QWidget):
    """``edit_requested``/``follow_up_requested``: the page opens its forms. ``changed``: a card or the status was
    changed here (and announced)."""

    edit_requested = Signal()
    follow_up_requested = Signal()
    changed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        ops: Operations,
        message: QLabel,
        *,
        can_write: bool,
        sees_profile: bool,
        can_follow_up: bool,
        can_card: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("childDetail")
        self.ctx = ctx
        self.ops = ops
        self.message = message  # the page's message line: results and refusals
        self.can_write = can_write
        self.can_card = can_card
        self.detail: ChildDetail | None = None
        self._pending_action: Callable[[], None] | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        self.name = heading("")
        self.name.setObjectName("childDetailName")
        self.name.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.name)
        self.summary = QLabel()
        self.summary.setObjectName("childDetailSummary")
        self.summary.setStyleSheet("color: #334155;")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.action_row = QWidget()
        actions = QHBoxLayout(self.action_row)
        actions.setContentsMargins(0, 2, 0, 2)
        self.edit_button = action_button("childrenEdit", self.tr("修改档案  Enter"), self.edit_requested.emit)
        self.follow_up_button = action_button(
            "childrenFollowUp", self.tr("记录回访"), self.follow_up_requested.emit
        )
        self.card_button = action_button("childrenCard", self.tr("发借书证"), self.card_action)
        self.status_button = action_button("childrenStatus", self.tr("离开…"), self.status_action)
        for button in (self.edit_button, self.follow_up_button, self.card_button, self.status_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addWidget(self.action_row)
        layout.addWidget(self._build_action_box())

        self.no_access = QLabel(self.tr("（无权查看其他信息）"))
        self.no_access.setObjectName("childDetailNoAccess")
        self.no_access.setStyleSheet("color: #64748b;")
        layout.addWidget(self.no_access)

        body = QWidget()
        body.setObjectName("childDetailBody")
        sections = QVBoxLayout(body)
        sections.setContentsMargins(0, 0, 6, 0)
        sections.setSpacing(10)
        self.sections: dict[str, QLabel] = {}
        for key in ("Basic", "Family", "Pickups", "Health", "FollowUps"):
            label = QLabel()
            label.setObjectName(f"childDetail{key}")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.sections[key] = label
            sections.addWidget(label)
        sections.addStretch(1)
        self.sections_scroll = QScrollArea()
        self.sections_scroll.setObjectName("childDetailScroll")
        self.sections_scroll.setWidgetResizable(True)
        self.sections_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.sections_scroll.setWidget(body)
        layout.addWidget(self.sections_scroll, 1)

        self.empty = QLabel()
        self.empty.setObjectName("childDetailEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setStyleSheet("color: #64748b;")
        layout.addWidget(self.empty, 1)

        self.edit_button.setVisible(can_write)
        self.status_button.setVisible(can_write and sees_profile)
        self.follow_up_button.setVisible(can_follow_up)
        self.card_button.setVisible(can_card)

    def _build_action_box(self) -> QFrame:
        """One small inline confirmation for the actions (leave / back on the roll / replace a card)."""
        self.action_box = QFrame()
        self.action_box.setObjectName("childrenActionBox")
        self.action_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.action_box.setStyleSheet("#childrenActionBox { background: #fefce8; }")
        box = QVBoxLayout(self.action_box)
        box.setContentsMargins(8, 6, 8, 6)
        self.action_text = QLabel()
        self.action_text.setObjectName("childrenActionText")
        self.action_text.setWordWrap(True)
        box.addWidget(self.action_text)
        box_row = QHBoxLayout()
        self.action_date_label = QLabel(self.tr("日期："))
        self.action_date = QLineEdit()
        self.action_date.setObjectName("childrenActionDate")
        self.action_date.setMaxLength(20)
        self.action_date.setMaximumWidth(140)
        self.action_date.returnPressed.connect(self._confirm_action)
        self.action_ok = action_button("childrenActionOk", self.tr("确定"), self._confirm_action)
        self.action_cancel = action_button("childrenActionCancel", self.tr("取消"), self.hide_action)
        box_row.addWidget(self.action_date_label)
        box_row.addWidget(self.action_date)
        box_row.addStretch(1)
        box_row.addWidget(self.action_ok)
        box_row.addWidget(self.action_cancel)
        box.addLayout(box_row)
        self.action_box.hide()
        return self.action_box

    # ========================================================================================= the file

    def show_child(self, child_id: int | None) -> bool:
        """Show this child's file (None: the hint to choose one); False when there is none to show."""
        self.detail = None
        if child_id is not None:
            self.detail = self.ops.run(
                lambda: service.get_child(self.ctx, child_id), refused=self.message
            ).value
        d = self.detail
        shown = d is not None
        for widget in (self.name, self.summary, self.action_row, self.sections_scroll):
            widget.setVisible(shown)
        self.empty.setVisible(not shown)
        if d is None:
            self.action_box.hide()
            self.no_access.hide()
            self.empty.setText(
                self.tr("在左边的名单中选择一名儿童，查看档案。\n\n输入姓名或拼音首字母（如 wzh）查找。")
                + (self.tr("\n登记新的儿童请按 Ctrl+N。") if self.can_write else "")
            )
            return False
        groups = d.visible_groups
        badges = ""
        if d.special_attention:
            special = esc(self.tr("重点关注"))
            badges += f" <span style='color:#d97706; font-size:small'>{STAR} {special}</span>"
        if d.status == dom.LEFT:
            gone = esc(self.tr("已离开"))
            badges += f" <span style='color:#64748b; font-size:small'>{gone}</span>"
        self.name.setText(esc(d.name) + badges)
        summary = [d.class_name or self.tr("未分班"), dom.gender_label(d.gender)]
        if d.grade is not None and dom.class_grade(d.class_name) is None:
            summary.insert(0, d.grade_label)  # "彩虹班" does not say the grade
        if d.age is not None:
            summary.append(self.tr("%1 岁").replace("%1", str(d.age)))
        summary.append(
            self.tr("借书证 %1").replace("%1", d.card_barcode) if d.card_barcode else self.tr("没有借书证")
        )
        self.summary.setText(" · ".join(s for s in summary if s))
        self.no_access.setVisible("child.profile" not in groups)
        self.card_button.setText(self.tr("补办借书证…") if d.card_barcode else self.tr("发借书证"))
        self.status_button.setText(self.tr("恢复在册…") if d.status == dom.LEFT else self.tr("离开…"))
        # The summary line holds what everyone may see; the sections hold the rest.
        self.sections["Basic"].setVisible("child.profile" in groups)
        self.sections["Basic"].setText(self._basic_html(d))
        family = bool(groups & {"child.family", "child.phones"})
        self.sections["Family"].setVisible(family)
        self.sections["Pickups"].setVisible(family)
        if family:
            self.sections["Family"].setText(self._family_html(d))
            self.sections["Pickups"].setText(self._pickups_html(d))
        self.sections["Health"].setVisible("child.health" in groups)
        if "child.health" in groups:
            self.sections["Health"].setText(self._health_html(d))
        self.sections["FollowUps"].setVisible("child.followups" in groups)
        if "child.followups" in groups:
            self.sections["FollowUps"].setText(self._follow_ups_html(d))
        return True

    def _section(self, title: str, body: str) -> str:
        return (
            f"<div style='font-weight:600; font-size:large; color:#0f172a'>{esc(title)}</div>"
            f"<div style='margin-top:2px'>{body}</div>"
        )

    def _table(self, rows: Iterable[tuple[str, str]]) -> str:
        """Label/value lines; values are already HTML. Empty values show a dash (so a gap is seen, not missed)."""
        dash = "<span style='color:#94a3b8'>—</span>"
        cells = "".join(
            f"<tr><td style='color:#64748b; padding:2px 12px 2px 0' width='84'>{esc(label)}</td>"
            f"<td style='padding:2px 0'>{value or dash}</td></tr>"
            for label, value in rows
        )
        return f"<table cellspacing='0' cellpadding='0'>{cells}</table>"

    def _basic_html(self, d: ChildDetail) -> str:
        rows: list[tuple[str, str]] = []
        if "child.profile" in d.visible_groups:
            birth = format_date(d.birth_date)
            status = dom.STATUSES.get(d.status, d.status)
            if d.status == dom.LEFT and d.left_on:
                status += f"（{format_date(d.left_on)}）"
            rows += [
                (self.tr("出生日期"), esc(birth)),
                (self.tr("学校"), esc(d.school)),
                (self.tr("村/组"), esc(d.village)),
                (self.tr("家庭住址"), esc(d.address)),
                (self.tr("留守类型"), esc(dom.left_behind_label(d.left_behind_type))),
                (self.tr("登记日期"), esc(format_date(d.enrolled_on))),
                (self.tr("状态"), esc(status)),
                (self.tr("备注"), esc(d.notes)),
            ]
        return self._section(self.tr("基本信息"), self._table(rows))

    def _family_html(self, d: ChildDetail) -> str:
        def parent(city: str, phone: str) -> str:
            parts = []
            if city:
                parts.append(esc(self.tr("%1务工").replace("%1", city)))
            if phone:
                parts.append(esc(phone))
            return " · ".join(parts)

        rows = [
            (self.tr("父亲"), parent(d.father_work_city, d.father_phone)),
            (self.tr("母亲"), parent(d.mother_work_city, d.mother_phone)),
        ]
        for g in d.guardians:
            who = esc(g.name)
            about = [x for x in (g.relation, self.tr("主要监护人") if g.is_primary else "") if x]
            if about:
                who += f"（{esc('，'.join(about))}）"
            extra = [
                esc(g.phone),
                esc(self.tr("%1 岁").replace("%1", str(g.age))) if g.age else "",
                esc(self.tr("身体：%1").replace("%1", g.health)) if g.health else "",
                esc(self.tr("文化程度：%1").replace("%1", g.literacy)) if g.literacy else "",
            ]
            rows.append((self.tr("监护人"), who + "<br>" + " · ".join(x for x in extra if x)))
        if not d.guardians:
            rows.append((self.tr("监护人"), esc(self.tr("未登记"))))
        return self._section(self.tr("家庭与监护人"), self._table(rows))

    def _pickups_html(self, d: ChildDetail) -> str:
        rows = [
            (
                esc(p.relation) or self.tr("接送人"),
                esc(p.name) + (" · " + esc(p.phone) if p.phone else ""),
            )
            for p in d.pickup_people
        ]
        if not rows:
            return self._section(self.tr("接送人"), esc(self.tr("未登记（签退时不核对接送人）")))
        return self._section(self.tr("接送人"), self._table(rows))

    def _health_html(self, d: ChildDetail) -> str:
        rows = [
            (self.tr("健康状况"), esc(d.health_notes) or esc(self.tr("无记录"))),
            (self.tr("过敏"), esc(d.allergy_notes) or esc(self.tr("无记录"))),
        ]
        return self._section(self.tr("健康与过敏"), self._table(rows))

    def _follow_ups_html(self, d: ChildDetail) -> str:
        if not d.follow_ups:
            return self._section(self.tr("回访记录"), esc(self.tr("还没有回访记录。")))
        blocks = []
        done, open_ = esc(self.tr("已处理")), esc(self.tr("待跟进"))
        for f in d.follow_ups:  # newest first, as the service returns them
            head = [format_date(f.on_date), f.method_label, reason_label(f.reason), f.staff_name]
            state = (
                f"<span style='color:#1e8449'>{done}</span>"
                if f.resolved
                else f"<span style='color:#b45309'>{open_}</span>"
            )
            lines = [f"<b>{esc(' · '.join(x for x in head if x))}</b> · {state}"]
            for label, text in (
                (self.tr("内容"), f.note),
                (self.tr("结果"), f.outcome),
                (self.tr("下一步"), f.next_step),
            ):
                if text:
                    lines.append(f"<span style='color:#64748b'>{esc(label)}：</span>{esc(text)}")
            blocks.append("<br>".join(lines))
        body = "<div style='margin-top:4px'></div>".join(
            f"<p style='margin:0 0 8px 0'>{b}</p>" for b in blocks
        )
        return self._section(self.tr("回访记录（%1 次）").replace("%1", str(len(d.follow_ups))), body)

    # ========================================================================================= actions

    def _ask(self, text: str, ok_text: str, action: Callable[[], None], *, with_date: bool = False) -> None:
        self._pending_action = action
        self.action_text.setText(text)
        self.action_ok.setText(ok_text)
        self.action_date_label.setVisible(with_date)
        self.action_date.setVisible(with_date)
        self.action_date.setText(dt.date.today().isoformat())
        self.action_box.show()
        (self.action_date if with_date else self.action_cancel).setFocus()

    def hide_action(self) -> bool:
        """Close the inline question; False if none was open."""
        shown = self.action_box.isVisible()
        self._pending_action = None
        self.action_box.hide()
        return shown

    def _confirm_action(self) -> None:
        action = self._pending_action
        if action is not None:
            action()

    def status_action(self) -> None:
        d = self.detail
        if d is None or not self.can_write:
            return
        if d.status == dom.LEFT:
            self._ask(
                self.tr("把 %1 恢复为在册？恢复后重新出现在点名和名单中。").replace("%1", d.name),
                self.tr("恢复在册"),
                lambda: self._set_status(dom.ACTIVE),
            )
        else:
            self._ask(
                self.tr(
                    "%1 离开中心：不再出现在点名和在册名单中，档案保留，可以恢复。请填写离开日期："
                ).replace("%1", d.name),
                self.tr("确认离开"),
                lambda: self._set_status(dom.LEFT),
                with_date=True,
            )

    def _set_status(self, status: str) -> None:
        d = self.detail
        if d is None:
            return
        on_date: dt.date | None = None
        if status == dom.LEFT:
            try:
                on_date = dom.parse_date(self.action_date.text())
            except dom.FieldError as exc:
                show_message(self.message, self.tr("“离开日期”") + exc.reason)
                return
        done = self.ops.run(
            lambda: service.set_status(self.ctx, d.id, status, on_date),
            changes=Area.CHILDREN,
            refused=self.message,
        )
        if not done.ok:
            return
        self.hide_action()
        text = (
            self.tr("%1 已离开中心。").replace("%1", d.name)
            if status == dom.LEFT
            else self.tr("%1 已恢复在册。").replace("%1", d.name)
        )
        show_message(self.message, text, ok=True)
        self.changed.emit()

    def card_action(self) -> None:
        d = self.detail
        if d is None or not self.can_card:
            return
        if d.card_barcode:
            self._ask(
                self.tr("补办借书证：%1 的旧号 %2 作废（以后扫到会提示），发一个新号。")
                .replace("%1", d.name)
                .replace("%2", d.card_barcode),
                self.tr("补办"),
                lambda: self._assign_card(replace=True),
            )
        else:
            self._assign_card(replace=False)

    def _assign_card(self, *, replace: bool) -> None:
        d = self.detail
        if d is None:
            return
        barcode = self.ops.run(
            lambda: service.assign_card_barcode(self.ctx, d.id, replace=replace),
            changes=Area.CHILDREN,
            refused=self.message,
        ).value
        if barcode is None:
            return
        self.hide_action()
        show_message(
            self.message,
            self.tr("%1 的借书证号：%2（可在“图书 → 打印”中打印借书证）")
            .replace("%1", d.name)
            .replace("%2", barcode),
            ok=True,
        )
        self.changed.emit()
