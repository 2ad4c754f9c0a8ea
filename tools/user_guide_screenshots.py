"""Screenshots for docs/user-guide.md: the demo centre rendered offscreen, every page and its tabs, and the main flows.

    python tools/user_guide_screenshots.py            # writes docs/user-guide/*.png
    python tools/user_guide_screenshots.py --out DIR  # somewhere else (e.g. to compare before committing)

Re-run it whenever the UI changes. It needs no display (``QT_QPA_PLATFORM=offscreen``) and takes about a minute:

1. a demo centre (``center_app.demo.fill_demo``, the app's own generator, as of today) in a temporary folder, with
   an administrator account (so no 演示数据 banner: the pictures look like a centre's own PC);
2. the real main window (``center_app.app.open_main_window``) at the school PC's 1366×768;
3. every page (Ctrl+1…9) and each of its tabs, found by the objectNames of docs/ui-names.md;
4. the flows the guide describes, driven like a user: a card and a book scanned into the desk's input (key clicks +
   Enter, as a scanner types), a book returned, the overdue list; roll call keys typed into the grid and saved;
   a donation list opened in the catalogue's import panel (its preview) and imported; a report previewed on the
   reports page (or, while that page is not built, the overdue slips' PDF rendered with ``pdftoppm``).

Each PNG is reduced to 256 colours (Pillow, a dependency of reportlab) so the guide stays small. The names are
stable (the guide links them); the data is the same for the same day (the demo is seeded; its dates follow today).
Layout problems the window reports (clipped labels, controls outside the window) are printed as warnings.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from PySide6.QtCore import QBuffer, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QApplication, QTabWidget, QWidget  # noqa: E402

W = TypeVar("W", bound=QWidget)

WIDTH, HEIGHT = 1366, 768
OUT = REPO / "docs" / "user-guide"
DONATION_LIST = REPO / "tests" / "data" / "donation_sample.xlsx"
ADMIN, ADMIN_NAME = "admin", "韦管理员"

# Every page in Ctrl+1…9 order: (objectName, file stem).
PAGES = [
    ("overviewPage", "01-overview"),
    ("catalogPage", "02-catalog"),
    ("deskPage", "03-desk"),
    ("childrenPage", "04-children"),
    ("attendancePage", "05-attendance"),
    ("equipmentPage", "06-equipment"),
    ("volunteersPage", "07-volunteers"),
    ("reportsPage", "08-reports"),
    ("settingsPage", "09-settings"),
]

# Pages pictured with their list's first row chosen (its search box; ↓ goes into the list).
SELECT_FIRST = {"catalogPage": "catalogSearch", "childrenPage": "childrenSearch"}


class Shooter:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.saved: list[Path] = []
        self.warnings: list[str] = []

    def save(self, window: QWidget, stem: str) -> None:
        settle()
        image = window.grab().toImage()
        path = self.out / f"{stem}.png"
        write_png(image, path)
        self.saved.append(path)
        print(
            f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path}  {path.stat().st_size // 1024} KB"
        )
        self.check_layout(window, stem)

    def check_layout(self, window: QWidget, stem: str) -> None:
        try:
            from tests.uitools import layout_problems
        except ImportError:  # a checkout without the tests
            return
        for problem in layout_problems(window):
            self.warnings.append(f"{stem}: {problem}")


def write_png(image: QImage, path: Path) -> None:
    """``image`` as a 256-colour PNG (a UI has few colours; the text stays sharp)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; the binding wants str
    try:
        from PIL import Image
    except ImportError:
        path.write_bytes(bytes(buffer.data().data()))
        return
    picture = Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGB")
    reduced = picture.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    reduced.save(path, "PNG", optimize=True)


def settle(msecs: int = 150) -> None:
    """Let the window finish what it started: queued events, worker threads (a page's load, an import), repaints."""
    from center_app.ui import workers

    QTest.qWait(msecs)
    for _ in range(200):
        workers.wait_for_all(30_000)
        QApplication.processEvents()
        if not workers.active_jobs():
            break
        QTest.qWait(20)
    QTest.qWait(50)


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not finish in time")
        QTest.qWait(30)


def child(widget: QWidget, name: str, kind: type[W]) -> W:
    found = widget.findChild(kind, name)
    if found is None:
        raise LookupError(f"no widget {name!r} (docs/ui-names.md)")
    return found


def click(widget: QWidget, name: str) -> None:
    button = child(widget, name, QAbstractButton)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def scan(widget: QWidget, code: str) -> None:
    """A USB barcode scanner is a keyboard that types fast and presses Enter (ASCII codes only)."""
    QTest.keyClicks(widget, code)
    QTest.keyClick(widget, Qt.Key.Key_Return)


# --- the demo centre ---------------------------------------------------------------------------------------------


def make_demo(folder: Path):  # -> DataDir
    from center_app.config import DataDir
    from center_app.context import Actor, open_store
    from center_app.demo import fill_demo
    from center_app.services import accounts

    data_dir = DataDir(folder)
    data_dir.ensure()
    ctx = open_store(data_dir, actor=Actor.command_line())
    try:
        fill_demo(ctx)
        accounts.create_first_admin(ctx, ADMIN, ADMIN_NAME, "gulou2026")
    finally:
        ctx.close()
    return data_dir


def query(data_dir, sql: str) -> list[tuple]:
    """Plain read-only SQL on the demo's database: which card and books to scan."""
    connection = sqlite3.connect(f"{data_dir.db_path.as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


# --- pages and tabs ----------------------------------------------------------------------------------------------


def page_tabs(page: QWidget) -> QTabWidget | None:
    """The page's main tab bar (``attendanceTabs``, ``equipmentTabs``, ``settingsTabs``…), if it has one."""
    name = page.objectName().removesuffix("Page") + "Tabs"
    return page.findChild(QTabWidget, name)


def tab_stem(page: QWidget, tab: QWidget | None) -> str:
    """``equipmentDeskTab`` on ``equipmentPage`` → ``desk``; ``checkInTab`` → ``checkin``."""
    if tab is None or not tab.objectName():
        return "tab"
    name = tab.objectName().removesuffix("Tab")
    prefix = page.objectName().removesuffix("Page")
    if name.startswith(prefix) and name != prefix:
        name = name[len(prefix) :]
    return name.lower()


def shoot_pages(window, shooter: Shooter) -> list[str]:
    notes = []
    for name, stem in PAGES:
        page = window.show_page(name)
        settle(300)
        if page.findChild(QWidget, "comingSoonNotice") is not None:
            notes.append(f"{name}: still the 'later' placeholder (comingSoonNotice)")
        search = SELECT_FIRST.get(name)
        if search:  # ↓ from the search into the list: the first row's file shows beside it
            QTest.keyClick(child(page, search, QWidget), Qt.Key.Key_Down)
            settle()
        tabs = page_tabs(page)
        if tabs is None:
            shooter.save(window, stem)
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle(300)
            shooter.save(
                window, stem if index == 0 else f"{stem}-{index + 1}-{tab_stem(page, tabs.widget(index))}"
            )
        tabs.setCurrentIndex(0)
    return notes


# --- flows -------------------------------------------------------------------------------------------------------


def desk_flow(window, data_dir, shooter: Shooter) -> None:
    """借书 and 还书 at the desk: scan a card, a book; Esc, scan a lent book; F8 the overdue list."""
    (card,) = query(
        data_dir,
        "SELECT card_barcode FROM child c WHERE status = 'active' AND card_barcode IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM loan l WHERE l.child_id = c.id AND l.returned_at IS NULL)"
        " ORDER BY abs(grade - 4), id LIMIT 1",  # a fourth-grader, the desk's usual reader
    )[0]
    (book,) = query(
        data_dir,
        "SELECT b.barcode FROM book_copy b JOIN book_title t ON t.id = b.title_id WHERE b.status = 'available'"
        " ORDER BY t.id, b.id LIMIT 1",
    )[0]
    (lent,) = query(
        data_dir,
        "SELECT b.barcode FROM loan l JOIN book_copy b ON b.id = l.copy_id WHERE l.returned_at IS NULL"
        " ORDER BY l.due_on DESC, l.id LIMIT 1",
    )[0]
    page = window.show_page("deskPage")
    page.sound.player = lambda _kind: None  # the desk's test seam: no speaker here
    desk_input = child(page, "deskInput", QWidget)
    settle()
    scan(desk_input, card)
    shooter.save(window, "flow-desk-1-card")
    scan(desk_input, book)
    shooter.save(window, "flow-desk-2-lend")
    QTest.keyClick(desk_input, Qt.Key.Key_Escape)
    QTest.keyClick(desk_input, Qt.Key.Key_Escape)
    scan(desk_input, lent)
    shooter.save(window, "flow-desk-3-return")
    QTest.keyClick(desk_input, Qt.Key.Key_F8)
    shooter.save(window, "flow-desk-4-overdue")
    QTest.keyClick(desk_input, Qt.Key.Key_F8)


def roll_call_flow(window, shooter: Shooter) -> None:
    """点名: the register's keys typed into the grid (1 出勤, 2 缺勤, 3 迟到, 4 请假), then Ctrl+S."""
    page = window.show_page("attendancePage")
    tabs = page_tabs(page)
    if tabs is not None:
        tabs.setCurrentWidget(child(page, "rollCallTab", QWidget))
    settle(300)
    table = child(page, "rollCallTable", QWidget)
    table.setFocus()
    QTest.keyClicks(table, "1121413111")
    shooter.save(window, "flow-rollcall-1-marks")
    QTest.keyClick(table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    shooter.save(window, "flow-rollcall-2-saved")


def import_flow(window, shooter: Shooter) -> None:
    """导入捐赠书单: 图书 → 导入 (Ctrl+I), choose the file, the preview, 开始导入."""
    page = window.show_page("catalogPage")
    settle()
    click(page, "catalogImport")
    settle()
    from center_app.ui.widgets.import_panel import ImportPanel

    panel = child(page, "importPanel", ImportPanel)
    panel.choose_file = lambda: str(DONATION_LIST)  # the panel's seam for the native file dialog
    click(panel, "importChoose")
    wait_until(lambda: not panel.busy)
    shooter.save(window, "flow-import-1-preview")
    skip = child(panel, "importSkipInvalid", QAbstractButton)
    if skip.isEnabled() and not skip.isChecked():
        click(panel, "importSkipInvalid")  # the sample has one row with a wrong ISBN: import the others
        settle()
    click(panel, "importRun")
    settle()
    wait_until(lambda: not panel.busy)
    shooter.save(window, "flow-import-2-done")
    click(panel, "importClose")


def report_flow(window, shooter: Shooter, notes: list[str]) -> None:
    """打印报表: the reports page's 报表 tab, 预览 (F5) of last month's report; without that page, the overdue slips."""
    page = window.show_page("reportsPage")
    settle()
    preview = page.findChild(QAbstractButton, "reportsPreview")
    tabs = page_tabs(page)
    if preview is None or tabs is None:
        notes.append("reportsPage has no 报表 tab yet: the report picture is the overdue slips' PDF")
        overdue_slips(window, shooter)
        return
    tabs.setCurrentWidget(child(page, "reportsTab", QWidget))
    settle()
    QTest.mouseClick(preview, Qt.MouseButton.LeftButton)
    settle()
    wait_until(lambda: preview.isEnabled())
    settle(500)
    shooter.save(window, "flow-report-1-preview")


def overdue_slips(window, shooter: Shooter) -> None:
    """The desk's 打印催还单 (a PDF), its first page rendered with pdftoppm."""
    page = window.show_page("deskPage")
    opened: list[Path] = []
    page.open_file = opened.append  # the desk's seam: no PDF viewer here
    QTest.keyClick(child(page, "deskInput", QWidget), Qt.Key.Key_F8)
    settle()
    click(page, "deskPrintSlips")
    settle()
    shooter.save(window, "flow-report-1-preview")
    if not opened or shutil.which("pdftoppm") is None:
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(opened[0]), str(Path(tmp) / "slip")],
            check=True,
        )
        rendered = sorted(Path(tmp).glob("slip*.png"))
        if rendered:
            write_png(QImage(str(rendered[0])), shooter.out / "flow-report-2-pdf.png")
            shooter.saved.append(shooter.out / "flow-report-2-pdf.png")


# --- main --------------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where the PNGs go (default docs/user-guide/)")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()  # a page or tab that went away leaves no stale picture

    started = time.monotonic()
    app = QApplication.instance() or QApplication(["user_guide_screenshots"])
    shooter = Shooter(out)
    # A fixed folder, not a random one: its path is in the status bar of every picture.
    folder = Path(tempfile.gettempdir()) / "center-guide" / "古楼村儿童之家"
    shutil.rmtree(folder.parent, ignore_errors=True)
    try:
        data_dir = make_demo(folder)
        print(f"demo centre ready in {time.monotonic() - started:.0f} s")

        from center_app.app import open_main_window

        window = open_main_window(data_dir, user=ADMIN)
        window.showNormal()
        window.resize(WIDTH, HEIGHT)
        settle(500)

        notes = shoot_pages(window, shooter)
        desk_flow(window, data_dir, shooter)
        roll_call_flow(window, shooter)
        import_flow(window, shooter)
        report_flow(window, shooter, notes)

        settle()
        window.close()
        settle()
        del app
    finally:
        shutil.rmtree(folder.parent, ignore_errors=True)

    total = sum(path.stat().st_size for path in shooter.saved)
    print(f"{len(shooter.saved)} pictures, {total // 1024} KB, in {time.monotonic() - started:.0f} s")
    for line in notes + shooter.warnings:
        print(f"warning: {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception:  # the app's excepthook would only log it in the deleted demo folder
        traceback.print_exc()
        sys.exit(1)
