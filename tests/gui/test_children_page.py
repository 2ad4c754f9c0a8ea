"""The children page driven like a social worker (or the librarian) drives it: search as you type, the child's file,
follow-ups, leaving and coming back, cards, roster import and export, everyone up one grade."""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QCheckBox
from sqlalchemy import func, select

from center_app.db.models import AuditLog, Child, FollowUp
from center_app.demo import fill_demo
from center_app.domain.pinyin import person_name_keys
from center_app.services import accounts, children, children_import, early_warning
from center_app.ui.main_window import PageSpec
from center_app.ui.pages.children import ChildrenPage
from tests.uitools import ime_type


def screenshot_dir(tmp_path: Path) -> Path:
    """Where the tests leave the page's pictures: $SCREENSHOT_DIR to look at them, else the test's tmp folder."""
    folder = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def install_children(window) -> ChildrenPage:
    """Put the real children page in the window's 儿童 slot (whatever the window builds there) and show it."""
    row = next(i for i, spec in enumerate(window.specs) if spec.object_name == "childrenPage")
    window.specs[row] = PageSpec(
        "childrenPage", window.specs[row].title, lambda: ChildrenPage(window.ctx, window.events)
    )
    window.pages.pop(row, None)
    window.resize(1366, 740)  # the centre's screen, less the taskbar
    page = window.show_page("childrenPage")
    assert isinstance(page, ChildrenPage)
    window.activateWindow()  # a resize beyond the offscreen screen drops the activation; ask again
    return page


def tick(qtbot, box: QCheckBox) -> None:
    """Click a checkbox on its box (a stretched checkbox's middle is empty space, as for a real mouse)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def table_names(page: ChildrenPage) -> list[str]:
    return [row.name for row in page.model.rows]


def count(ctx, model) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def audit_rows(ctx, action: str, entity: str) -> list[AuditLog]:
    with ctx.db.read() as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.action == action, AuditLog.entity == entity)))


@pytest.fixture
def page(qtbot, window) -> ChildrenPage:
    fill_demo(window.ctx)
    page = install_children(window)
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts and focus reach only the active window
    return page


def special_child(page: ChildrenPage) -> int:
    """A demo child with special attention and follow-ups (the file with every section filled)."""
    for row in page.model.rows:
        if row.special_attention and children.get_child(page.ctx, row.id).follow_ups:
            return row.id
    raise AssertionError("the demo has no special-attention child with follow-ups")


# --- search -------------------------------------------------------------------------------------------------


def test_search_by_pinyin_initials_and_by_class(qtbot, page: ChildrenPage) -> None:
    everyone = list(page.model.rows)
    assert len(everyone) > 100 and page.count_label.text() == f"在册 {len(everyone)} 名"
    target = next(r for r in everyone if len(r.name) == 3)
    initials = person_name_keys(target.name)[1]

    qtbot.keyClicks(page.search, initials)  # typed, letter by letter: the list follows every key
    found = page.model.rows
    assert target.id in [r.id for r in found] and len(found) < len(everyone)
    for row in found:
        full, short = person_name_keys(row.name)
        assert initials in short or initials in full.replace(" ", "")
    assert page.count_label.text() == f"找到 {len(found)} 名"

    # ↓ goes into the list; Enter there opens the profile form of the selected child
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus() and page.current_id == found[0].id
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.side.currentWidget() is page.form and page.form.editing.id == found[0].id
    qtbot.keyClick(page.form.name, Qt.Key.Key_Escape)
    assert page.side.currentWidget() is page.detail_panel

    # Esc on the list clears the search; then search a class by typing it (Chinese, through the input method)
    qtbot.keyClick(page.table, Qt.Key.Key_Escape)
    assert page.search.text() == "" and len(page.model.rows) == len(everyone)
    ime_type(page.search, "三年级1班")
    assert page.model.rows and {r.class_name for r in page.model.rows} == {"三年级1班"}
    page.search.clear()

    # and through the class filter, with the special-attention box
    page.class_filter.setCurrentIndex(page.class_filter.findData("三年级1班"))
    in_class = table_names(page)
    assert in_class and {r.class_name for r in page.model.rows} == {"三年级1班"}
    page.class_filter.setCurrentIndex(0)
    page.special_only.setChecked(True)
    assert page.model.rows and all(r.special_attention for r in page.model.rows)
    assert len(page.model.rows) < len(everyone)


def test_the_status_filter_lists_children_who_left(qtbot, page: ChildrenPage) -> None:
    page.status_filter.setCurrentIndex(page.status_filter.findData("left"))
    assert page.model.rows and all(r.status == "left" for r in page.model.rows)
    page.status_filter.setCurrentIndex(page.status_filter.findData(None))
    statuses = {r.status for r in page.model.rows}
    assert statuses == {"active", "left"}


# --- the child's file ---------------------------------------------------------------------------------------


def test_the_file_shows_every_section_for_an_administrator(qtbot, page: ChildrenPage) -> None:
    assert page.detail_panel.empty.isVisible() and "wzh" in page.detail_panel.empty.text()
    child_id = special_child(page)
    page.select_child(child_id)
    detail = children.get_child(page.ctx, child_id)
    assert page.detail_panel.name.text().startswith(detail.name) and "重点关注" in page.detail_panel.name.text()
    assert detail.class_name in page.detail_panel.summary.text()
    for key in ("Basic", "Family", "Pickups", "Health", "FollowUps"):
        assert page.detail_panel.sections[key].isVisible(), key
    assert not page.detail_panel.no_access.isVisible()
    family = page.detail_panel.sections["Family"].text()
    for guardian in detail.guardians:
        assert guardian.name in family and (not guardian.phone or guardian.phone in family)
    follow_ups = page.detail_panel.sections["FollowUps"].text()
    dates = [f"{f.on_date.year}年{f.on_date.month}月{f.on_date.day}日" for f in detail.follow_ups]
    positions = [follow_ups.index(d) for d in dates]
    assert positions == sorted(positions)  # newest first
    # the table: personal columns and a ★ for the special-attention mark
    assert page.model.headers == ["姓名", "★", "性别", "年级", "班级", "借书证", "留守类型", "监护人", "电话"]
    row = page.model.rows.index(next(r for r in page.model.rows if r.id == child_id))
    assert page.model.index(row, 1).data() == "★"


def test_a_librarian_sees_names_classes_and_cards_only(qtbot, window, tmp_path: Path) -> None:
    fill_demo(window.ctx)
    accounts.create_user(window.ctx, "chenxia", "陈霞", "librarian", "linshi-2026")
    window.ctx.actor = accounts.sign_in_as(window.ctx, "chenxia")
    page = install_children(window)
    assert page.model.headers == ["姓名", "性别", "年级", "班级", "借书证"]
    assert not page.add_button.isVisible() and not page.import_button.isVisible()
    assert not page.promote_button.isVisible()
    assert not page.status_filter.isVisible() and not page.special_only.isVisible()
    row = page.model.rows[0]
    page.select_child(row.id)
    assert page.detail_panel.no_access.isVisible() and page.detail_panel.no_access.text() == "（无权查看其他信息）"
    for key in ("Basic", "Family", "Pickups", "Health", "FollowUps"):
        assert not page.detail_panel.sections[key].isVisible(), key
    assert row.card_barcode and row.card_barcode in page.detail_panel.summary.text()
    assert not page.detail_panel.edit_button.isVisible() and not page.detail_panel.follow_up_button.isVisible()
    assert not page.detail_panel.status_button.isVisible()
    assert page.detail_panel.card_button.isVisible()  # the librarian issues library cards
    # Enter on the list does nothing for a role that may not edit
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.side.currentWidget() is page.detail_panel
    qtbot.wait(50)  # let the layouts settle before the picture
    assert page.window().grab().save(str(screenshot_dir(tmp_path) / "children_librarian.png"))


def test_leaving_and_coming_back_with_a_date(qtbot, page: ChildrenPage) -> None:
    row = page.model.rows[5]
    page.select_child(row.id)
    assert page.detail_panel.status_button.text() == "离开…"
    qtbot.mouseClick(page.detail_panel.status_button, Qt.MouseButton.LeftButton)
    assert page.detail_panel.action_box.isVisible() and page.detail_panel.action_date.isVisible()
    page.detail_panel.action_date.setText("")
    qtbot.keyClicks(page.detail_panel.action_date, "2026.11.2")
    qtbot.keyClick(page.detail_panel.action_date, Qt.Key.Key_Return)
    with page.ctx.db.read() as s:
        child = s.get(Child, row.id)
        assert (child.status, child.left_on) == ("left", dt.date(2026, 11, 2))
    assert "已离开中心" in page.message.text()
    assert row.id not in [r.id for r in page.model.rows]  # off the roster list …
    assert page.current_id == row.id and "已离开" in page.detail_panel.name.text()  # … still shown
    qtbot.mouseClick(page.detail_panel.status_button, Qt.MouseButton.LeftButton)
    assert not page.detail_panel.action_date.isVisible()
    qtbot.mouseClick(page.detail_panel.action_ok, Qt.MouseButton.LeftButton)
    with page.ctx.db.read() as s:
        assert s.get(Child, row.id).status == "active"
    assert row.id in [r.id for r in page.model.rows] and page.current_id == row.id


def test_card_button_gives_a_new_number_and_replaces_a_lost_one(qtbot, page: ChildrenPage) -> None:
    child = children.create_child(
        page.ctx, children.ChildInput(name="韦小宝", grade=2, class_name="二年级1班")
    )
    page.refresh()
    page.select_child(child.id)
    assert page.detail_panel.card_button.text() == "发借书证"
    qtbot.mouseClick(page.detail_panel.card_button, Qt.MouseButton.LeftButton)
    first = children.get_child(page.ctx, child.id).card_barcode
    assert first and first.startswith("C") and first in page.message.text()
    assert page.detail_panel.card_button.text() == "补办借书证…"
    qtbot.mouseClick(page.detail_panel.card_button, Qt.MouseButton.LeftButton)  # asks first: the old card stops working
    assert page.detail_panel.action_box.isVisible() and first in page.detail_panel.action_text.text()
    qtbot.mouseClick(page.detail_panel.action_ok, Qt.MouseButton.LeftButton)
    second = children.get_child(page.ctx, child.id).card_barcode
    assert second and second != first and second in page.detail_panel.summary.text()


# --- follow-up ----------------------------------------------------------------------------------------------


def test_a_follow_up_is_saved_and_shown_first(qtbot, page: ChildrenPage) -> None:
    child_id = special_child(page)
    page.select_child(child_id)
    before = count(page.ctx, FollowUp)
    qtbot.mouseClick(page.detail_panel.follow_up_button, Qt.MouseButton.LeftButton)
    form = page.follow_up_form
    assert page.side.currentWidget() is form and form.objectName() == "followUpForm"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)  # nothing written yet
    assert "请填写回访内容或结果" in form.message.text() and count(page.ctx, FollowUp) == before
    form.method.setCurrentIndex(form.method.findData("home_visit"))
    form.reason.setCurrentIndex(form.reason.findData("absent_streak"))
    ime_type(form.note, "奶奶说孩子感冒了，下周一回来")
    ime_type(form.outcome, "已经康复")
    qtbot.keyClick(form.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert count(page.ctx, FollowUp) == before + 1
    assert page.side.currentWidget() is page.detail_panel and page.current_id == child_id
    text = page.detail_panel.sections["FollowUps"].text()
    today = dt.date.today()
    assert f"{today.year}年{today.month}月{today.day}日 · 家访 · 连续缺勤" in text
    assert "奶奶说孩子感冒了" in text and "已处理" in text
    older = children.get_child(page.ctx, child_id).follow_ups[1:]
    assert older and all(text.index("奶奶说孩子感冒了") < text.index(f.note) for f in older if f.note)
    with page.ctx.db.read() as s:
        row = s.scalars(select(FollowUp).order_by(FollowUp.id.desc())).first()
        assert (row.child_id, row.method, row.reason, row.resolved) == (
            child_id,
            "home_visit",
            "absent_streak",
            True,
        )
    assert early_warning.FOLLOW_UP_METHODS[row.method] == "家访"


# --- import -------------------------------------------------------------------------------------------------


def choose(qtbot, panel, path: Path) -> None:
    """Pick a file as the user does and wait for its preview (read on a worker thread)."""
    panel.choose_file = lambda: str(path)
    qtbot.mouseClick(panel.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)


def roster_file(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["古楼村小学 2026 年秋季花名册"])  # a title row above the header, as schools send them
    sheet.append(["姓名", "性别", "出生日期", "班级", "监护人", "与儿童关系", "监护人电话"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_import_lists_the_bad_row_refuses_and_imports_the_rest_when_skipped(
    qtbot, page: ChildrenPage, tmp_path: Path
) -> None:
    path = roster_file(
        tmp_path / "花名册.xlsx",
        [
            ["覃小雨", "女", "2017-05-04", "三年级2班", "覃奶奶", "奶奶", "13812345678"],
            ["莫小川", "男", "2016年9月1日", "四年级1班", "莫爷爷", "爷爷", "12345"],
            ["黄一鸣", "男", "2018.1.20", "二年级1班", "", "", ""],
        ],
    )
    before = count(page.ctx, Child)
    qtbot.keyClick(page.search, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    panel = page.import_panel
    assert page.side.currentWidget() is panel and panel.objectName() == "childrenImportPanel"
    choose(qtbot, panel, path)
    assert "将新增 2 名儿童" in panel.summary.text()
    problems = [panel.problems.item(n).text() for n in range(panel.problems.count())]
    assert any(p.startswith("第4行") and "监护人电话" in p for p in problems), problems
    assert not panel.run_button.isEnabled()  # refused whole while a row has a problem
    assert count(page.ctx, Child) == before

    tick(qtbot, panel.skip_invalid)
    assert panel.run_button.isEnabled()
    seen: list[str] = []
    page.events.data_changed.connect(seen.append)
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)
    assert count(page.ctx, Child) == before + 2
    assert "新增 2 名儿童" in panel.message.text() and "第 4 行" in panel.message.text()
    assert seen == ["children"]
    assert audit_rows(page.ctx, "import", "child")
    assert panel.close_button.hasFocus()
    qtbot.keyClick(panel.close_button, Qt.Key.Key_Escape)
    assert page.side.currentWidget() is page.detail_panel
    ime_type(page.search, "覃小雨")
    assert table_names(page) == ["覃小雨"]


def test_cancelling_an_import_writes_nothing(qtbot, page: ChildrenPage, tmp_path: Path, monkeypatch) -> None:
    rows = [
        [f"测试儿童{n}", "男", f"2016-{n % 12 + 1}-{n % 28 + 1}", "三年级1班", "", "", ""] for n in range(120)
    ]
    path = roster_file(tmp_path / "big.xlsx", rows)
    before = count(page.ctx, Child)
    page.open_import()
    panel = page.import_panel
    choose(qtbot, panel, path)
    assert panel.run_button.isEnabled() and "将新增 120 名儿童" in panel.summary.text()
    # The import stops at its first progress report (50 children written, nothing committed) until 取消 is
    # clicked; the window stays live meanwhile (a timer of the GUI thread fires).
    clicked, reached, fired, threads = threading.Event(), threading.Event(), threading.Event(), []
    panel.cancel_button.clicked.connect(clicked.set)
    real = children_import.run_import

    def run_import(*args, progress, **kwargs):
        threads.append(threading.get_ident())

        def stalled(done: int, total: int) -> None:
            reached.set()
            assert clicked.wait(10), "取消 was not clicked"
            progress(done, total)

        return real(*args, progress=stalled, **kwargs)

    monkeypatch.setattr(children_import, "run_import", run_import)
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    QTimer.singleShot(10, fired.set)
    qtbot.waitUntil(lambda: reached.is_set() and fired.is_set(), timeout=10000)
    assert threads[0] != threading.get_ident()
    assert panel.busy and not panel.close_button.isEnabled() and not panel.choose_button.isEnabled()
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.side.currentWidget() is panel  # not closed while it imports
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)
    assert "取消" in panel.message.text()
    assert count(page.ctx, Child) == before
    assert not panel.progress.isVisible() and not panel.cancel_button.isVisible()


def test_the_same_roster_again_is_noted_in_the_preview_and_updates(
    qtbot, page: ChildrenPage, tmp_path: Path
) -> None:
    path = roster_file(tmp_path / "花名册.xlsx", [["覃小雨", "女", "2017-05-04", "三年级2班", "覃奶奶", "奶奶", ""]])
    page.open_import()
    panel = page.import_panel
    choose(qtbot, panel, path)
    assert "工作表：Sheet（第 2 行是表头）" in panel.summary.text()
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)
    before = count(page.ctx, Child)

    choose(qtbot, panel, path)
    problems = [panel.problems.item(n).text() for n in range(panel.problems.count())]
    assert any(p.startswith("请核对：这个文件已在") and "再导入不会重复登记儿童" in p for p in problems), problems
    assert panel.run_button.isEnabled()  # an update, not a duplicate: no confirmation needed
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert not panel.again_box.isVisible()
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)
    assert count(page.ctx, Child) == before and "1 名没有变化" in panel.message.text()


# --- export -------------------------------------------------------------------------------------------------


def test_export_asks_first_and_anonymised_has_no_real_names(
    qtbot, page: ChildrenPage, tmp_path: Path
) -> None:
    names = set(table_names(page))
    target = tmp_path / "roster.xlsx"
    suggested: list[Path] = []

    def choose(default: Path) -> str:
        suggested.append(default)
        return str(target)

    page.choose_export_file = choose
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    confirm = page.export_panel
    assert page.side.currentWidget() is confirm and confirm.objectName() == "childrenExportConfirm"
    assert not target.exists()  # nothing leaves before the user confirms
    texts = " ".join(label.text() for label in confirm.findChildren(type(page.message)))
    assert "花名册包含儿童的个人信息，导出会记入审计日志" in texts
    tick(qtbot, page.export_panel.anonymise)
    qtbot.mouseClick(page.export_panel.go, Qt.MouseButton.LeftButton)
    assert "匿名" in suggested[0].name
    qtbot.waitUntil(lambda: not page.exporting, timeout=10000)  # written on a worker thread
    assert target.exists() and "（匿名）" in page.message.text()
    sheet = openpyxl.load_workbook(target).active
    cells = {str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None}
    assert not names & cells
    assert sheet.max_row == len(names) + 1
    # only what a statistic needs, and one label per child
    assert [c.value for c in sheet[1]] == ["代号", "性别", "年级", "班级", "年龄", "留守类型"]
    labels = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert len(set(labels)) == len(labels) == len(page.model.rows)
    logged = audit_rows(page.ctx, "export", "child")
    assert len(logged) == 1 and "已匿名" in logged[0].summary and str(target) in logged[0].summary

    # not anonymised: the real names, and a second audit entry
    page.open_export()
    plain = tmp_path / "roster.csv"
    page.choose_export_file = lambda _default: str(plain)
    qtbot.mouseClick(page.export_panel.go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.exporting, timeout=10000)
    assert plain.exists() and next(iter(names)) in plain.read_text(encoding="utf-8-sig")
    assert len(audit_rows(page.ctx, "export", "child")) == 2

    # choosing no file exports nothing
    page.open_export()
    page.choose_export_file = lambda _default: ""
    qtbot.mouseClick(page.export_panel.go, Qt.MouseButton.LeftButton)
    assert len(audit_rows(page.ctx, "export", "child")) == 2


# --- everyone up one grade ----------------------------------------------------------------------------------


def test_promote_everyone_then_undo(qtbot, page: ChildrenPage) -> None:
    before = {r.id: (r.grade, r.class_name) for r in page.model.rows}
    leaving = [r for r in page.model.rows if r.grade == 9]
    assert not page.undo_button.isVisible()
    qtbot.mouseClick(page.promote_button, Qt.MouseButton.LeftButton)
    panel = page.promote_panel
    assert page.side.currentWidget() is panel and panel.objectName() == "childrenPromoteConfirm"
    summary = page.promote_panel.summary.text()
    graded = [r for r in before.values() if r[0] is not None]
    assert f"升一个年级：{len(graded) - len(leaving)} 名儿童" in summary
    for child in leaving:
        assert child.name in summary
    assert page.promote_panel.back.hasFocus()  # the safe choice is the default
    with page.ctx.db.read() as s:
        assert {c.id: (c.grade, c.class_name) for c in s.scalars(select(Child))}.items() >= before.items()

    qtbot.mouseClick(page.promote_panel.go, Qt.MouseButton.LeftButton)
    assert page.side.currentWidget() is page.detail_panel
    assert "已将" in page.message.text()
    with page.ctx.db.read() as s:
        third = s.scalars(select(Child).where(Child.class_name == "三年级1班")).all()
        assert third and all(c.grade == 3 for c in third)
        for child in leaving:
            assert s.get(Child, child.id).status == "left"
    assert page.undo_button.isVisible() and "撤销" in page.undo_button.text()

    # a second promotion the same year needs an explicit confirmation
    page.open_promote()
    assert page.promote_panel.force.isVisible() and not page.promote_panel.go.isEnabled()
    page.close_panel()

    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert "已撤销全体升级" in page.message.text()
    assert not page.undo_button.isVisible()
    with page.ctx.db.read() as s:
        after = {c.id: (c.grade, c.class_name) for c in s.scalars(select(Child)) if c.id in before}
        assert after == before
        for child in leaving:
            assert s.get(Child, child.id).status == "active"


def test_undo_is_offered_again_after_reopening_the_page(qtbot, page: ChildrenPage, window) -> None:
    children.promote_all(page.ctx)
    fresh = install_children(window)  # a new page, as after signing in again
    assert fresh.undo_button.isVisible()
    qtbot.mouseClick(fresh.undo_button, Qt.MouseButton.LeftButton)
    assert "已撤销全体升级" in fresh.message.text()
    assert children.pending_promotion(fresh.ctx) is None


# --- what it looks like -------------------------------------------------------------------------------------


def test_screenshots_at_1366_by_740(qtbot, page: ChildrenPage, tmp_path: Path) -> None:
    """Pictures of the list, a file and the form in the centre's window size, for a human to look at."""
    folder = screenshot_dir(tmp_path)
    window = page.window()
    assert window.width() == 1366
    shots = {
        "children_list": lambda: None,
        "children_detail": lambda: page.select_child(special_child(page)),
        "children_form": page.open_edit,
    }
    for name, step in shots.items():
        step()
        qtbot.wait(50)
        path = folder / f"{name}.png"
        assert window.grab().save(str(path)) and path.stat().st_size > 10_000
    # nothing important hides behind the side panel: every roster column fits beside the file
    page.close_panel()
    header = page.table.horizontalHeader()
    assert header.sectionViewportPosition(len(page.model.headers) - 1) + 60 < page.table.viewport().width()
