"""服务证明: the volunteers page's certificates tab — a service-hour certificate (志愿服务证明) drafted, issued and
printed; the certificates issued; and 核验证明, which says whether a code is genuine and what it certified.

::

    ┌ 开具服务证明 ──────────────────────────────┐┌ 已开具的证明 ─────────────────────────┐
    │ 志愿者 [mxy      ] [莫小燕（贺州学院） ▾]   ││ 编号 志愿者 单位 期间 时长 签发 核验码  │
    │ 期间 [..]–[..] [本月][本学期][暑期][服务日期]││ …                           [再打印…] │
    │ the draft: hours, sessions, what was done   │├ 核验证明 ─────────────────────────────┤
    │ [开具证明…]  (the inline question)          ││ [7KQ2-M9XD-4HTR        ] [核验]        │
    └─────────────────────────────────────────────┘│ 真实有效 / 不是真实的 … what it says   │

The panel contract of the page's tabs: ``VolunteersCertificatesTab(ctx, ops)``, ``stale``, ``refresh()``,
``focus_first()``, no scanner input. Choosing a volunteer (the search is the roster's: name, pinyin initials,
organisation) and a period shows the draft (``volunteers.draft_certificate``: the approved hours and sessions, a
summary of what was done, the pending hours it leaves out). 开具证明… asks first (an ``InlineQuestion``: a certificate
is kept and audited, never withdrawn); the certificate is issued in one transaction, then its PDF is written on a
worker thread and opened. The verification box calls ``volunteers.verify_certificate`` — the same function as
``python main.py verify CODE`` — and shows its lines.

Issuing and verifying are staff's; a teacher sees the certificates issued to them (the rest is off and says why).
Test seams: ``tab.today`` (the date of issue), ``tab.open_file``.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain.permissions import READ, WRITE, allowed, denied_message
from center_app.services import volunteers
from center_app.services.volunteers import CertificateDraft, IssuedCertificate, Verification, VolunteerRow
from center_app.ui import workers
from center_app.ui.events import Area
from center_app.ui.i18n import format_date
from center_app.ui.operations import Operations
from center_app.ui.pages.label_sheets import safe_file_part, unique_path
from center_app.ui.pages.volunteer_form import hours_label, hours_short
from center_app.ui.pages.volunteers_hours import PeriodPicker
from center_app.ui.widgets.forms import bold_heading
from center_app.ui.widgets.inline_question import InlineQuestion
from center_app.ui.widgets.messages import ERROR_STYLE, OK_STYLE, show_message
from center_app.ui.widgets.tables import read_only_table, table_item
from center_app.ui.workers import Job

translate = QCoreApplication.translate
AREA = "volunteers"
AMBER_STYLE = "color: #b45309;"


class VolunteersCertificatesTab(QWidget):
    """服务证明 (see the module doc). The volunteers page's shell sets ``stale`` and calls ``refresh()``."""

    #: this tab takes no scans
    scan_input = None

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volunteersCertificatesTab")
        self.ctx = ctx
        self.ops = ops
        self.stale = True
        role = ctx.actor.role
        self.can_issue = allowed(role, AREA, WRITE)
        self.can_verify = allowed(role, AREA, READ)
        # Seams the tests replace: the date of issue, and opening a PDF (it starts another program).
        self.today: Callable[[], dt.date] = dt.date.today
        self.open_file: Callable[[Path], object] = lambda path: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(path))
        )
        self.people: list[VolunteerRow] = []
        self.draft: CertificateDraft | None = None
        self.issued: list[IssuedCertificate] = []
        self.last_issued: IssuedCertificate | None = None
        self.last_pdf: Path | None = None
        self.verification: Verification | None = None
        self.job: Job | None = None
        self._issued_text = (
            ""  # what the message says of the certificate just issued, while its PDF is written
        )

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 8)
        outer.setSpacing(8)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("volunteersCertSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_issue())
        self.splitter.addWidget(self._build_side())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([500, 580])
        outer.addWidget(self.splitter, 1)

        if not self.can_issue:
            why = denied_message(role, AREA, WRITE)
            for widget in (self.search, self.volunteer, self.issue_button, self.period):
                widget.setEnabled(False)
                widget.setToolTip(why)
            show_message(self.message, why, error=False)
        if not self.can_verify:
            why = denied_message(role, AREA, READ)
            for widget in (self.verify_input, self.verify_button):
                widget.setEnabled(False)
                widget.setToolTip(why)
            self.verify_result.setText(why)
        self._update_buttons()

    # --- building -----------------------------------------------------------------------------------------

    def _build_issue(self) -> QWidget:
        box = QWidget()
        box.setObjectName("volunteersCertIssueBox")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(8)
        layout.addWidget(bold_heading(self.tr("开具服务证明"), size=1))

        who = QHBoxLayout()
        who.addWidget(QLabel(self.tr("志愿者：")))
        self.search: QLineEdit = QLineEdit()
        self.search.setObjectName("volunteersCertSearch")
        self.search.setPlaceholderText(self.tr("姓名、首字母"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(140)
        self.search.textChanged.connect(lambda _t: self.load_people())
        self.search.returnPressed.connect(lambda: self.volunteer.setFocus())
        self.volunteer: QComboBox = QComboBox()
        self.volunteer.setObjectName("volunteersCertVolunteer")
        self.volunteer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.volunteer.setMinimumContentsLength(12)
        self.volunteer.currentIndexChanged.connect(lambda _i: self._volunteer_changed())
        who.addWidget(self.search)
        who.addWidget(self.volunteer, 1)
        layout.addLayout(who)

        self.period: PeriodPicker = PeriodPicker("volunteersCert", lambda: self.today(), presets_below=True)
        self.period.changed.connect(lambda: self.load_draft())
        self.service_dates = QPushButton(self.tr("服务日期"))
        self.service_dates.setObjectName("volunteersCertServiceDates")
        self.service_dates.setMaximumWidth(
            self.service_dates.fontMetrics().horizontalAdvance(self.service_dates.text()) + 28
        )
        self.service_dates.setToolTip(self.tr("用志愿者信息里的服务开始、结束日期"))
        self.service_dates.clicked.connect(lambda: self.use_service_dates())
        self.period.preset_row.insertWidget(self.period.preset_row.count() - 1, self.service_dates)
        layout.addWidget(self.period)

        self.draft_text = QLabel()
        self.draft_text.setObjectName("volunteersCertDraft")
        self.draft_text.setWordWrap(True)
        self.draft_text.setTextFormat(Qt.TextFormat.RichText)
        self.draft_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.draft_text)
        self.summary = QTableWidget(0, 3)
        self.summary.setObjectName("volunteersCertSummary")
        read_only_table(self.summary, [self.tr("服务内容"), self.tr("次数"), self.tr("时长")])
        self.summary.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.summary.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.summary.setColumnWidth(1, 56)
        self.summary.setColumnWidth(2, 120)
        layout.addWidget(self.summary, 1)
        self.pending = QLabel()
        self.pending.setObjectName("volunteersCertPending")
        self.pending.setWordWrap(True)
        self.pending.setStyleSheet(AMBER_STYLE)
        layout.addWidget(self.pending)

        actions = QHBoxLayout()
        self.issue_button: QPushButton = QPushButton(self.tr("开具证明…"))
        self.issue_button.setObjectName("volunteersCertIssue")
        self.issue_button.clicked.connect(lambda: self.ask_issue())
        self.progress = QProgressBar()
        self.progress.setObjectName("volunteersCertProgress")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        actions.addWidget(self.issue_button)
        actions.addWidget(self.progress)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.question = InlineQuestion("volunteersCertConfirm", parent=self)
        layout.addWidget(self.question)
        self.message: QLabel = QLabel()
        self.message.setObjectName("volunteersCertMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        return box

    def _build_side(self) -> QWidget:
        side = QWidget()
        side.setObjectName("volunteersCertSide")
        layout = QVBoxLayout(side)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.setSpacing(8)
        head = QHBoxLayout()
        head.addWidget(bold_heading(self.tr("已开具的证明"), size=1))
        self.count_label = QLabel()
        self.count_label.setObjectName("volunteersCertCount")
        self.count_label.setStyleSheet("color: #334155;")
        head.addWidget(self.count_label, 1)
        self.print_button = QPushButton(self.tr("再打印…"))
        self.print_button.setObjectName("volunteersCertPrint")
        self.print_button.setToolTip(self.tr("重新生成选中证明的 PDF 并打开"))
        self.print_button.clicked.connect(lambda: self.print_selected())
        head.addWidget(self.print_button)
        layout.addLayout(head)
        self.list = QTableWidget(0, 5)
        self.list.setObjectName("volunteersCertList")
        read_only_table(
            self.list,
            [
                self.tr("编号"),
                self.tr("志愿者"),
                self.tr("期间"),
                self.tr("时长"),
                self.tr("核验码"),
            ],
        )
        self.list.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.list.setWordWrap(False)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.doubleClicked.connect(lambda _i: self.print_selected())
        for column, width in ((0, 92), (1, 64), (2, 150), (3, 84)):
            self.list.setColumnWidth(column, width)
        self.list.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.list, 1)

        verify = QGroupBox(self.tr("核验证明"))
        verify.setObjectName("volunteersVerifyBox")
        box = QVBoxLayout(verify)
        box.setSpacing(6)
        hint = QLabel(self.tr("输入或粘贴证书上的核验码（如 7KQ2-M9XD-4HTR）："))
        hint.setObjectName("volunteersVerifyHint")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #64748b;")
        box.addWidget(hint)
        row = QHBoxLayout()
        self.verify_input: QLineEdit = QLineEdit()
        self.verify_input.setObjectName("volunteersVerifyInput")
        self.verify_input.setMaxLength(60)
        self.verify_input.setPlaceholderText(self.tr("核验码"))
        self.verify_input.returnPressed.connect(lambda: self.verify())
        self.verify_button: QPushButton = QPushButton(self.tr("核验"))
        self.verify_button.setObjectName("volunteersVerifyButton")
        self.verify_button.clicked.connect(lambda: self.verify())
        row.addWidget(self.verify_input, 1)
        row.addWidget(self.verify_button)
        box.addLayout(row)
        self.verify_result: QLabel = QLabel()
        self.verify_result.setObjectName("volunteersVerifyResult")
        self.verify_result.setWordWrap(True)
        self.verify_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.verify_result)
        layout.addWidget(verify)
        shortcut = QShortcut(QKeySequence("Ctrl+K"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._focus_verify)
        return side

    # --- the panel contract --------------------------------------------------------------------------------

    def focus_first(self) -> None:
        (self.search if self.can_issue else self.verify_input).setFocus()

    def _focus_verify(self) -> None:
        self.verify_input.setFocus()
        self.verify_input.selectAll()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.stale:
            self.refresh()  # the page's shell does this too; a tab shown on its own needs it

    def refresh(self) -> None:
        """Read the programmes (for the presets), the volunteers, the draft and the certificates again."""
        programmes = self.ops.run(lambda: volunteers.list_programmes(self.ctx), refused=self.message).value
        self.period.programmes = list(programmes or [])
        if self.can_issue:
            self.load_people()
        self.load_certificates()
        self.stale = False

    # --- choosing the volunteer and the period ------------------------------------------------------------

    def load_people(self) -> None:
        """The volunteers found by the search (everyone, 在岗 first), in the combo; the one chosen stays."""
        query = self.search.text()
        people = self.ops.run(
            lambda: volunteers.list_volunteers(self.ctx, query, active=None), refused=self.message
        ).value
        if people is None:
            return
        chosen = self.volunteer.currentData()
        self.people = list(people)
        combo = self.volunteer
        combo.blockSignals(True)
        combo.clear()
        for person in self.people:
            text = person.label + ("" if person.active else self.tr("（已停用）"))
            combo.addItem(text, person.id)
        if not self.people:
            combo.addItem(self.tr("没有找到志愿者"), None)
        at = combo.findData(chosen) if chosen is not None else -1
        combo.setCurrentIndex(max(0, at))
        combo.blockSignals(False)
        if combo.currentData() != chosen:
            self._volunteer_changed()
        else:
            self.load_draft()

    def choose_volunteer(self, volunteer_id: int) -> bool:
        at = self.volunteer.findData(volunteer_id)
        if at >= 0:
            self.volunteer.setCurrentIndex(at)
        return at >= 0

    def current_person(self) -> VolunteerRow | None:
        chosen = self.volunteer.currentData()
        return next((p for p in self.people if p.id == chosen), None)

    def _volunteer_changed(self) -> None:
        person = self.current_person()
        if person is not None and person.start_on and person.end_on:
            self.use_service_dates()  # a summer student's stay is the period asked for, most often
        else:
            self.load_draft()

    def use_service_dates(self) -> bool:
        """The period from the volunteer's service dates (up to today)."""
        person = self.current_person()
        if person is None or person.start_on is None:
            return False
        last = min(person.end_on or self.today(), self.today())
        self.period.set_period(person.start_on, max(person.start_on, last))
        return True

    # --- the draft ----------------------------------------------------------------------------------------

    def load_draft(self) -> CertificateDraft | None:
        person = self.current_person()
        self.draft = None
        self.question.hide()
        if person is None or not self.can_issue:
            self._show_draft()
            return None
        first, last = self.period.period()
        today = self.today()
        draft = self.ops.run(
            lambda: volunteers.draft_certificate(self.ctx, person.id, first, last, issued_on=today),
            refused=lambda exc: self._show_draft(exc.message),
        ).value
        if draft is not None:
            self.draft = draft
            self._show_draft()
        return draft

    def _show_draft(self, problem: str = "") -> None:
        draft = self.draft
        self.summary.setRowCount(0)
        self.pending.clear()
        if draft is None:
            self.draft_text.setText(
                f"<span style='color:#c0392b'>{escape(problem)}</span>"
                if problem
                else escape(self.tr("选一名志愿者和一段期间，这里显示证明上会写的内容。"))
            )
            self.summary.hide()
            self._update_buttons()
            return
        f = draft.facts
        who = f.volunteer_name + (f"（{f.organisation}）" if f.organisation else "")
        lines = [
            self.tr("<b>%1</b> 在 %2 至 %3")
            .replace("%1", escape(who))
            .replace("%2", escape(format_date(f.period_from)))
            .replace("%3", escape(format_date(f.period_to))),
            self.tr("已核定服务时长 <b>%1</b>，共 %2 次")
            .replace("%1", escape(hours_label(f.minutes)))
            .replace("%2", str(f.sessions)),
            escape(self.tr("签发单位：%1 · 签发日期：%2").replace("%1", f.centre_name)).replace(
                "%2", escape(format_date(f.issued_on))
            ),
        ]
        self.draft_text.setText("<br>".join(lines))
        self.summary.setVisible(bool(draft.lines))
        self.summary.setRowCount(len(draft.lines))
        for n, line in enumerate(draft.lines):
            self.summary.setItem(n, 0, table_item(line.title))
            self.summary.setItem(n, 1, table_item(str(line.sessions)))
            self.summary.setItem(n, 2, table_item(hours_label(line.minutes)))
        if f.minutes <= 0:
            self.pending.setText(
                self.tr("这段期间没有已核定的服务时长，不能开具证明。请先在“服务时长”页签审核。")
            )
        elif draft.pending_records:
            self.pending.setText(
                self.tr("还有 %1 条（%2）待审核，不计入这份证明；审核后再开具可以计入。")
                .replace("%1", str(draft.pending_records))
                .replace("%2", hours_label(draft.pending_minutes))
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        draft = self.draft
        busy = self.busy
        self.issue_button.setEnabled(
            self.can_issue and not busy and draft is not None and draft.facts.minutes > 0
        )
        self.print_button.setEnabled(self.can_issue and not busy and self.selected() is not None)

    # --- issuing ------------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def ask_issue(self) -> None:
        draft = self.draft
        if draft is None or not self.issue_button.isEnabled():
            return
        f = draft.facts
        text = (
            self.tr("为 %1 开具 %2 至 %3 的志愿服务证明：已核定 %4，共 %5 次？开具后存档，不能撤回。")
            .replace("%1", f.volunteer_name)
            .replace("%2", format_date(f.period_from))
            .replace("%3", format_date(f.period_to))
            .replace("%4", hours_label(f.minutes))
            .replace("%5", str(f.sessions))
        )
        same = [
            c.facts.number
            for c in self.issued
            if c.facts.volunteer_id == f.volunteer_id
            and c.facts.period_from <= f.period_to
            and f.period_from <= c.facts.period_to
        ]
        if same:
            text += " " + self.tr("已为这段期间开过 %1，再开一份会另有编号和核验码。").replace(
                "%1", "、".join(same)
            )
        self.question.ask(text, ok=(self.tr("开具并打印"), self.issue), cancel=(self.tr("不开具"), None))

    def issue(self) -> IssuedCertificate | None:
        """Issue the drafted certificate (one transaction, audited), then write its PDF on a worker and open it."""
        draft = self.draft
        if draft is None:
            return None
        f = draft.facts
        today = self.today()
        issued = self.ops.run(
            lambda: volunteers.issue_certificate(
                self.ctx, f.volunteer_id, f.period_from, f.period_to, issued_on=today
            ),
            changes=Area.VOLUNTEERS,
            refused=self.message,
        ).value
        if issued is None:
            return None
        self.last_issued = issued
        self._issued_text = (
            self.tr("已开具证明 %1（%2，核验码 %3）。")
            .replace("%1", issued.facts.number)
            .replace("%2", hours_label(issued.facts.minutes))
            .replace("%3", issued.code)
        )
        self.load_certificates()
        self.load_draft()
        self.print_certificate(issued)
        return issued

    def print_selected(self) -> Job | None:
        chosen = self.selected()
        if chosen is None or not self.can_issue:
            return None
        self._issued_text = ""
        return self.print_certificate(chosen)

    def print_certificate(self, certificate: IssuedCertificate) -> Job | None:
        """Write the certificate's PDF into the exports folder on a worker thread, then open it."""
        if self.busy:
            return None
        f = certificate.facts
        folder = self.ctx.data_dir.exports
        path = unique_path(folder, f"志愿服务证明_{f.number}_{safe_file_part(f.volunteer_name)}")
        ctx, certificate_id = self.ctx, certificate.id

        def work(_progress: workers.Progress, _cancel: threading.Event) -> Path:
            folder.mkdir(parents=True, exist_ok=True)
            return volunteers.write_certificate_pdf(ctx, certificate_id, path)

        show_message(self.message, self._issued_text + self.tr("正在生成 PDF…"), ok=True)
        job = Job(work, name="volunteers:certificate", logs_dir=ctx.data_dir.logs)
        job.finished.connect(self._printed)
        job.failed.connect(self._print_failed)
        job.cancelled.connect(self._print_failed)
        self.job = job
        self.progress.show()
        started = job.start()
        self._update_buttons()
        return started

    def _job_ended(self) -> None:
        self.job = None
        self.progress.hide()
        self._update_buttons()

    def _printed(self, path: Path) -> None:
        self._job_ended()
        self.last_pdf = path
        head, self._issued_text = self._issued_text, ""
        show_message(
            self.message,
            head + self.tr("已生成 %1，请打印后在“盖章处”盖章。").replace("%1", path.name),
            ok=True,
        )
        self.open_file(path)

    def _print_failed(self, error: BaseException | str) -> None:
        self._job_ended()
        head, self._issued_text = self._issued_text, ""
        text = error if isinstance(error, str) else workers.message_for(error)
        show_message(
            self.message,
            head + text + " " + self.tr("证明已开具并存档，可以在右边的列表里选中后“再打印”。"),
        )

    # --- the certificates issued -------------------------------------------------------------------------

    def load_certificates(self) -> list[IssuedCertificate]:
        found = self.ops.run(lambda: volunteers.list_certificates(self.ctx), refused=self.message).value
        self.issued = list(found or [])
        table = self.list
        table.setRowCount(len(self.issued))
        for n, c in enumerate(self.issued):
            f = c.facts
            same_year = f.period_from.year == f.period_to.year
            period = f"{f.period_from:%Y-%m-%d}–{f.period_to:{'%m-%d' if same_year else '%Y-%m-%d'}}"
            who = f.volunteer_name + (f"（{f.organisation}）" if f.organisation else "")
            tip = (
                self.tr("%1 · %2 · %3 签发")
                .replace("%1", f.number)
                .replace("%2", who)
                .replace("%3", format_date(f.issued_on))
            )
            cells = [f.number, f.volunteer_name, period, hours_short(f.minutes), c.code]
            for column, text in enumerate(cells):
                item = table_item(text, data=c.id if column == 0 else None)
                item.setToolTip(tip)
                table.setItem(n, column, item)
        self.count_label.setText(self.tr("共 %1 份").replace("%1", str(len(self.issued))))
        self._update_buttons()
        return self.issued

    def selected(self) -> IssuedCertificate | None:
        row = self.list.currentRow()
        selected = self.list.selectionModel().hasSelection() if self.list.selectionModel() else False
        return self.issued[row] if selected and 0 <= row < len(self.issued) else None

    # --- verifying ----------------------------------------------------------------------------------------

    def verify(self) -> Verification | None:
        """Say whether the typed code is a genuine certificate of this centre and what it certified (the same
        service function as ``main.py verify``)."""
        if not self.can_verify:
            return None
        code = self.verify_input.text()
        result = self.ops.run(
            lambda: volunteers.verify_certificate(self.ctx, code),
            refused=lambda exc: self._show_verification(None, exc.message),
        ).value
        self.verification = result
        if result is not None:
            self._show_verification(result)
        self.verify_input.selectAll()
        return result

    def _show_verification(self, result: Verification | None, problem: str = "") -> None:
        if result is None:
            self.verify_result.setStyleSheet(ERROR_STYLE)
            self.verify_result.setText(problem)
            return
        lines = result.lines()
        lines[0] = ("✔ " if result.genuine else "✘ ") + lines[0]
        self.verify_result.setStyleSheet(OK_STYLE if result.genuine else ERROR_STYLE)
        self.verify_result.setText("\n".join(lines))

    def verification_text(self) -> str:
        return self.verify_result.text()
