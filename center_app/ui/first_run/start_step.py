"""4. How the centre starts: import its existing spreadsheets, look at the demo centre first, or start empty.

- 导入已有的表格: the books', children's, equipment's and volunteers' import panels — the very panels the pages use
  (``ImportPanel`` with each page's ``ImportKind``), one at a time inside the step; each import is its own use case
  (the panel's ``run_import``), so what was imported stays whatever happens next.
- 先看看演示中心: ``demo_folder.create_demo_folder`` writes the demo centre into a folder of its own beside this
  centre's (on a worker thread); the wizard opens it in a window of its own when it ends. This centre's folder
  gets no demo data.
- 从空白开始: nothing to do.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from center_app.services import demo_folder
from center_app.ui import workers
from center_app.ui.first_run.step import Step, WizardState, intro_label
from center_app.ui.widgets.import_panel import ImportKind, ImportPanel
from center_app.ui.widgets.messages import show_message
from center_app.ui.workers import Job

IMPORT, DEMO, EMPTY = "import", "demo", "empty"


def _books() -> ImportKind:
    from center_app.ui.pages.catalog_import import book_import_kind

    return book_import_kind()


def _children() -> ImportKind:
    from center_app.ui.pages.children_import import children_import_kind

    return children_import_kind()


def _equipment() -> ImportKind:
    from center_app.ui.widgets.import_panel import equipment_import_kind

    return equipment_import_kind()


def _volunteers() -> ImportKind:
    from center_app.ui.pages.volunteers_roster import volunteers_import_kind

    return volunteers_import_kind()


#: the import kinds offered, in order: (objectName suffix, the page's ImportKind, made when first opened)
IMPORT_KINDS: tuple[tuple[str, Callable[[], ImportKind]], ...] = (
    ("Books", _books),
    ("Children", _children),
    ("Equipment", _equipment),
    ("Volunteers", _volunteers),
)


class StartStep(Step):
    def __init__(self, state: WizardState, message: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(state, message, parent)
        self.setObjectName("firstRunStartStep")
        self.job: Job | None = None
        self.panels: dict[str, ImportPanel] = {}
        self.imported: list[str] = []  # what each import did, in the panels' own words
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("firstRunStartPages")
        layout.addWidget(self.pages)

        # The choice.
        choice = QWidget(self.pages)
        choice.setObjectName("firstRunStartChoice")
        column = QVBoxLayout(choice)
        column.setContentsMargins(0, 0, 0, 0)
        self.intro = intro_label("firstRunStartIntro")
        column.addWidget(self.intro)
        self.group = QButtonGroup(self)
        self.options: dict[str, QRadioButton] = {}
        self.explanations: dict[str, QLabel] = {}
        for option, name in ((IMPORT, "Import"), (DEMO, "Demo"), (EMPTY, "Empty")):
            radio = QRadioButton(choice)
            radio.setObjectName(f"firstRunStart{name}")
            explanation = intro_label(f"firstRunStart{name}Text")
            explanation.setIndent(24)
            explanation.setStyleSheet("color: #475569;")
            self.group.addButton(radio)
            self.options[option] = radio
            self.explanations[option] = explanation
            column.addWidget(radio, 0, Qt.AlignmentFlag.AlignLeft)  # as wide as its text: a click on it hits
            column.addWidget(explanation)
        self.options[IMPORT].setChecked(True)
        self.progress = QProgressBar(choice)
        self.progress.setObjectName("firstRunDemoProgress")
        self.progress.setRange(0, 100)
        self.progress.hide()
        column.addWidget(self.progress)
        column.addStretch(1)
        self.pages.addWidget(choice)
        self.choice = choice

        # The imports: a button per kind, the chosen kind's panel under them.
        hub = QWidget(self.pages)
        hub.setObjectName("firstRunImports")
        hub_layout = QVBoxLayout(hub)
        hub_layout.setContentsMargins(0, 0, 0, 0)
        self.hub_intro = intro_label("firstRunImportsIntro")
        hub_layout.addWidget(self.hub_intro)
        row = QHBoxLayout()
        self.kind_buttons: dict[str, QPushButton] = {}
        for name, _make in IMPORT_KINDS:
            button = QPushButton(hub)
            button.setObjectName(f"firstRunImport{name}")
            button.setAutoDefault(True)  # Enter on it opens its panel
            button.clicked.connect(lambda _checked=False, name=name: self.open_panel(name))
            self.kind_buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        hub_layout.addLayout(row)
        self.done_label = intro_label("firstRunImported")
        self.done_label.setStyleSheet("color: #1e8449;")
        self.done_label.hide()
        hub_layout.addWidget(self.done_label)
        # A panel with a long preview (or longer English texts) scrolls rather than squeezing its lines.
        scroll = QScrollArea(hub)
        scroll.setObjectName("firstRunImportScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.panel_area = QStackedWidget()
        self.panel_area.setObjectName("firstRunImportPanels")
        self.empty_panel = QWidget(self.panel_area)
        self.panel_area.addWidget(self.empty_panel)
        scroll.setWidget(self.panel_area)
        hub_layout.addWidget(scroll, 1)
        self.pages.addWidget(hub)
        self.hub = hub
        self.retranslate()

    def title(self) -> str:
        return self.tr("开始使用")

    def retranslate(self) -> None:
        self.intro.setText(self.tr("中心已经有的东西，怎样放进程序？用方向键选择，按回车继续。"))
        texts = {
            IMPORT: (
                self.tr("导入已有的表格(&I)"),
                self.tr("图书捐赠清单、儿童花名册、器材清单、志愿者名单（Excel 或 CSV），先预览再导入。"),
            ),
            DEMO: (
                self.tr("先看看演示中心(&D)"),
                self.tr(
                    "一个编出来的中心（4,000 多册图书、120 名儿童……），放在另一个文件夹里，完成设置后在另一个"
                    "窗口打开。你的中心不会有演示数据。"
                ),
            ),
            EMPTY: (
                self.tr("从空白开始(&E)"),
                self.tr("以后在各页里一条一条登记，或者随时从各页导入表格。"),
            ),
        }
        for option, (label, explanation) in texts.items():
            self.options[option].setText(label)
            self.explanations[option].setText(explanation)
        self.progress.setFormat(self.tr("正在生成演示中心… %p%"))
        self.hub_intro.setText(
            self.tr(
                "选择要导入的表格。每个表格先预览，确认后导入；可以导入几个，也可以以后在各页导入。"
                "导入完了按“下一步”。"
            )
        )
        for name, text in zip(
            self.kind_buttons,
            (self.tr("图书(&1)…"), self.tr("儿童(&2)…"), self.tr("器材(&3)…"), self.tr("志愿者(&4)…")),
            strict=True,
        ):
            self.kind_buttons[name].setText(text)
        self._rebuild_idle_panels()

    def _rebuild_idle_panels(self) -> None:
        """A language change: the panels' texts were translated when they were made; make idle ones again."""
        for name, panel in list(self.panels.items()):
            if panel.busy:
                continue
            shown = self.panel_area.currentWidget() is panel
            self.panel_area.removeWidget(panel)
            panel.deleteLater()
            del self.panels[name]
            if shown:
                self.open_panel(name)

    def chosen(self) -> str:
        return next((option for option, button in self.options.items() if button.isChecked()), EMPTY)

    def first_focus(self) -> QWidget:
        if self.pages.currentWidget() is self.hub:
            panel = self.panel_area.currentWidget()
            return panel.choose_button if isinstance(panel, ImportPanel) else self.kind_buttons["Books"]
        return self.options[self.chosen()]

    @property
    def busy(self) -> bool:
        return (self.job is not None and self.job.running) or any(p.busy for p in self.panels.values())

    # --- going on and back --------------------------------------------------------------------------------

    def save(self) -> bool:
        option = self.chosen()
        if option != DEMO:
            self.state.demo_folder = None  # chosen earlier, then changed: the demo is not opened
        if self.pages.currentWidget() is self.hub:
            return True  # the imports are done, each by its own panel
        if option == IMPORT:
            self.pages.setCurrentWidget(self.hub)
            self.kind_buttons["Books"].setFocus()
            return False
        if option == DEMO:
            if self.state.demo_folder is None:
                self.make_demo()
                return False  # goes on by itself (``advance``) when the demo is ready
            return True
        return True

    def back_inside(self) -> bool:
        if self.pages.currentWidget() is not self.hub:
            return False
        panel = self.panel_area.currentWidget()
        if isinstance(panel, ImportPanel):
            self.close_panel()
        else:
            self.pages.setCurrentWidget(self.choice)
            self.options[IMPORT].setFocus()
        return True

    def back_inside_possible(self) -> bool:
        return self.pages.currentWidget() is self.hub

    def handle_return(self, focus: QWidget | None) -> bool:
        # Inside an import panel Enter belongs to the panel (its buttons take it as clicks; see the wizard).
        panel = self.panel_area.currentWidget()
        return (
            self.pages.currentWidget() is self.hub
            and isinstance(panel, ImportPanel)
            and focus is not None
            and panel.isAncestorOf(focus)
        )

    # --- the imports --------------------------------------------------------------------------------------

    def open_panel(self, name: str) -> ImportPanel:
        """Show the import panel of ``name`` ("Books", "Children", "Equipment", "Volunteers")."""
        panel = self.panels.get(name)
        if panel is None:
            make = dict(IMPORT_KINDS)[name]
            panel = ImportPanel(self.state.admin_ctx, make(), self.panel_area)
            panel.closed.connect(self.close_panel)
            panel.imported.connect(lambda result, panel=panel: self._imported(panel, result))
            self.panel_area.addWidget(panel)
            self.panels[name] = panel
        self.panel_area.setCurrentWidget(panel)
        self.message.clear()
        panel.choose_button.setFocus()
        return panel

    def close_panel(self) -> None:
        panel = self.panel_area.currentWidget()
        if isinstance(panel, ImportPanel) and panel.busy:
            return
        name = next((n for n, p in self.panels.items() if p is panel), "Books")
        self.panel_area.setCurrentWidget(self.empty_panel)
        if isinstance(panel, ImportPanel) and panel.result is not None:
            self.focus_next.emit()  # imported: Enter goes on (Tab reaches the other kinds)
        else:
            self.kind_buttons[name].setFocus()

    def _imported(self, panel: ImportPanel, result: Any) -> None:
        self.imported.append(panel.kind.describe_result(result))
        self.done_label.setText("\n".join(self.imported))
        self.done_label.show()

    # --- the demo -----------------------------------------------------------------------------------------

    def make_demo(self) -> Job | None:
        """Write the demo centre into its own folder on a worker; the wizard goes on when it is ready."""
        if self.busy:
            return None
        admin = self.state.admin_ctx

        def work(progress: workers.Progress, _cancel: threading.Event) -> demo_folder.DemoFolder:
            return demo_folder.create_demo_folder(admin, progress=lambda percent, _text: progress(percent))

        job = Job(work, name="firstRun:demo", logs_dir=admin.data_dir.logs)
        job.progress.connect(lambda percent, _text: self.progress.setValue(max(0, percent)))
        job.finished.connect(self._demo_ready)
        job.failed.connect(self._demo_failed)
        job.done.connect(self._demo_ended)
        self.job = job
        self.progress.setValue(0)
        self.progress.show()
        for button in self.options.values():
            button.setEnabled(False)
        show_message(self.message, self.tr("正在另一个文件夹里生成演示中心，请稍候……"), ok=True)
        job.start()
        self.busy_changed.emit(True)
        return job

    def _demo_ready(self, made: demo_folder.DemoFolder) -> None:
        self.state.demo_folder = made.root
        show_message(
            self.message,
            self.tr("演示中心已准备好（%1），完成设置后会在另一个窗口打开。").replace("%1", str(made.root)),
            ok=True,
        )

    def _demo_failed(self, exc: BaseException) -> None:
        show_message(self.message, workers.message_for(exc))

    def _demo_ended(self) -> None:
        self.job = None
        self.progress.hide()
        for button in self.options.values():
            button.setEnabled(True)
        self.busy_changed.emit(False)
        if self.state.demo_folder is not None:
            self.advance.emit()  # ready: on to the backup step
        else:
            self.options[self.chosen()].setFocus()
