"""Every page fits the school PC's screen: laid out at 1280×720 (the window's own size before maximizing), at
1366×768 and at 1366×697 (maximized on a 1366×768 screen: the taskbar and the title bar take the rest), no two
visible widgets overlap, no label is clipped and every button, field and table is inside the window.

Each test opens the real main window on a demo centre with data, walks one page like a user — every tab of it and
every panel it can show (a child at the desk, the overdue list, the check-out panel, the import panels…) — and after
each step lays the window out at each size and collects what does not fit (``tests/uitools.layout_problems``). The
problems of a whole walk are reported together, each with its step and size. ``CENTER_APP_FIT_PICTURES=<folder>``
also saves a picture of every step at every size there, to look at.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QScrollArea, QTabWidget, QWidget

from center_app import demo
from center_app.app import open_main_window
from center_app.config import DataDir
from center_app.context import Actor, open_store
from center_app.services import accounts
from tests.gui.conftest import ADMIN, ADMIN_PASSWORD
from tests.uitools import layout_problems, scan

SIZES = ((1280, 720), (1366, 768), (1366, 697))
SAMPLES = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A demo centre with an administrator, built once for the module (the generator takes seconds)."""
    folder = DataDir(tmp_path_factory.mktemp("fit") / "data").ensure()
    ctx = open_store(folder)
    try:
        accounts.create_first_admin(ctx, ADMIN, "韦管理员", ADMIN_PASSWORD)
        ctx.actor = accounts.authenticate(ctx, ADMIN, ADMIN_PASSWORD)
        demo.fill_demo(ctx, today=dt.date.today())
    finally:
        ctx.close()
    return folder.db_path.read_bytes()


@pytest.fixture
def centre(data_dir: DataDir, demo_template: bytes) -> DataDir:
    data_dir.db_path.write_bytes(demo_template)
    return data_dir


@pytest.fixture
def fit(qtbot, centre: DataDir) -> Iterator[Fit]:
    window = open_main_window(centre, user=ADMIN)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    yield Fit(qtbot, window)
    window.close()


class Fit:
    """Walks a page step by step; after each step, lays the window out at every size and keeps what does not fit."""

    def __init__(self, qtbot, window: QWidget) -> None:
        self.qtbot = qtbot
        self.window = window
        self.problems: list[str] = []
        self.steps: list[str] = []
        folder = os.environ.get("CENTER_APP_FIT_PICTURES")
        self.pictures = Path(folder) if folder else None

    def settle(self) -> None:
        self.qtbot.wait(20)  # timers of 0–15 ms (the overview's details, queued panel work) run first
        QApplication.processEvents()

    def check(self, step: str, window: QWidget | None = None) -> None:
        """``window``: a dialog open over the main window, checked at its own size."""
        self.settle()
        self.steps.append(step)
        target = window or self.window
        sizes = SIZES if window is None else ((target.width(), target.height()),)
        for width, height in sizes:
            target.resize(width, height)
            self.settle()
            self.problems += [f"{step} @ {width}×{height}: {problem}" for problem in layout_problems(target)]
            if self.pictures is not None:
                self.pictures.mkdir(parents=True, exist_ok=True)
                name = re.sub(r"[^\w-]+", "_", step).strip("_")
                target.grab().save(str(self.pictures / f"{name}_{width}x{height}.png"))

    def page(self, object_name: str) -> QWidget:
        page = self.window.show_page(object_name)
        self.check(object_name)
        return page

    def click(self, object_name: str, step: str | None = None, *, check: bool = True) -> QAbstractButton:
        button = self.window.findChild(QAbstractButton, object_name)
        assert button is not None, object_name
        assert button.isVisible() and button.isEnabled(), object_name
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        if check:
            self.check(step or f"click {object_name}")
        return button

    def key(self, widget: QWidget, key: Qt.Key, step: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(widget, key, modifier)
        self.check(step)

    def escape(self) -> None:
        self.qtbot.keyClick(QApplication.focusWidget() or self.window, Qt.Key.Key_Escape)
        self.settle()

    def tabs(self, tabs: QTabWidget, step: str) -> None:
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            self.check(f"{step}/{tabs.widget(index).objectName()}")

    def assert_fits(self) -> None:
        assert self.steps, "the walk checked nothing"
        assert not self.problems, "does not fit the screen:\n" + "\n".join(self.problems)


def _a_card(window: QWidget, *, with_loans: bool = False) -> str:
    from sqlalchemy import select

    from center_app.db.models import Child, Loan

    query = select(Child.card_barcode).where(Child.card_barcode.is_not(None), Child.status == "active")
    if with_loans:
        query = query.join(Loan, Loan.child_id == Child.id).where(Loan.returned_at.is_(None))
    with window.ctx.db.read() as s:
        barcode = s.scalar(query.limit(1))
    assert barcode
    return barcode


def _session(window: QWidget, title: str, start: dt.time, volunteers: tuple[str, ...]) -> None:
    """An activity held today with its volunteers (test data: the timetable's own page is still to come)."""
    from center_app.db.models import Activity, ActivityVolunteer, Volunteer

    with window.ctx.db.session() as s:
        activity = Activity(
            title=title,
            on_date=dt.date.today(),
            start_time=start,
            end_time=start.replace(hour=start.hour + 1),
        )
        s.add(activity)
        s.flush()
        for name in volunteers:
            volunteer = Volunteer(name=name)
            s.add(volunteer)
            s.flush()
            s.add(ActivityVolunteer(activity_id=activity.id, volunteer_id=volunteer.id))


def _choose(fit: Fit, panel: QWidget, path: Path) -> None:
    """Pick a file in an import panel as the user does and wait for its preview (read on a worker thread)."""
    panel.choose_file = lambda: str(path)
    fit.qtbot.mouseClick(panel.choose_button, Qt.MouseButton.LeftButton)
    fit.qtbot.waitUntil(lambda: not panel.busy, timeout=10000)


def _roster(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "性别", "出生日期", "班级", "监护人", "与儿童关系", "监护人电话"])
    sheet.append(["覃小雨", "女", "2017-05-04", "三年级2班", "覃奶奶", "奶奶", "13812345678"])
    sheet.append(["莫小川", "男", "2016年9月1日", "四年级1班", "莫爷爷", "爷爷", "12345"])
    book.save(path)
    return path


# --- the checks themselves ---------------------------------------------------------------------------------------


def test_the_checks_see_overlaps_clipped_labels_and_controls_outside_the_window(qtbot) -> None:
    from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton

    window = QWidget()
    qtbot.addWidget(window)
    window.resize(400, 200)
    date = QPushButton("日期", window)
    date.setGeometry(10, 10, 120, 30)
    register = QLineEdit(window)
    register.setObjectName("register")
    register.setGeometry(100, 10, 150, 30)  # covers the right end of the button
    short = QLabel("点名表：当天考勤（全天）", window)
    short.setObjectName("short")
    short.setGeometry(10, 60, 40, 30)  # narrower than its text
    wrapped = QLabel("一段会换行的说明文字，" * 6, window)
    wrapped.setObjectName("wrapped")
    wrapped.setWordWrap(True)
    wrapped.setGeometry(10, 100, 200, 20)  # several lines' worth of text in one line's height
    outside = QPushButton("保存", window)
    outside.setObjectName("outside")
    outside.setGeometry(360, 160, 80, 30)  # past the right edge
    floating = QLineEdit(window)
    floating.setProperty("floats", True)  # like the desk's list of matches: covers others on purpose
    floating.setGeometry(10, 10, 100, 30)
    window.show()
    qtbot.waitExposed(window)

    problems = "\n".join(layout_problems(window))
    assert "register" in problems and "overlap" in problems
    assert "short" in problems and "wrapped" in problems and "outside" in problems
    assert problems.count("overlap") == 1  # the floating field is left out

    # Laid out by a layout with room to spare: nothing to say.
    tidy = QWidget()
    qtbot.addWidget(tidy)
    row = QHBoxLayout(tidy)
    for text in ("日期", "点名表", "班级"):
        row.addWidget(QLabel(text))
        row.addWidget(QLineEdit())
    tidy.resize(600, 60)
    tidy.show()
    qtbot.waitExposed(tidy)
    assert layout_problems(tidy) == []


# --- the pages -----------------------------------------------------------------------------------------------


def test_the_overview_fits(fit: Fit) -> None:
    overview = fit.page("overviewPage")
    fit.qtbot.waitUntil(lambda: overview.attendance.model.rowCount() > 0, timeout=5000)
    fit.check("overview: the warnings filled in")
    # At a glance: the counts, the charts and the warnings with the follow-up button, without scrolling.
    scroll = overview.findChild(QScrollArea, "overviewScroll")
    for width, height in SIZES:
        fit.window.resize(width, height)
        fit.settle()
        assert scroll.verticalScrollBar().maximum() == 0, f"the overview scrolls at {width}×{height}"
    fit.click("overviewFollowUp", "overview: the follow-up form")
    fit.assert_fits()


def test_the_catalogue_fits(fit: Fit) -> None:
    catalog = fit.page("catalogPage")
    fit.qtbot.waitUntil(lambda: not catalog.loading, timeout=10000)
    catalog.table.selectRow(0)
    fit.check("catalogue: a title selected")
    catalog.detail_panel.copies.selectRow(0)
    fit.check("catalogue: a copy selected")
    fit.click("catalogCopyStatus", "catalogue: the copy-status box")
    fit.escape()
    fit.click("catalogDeleteTitle", "catalogue: the delete question")
    fit.escape()
    fit.click("catalogEditTitle", "catalogue: the title form")
    fit.escape()
    fit.click("catalogAdd", "catalogue: the new-title form")
    fit.escape()
    fit.click("catalogImport", "catalogue: the import panel")
    _choose(fit, catalog.import_panel, SAMPLES / "donation_sample.xlsx")
    fit.check("catalogue: the import preview with its problems")
    fit.click("importClose", check=False)
    fit.click("catalogPrint", "catalogue: the print panel (spine labels)")
    fit.click("printKindCards", "catalogue: the print panel (library cards)")
    fit.click("printClose", check=False)
    fit.assert_fits()


def test_the_desk_fits(fit: Fit) -> None:
    desk = fit.page("deskPage")
    fit.key(desk.input, Qt.Key.Key_F8, "desk: the overdue list")
    fit.key(desk.input, Qt.Key.Key_F8, "desk: the overdue list closed")
    scan(fit.qtbot, desk.input, _a_card(fit.window, with_loans=True))
    fit.check("desk: a child with loans at the desk")
    fit.key(desk.input, Qt.Key.Key_F8, "desk: the overdue list beside the child")
    fit.key(desk.input, Qt.Key.Key_F8, "desk: the overdue list closed again")
    scan(fit.qtbot, desk.input, "T9999999")
    fit.check("desk: a refused scan")
    fit.escape()
    fit.qtbot.keyClicks(desk.input, "w")
    fit.key(desk.input, Qt.Key.Key_Return, "desk: several children match")
    fit.assert_fits()


def test_the_children_page_fits(fit: Fit, tmp_path: Path) -> None:
    children = fit.page("childrenPage")
    children.table.selectRow(0)
    fit.check("children: a child selected")
    for button, closer in (
        ("childrenEdit", None),
        ("childrenAdd", None),
        ("childrenFollowUp", "followUpCancel"),
        ("childrenImport", "childrenImportClose"),
        ("childrenExport", "childrenExportBack"),
        ("childrenPromote", "childrenPromoteBack"),
    ):
        fit.click(button, f"children: the panel of {button}")
        if closer is None:
            fit.escape()
        else:
            fit.click(closer, check=False)
    fit.click("childrenImport", check=False)
    _choose(fit, children.import_panel, _roster(tmp_path / "花名册.xlsx"))
    fit.check("children: the import preview with its problems")
    fit.click("childrenImportClose", check=False)
    fit.click("childrenAdd", check=False)
    fit.click("childFormGuardianAdd", "children: the guardian editor")
    fit.click("childFormGuardianCancel", check=False)
    fit.click("childFormPickupAdd", "children: the pick-up person editor")
    fit.click("childFormPickupCancel", check=False)
    fit.click("childFormCancel", check=False)
    for button in ("childrenCard", "childrenStatus"):
        if children.findChild(QAbstractButton, button).isEnabled():
            fit.click(button, f"children: the question of {button}")
            fit.click("childrenActionCancel", check=False)
    fit.assert_fits()


def test_the_roll_call_fits(fit: Fit) -> None:
    from center_app.services import attendance as attendance_service
    from center_app.services.attendance import MarkInput

    # Today's sessions as a summer-teaching team names them: the register choice lists them beside the day.
    _session(fit.window, "绘本共读与手工：我的家乡古楼村", dt.time(9, 0), ("陈老师", "李同学", "王同学"))
    _session(fit.window, "篮球", dt.time(15, 30), ("韦老师",))
    attendance = fit.page("attendancePage")
    tabs = attendance.findChild(QTabWidget, "attendanceTabs")
    tabs.setCurrentWidget(attendance.roll_call)
    fit.check("roll call")
    fit.click("rollCallAllPresent", "roll call: the all-present question")
    fit.click("rollCallConfirmCancel", check=False)
    # A colleague on another PC saves the first child meanwhile: the conflict list opens beside the grid.
    panel = attendance.roll_call
    first = panel.model.rows[0].child_id
    other = open_store(fit.window.ctx.data_dir, actor=Actor.command_line())
    try:
        attendance_service.save_marks(other, dt.date.today(), None, [MarkInput(first, "A", 0)])
    finally:
        other.close()
    panel._select_row(0)
    fit.qtbot.keyClick(panel.table, "1")
    fit.qtbot.keyClick(panel.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert panel.conflict_panel.isVisible()
    fit.check("roll call: a conflict")
    fit.assert_fits()


def test_check_in_and_out_fit(fit: Fit) -> None:
    attendance = fit.window.show_page("attendancePage")
    attendance.tabs.setCurrentWidget(attendance.check_in)
    fit.check("check-in")
    check_in = attendance.findChild(QWidget, "checkInInput")
    scan(fit.qtbot, check_in, _a_card(fit.window))
    fit.check("check-in: a card scanned in")
    fit.click("checkOutButton", "check-in: the check-out panel")
    fit.click("checkOutCancel", check=False)
    fit.qtbot.keyClicks(check_in, "w")
    fit.key(check_in, Qt.Key.Key_Return, "check-in: several children match")
    fit.assert_fits()


def test_the_monthly_register_fits(fit: Fit) -> None:
    attendance = fit.window.show_page("attendancePage")
    attendance.tabs.setCurrentWidget(attendance.monthly)
    fit.check("monthly register")
    fit.click("monthlyExport", "monthly register: the export question")
    fit.click("monthlyConfirmCancel", check=False)
    fit.assert_fits()


def test_the_pages_to_come_fit(fit: Fit) -> None:
    for name in ("equipmentPage", "volunteersPage", "reportsPage"):
        fit.page(name)
    fit.assert_fits()


def test_the_settings_fit(fit: Fit) -> None:
    settings_page = fit.page("settingsPage")
    fit.tabs(settings_page.tabs, "settings")
    settings_page.tabs.setCurrentWidget(settings_page.tab("accountsTab"))
    fit.click("accountsAdd", "settings: the new-account form")
    fit.click("accountsNewCancel", check=False)
    accounts_tab = settings_page.tab("accountsTab")
    accounts_tab.table.selectRow(0)
    fit.click("accountsEdit", "settings: the account form")
    fit.click("accountsEditCancel", check=False)
    fit.click("accountsResetPassword", check=False)
    dialog = fit.window.findChild(QDialog, "accountsResetDialog")
    fit.qtbot.waitUntil(dialog.isVisible, timeout=2000)
    fit.check("settings: the reset-password dialog", window=dialog)
    fit.click("accountsResetCancel", check=False)
    fit.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)

    settings_page.tabs.setCurrentWidget(settings_page.tab("attendanceCodesTab"))
    fit.click("attendanceCodesAdd", "settings: the attendance-code form")
    fit.click("attendanceCodeCancel", check=False)

    backup_tab = settings_page.tab("backupTab")
    settings_page.tabs.setCurrentWidget(backup_tab)
    fit.click("backupNow", check=False)
    fit.qtbot.waitUntil(lambda: "已备份到" in backup_tab.message.text(), timeout=20000)
    fit.check("settings: a backup made")
    newest = max(fit.window.ctx.data_dir.backups.glob("*.db"), key=lambda p: p.stat().st_mtime)
    backup_tab.choose_file = lambda: str(newest)
    fit.click("restoreChoose", "settings: the restore question")
    fit.click("restoreCancel", check=False)
    fit.assert_fits()


def test_every_page_and_tab_fits_in_english(fit: Fit) -> None:
    fit.window.switch_language("en")  # English texts are longer: the second language must fit too
    fit.qtbot.waitUntil(lambda: fit.window.nav.item(0).text() == "Home", timeout=5000)
    for row in range(fit.window.nav.count()):
        page = fit.window.show_page(fit.window.specs[row].object_name)
        fit.check(f"English: {page.objectName()}")
        for tabs in page.findChildren(QTabWidget):
            fit.tabs(tabs, f"English: {page.objectName()}")
    fit.assert_fits()


def test_the_sign_in_screens_fit(qtbot, fit: Fit, tmp_path: Path) -> None:
    fit.key(fit.window, Qt.Key.Key_L, "the lock screen", Qt.KeyboardModifier.ControlModifier)
    assert fit.window.locked
    fit.window.close()

    fresh = open_main_window(DataDir(tmp_path / "fresh").ensure())
    qtbot.addWidget(fresh)
    first_run = Fit(qtbot, fresh)
    walk_the_first_run_wizard(first_run, tmp_path)
    fit.problems += first_run.problems
    fresh.close()
    fit.assert_fits()


def walk_the_first_run_wizard(fit: Fit, tmp_path: Path) -> None:
    """Every step of the first-run wizard, with a refusal shown, and the books' import panel with a preview."""
    from PySide6.QtWidgets import QLineEdit

    from tests.uitools import ime_type

    wizard = fit.window.gate
    assert wizard.objectName() == "firstRunWizard"
    fit.check("first run: the centre")
    wizard.go_next()  # no name: the refusal under the form
    fit.check("first run: the centre, refused")
    ime_type(wizard.findChild(QLineEdit, "firstRunCentreName"), "古楼村留守儿童关爱活动中心")
    ime_type(wizard.findChild(QLineEdit, "firstRunCentreAddress"), "广西贺州市钟山县古楼村小学")
    wizard.go_next()
    fit.check("first run: the administrator")
    fit.qtbot.keyClicks(wizard.findChild(QLineEdit, "firstRunUsername"), ADMIN)
    ime_type(wizard.findChild(QLineEdit, "firstRunDisplayName"), "韦管理员")
    fit.qtbot.keyClicks(wizard.findChild(QLineEdit, "firstRunPassword"), ADMIN_PASSWORD)
    fit.qtbot.keyClicks(wizard.findChild(QLineEdit, "firstRunPassword2"), ADMIN_PASSWORD)
    wizard.go_next()
    fit.check("first run: the language")
    wizard.go_back()
    fit.check("first run: the administrator, created")
    wizard.go_next()
    wizard.go_next()
    fit.check("first run: how to start")
    wizard.go_next()  # 导入已有的表格
    fit.check("first run: the imports")
    start = wizard.current
    panel = start.open_panel("Books")
    fit.check("first run: the books' import panel")
    panel.load(SAMPLES / "donation_sample.xlsx")
    fit.qtbot.waitUntil(lambda: panel.preview is not None, timeout=20000)
    fit.check("first run: the books' import preview")
    for name in ("Children", "Equipment", "Volunteers"):
        start.open_panel(name)
        fit.check(f"first run: the {name.lower()}' import panel")
    wizard.go_back()
    wizard.go_next()
    stick = tmp_path / "U盘"
    stick.mkdir()
    wizard.current.folder.setText(str(stick))
    fit.check("first run: the backup folder")


def test_a_demo_folder_fits(qtbot, tmp_path: Path) -> None:
    from tests.demo_store import small_centre

    folder = small_centre(tmp_path / "demo")
    ctx = open_store(folder)
    try:
        accounts.ensure_demo_admin(ctx)
    finally:
        ctx.close()
    window = open_main_window(folder)
    qtbot.addWidget(window)
    demo_fit = Fit(qtbot, window)
    demo_fit.check("a demo folder: the banner")
    demo_fit.click("demoClearButton", "a demo folder: the clear question")
    demo_fit.click("demoClearCancel", check=False)
    for name in ("overviewPage", "deskPage", "childrenPage"):
        demo_fit.page(name)
    window.close()
    demo_fit.assert_fits()
