"""备份与恢复 (settings tab, administrators): back up now (to the backups folder or a USB stick), list backups,
restore one after seeing its date and record counts.

Backing up and restoring run on a worker thread (``ui/workers.py``) with a progress bar; a backup can be cancelled.
While a restore replaces the data the window stays painted, but the navigation, Ctrl+1…9, locking and the other
settings tabs wait (``busy_changed`` → ``MainWindow.set_busy``): nothing may read the data being replaced.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from center_app.context import AppContext
from center_app.services import backup
from center_app.services.backup import BackupInfo, RestoreResult
from center_app.ui import workers
from center_app.ui.events import Area, DataEvents
from center_app.ui.pages.base import Page, page_title, vbox
from center_app.ui.widgets.messages import show_message
from center_app.ui.workers import Job


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{max(1, n // 1024)} KB"


class BackupTab(Page):
    areas = (Area.BACKUPS,)
    #: emitted after a restore replaced the data: the window signs out and reloads everything
    restored = Signal()
    #: a restore started (why the window waits, for its status bar) or ended (""): see MainWindow.set_busy
    busy_changed = Signal(str)

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(ctx, events, parent)
        self.setObjectName("backupTab")
        self._pending_restore: Path | None = None
        self.job: Job | None = None  # the backup or restore running, if any
        self._restoring = False
        self.last_backup: Path | None = None  # the file the last backup from this tab wrote
        # Seams the tests replace: the native file dialogs are modal.
        self.choose_folder: Callable[[], str] = lambda: QFileDialog.getExistingDirectory(
            self, self.tr("选择备份到的文件夹（如 U 盘）")
        )
        self.choose_file: Callable[[], str] = lambda: QFileDialog.getOpenFileName(
            self, self.tr("选择要恢复的备份文件"), str(ctx.data_dir.backups), self.tr("备份文件 (*.db)")
        )[0]

        layout = vbox(self)
        layout.addWidget(page_title(self.tr("备份与恢复")))
        intro = QLabel(
            self.tr(
                "程序每天第一次打开时和每次关闭时都会自动备份。重要操作前，或者每周一次，请再备份到 U 盘，"
                "放在别处保管。U 盘里的备份包含儿童的个人信息，请妥善保管。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        buttons = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("立即备份(&B)"))
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(lambda: self.backup_to(None))
        self.usb_button = QPushButton(self.tr("备份到 U 盘或其他文件夹…"))
        self.usb_button.setObjectName("backupToFolder")
        self.usb_button.clicked.connect(self._backup_to_chosen)
        self.restore_button = QPushButton(self.tr("从备份恢复…"))
        self.restore_button.setObjectName("restoreChoose")
        self.restore_button.clicked.connect(self._choose_restore)
        for button in (self.backup_button, self.usb_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setObjectName("backupProgress")
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setObjectName("backupCancel")
        self.cancel_button.clicked.connect(self._request_cancel)
        self.cancel_button.hide()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)

        self.message = QLabel()
        self.message.setObjectName("backupMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        # Restore confirmation: shown with the backup's date and counts before anything is replaced.
        self.confirm_box = QWidget()
        self.confirm_box.setObjectName("restoreConfirmBox")
        confirm_layout = QHBoxLayout(self.confirm_box)
        confirm_layout.setContentsMargins(0, 0, 0, 0)
        self.confirm_text = QLabel()
        self.confirm_text.setObjectName("restoreSummary")
        self.confirm_text.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("确认恢复"))
        self.confirm_button.setObjectName("restoreConfirm")
        self.confirm_button.clicked.connect(self.confirm_restore)
        self.confirm_cancel = QPushButton(self.tr("不恢复"))
        self.confirm_cancel.setObjectName("restoreCancel")
        self.confirm_cancel.clicked.connect(self._hide_confirm)
        confirm_layout.addWidget(self.confirm_text, 1)
        confirm_layout.addWidget(self.confirm_button)
        confirm_layout.addWidget(self.confirm_cancel)
        self.confirm_box.hide()
        layout.addWidget(self.confirm_box)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("backupsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("类型"), self.tr("大小"), self.tr("文件")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self.ask_restore(self._row_path(index.row())))
        layout.addWidget(self.table, 1)

    # --- list ---------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        infos = backup.list_backups(self.ctx.data_dir)
        labels = {
            backup.KIND_AUTO: self.tr("自动备份"),
            backup.KIND_MANUAL: self.tr("手动备份"),
            backup.KIND_BEFORE_MIGRATE: self.tr("升级前备份"),
            backup.KIND_BEFORE_RESTORE: self.tr("恢复前备份"),
        }
        self.table.setRowCount(len(infos))
        for row, info in enumerate(infos):
            cells = [
                f"{info.created:%Y-%m-%d %H:%M}",
                labels.get(info.kind, info.kind),
                _size(info.size),
                info.path.name,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        super().refresh()

    def _row_path(self, row: int) -> Path:
        item = self.table.item(row, 3)
        return self.ctx.data_dir.backups / (item.text() if item is not None else "")

    # --- long work ---------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def _start(self, work: workers.Work, name: str, on_finished: Callable[[Any], None]) -> Job:
        for button in (self.backup_button, self.usb_button, self.restore_button, self.confirm_button):
            button.setEnabled(False)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.setVisible(not self._restoring)  # a restore is not cancellable once the swap starts
        self.cancel_button.setEnabled(True)
        self.message.clear()
        job = Job(work, name=name, logs_dir=self.ctx.data_dir.logs)
        job.progress.connect(self._progress)
        job.finished.connect(on_finished)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        self.job = job
        return job.start()

    def _idle(self) -> None:
        """The job ended: buttons back, progress hidden, the window's navigation free again after a restore."""
        for button in (self.backup_button, self.usb_button, self.restore_button, self.confirm_button):
            button.setEnabled(True)
        self.progress.hide()
        self.cancel_button.hide()
        if self._restoring:
            self._restoring = False
            self.busy_changed.emit("")

    def _progress(self, percent: int, _text: str) -> None:
        self.progress.setValue(max(0, percent))

    def _request_cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)  # once is enough; the copy stops at its next step

    def _failed(self, exc: BaseException) -> None:
        self._idle()
        show_message(self.message, workers.message_for(exc))

    def _cancelled(self, text: str) -> None:
        self._idle()
        show_message(self.message, text or self.tr("已取消。"))

    def backup_to(self, folder: Path | None) -> Job | None:
        """Start a backup into ``backups/`` or ``folder``; the result shows in the message line when it is done."""
        if self.busy:
            return None
        self._hide_confirm()
        ctx = self.ctx

        def work(progress: workers.Progress, cancel: threading.Event) -> BackupInfo:
            return backup.backup_now(ctx, folder, progress=progress, cancel=cancel.is_set)

        return self._start(work, "backup", self._backed_up)

    def _backed_up(self, info: BackupInfo) -> None:
        self._idle()
        self.last_backup = info.path
        show_message(self.message, self.tr("已备份到：%1").replace("%1", str(info.path)), ok=True)
        self.refresh()

    def _backup_to_chosen(self) -> None:
        folder = self.choose_folder()
        if folder:
            self.backup_to(Path(folder))

    # --- restore ------------------------------------------------------------------------------------------

    def _choose_restore(self) -> None:
        chosen = self.choose_file()
        if chosen:
            self.ask_restore(Path(chosen))

    def ask_restore(self, path: Path) -> None:
        """Show what the backup holds and ask for confirmation; nothing is replaced yet."""
        summary = self.ops.run(lambda: backup.inspect_backup(path), refused=self.message).value
        if summary is None:
            self._hide_confirm()
            return
        counts = "，".join(f"{backup.COUNT_LABELS.get(k, k)} {v}" for k, v in summary.counts.items())
        self.confirm_text.setText(
            self.tr("用这个备份替换当前的全部数据？\n备份时间：%1　中心：%2\n%3\n当前数据会先另存一份。")
            .replace("%1", f"{summary.created:%Y-%m-%d %H:%M}")
            .replace("%2", summary.centre_name or "—")
            .replace("%3", counts)
        )
        self._pending_restore = path
        self.confirm_box.show()
        self.confirm_cancel.setFocus()  # the safe choice is the default

    def _hide_confirm(self) -> None:
        self._pending_restore = None
        self.confirm_box.hide()

    def confirm_restore(self) -> Job | None:
        """Start replacing the data with the confirmed backup. The window's navigation waits until it is done."""
        path = self._pending_restore
        if path is None or self.busy:
            return None
        if workers.active_jobs():  # an import, an export or a catalogue load is using the data being replaced
            show_message(self.message, self.tr("还有导入、导出或其他工作没有完成，请等它完成后再恢复。"))
            return None
        self._hide_confirm()
        self._restoring = True
        self.busy_changed.emit(self.tr("正在从备份恢复数据"))
        ctx = self.ctx

        def work(progress: workers.Progress, _cancel: threading.Event) -> RestoreResult:
            ctx.db.dispose()  # the restore needs every connection of this app closed
            return backup.restore(ctx, path, progress=progress)

        return self._start(work, "restore", self._restored)

    def _restored(self, result: RestoreResult) -> None:
        self._idle()
        message = self.tr("已恢复 %1 的备份。").replace("%1", f"{result.summary.created:%Y-%m-%d %H:%M}")
        if result.safety_copy:
            message += " " + self.tr("恢复前的数据另存为：%1").replace("%1", result.safety_copy.name)
        show_message(self.message, message, ok=True)
        self.refresh()
        self.announce(Area.ALL)
        self.restored.emit()
