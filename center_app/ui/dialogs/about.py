"""关于 (Help → About): the app's name, version and licence, the bundled fonts' licences and the components it
is built on with theirs. Opened from the status bar's 关于 button or F1; window-modal through ``open()``, so it
never blocks a test or the event loop, and Esc or 关闭 closes it."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from center_app.config import app_path, resource_path
from center_app.ui.app_icon import app_icon

LICENSE_NAME = "Apache-2.0"

# What the app is built on and ships in the bundle (installer.spec), with each one's licence: names of licences,
# not UI text. The full texts are at each project's home; the bundle's fonts' full texts are on the font tab.
COMPONENTS = (
    ("Python", "PSF-2.0"),
    ("Qt 6 / Qt for Python (PySide6)", "LGPL-3.0"),
    ("SQLAlchemy", "MIT"),
    ("Alembic", "MIT"),
    ("ReportLab", "BSD-3-Clause"),
    ("openpyxl", "MIT"),
    ("Pillow", "MIT-CMU"),
    ("pypinyin", "MIT"),
    ("python-stdnum", "LGPL-2.1-or-later"),
    ("platformdirs", "MIT"),
    ("argon2-cffi", "MIT"),
)


def license_text() -> str | None:
    try:
        return app_path("LICENSE").read_text("utf-8")
    except OSError:
        return None


def font_licences() -> list[tuple[str, str]]:
    """(name, text) of every ``resources/fonts/LICENSE-<name>.txt``, in name order."""
    found = []
    for path in sorted(resource_path("fonts").glob("LICENSE*")):
        name = path.stem.removeprefix("LICENSE").lstrip("-_ ") or path.name
        try:
            found.append((name, path.read_text("utf-8", errors="replace")))
        except OSError:
            continue
    return found


def components_text() -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    versions = {
        "Python": sys.version.split()[0],
        "Qt 6 / Qt for Python (PySide6)": f"Qt {qVersion()}, PySide6 {pyside_version}",
    }
    width = max(len(name) for name, _ in COMPONENTS)
    lines = []
    for name, licence in COMPONENTS:
        extra = f"  ({versions[name]})" if name in versions else ""
        lines.append(f"{name.ljust(width)}  {licence}{extra}")
    return "\n".join(lines)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        from center_app.version import version

        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("关于儿童之家管理系统"))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)

        head = QHBoxLayout()
        picture = QLabel()
        picture.setObjectName("aboutIcon")
        picture.setPixmap(app_icon().pixmap(64, 64))
        head.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        title = QLabel(self.tr("儿童之家管理系统"))
        title.setObjectName("aboutTitle")
        font = QFont(title.font())
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        title.setFont(font)
        words.addWidget(title)
        self.version_label = QLabel(self.tr("版本 %1").replace("%1", version()))
        self.version_label.setObjectName("aboutVersion")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        words.addWidget(self.version_label)
        summary = QLabel(
            self.tr(
                "给乡村儿童之家和留守儿童关爱活动中心用的桌面程序：图书、器材、儿童档案与考勤、志愿者与课表、报表。"
            )
        )
        summary.setWordWrap(True)
        words.addWidget(summary)
        self.licence_label = QLabel(
            self.tr("本软件按 Apache 许可证 2.0 版（%1）发布，可以自由使用、复制和修改。").replace(
                "%1", LICENSE_NAME
            )
        )
        self.licence_label.setObjectName("aboutLicenseName")
        self.licence_label.setWordWrap(True)
        words.addWidget(self.licence_label)
        head.addLayout(words, 1)
        layout.addLayout(head)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("aboutTabs")
        text = license_text()
        self.license_view = self._text_view(
            "aboutLicenseText",
            text if text is not None else self.tr("安装文件夹中缺少许可证文件（LICENSE）。"),
        )
        self.tabs.addTab(self.license_view, self.tr("许可证"))
        fonts = font_licences()
        self.fonts_view = self._text_view(
            "aboutFontLicenses",
            "\n\n".join(f"━━ {name} ━━\n\n{body.strip()}" for name, body in fonts)
            if fonts
            else self.tr("安装文件夹中缺少字体的许可证文件。"),
        )
        self.tabs.addTab(self.fonts_view, self.tr("字体许可"))
        self.components_view = self._text_view("aboutComponents", components_text())
        self.tabs.addTab(self.components_view, self.tr("使用的组件"))
        layout.addWidget(self.tabs, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        close = QPushButton(self.tr("关闭"))
        close.setObjectName("aboutClose")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.resize(640, 520)

    def _text_view(self, name: str, text: str) -> QPlainTextEdit:
        view = QPlainTextEdit(self)
        view.setObjectName(name)
        view.setReadOnly(True)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        # Fixed width (the components' table lines up), falling back to the app's fonts for Chinese and Japanese.
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setFamilies([font.family(), *QApplication.font().families()])
        font.setPointSize(QApplication.font().pointSize())
        view.setFont(font)
        view.setPlainText(text)
        return view
