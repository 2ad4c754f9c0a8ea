"""The circulation desk driven like the librarian drives it: a scanner (key clicks + Enter) into one input."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import select

from center_app.app import open_main_window
from center_app.context import AppContext
from center_app.db.models import AuditLog, BookCopy, BookTitle, Child, Loan
from center_app.demo import fill_demo
from center_app.domain.pinyin import pinyin_keys
from center_app.services import accounts, catalog, circulation
from center_app.ui.main_window import PageSpec
from center_app.ui.pages.desk import DeskPage
from tests.uitools import ime_type, scan

# --- helpers ------------------------------------------------------------------------------------------------


def install_desk(window) -> DeskPage:
    """Put the real desk page in the window's 借还台 slot (whatever the window builds there) and show it."""
    row = next(i for i, spec in enumerate(window.specs) if spec.object_name == "deskPage")
    window.specs[row] = PageSpec(
        "deskPage", window.specs[row].title, lambda: DeskPage(window.ctx, window.events)
    )
    window.pages.pop(row, None)
    page = window.show_page("deskPage")
    assert isinstance(page, DeskPage)
    return page


def add_child(ctx: AppContext, name: str, grade: int, class_name: str, card: str) -> int:
    full, initials = pinyin_keys(name)
    with ctx.db.session() as s:
        child = Child(
            name=name,
            name_pinyin=full,
            name_initials=initials,
            grade=grade,
            class_name=class_name,
            card_barcode=card,
        )
        s.add(child)
        s.flush()
        return child.id


def add_title(ctx: AppContext, title: str, *barcodes: str, isbn13: str | None = None) -> None:
    full, initials = pinyin_keys(title)
    with ctx.db.session() as s:
        row = BookTitle(title=title, title_pinyin=full, title_initials=initials, isbn13=isbn13)
        s.add(row)
        s.flush()
        s.add_all(BookCopy(title_id=row.id, barcode=b, status="available") for b in barcodes)


def open_loans(ctx: AppContext, child_id: int | None = None) -> list[tuple[int, str, int]]:
    """(child id, barcode, renewals) of every open loan."""
    stmt = (
        select(Loan.child_id, BookCopy.barcode, Loan.renewals)
        .join(BookCopy, BookCopy.id == Loan.copy_id)
        .where(Loan.returned_at.is_(None))
        .order_by(Loan.id)
    )
    if child_id is not None:
        stmt = stmt.where(Loan.child_id == child_id)
    with ctx.db.read() as s:
        return [tuple(row) for row in s.execute(stmt).all()]


def focus_is_on_input(page: DeskPage) -> bool:
    return QApplication.focusWidget() is page.input


@pytest.fixture
def library(window) -> dict[str, int]:
    ctx = window.ctx
    ids = {
        "wzh": add_child(ctx, "王子涵", 3, "三年级2班", "C00001"),
        "lxm": add_child(ctx, "李小明", 1, "一年级1班", "C00002"),
    }
    add_title(ctx, "西游记", "T0001", "T0002", isbn13="9787020002207")
    add_title(ctx, "草房子", "T0003")
    add_title(ctx, "小王子", "T0004")
    return ids


@pytest.fixture
def desk(qtbot, window, library) -> DeskPage:
    page = install_desk(window)
    page.sounds = []  # type: ignore[attr-defined]
    page.sound.player = page.sounds.append  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: focus_is_on_input(page), timeout=2000)
    return page


@pytest.fixture
def demo_desk(qtbot, window) -> DeskPage:
    fill_demo(window.ctx)
    page = install_desk(window)
    page.sound.player = lambda _kind: None
    qtbot.waitUntil(lambda: focus_is_on_input(page), timeout=2000)
    return page


# --- lending ------------------------------------------------------------------------------------------------


def test_card_then_two_books_lends_both_and_the_third_is_refused(qtbot, desk, library) -> None:
    ctx = desk.ctx
    scan(qtbot, desk.input, "C00001")
    assert desk.child is not None and desk.child.id == library["wzh"]
    assert desk.child_name.text() == "王子涵"
    assert "还可借 2 本" in desk.child_quota.text()
    assert focus_is_on_input(desk)

    scan(qtbot, desk.input, "T0001")
    assert desk.message_kind == "ok" and "借给 王子涵" in desk.message.text()
    assert focus_is_on_input(desk) and desk.input.text() == ""
    scan(qtbot, desk.input, "t0003")  # Caps Lock off: the service matches any case
    assert open_loans(ctx) == [(library["wzh"], "T0001", 0), (library["wzh"], "T0003", 0)]
    assert desk.loans.rowCount() == 2
    assert {desk.loans.item(r, 1).text() for r in range(2)} == {"T0001", "T0003"}
    due = circulation.borrower_status(ctx, library["wzh"]).loans[0].due_on
    assert desk.loans.item(0, 2).text() == f"{due.year}年{due.month}月{due.day}日"
    assert "还可借 0 本" in desk.child_quota.text()
    # Reaching the limit is not an error: nothing on the child's panel turns red.
    assert "b91c1c" not in desk.child_quota.styleSheet() + desk.findChild(QLabel, "deskChildBlocked").styleSheet()

    scan(qtbot, desk.input, "T0004")  # grade 3: at most 2 books
    assert desk.message_kind == "error"
    assert "已借 2 本" in desk.message.text() and "最多 2 本" in desk.message.text()
    assert len(open_loans(ctx)) == 2
    assert desk.sounds == ["ok", "ok", "refused"]
    history = [desk.history.item(i).text() for i in range(desk.history.count())]
    assert len(history) == 3  # newest first
    assert "已借 2 本" in history[0] and "草房子" in history[1] and "西游记" in history[2]
    assert focus_is_on_input(desk)


def test_the_childs_own_book_comes_back_with_one_scan_and_they_borrow_at_once(qtbot, desk, library) -> None:
    """The most common visit: a child with an overdue book brings it back and takes a new one."""
    ctx = desk.ctx
    long_ago = dt.date.today() - dt.timedelta(days=40)
    circulation.checkout(ctx, library["wzh"], "T0001", today=long_ago)
    scan(qtbot, desk.input, "C00001")
    assert desk.message_kind == "error" and "逾期" in desk.message.text()
    assert "扫这本书还书，还书后马上可以借" in desk.message.text()
    scan(qtbot, desk.input, "T0001")  # the overdue book, scanned with the child at the desk: back
    assert open_loans(ctx) == []
    assert desk.message_kind == "ok" and "已还" in desk.message.text() and "逾期" in desk.message.text()
    assert "王子涵 还可借 2 本，请扫书" in desk.message.text()
    assert desk.child is not None and desk.child.id == library["wzh"]  # still at the desk
    assert not desk.child_overdue.isVisible()
    scan(qtbot, desk.input, "T0003")  # and borrows at once
    assert open_loans(ctx) == [(library["wzh"], "T0003", 0)]
    assert desk.sounds == ["refused", "ok", "ok"]
    assert focus_is_on_input(desk)


def test_a_book_someone_else_holds_is_offered_back_and_enter_lends_it(qtbot, desk, library) -> None:
    ctx = desk.ctx
    scan(qtbot, desk.input, "C00002")
    scan(qtbot, desk.input, "T0001")
    scan(qtbot, desk.input, "C00001")
    scan(qtbot, desk.input, "T0001")  # 李小明 has it: one Enter returns it from him and lends it to 王子涵
    assert desk.message_kind == "ask" and desk.offer_open
    assert "回车 = 从 李小明 还回并借给 王子涵" in desk.message.text()
    assert open_loans(ctx) == [(library["lxm"], "T0001", 0)]  # nothing happens before Enter
    assert desk.sounds[-1] == "notice"
    qtbot.keyClick(desk.input, Qt.Key.Key_Return)
    assert open_loans(ctx) == [(library["wzh"], "T0001", 0)]
    assert desk.message_kind == "ok" and "已从 李小明 还回" in desk.message.text()
    assert "借给 王子涵" in desk.message.text() and not desk.offer_open
    assert desk.loans.rowCount() == 1
    qtbot.keyClick(desk.input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # both halves undone
    assert open_loans(ctx) == [(library["lxm"], "T0001", 0)]
    assert "仍在 李小明 名下" in desk.message.text()
    assert focus_is_on_input(desk)


def test_an_offer_is_dropped_by_esc_by_another_scan_and_by_time(qtbot, desk, library) -> None:
    ctx = desk.ctx
    circulation.checkout(ctx, library["lxm"], "T0001")
    scan(qtbot, desk.input, "C00001")
    scan(qtbot, desk.input, "T0001")
    qtbot.keyClick(desk.input, Qt.Key.Key_Escape)  # Esc: not lent, and the child stays
    assert not desk.offer_open and desk.child is not None and "没有办理" in desk.message.text()
    qtbot.keyClick(desk.input, Qt.Key.Key_Return)  # a stray Enter does nothing now
    assert open_loans(ctx) == [(library["lxm"], "T0001", 0)]

    scan(qtbot, desk.input, "T0001")
    scan(qtbot, desk.input, "T0003")  # scanning another book instead: that one is lent, the offer dropped
    assert open_loans(ctx) == [(library["lxm"], "T0001", 0), (library["wzh"], "T0003", 0)]
    qtbot.keyClick(desk.input, Qt.Key.Key_Return)
    assert len(open_loans(ctx)) == 2

    start = desk.clock()
    scan(qtbot, desk.input, "T0001")
    desk.clock = lambda: start + 61  # the librarian walked away; the next person presses Enter
    qtbot.keyClick(desk.input, Qt.Key.Key_Return)
    assert desk.message_kind == "error" and "重新扫书" in desk.message.text()
    assert open_loans(ctx)[0] == (library["lxm"], "T0001", 0)


def test_an_offer_refused_for_the_child_at_the_desk_changes_nothing(qtbot, desk, library) -> None:
    ctx = desk.ctx
    circulation.checkout(ctx, library["wzh"], "T0003")  # grade 1 李小明 may hold one book
    scan(qtbot, desk.input, "C00002")
    scan(qtbot, desk.input, "T0004")
    scan(qtbot, desk.input, "T0003")
    qtbot.keyClick(desk.input, Qt.Key.Key_Return)
    assert desk.message_kind == "error" and "已借 1 本" in desk.message.text()
    assert open_loans(ctx) == [(library["wzh"], "T0003", 0), (library["lxm"], "T0004", 0)]


def test_esc_then_scanning_a_lent_book_returns_it_and_ctrl_z_undoes_the_return(qtbot, desk, library) -> None:
    ctx = desk.ctx
    scan(qtbot, desk.input, "C00001")
    scan(qtbot, desk.input, "T0002")
    qtbot.keyClick(desk.input, Qt.Key.Key_Escape)
    assert desk.child is None and desk.loans.rowCount() == 0
    assert desk.child_name.text() == "还没有选人"

    scan(qtbot, desk.input, "T0002")
    assert open_loans(ctx) == []
    assert desk.message_kind == "ok" and "已还" in desk.message.text() and "王子涵" in desk.message.text()
    assert "#14532d" in desk.message.styleSheet()  # green
    assert focus_is_on_input(desk)

    qtbot.keyClick(desk.input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert open_loans(ctx) == [(library["wzh"], "T0002", 0)]
    assert desk.message_kind == "ok" and "已撤销还书" in desk.message.text()
    # and once more: the checkout before it
    qtbot.keyClick(desk.input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert open_loans(ctx) == []
    assert "已撤销借出" in desk.message.text()
    qtbot.keyClick(desk.input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "没有可以撤销的操作" in desk.message.text()
    assert focus_is_on_input(desk)


def test_every_action_says_loans_changed(qtbot, desk, window) -> None:
    seen: list[str] = []
    window.events.data_changed.connect(seen.append)
    scan(qtbot, desk.input, "C00001")
    scan(qtbot, desk.input, "T0001")
    scan(qtbot, desk.input, "T0001")  # back
    qtbot.keyClick(desk.input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    scan(qtbot, desk.input, "T0004")
    assert seen == ["loans"] * 4
    assert desk.loans.rowCount() == 2  # the page refreshed itself once per action, after the commit


def test_f5_renews_only_the_loan_selected_for_the_child_at_the_desk(qtbot, desk, library) -> None:
    ctx = desk.ctx
    last_week = dt.date.today() - dt.timedelta(days=7)
    circulation.checkout(ctx, library["wzh"], "T0001", today=last_week)
    circulation.checkout(ctx, library["wzh"], "T0003", today=last_week)
    qtbot.keyClick(desk.input, Qt.Key.Key_F5)  # nobody at the desk: F5 by habit renews nothing
    assert desk.message_kind == "error" and "请先扫借书证" in desk.message.text()
    scan(qtbot, desk.input, "C00001")
    qtbot.keyClick(desk.input, Qt.Key.Key_F5)  # nothing selected: nothing renewed
    assert desk.message_kind == "error" and "选中要续借的书" in desk.message.text()
    assert [renewals for _c, _b, renewals in open_loans(ctx)] == [0, 0]
    qtbot.keyClick(desk.input, Qt.Key.Key_Down)
    chosen = desk.loans.item(desk.loans.currentRow(), 1).text()
    qtbot.keyClick(desk.input, Qt.Key.Key_F5)
    assert desk.message_kind == "ok" and "已续借" in desk.message.text()
    assert {barcode: renewals for _c, barcode, renewals in open_loans(ctx)}[chosen] == 1
    assert desk.loans.item(desk.loans.currentRow(), 1).text() == chosen  # still selected
    qtbot.keyClick(desk.input, Qt.Key.Key_F5)  # grade 3 may renew once
    assert desk.message_kind == "error" and "已续借 1 次" in desk.message.text()
    qtbot.keyClick(desk.input, Qt.Key.Key_F8)  # the table is out of sight: F5 does not act on it
    qtbot.keyClick(desk.input, Qt.Key.Key_F5)
    assert "关上逾期名单" in desk.message.text()
    assert focus_is_on_input(desk)


def test_f5_after_esc_never_renews_the_previous_childs_book(qtbot, desk, library) -> None:
    ctx = desk.ctx
    scan(qtbot, desk.input, "C00001")
    scan(qtbot, desk.input, "T0001")
    qtbot.keyClick(desk.input, Qt.Key.Key_Escape)
    qtbot.keyClick(desk.input, Qt.Key.Key_F5)
    assert desk.message_kind == "error" and open_loans(ctx) == [(library["wzh"], "T0001", 0)]
    scan(qtbot, desk.input, "C00001")
    qtbot.keyClick(desk.input, Qt.Key.Key_Down)
    qtbot.keyClick(desk.input, Qt.Key.Key_F5)  # lent a minute ago: nothing to renew
    assert desk.message_kind == "error" and "今天才借出" in desk.message.text()
    assert open_loans(ctx) == [(library["wzh"], "T0001", 0)]


def test_f5_does_not_renew_an_overdue_book_of_a_blocked_child(qtbot, desk, library) -> None:
    ctx = desk.ctx
    circulation.checkout(ctx, library["wzh"], "T0001", today=dt.date.today() - dt.timedelta(days=30))
    scan(qtbot, desk.input, "C00001")
    qtbot.keyClick(desk.input, Qt.Key.Key_Down)
    qtbot.keyClick(desk.input, Qt.Key.Key_F5)
    assert desk.message_kind == "error" and "不能续借：请 王子涵 先还书" in desk.message.text()
    assert open_loans(ctx) == [(library["wzh"], "T0001", 0)]
    scan(qtbot, desk.input, "T0004")  # still blocked: the renewal did not lift it
    assert desk.message_kind == "error" and "逾期" in desk.message.text()
    assert len(open_loans(ctx)) == 1


def test_f8_replaces_an_old_red_error(qtbot, desk) -> None:
    scan(qtbot, desk.input, "X12345")
    assert desk.message_kind == "error"
    qtbot.keyClick(desk.input, Qt.Key.Key_F8)
    assert desk.message_kind == "info" and "逾期名单" in desk.message.text()
    qtbot.keyClick(desk.input, Qt.Key.Key_F8)
    assert desk.message_kind == "info" and "X12345" not in desk.message.text()


def test_scan_messages_for_an_isbn_an_unknown_code_and_a_book_without_a_child(qtbot, desk) -> None:
    scan(qtbot, desk.input, "9787020002207")
    assert desk.message_kind == "error" and "请扫描贴在书上的条码标签" in desk.message.text()
    scan(qtbot, desk.input, "X12345")
    assert "没有找到条码" in desk.message.text() and "X12345" in desk.message.text()
    scan(qtbot, desk.input, "T0004")  # on the shelf and nobody at the desk: a note, not a refusal
    assert desk.message_kind == "info" and "在架上，没有借出，不用还" in desk.message.text()
    assert desk.sounds[-1] == "notice"
    catalog.set_copy_status(desk.ctx, "T0003", "damaged")
    scan(qtbot, desk.input, "T0003")  # damaged: never an invitation to lend it
    assert desk.message_kind == "info" and "已登记为损坏，没有借出，也不能借出" in desk.message.text()
    assert "请先扫借书证" not in desk.message.text()
    scan(qtbot, desk.input, "zzz")
    assert "没有找到姓名或拼音首字母是“zzz”的儿童" in desk.message.text()
    assert open_loans(desk.ctx) == []
    assert focus_is_on_input(desk)


def test_typing_a_chinese_name_picks_the_only_match(qtbot, desk, library) -> None:
    ime_type(desk.input, "李小明")
    qtbot.keyClick(desk.input, Qt.Key.Key_Return)
    assert desk.child is not None and desk.child.id == library["lxm"]
    assert "还可借 1 本" in desk.child_quota.text()  # grade 1: one book


def test_focus_comes_back_to_the_input_after_a_click_elsewhere(qtbot, desk) -> None:
    scan(qtbot, desk.input, "C00001")
    scan(qtbot, desk.input, "T0001")
    rect = desk.loans.visualItemRect(desk.loans.item(0, 0))
    qtbot.mouseClick(desk.loans.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert desk._selected_loan_id() is not None  # the click selected the row…
    qtbot.waitUntil(
        lambda: focus_is_on_input(desk), timeout=1000
    )  # …and the next scan still lands in the input
    qtbot.mouseClick(desk.clear_button, Qt.MouseButton.LeftButton)
    assert desk.child is None
    qtbot.waitUntil(lambda: focus_is_on_input(desk), timeout=1000)
    qtbot.mouseClick(desk, Qt.MouseButton.LeftButton, pos=QPoint(5, desk.height() - 5))
    qtbot.waitUntil(lambda: focus_is_on_input(desk), timeout=1000)


def test_sound_switch_is_saved_for_an_administrator(qtbot, desk) -> None:
    assert desk.sound_box.isChecked()
    qtbot.mouseClick(desk.sound_box, Qt.MouseButton.LeftButton)
    assert circulation.get_loan_settings(desk.ctx).sound_on is False
    scan(qtbot, desk.input, "T0004")  # refused, silently
    assert desk.sounds == []
    assert focus_is_on_input(desk)


def test_sound_switch_is_session_only_for_a_librarian(qtbot, data_dir, admin_account) -> None:
    from center_app.context import Actor, open_store

    ctx = open_store(data_dir, actor=Actor.command_line())  # the administrator adds the account
    accounts.create_user(ctx, "tushu", "图书管理员小李", "librarian", "shuku2026")
    ctx.close()
    win = open_main_window(data_dir, user="tushu")
    qtbot.addWidget(win)
    page = install_desk(win)
    assert page.input.isEnabled()
    page.sound_box.setChecked(False)
    assert page.sound.enabled is False
    assert "不能" not in page.message.text()  # no refusal shown for a switch the librarian may flip
    page.refresh()
    assert page.sound_box.isChecked() is False  # kept for the session
    assert circulation.get_loan_settings(win.ctx).sound_on is True  # the centre's setting is unchanged
    win.close()


def test_a_teacher_sees_the_page_with_the_input_disabled(qtbot, data_dir, admin_account) -> None:
    from center_app.context import Actor, open_store

    ctx = open_store(data_dir, actor=Actor.command_line())  # the administrator adds the account
    accounts.create_user(ctx, "laoshi", "李老师", "teacher", "laoshi2026")
    ctx.close()
    win = open_main_window(data_dir, user="laoshi")
    qtbot.addWidget(win)
    page = install_desk(win)
    assert not page.input.isEnabled()
    assert page.message.text() == "当前账号不能办理借还。"
    assert not page.overdue_button.isEnabled() and not page.renew_button.isEnabled()
    page.refresh()  # reads nothing the teacher may not read
    win.close()


# --- with the demo centre -----------------------------------------------------------------------------------


def test_pinyin_initials_show_a_list_to_pick_from_with_the_keyboard(qtbot, demo_desk) -> None:
    ctx = demo_desk.ctx
    with ctx.db.read() as s:
        initials = Counter(s.scalars(select(Child.name_initials).where(Child.status == "active")))
    shared = next(text for text, n in initials.most_common() if n >= 2)
    expected = circulation.find_borrower(ctx, shared)
    assert len(expected) >= 2

    scan(qtbot, demo_desk.input, shared)
    assert demo_desk.matches.isVisible() and demo_desk.matches.count() == len(expected)
    assert expected[0].name in demo_desk.matches.item(0).text()
    assert demo_desk.child is None
    assert focus_is_on_input(demo_desk)
    qtbot.keyClick(demo_desk.input, Qt.Key.Key_Escape)  # Esc closes the list
    assert not demo_desk.matches.isVisible() and demo_desk.child is None

    scan(qtbot, demo_desk.input, shared)
    qtbot.keyClick(demo_desk.input, Qt.Key.Key_Down)
    qtbot.keyClick(demo_desk.input, Qt.Key.Key_Return)
    assert not demo_desk.matches.isVisible()
    assert demo_desk.child is not None and demo_desk.child.id == expected[1].id
    assert demo_desk.child_name.text() == expected[1].name
    assert focus_is_on_input(demo_desk)


def test_overdue_panel_lists_the_demo_loans_per_class_and_prints_audited_slips(qtbot, demo_desk) -> None:
    ctx = demo_desk.ctx
    overdue = circulation.overdue_loans(ctx)
    assert overdue
    qtbot.keyClick(demo_desk.input, Qt.Key.Key_F8)
    assert demo_desk.overdue_panel.isVisible()
    table = demo_desk.overdue_table
    assert table.rowCount() == len(overdue)
    assert [table.item(r, 3).text() for r in range(table.rowCount())] == [row.barcode for row in overdue]
    assert not table.isColumnHidden(6)  # an administrator sees the guardians
    assert focus_is_on_input(demo_desk)

    combo = demo_desk.overdue_class
    classes = list(dict.fromkeys(row.class_name for row in overdue))
    assert [combo.itemText(i) for i in range(combo.count())] == ["全部", *classes]
    combo.setCurrentIndex(1)
    in_class = [row for row in overdue if row.class_name == classes[0]]
    assert table.rowCount() == len(in_class)
    assert {table.item(r, 0).text() for r in range(table.rowCount())} == {classes[0]}

    opened: list[Path] = []
    demo_desk.open_file = opened.append
    qtbot.mouseClick(demo_desk.print_button, Qt.MouseButton.LeftButton)
    path = ctx.data_dir.exports / f"逾期催还单-{dt.date.today():%Y%m%d}.pdf"
    assert opened == [path] and path.exists()
    assert demo_desk.message_kind == "ok" and str(path) in demo_desk.message.text()
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert in_class[0].child_name in text and in_class[0].barcode in text
    assert not any(row.child_name in text for row in overdue if row.class_name != classes[0])
    with ctx.db.read() as s:
        (entry,) = s.scalars(select(AuditLog).where(AuditLog.action == "print")).all()
    children = len({row.child_id for row in in_class})
    assert entry.entity == "child" and f"{children} 名儿童" in entry.summary and str(path) in entry.summary

    # a returned overdue book leaves the list at once; F8 goes back to the desk
    combo.setCurrentIndex(0)
    scan(qtbot, demo_desk.input, overdue[0].barcode)
    assert demo_desk.message_kind == "ok"
    assert table.rowCount() == len(overdue) - 1
    qtbot.keyClick(demo_desk.input, Qt.Key.Key_F8)
    assert not demo_desk.overdue_panel.isVisible()


def test_look_at_the_desk(qtbot, demo_desk, window, tmp_path) -> None:
    """A picture at the PC's 1366×768 for a person to look at (and a check that the parts fit)."""
    window.resize(1366, 720)
    ctx = demo_desk.ctx
    with ctx.db.read() as s:
        overdue_child = s.get(Child, circulation.overdue_loans(ctx)[0].child_id)
    scan(qtbot, demo_desk.input, overdue_child.card_barcode)
    assert demo_desk.child_overdue.isVisible()
    assert demo_desk.message_kind == "error"  # has overdue books: may not borrow
    late_rows = [r for r in range(demo_desk.loans.rowCount()) if demo_desk.loans.item(r, 3).text() != "—"]
    assert late_rows and demo_desk.loans.item(late_rows[0], 3).foreground().color().name() == "#c0392b"
    image = demo_desk.grab()
    assert image.width() >= 1100 and demo_desk.input.height() >= 48
    assert image.save(str(tmp_path / "desk.png"))  # look at it: pytest keeps the last runs' tmp_path


def test_desk_keys_work_only_while_the_desk_is_shown(qtbot, desk, window) -> None:
    window.show_page("settingsPage")
    qtbot.keyClick(window.current_page(), Qt.Key.Key_F8)
    assert not desk.overdue_shown
    window.show_page("deskPage")
    qtbot.waitUntil(
        lambda: focus_is_on_input(desk), timeout=2000
    )  # back on the page: the input has the focus
    qtbot.keyClick(desk.input, Qt.Key.Key_F8)
    assert desk.overdue_shown
    qtbot.keyClick(desk.input, Qt.Key.Key_Escape)  # nothing else to step back from: Esc closes the list
    assert not desk.overdue_shown
