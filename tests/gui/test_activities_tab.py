"""活动记录 (the activities tab of the reports page), driven like a user: record an activity from the day's
timetable with a Chinese title typed through an input method, see the roll call's attendance in it, add a photo
and tick the child in it, print the activity report (a worker writes the PDF; it is opened through the seam) and
read it back; a refused form says every problem; a teacher sees only their own; the tab fits 1280×720."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from center_app.context import Actor, AppContext
from center_app.domain.children import ChildInput
from center_app.services import activities as acts
from center_app.services import attendance as att
from center_app.services import children
from center_app.services import volunteers as vs
from center_app.services.volunteers import SessionInput, VolunteerInput
from center_app.ui.operations import Operations
from center_app.ui.pages.activities_tab import ActivitiesTab
from center_app.ui.pages.base import page_heading
from tests.uitools import ime_type, layout_problems

TODAY = dt.date.today()
# The reports page's area inside the main window at 1280×720 and 1366×768 (navigation 170 px, status line 25 px).
PAGE_SIZES = ((1110, 695), (1196, 743))


class Host(QWidget):
    """The page the tab will live in: a heading and a QTabWidget, as the tabbed pages lay them out."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.changes: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(6)
        layout.addLayout(page_heading("活动与报表", "Ctrl+Tab 切换页签", "reportsKeysHint"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reportsTabs")
        self.tab = ActivitiesTab(ctx, Operations(ctx, self.changes.append))
        self.opened: list[Path] = []
        self.tab.open_file = self.opened.append
        self.tab.today = lambda: TODAY
        self.tabs.addTab(self.tab, "活动记录")
        layout.addWidget(self.tabs, 1)


def show(qtbot, ctx: AppContext) -> Host:
    host = Host(ctx)
    qtbot.addWidget(host)
    host.resize(*PAGE_SIZES[0])
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    host.tab.focus_first()
    return host


def fits(qtbot, host: Host, step: str) -> list[str]:
    problems = []
    for size in PAGE_SIZES:
        host.resize(*size)
        qtbot.wait(10)
        problems += [f"{step} @ {size}: {p}" for p in layout_problems(host)]
    host.resize(*PAGE_SIZES[0])
    qtbot.wait(10)
    return problems


@pytest.fixture
def centre(window) -> dict[str, int]:
    ctx = window.ctx
    att.save_attendance_settings(ctx, att.AttendanceSettings(open_weekdays=(1, 2, 3, 4, 5, 6, 7)))
    monday = TODAY - dt.timedelta(days=TODAY.weekday() + 7)
    programme = vs.create_programme(ctx, "本学期", "weekly", monday, TODAY + dt.timedelta(days=30)).id
    room = vs.save_room(ctx, None, "阅览室").id
    wei = vs.create_volunteer(ctx, VolunteerInput("韦小宝", organisation="广西师范大学")).id
    qin = vs.create_volunteer(ctx, VolunteerInput("覃思琪", organisation="广西师范大学")).id
    session = vs.save_session(
        ctx,
        SessionInput(
            programme,
            "绘本共读",
            "08:30",
            "10:00",
            weekday=TODAY.isoweekday(),
            volunteer_ids=(wei, qin),
            room_id=room,
            kind="reading",
        ),
    ).session.id
    zihan = children.create_child(ctx, ChildInput("王子涵", class_name="三年级2班", photo_consent=True)).id
    xiaoyan = children.create_child(ctx, ChildInput("黄小燕", class_name="四年级1班")).id
    return {"session": session, "wei": wei, "qin": qin, "zihan": zihan, "xiaoyan": xiaoyan, "room": room}


def a_photo(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "IMG_2031.jpg"
    Image.new("RGB", (2400, 1800), (90, 160, 70)).save(path, "JPEG")
    return path


def test_record_from_the_timetable_add_a_photo_and_print_the_report(
    qtbot, window, centre, tmp_path: Path
) -> None:
    host = show(qtbot, window.ctx)
    tab = host.tab
    assert tab.objectName() == "activitiesTab" and tab.scan_input is None
    assert tab.model.rowCount() == 0 and "共 0 次活动" in tab.count_label.text()
    problems = fits(qtbot, host, "empty")

    # Ctrl+N: the form in the side panel, on today, offering today's session of the timetable.
    qtbot.keyClick(tab.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = tab.form
    assert tab.side.currentWidget() is form and form.chosen_day() == TODAY
    assert form.session.count() == 2 and "绘本共读（韦小宝、覃思琪）" in form.session.itemText(1)
    problems += fits(qtbot, host, "form")
    form.session.setCurrentIndex(1)  # picking it fills the form
    assert form.title.text() == "绘本共读" and form.start.text() == "08:30" and form.end.text() == "10:00"
    assert form.lead.currentText() == "韦小宝" and form.room.currentText() == "阅览室"
    assert form.volunteer_ids() == (centre["wei"], centre["qin"])
    form.title.selectAll()
    ime_type(form.title, "绘本共读：《小蝌蚪找妈妈》")
    ime_type(form.reflection, "孩子们很喜欢，下次分组朗读。")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert tab.side.currentWidget() is tab.detail_panel
    assert [r.title for r in tab.model.rows] == ["绘本共读：《小蝌蚪找妈妈》"]
    detail = tab.detail_panel.detail
    assert detail is not None and detail.session_id == centre["session"] and detail.slot_date == TODAY
    assert "Area.ACTIVITIES" not in host.changes and "activities" in host.changes  # announced
    assert "还没有点名" in tab.detail_panel.attendance.text()
    assert tab.model.data(tab.model.index(0, 5)) == "未点名"

    # The roll call is taken on the attendance page; the tab shows it once it reloads.
    att.save_marks(
        window.ctx,
        TODAY,
        detail.id,
        [att.MarkInput(centre["zihan"], "P"), att.MarkInput(centre["xiaoyan"], "P")],
    )
    tab.stale = True
    tab.refresh()
    assert (
        "王子涵" in tab.detail_panel.attendance.text() and "出勤 2 人" in tab.detail_panel.attendance.text()
    )
    assert tab.model.data(tab.model.index(0, 5)) == "2"

    # 添加照片…: the file comes from the dialog's seam; tick the child in it (the attendees come first).
    tab.choose_photo_file = lambda: a_photo(tmp_path / "相机")
    qtbot.mouseClick(tab.detail_panel.add_photo_button, Qt.MouseButton.LeftButton)
    panel = tab.photo_panel
    assert tab.side.currentWidget() is panel and not panel.preview.pixmap().isNull()
    labels = [panel.children_list.item(n).text() for n in range(panel.children_list.count())]
    assert labels[0].startswith("三年级2班 王子涵 · 出勤") and "未同意拍照" in labels[1]
    problems += fits(qtbot, host, "photo")
    qtbot.keyClicks(panel.filter, "hxy")  # 黄小燕's initials: only she is listed
    assert [panel.children_list.item(n).isHidden() for n in range(2)] == [True, False]
    panel.tick(centre["xiaoyan"])
    assert "黄小燕 的监护人还没有同意拍照" in panel.consent.text()
    panel.tick(centre["xiaoyan"], False)
    panel.tick(centre["zihan"])
    assert "都同意拍照" in panel.consent.text()
    ime_type(panel.caption, "共读时间")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert tab.side.currentWidget() is tab.detail_panel
    assert tab.detail_panel.photos.count() == 1 and "都可以印在报告里" in tab.detail_panel.photos_label.text()
    stored = tab.detail_panel.detail.photos[0]  # type: ignore[union-attr]
    assert stored.path.is_file() and stored.path.is_relative_to(window.ctx.data_dir.root / "photos")
    assert max(stored.width, stored.height) == 1600
    problems += fits(qtbot, host, "detail")

    # 打印活动报告: written on a worker into the exports folder, then opened.
    qtbot.keyClick(tab.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(host.opened), timeout=20000)
    pdf = host.opened[0]
    assert pdf.parent == window.ctx.data_dir.exports and pdf.name.startswith(f"活动报告_{TODAY.isoformat()}_")
    text = "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    for expected in (
        "单次活动报告",
        "绘本共读：《小蝌蚪找妈妈》",
        "王子涵",
        "黄小燕",
        "韦小宝",
        "共读时间",
        "孩子们很喜欢",
        "负责人签名",
    ):
        assert expected in text, expected
    assert "已生成" in tab.detail_panel.message.text()
    assert problems == []


def test_a_refused_form_says_every_problem_and_saves_nothing(qtbot, window, centre) -> None:
    host = show(qtbot, window.ctx)
    tab = host.tab
    tab.open_new()
    form = tab.form
    form.session.setCurrentIndex(1)
    assert form.typed().session_id == centre["session"]
    form.day.setDate(form.day.date().addDays(-1))  # another day: the session picked is not that day's
    assert form.typed().session_id is None and form.session.currentIndex() == 0
    form.title.clear()
    form.start.setText("16:00")
    form.end.setText("15:00")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    said = form.message.text()
    assert "活动名称" in said and "结束时间要晚于开始时间" in said
    assert tab.side.currentWidget() is form and acts.list_activities(window.ctx) == []
    qtbot.keyClick(form.title, Qt.Key.Key_Escape)
    assert tab.side.currentWidget() is tab.detail_panel


def test_delete_asks_inline_and_a_teacher_sees_only_their_own(qtbot, window, centre) -> None:
    ctx = window.ctx
    mine = acts.create_activity(ctx, acts.ActivityInput("故事会", TODAY, volunteer_ids=(centre["qin"],)))
    theirs = acts.create_activity(
        ctx, acts.ActivityInput("篮球训练", TODAY, kind="sports", volunteer_ids=(centre["wei"],))
    )
    teacher = AppContext(ctx.data_dir, ctx.db, Actor("qin", role="teacher", volunteer_id=centre["qin"]))
    host = show(qtbot, teacher)
    tab = host.tab
    assert [r.id for r in tab.model.rows] == [mine.id] and not tab.volunteer_filter.isVisible()
    assert tab.select_activity(mine.id) and tab.detail_panel.edit_button.isEnabled()
    qtbot.mouseClick(tab.detail_panel.delete_button, Qt.MouseButton.LeftButton)
    question = tab.detail_panel.question
    assert question.isVisible() and "故事会" in question.text.text()
    qtbot.mouseClick(question.ok, Qt.MouseButton.LeftButton)
    assert tab.model.rows == [] and "已删除" in tab.message.text()
    assert [r.id for r in acts.list_activities(ctx)] == [theirs.id]
