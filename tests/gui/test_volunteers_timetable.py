"""课表 (the volunteers page's timetable tab) driven like staff drive it: a session placed with the arrows, Enter and
the form; a clash shown in the form before saving and refused until 仍然保存 with a reason, then red in the grid;
back-to-back is no clash; a session moved with Ctrl+X / Ctrl+V and by drag and drop; one week's occurrence
cancelled (the next week still has it) and restored; the centre's timetable printed; a teacher only looks; a
programme made with its periods; and the tab fits the school PC's screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QVBoxLayout, QWidget

from center_app.context import Actor, AppContext
from center_app.services import volunteers as vs
from center_app.services.volunteers import SessionInput, VolunteerInput
from center_app.ui.models.volunteers_week_model import CLASH
from center_app.ui.operations import Operations
from center_app.ui.pages.volunteers_timetable import VolunteersTimetableTab
from tests.uitools import ime_type, layout_problems

PICTURES = Path("/tmp/vol")
D = dt.date
START, END = D(2026, 7, 6), D(2026, 7, 31)  # Monday 6 July – Friday 31 July
WEDNESDAY = D(2026, 7, 8)
SIZES = ((1280, 720), (1366, 768))


@pytest.fixture
def camp(window) -> dict[str, int]:
    ctx = window.ctx
    programme = vs.create_programme(ctx, "2026年暑期支教", "summer", START, END)
    ids = {"programme": programme.id}
    for name in ("阅览室", "活动室", "美术室"):
        ids[name] = vs.save_room(ctx, None, name).id
    for name in ("韦小宝", "覃思琪", "黄立"):
        ids[name] = vs.create_volunteer(ctx, VolunteerInput(name, organisation="广西师范大学")).id
    return ids


def session(
    ctx: AppContext, camp: dict[str, int], title: str, weekday: int, start: str, end: str, who: str, room: str
) -> int:
    data = SessionInput(
        camp["programme"],
        title,
        start,
        end,
        weekday=weekday,
        volunteer_ids=(camp[who],),
        room_id=camp[room],
        group="三年级",
        kind="reading",
    )
    return vs.save_session(ctx, data).session.id


def host(window, ctx: AppContext | None = None) -> VolunteersTimetableTab:
    """The tab inside a page-like holder shown in the main window's page area, as the volunteers page holds it."""
    holder = QWidget()
    holder.setObjectName("volunteersTestHolder")
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(16, 10, 16, 10)
    layout.addWidget(QLabel("志愿者与课表"))
    tabs = QTabWidget()
    layout.addWidget(tabs, 1)
    use = ctx or window.ctx
    tab = VolunteersTimetableTab(use, Operations(use, window.events.announce))
    tab.today = lambda: WEDNESDAY
    tab.print_bar.open_file = lambda path: None
    tabs.addTab(tab, "课表")
    window.stack.addWidget(holder)
    window.stack.setCurrentWidget(holder)
    return tab


@pytest.fixture
def tab(qtbot, window, camp) -> VolunteersTimetableTab:
    made = host(window)
    assert made.stale and made.scan_input is None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach only the active window
    made.refresh()
    assert not made.stale
    made.focus_first()
    return made


def reload(tab: VolunteersTimetableTab) -> None:
    tab.refresh()
    tab.focus_first()


def current(tab: VolunteersTimetableTab) -> tuple[int, int]:
    index = tab.view.currentIndex()
    return index.row(), index.column()


def key(qtbot, tab: VolunteersTimetableTab, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(tab.view, k, modifier)


def sessions(ctx: AppContext, programme: int) -> list[vs.SessionInfo]:
    return vs.list_sessions(ctx, programme)


def choose(qtbot, combo, text: str) -> None:
    """Pick ``text`` in a combo box with the keyboard (↓ until it is there)."""
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentText().startswith(text):
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText().startswith(text), f"{text} not in {combo.objectName()}"


def test_a_session_is_placed_with_the_keyboard(qtbot, window, tab, camp) -> None:
    # The week of "today" (Wednesday 8 July), the cursor on today's column in the first period.
    assert tab.week_label.text() == "第 1 周（共 4 周）7月6日–7月12日"
    assert current(tab) == (0, 2)
    assert tab.model.headerData(2, Qt.Orientation.Horizontal) == "周三\n7月8日"
    assert tab.model.headerData(1, Qt.Orientation.Vertical) == "上午二\n10:20–11:40"
    key(qtbot, tab, Qt.Key.Key_Right)
    key(qtbot, tab, Qt.Key.Key_Down)
    assert current(tab) == (1, 3)  # Thursday, 上午二
    assert "空，回车新增课程" in tab.detail.text()
    key(qtbot, tab, Qt.Key.Key_Return)
    form = tab.form
    assert tab.side.isVisible() and form.isVisible()
    assert form.title_label.text() == "新增课程" and form.where.text() == "7月9日（周四） · 上午二"
    assert (form.start.text(), form.end.text(), form.weekday.currentText()) == ("10:20", "11:40", "周四")
    assert form.title.hasFocus()
    ime_type(form.title, "绘本共读")
    qtbot.keyClick(form.title, Qt.Key.Key_Return)  # Enter moves on, as on a paper form
    assert form.kind.hasFocus()
    choose(qtbot, form.lead, "韦小宝")
    choose(qtbot, form.room, "阅览室")
    qtbot.keyClick(form.room, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not tab.side.isVisible()
    (saved,) = sessions(window.ctx, camp["programme"])
    assert (saved.title, saved.weekday, saved.when, saved.volunteers, saved.room) == (
        "绘本共读",
        4,
        "每周四 10:20–11:40",
        ("韦小宝",),
        "阅览室",
    )
    assert tab.box_text(1, 3) == "绘本共读 韦小宝 · 阅览室"
    assert tab.message.text() == "已保存“绘本共读”（每周四 10:20–11:40）。"
    assert tab.view.hasFocus() and current(tab) == (1, 3)
    assert tab.summary.text() == "本周 1 节"

    # Enter on it edits it; Esc closes the form and the grid has the keys again.
    key(qtbot, tab, Qt.Key.Key_Return)
    assert form.title_label.text() == "修改课程" and form.title.text() == "绘本共读"
    qtbot.keyClick(form.title, Qt.Key.Key_Escape)
    assert not tab.side.isVisible() and tab.view.hasFocus()

    # Delete asks inline, then removes it.
    key(qtbot, tab, Qt.Key.Key_Delete)
    assert tab.ask.isVisible() and "删除“绘本共读”？每周的这节课都会删除" in tab.ask.text.text()
    qtbot.keyClick(tab.ask.ok, Qt.Key.Key_Return)
    assert sessions(window.ctx, camp["programme"]) == [] and tab.box_text(1, 3) == ""
    assert tab.message.text() == "已删除“绘本共读”。"


def test_a_clash_shows_in_the_form_and_needs_a_reason(qtbot, window, tab, camp) -> None:
    session(window.ctx, camp, "绘本共读", 3, "08:30", "10:00", "韦小宝", "阅览室")
    reload(tab)
    assert current(tab) == (0, 2) and tab.box_text(0, 2) == "绘本共读 韦小宝 · 阅览室 · 三年级"
    qtbot.keyClick(
        tab.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
    )  # a second one in the same box
    form = tab.form
    assert form.isVisible()
    ime_type(form.title, "手工")
    choose(qtbot, form.lead, "韦小宝")
    choose(qtbot, form.room, "美术室")
    form.start.clear()
    qtbot.keyClicks(form.start, "09:00")
    form.end.clear()
    qtbot.keyClicks(form.end, "10:30")
    qtbot.waitUntil(lambda: form.clashes.isVisible(), timeout=2000)  # checked a moment after typing
    assert form.clashes.text().startswith("有 4 处冲突：")  # four Wednesdays
    assert (
        "韦小宝 同一时间有两节课：7月8日（周三）08:30–10:00“绘本共读”和 09:00–10:30“手工”"
        in form.clashes.text()
    )
    assert form.override.isVisible() and not form.override.isChecked()

    qtbot.keyClick(form.end, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "有冲突，没有保存" in form.message.text()
    assert len(sessions(window.ctx, camp["programme"])) == 1 and form.isVisible()

    qtbot.mouseClick(form.override, Qt.MouseButton.LeftButton, pos=QPoint(8, form.override.height() // 2))
    assert form.override.isChecked() and form.reason.isEnabled()
    qtbot.keyClick(form.end, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "有冲突，没有保存" in form.message.text()  # ticked, but no reason yet
    ime_type(form.reason, "两组合并上课，韦老师两边走")
    qtbot.keyClick(form.reason, Qt.Key.Key_Return)
    assert not tab.side.isVisible()
    assert len(sessions(window.ctx, camp["programme"])) == 2
    assert tab.message.text().startswith("已保存“手工”（每周三 09:00–10:30）。有 4 处冲突，已按理由保存")

    # Both are red in the grid; the tooltip names each clash and the other session.
    index = tab.model.index(0, 2)
    assert tab.model.data(index, Qt.ItemDataRole.BackgroundRole) == CLASH
    assert all(c.clash for c in tab.model.cells_at(0, 2))
    assert "冲突：韦小宝 同一时间有两节课" in tab.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert tab.summary.text() == "本周 2 节 · 1 处冲突"
    assert "冲突：韦小宝 同一时间有两节课" in tab.detail.text()


def test_back_to_back_sessions_are_no_clash(qtbot, window, tab, camp) -> None:
    session(window.ctx, camp, "绘本共读", 3, "08:30", "10:00", "韦小宝", "阅览室")
    reload(tab)
    key(qtbot, tab, Qt.Key.Key_Down)
    key(qtbot, tab, Qt.Key.Key_Return)
    form = tab.form
    ime_type(form.title, "写字")
    choose(qtbot, form.lead, "韦小宝")
    choose(qtbot, form.room, "阅览室")
    form.start.setText("10:00")  # straight after 绘本共读, same volunteer, same room
    form.end.setText("11:00")
    check = form.check_now()
    assert check is not None and check.ok and not form.clashes.isVisible() and not form.override.isVisible()
    qtbot.keyClick(form.end, Qt.Key.Key_Return)  # Enter in the last field saves
    assert not tab.side.isVisible() and len(sessions(window.ctx, camp["programme"])) == 2
    for row in (0, 1):
        assert tab.model.data(tab.model.index(row, 2), Qt.ItemDataRole.BackgroundRole) is None
    assert tab.summary.text() == "本周 2 节"


def test_a_session_moves_with_cut_and_paste_and_by_drag_and_drop(qtbot, window, tab, camp) -> None:
    sid = session(window.ctx, camp, "绘本共读", 3, "08:30", "10:00", "韦小宝", "阅览室")
    reload(tab)
    qtbot.keyClick(tab.view, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert tab.model.cut == (sid, WEDNESDAY) and "已剪下“绘本共读”" in tab.message.text()
    key(qtbot, tab, Qt.Key.Key_Right)
    key(qtbot, tab, Qt.Key.Key_Down)
    qtbot.keyClick(tab.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    moved = vs.get_session(window.ctx, sid)
    assert moved.when == "每周四 10:20–11:50"  # the period's start, the session's length kept
    assert tab.box_text(0, 2) == "" and tab.box_text(1, 3).startswith("绘本共读 10:20–11:50 · 韦小宝")
    assert tab.message.text() == "已把“绘本共读”移到 7月9日（周四） 10:20。"
    assert tab.model.cut is None and current(tab) == (1, 3)

    # Dragged to Friday's 下午一 (what the view does on a drop: the model's mime data of the pressed box).
    model = tab.model
    data = model.mimeData([model.index(1, 3)])
    assert data is not None
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(2, 4))
    qtbot.waitUntil(lambda: vs.get_session(window.ctx, sid).weekday == 5, timeout=2000)
    assert vs.get_session(window.ctx, sid).when == "每周五 14:30–16:00"
    assert tab.box_text(2, 4).startswith("绘本共读")

    # A move onto a clash is not made: the form shows the clash and offers 仍然保存.
    session(window.ctx, camp, "书法", 1, "08:30", "10:00", "韦小宝", "美术室")
    reload(tab)
    tab.go_to(D(2026, 7, 10), 3)
    qtbot.keyClick(tab.view, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    tab.go_to(D(2026, 7, 6), 1)
    key(qtbot, tab, Qt.Key.Key_Return)  # Enter puts it down too
    assert vs.get_session(window.ctx, sid).weekday == 5
    assert tab.form.isVisible() and tab.form.clashes.isVisible() and tab.form.override.isVisible()
    assert "移到这里会冲突" in tab.message.text()


def test_one_occurrence_is_cancelled_and_the_next_week_still_has_it(qtbot, window, tab, camp) -> None:
    sid = session(window.ctx, camp, "绘本共读", 3, "08:30", "10:00", "韦小宝", "阅览室")
    reload(tab)
    qtbot.keyClick(tab.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert tab.cancel_ask.isVisible() and "只停 7月8日（周三） 这一次“绘本共读”" in tab.cancel_ask.text.text()
    assert tab.cancel_reason.hasFocus()
    ime_type(tab.cancel_reason, "台风")
    qtbot.keyClick(tab.cancel_reason, Qt.Key.Key_Return)
    assert not tab.cancel_ask.isVisible()
    assert tab.box_text(0, 2) == "绘本共读（停课） 韦小宝 · 阅览室 · 三年级"
    assert tab.summary.text() == "本周 0 节"
    assert "原因：台风" in tab.model.data(tab.model.index(0, 2), Qt.ItemDataRole.ToolTipRole)
    (exception,) = vs.get_session(window.ctx, sid).exceptions
    assert (exception.on_date, exception.kind, exception.reason) == (WEDNESDAY, "cancelled", "台风")

    key(qtbot, tab, Qt.Key.Key_PageDown)
    assert (
        tab.week_label.text().startswith("第 2 周")
        and tab.box_text(0, 2) == "绘本共读 韦小宝 · 阅览室 · 三年级"
    )
    key(qtbot, tab, Qt.Key.Key_PageUp)
    assert tab.box_text(0, 2).startswith("绘本共读（停课）")
    qtbot.keyClick(tab.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # again: restored
    assert tab.box_text(0, 2) == "绘本共读 韦小宝 · 阅览室 · 三年级"
    assert vs.get_session(window.ctx, sid).exceptions == ()

    # Only this week's moved (Ctrl+Shift+X, Ctrl+V): the next week keeps its time; restored from the menu.
    qtbot.keyClick(
        tab.view, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    key(qtbot, tab, Qt.Key.Key_Down)
    key(qtbot, tab, Qt.Key.Key_Down)
    qtbot.keyClick(tab.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert tab.box_text(0, 2) == "" and tab.box_text(2, 2) == "绘本共读（调课） 韦小宝 · 阅览室 · 三年级"
    assert vs.get_session(window.ctx, sid).when == "每周三 08:30–10:00"
    menu = tab.placing.menu_for_current()
    restore = next(a for a in menu.actions() if a.text().startswith("恢复这一次"))
    restore.trigger()
    assert tab.box_text(0, 2).startswith("绘本共读 韦小宝") and tab.box_text(2, 2) == ""


def test_the_centres_timetable_is_printed(qtbot, window, tab, camp) -> None:
    session(window.ctx, camp, "绘本共读", 3, "08:30", "10:00", "韦小宝", "阅览室")
    session(window.ctx, camp, "水彩画", 5, "14:30", "16:00", "覃思琪", "美术室")
    reload(tab)
    opened: list[Path] = []
    tab.print_bar.open_file = opened.append
    assert [tab.print_bar.what.itemText(i) for i in range(tab.print_bar.what.count())] == [
        "全中心",
        "每位志愿者一页",
        "每间教室一页",
        "每个班级一页",
    ]
    qtbot.mouseClick(tab.print_bar.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=15000)
    (pdf,) = opened
    assert pdf.parent == window.ctx.data_dir.exports and pdf.name == "课表-2026年暑期支教-全中心.pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "绘本共读" in text and "水彩画" in text
    assert tab.message.text() == f"已生成课表：{pdf}"

    # Filtered to one volunteer, the grid shows theirs and the print offers their sheet.
    tab.filter_kind.setCurrentIndex(tab.filter_kind.findData("volunteer"))
    tab.filter_which.setCurrentIndex(tab.filter_which.findData(camp["覃思琪"]))
    assert tab.box_text(0, 2) == "" and tab.box_text(2, 4).startswith("水彩画")
    assert tab.print_bar.what.itemText(1) == "当前显示的：覃思琪（广西师范大学）"
    tab.print_bar.what.setCurrentIndex(1)
    qtbot.mouseClick(tab.print_bar.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=15000)
    text = "\n".join(page.extract_text() for page in PdfReader(str(opened[1])).pages)
    assert "水彩画" in text and "绘本共读" not in text


def test_a_teacher_sees_their_own_sessions_and_only_looks(qtbot, window, camp) -> None:
    session(window.ctx, camp, "绘本共读", 3, "08:30", "10:00", "韦小宝", "阅览室")
    session(window.ctx, camp, "书法", 3, "08:30", "10:00", "黄立", "美术室")
    teacher = AppContext(
        window.ctx.data_dir, window.ctx.db, Actor("weixb", role="teacher", volunteer_id=camp["韦小宝"])
    )
    tab = host(window, teacher)
    tab.refresh()
    tab.focus_first()
    assert tab.box_text(0, 2) == "绘本共读 韦小宝 · 阅览室 · 三年级"
    assert not tab.new_programme.isEnabled() and not tab.edit_programme.isEnabled()
    assert tab.read_only_note.isVisible() and not tab.new_session.isVisible()
    assert not tab.filter_kind.isEnabled()
    assert [tab.print_bar.what.itemText(i) for i in range(tab.print_bar.what.count())] == ["我的课表"]
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert not tab.side.isVisible() and tab.message.text() == "你只能查看这节课；要调整，请联系社工。"
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert not tab.ask.isVisible()


def test_a_programme_is_made_with_its_periods(qtbot, window, tab, camp) -> None:
    qtbot.mouseClick(tab.new_programme, Qt.MouseButton.LeftButton)
    form = tab.programme_form
    assert tab.side.isVisible() and form.isVisible() and form.name.hasFocus()
    ime_type(form.name, "2026年秋季学期")
    form.starts.setDate(D(2026, 9, 1))
    form.ends.setDate(D(2026, 12, 31))
    assert form.periods.rowCount() == 5  # the weekly kind's periods to start from
    form.periods.removeRow(4)
    form.periods.removeRow(3)
    form.periods.removeRow(2)
    qtbot.mouseClick(form.add_period, Qt.MouseButton.LeftButton)
    form.periods.item(2, 1).setText("16:30")
    form.periods.item(2, 2).setText("17:20")
    qtbot.keyClick(form.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not tab.side.isVisible()
    made = next(p for p in vs.list_programmes(window.ctx) if p.name == "2026年秋季学期")
    assert [(p.label, p.start, p.end) for p in made.periods][2] == ("第3节", dt.time(16, 30), dt.time(17, 20))
    assert tab.programme is not None and tab.programme.id == made.id
    assert tab.model.rowCount() == 4  # three periods and 其他时间
    assert tab.week_label.text().startswith("第 1 周（共 18 周）")

    # A time that cannot be read refuses the form with its row.
    qtbot.mouseClick(tab.edit_programme, Qt.MouseButton.LeftButton)
    form.periods.item(0, 1).setText("9点半后")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible() and "第 1 行" in form.message.text()


def fits(qtbot, window, step: str) -> list[str]:
    problems = []
    for width, height in SIZES:
        window.resize(width, height)
        qtbot.wait(20)
        problems += [f"{step} @ {width}×{height}: {p}" for p in layout_problems(window)]
    return problems


def test_the_tab_fits_the_screen(qtbot, window, tab, camp) -> None:
    for weekday, title, who, room in (
        (1, "绘本共读", "韦小宝", "阅览室"),
        (1, "书法", "黄立", "美术室"),
        (2, "水彩画", "覃思琪", "美术室"),
        (3, "篮球", "黄立", "活动室"),
    ):
        session(window.ctx, camp, title, weekday, "08:30", "10:00", who, room)
    vs.save_session(
        window.ctx,
        SessionInput(camp["programme"], "手工", "09:00", "10:30", weekday=1, volunteer_ids=(camp["韦小宝"],)),
        override_reason="合班",
    )
    reload(tab)
    problems = fits(qtbot, window, "grid")
    PICTURES.mkdir(parents=True, exist_ok=True)
    window.resize(*SIZES[0])
    qtbot.wait(20)
    window.grab().save(str(PICTURES / "timetable.png"))
    tab.go_to(D(2026, 7, 6), 1)
    key(qtbot, tab, Qt.Key.Key_Return)
    tab.form.title.setText("手工")
    tab.form.check_now()
    problems += fits(qtbot, window, "form")
    window.resize(*SIZES[0])
    qtbot.wait(20)
    window.grab().save(str(PICTURES / "timetable_form.png"))
    qtbot.keyClick(tab.form.title, Qt.Key.Key_Escape)
    qtbot.mouseClick(tab.new_programme, Qt.MouseButton.LeftButton)
    problems += fits(qtbot, window, "programme")
    window.resize(*SIZES[0])
    qtbot.wait(20)
    window.grab().save(str(PICTURES / "timetable_programme.png"))
    assert problems == []
    assert tab.model.data(tab.model.index(0, 0), Qt.ItemDataRole.BackgroundRole) == CLASH
    # Nothing the tab made became a window of its own (the forms, the questions, the menu).
    tab.placing.menu_for_current().deleteLater()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]
