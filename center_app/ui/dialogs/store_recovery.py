"""Start-up found ``center.db`` damaged: offer the newest verified backup (date and counts), or another folder.

Nothing is overwritten silently: restoring keeps the damaged file's bytes as a before-restore copy, and the user
chooses. Shown before the main window exists, so it is a top-level dialog of its own (the only window then).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from center_app.services.backup import COUNT_LABELS, BackupSummary

RESTORE = "restore"
OTHER_FOLDER = "other_folder"
QUIT = "quit"
TEXT_WIDTH = 560


class StoreRecoveryDialog(QDialog):
    """``choice`` after ``exec()``: RESTORE (``backup`` is the one to restore), OTHER_FOLDER (``folder``) or QUIT."""

    def __init__(self, db_path: Path, backup: BackupSummary | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storeRecoveryDialog")
        self.setWindowTitle(self.tr("中心的数据无法打开"))
        self.backup = backup
        self.choice = QUIT
        self.folder: Path | None = None
        #: replaced in tests: asks for a folder, returns "" when cancelled
        self.choose_folder: Callable[[], str] = lambda: QFileDialog.getExistingDirectory(
            self, self.tr("选择另一个数据文件夹")
        )

        layout = QVBoxLayout(self)
        # Word-wrapped labels report a one-line height until laid out: size the dialog to its contents.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.setSpacing(12)
        text = QLabel(self.tr("数据库文件“%1”已损坏，无法打开。").replace("%1", str(db_path)))
        text.setObjectName("recoveryMessage")
        text.setWordWrap(True)
        layout.addWidget(text)

        self.backup_label = QLabel()
        self.backup_label.setObjectName("recoveryBackup")
        self.backup_label.setWordWrap(True)
        if backup is not None:
            counts = "，".join(
                f"{COUNT_LABELS.get(key, key)} {value}" for key, value in backup.counts.items() if value
            )
            self.backup_label.setText(
                self.tr("最新的完好备份：%1（%2）\n其中有：%3\n\n恢复前，损坏的文件会另存在 backups 文件夹里，不会被删除。")
                .replace("%1", f"{backup.created:%Y-%m-%d %H:%M}")
                .replace("%2", backup.path.name)
                .replace("%3", counts)
            )
        else:
            self.backup_label.setText(
                self.tr("没有找到完好的备份。可以打开另一个数据文件夹，或退出后请技术支持帮忙。")
            )
        layout.addWidget(self.backup_label)

        buttons = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("从这个备份恢复"))
        self.restore_button.setObjectName("recoveryRestoreButton")
        self.restore_button.setEnabled(backup is not None)
        self.restore_button.clicked.connect(self._restore)
        self.folder_button = QPushButton(self.tr("打开其他文件夹…"))
        self.folder_button.setObjectName("recoveryOtherFolderButton")
        self.folder_button.clicked.connect(self._other_folder)
        self.quit_button = QPushButton(self.tr("退出"))
        self.quit_button.setObjectName("recoveryQuitButton")
        self.quit_button.clicked.connect(self.reject)
        for button in (self.restore_button, self.folder_button, self.quit_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        if backup is not None:
            self.restore_button.setDefault(True)
        for label in (text, self.backup_label):
            # Top-level windows ignore heightForWidth: fix the wrapped text's width, then give it the height it
            # needs at that width.
            label.setFixedWidth(TEXT_WIDTH)
            label.setFixedHeight(label.heightForWidth(TEXT_WIDTH))
        self.adjustSize()

    def _restore(self) -> None:
        self.choice = RESTORE
        self.accept()

    def _other_folder(self) -> None:
        chosen = self.choose_folder()
        if not chosen:
            return
        self.choice = OTHER_FOLDER
        self.folder = Path(chosen)
        self.accept()
