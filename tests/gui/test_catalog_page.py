"""The catalogue page driven as the librarian drives it: typing pinyin initials or Chinese, scanning barcodes and
ISBNs, the title form, copies' status, and what a read-only role sees."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QPushButton
from sqlalchemy import func, select

from center_app.app import open_main_window
from center_app.context import open_store
from center_app.db.models import AuditLog, BookCopy, BookTitle, Child
from center_app.demo import fill_demo
from center_app.domain import books
from center_app.domain.books import TitleInput
from center_app.services import accounts, book_import, catalog, circulation
from center_app.services.catalog_search import CatalogIndex, TitleRow
from center_app.ui.main_window import PageSpec
from center_app.ui.models.title_table import PAGE, ROW_ROLE, TITLE_ID_ROLE, TitleTableModel
from center_app.ui.pages import catalog_titles
from center_app.ui.pages.catalog import CatalogPage
from tests.uitools import ime_type, scan

XYJ_ISBN = "9787020002207"  # 西游记, 人民文学出版社 (a valid ISBN-13)


def install_catalog(window) -> CatalogPage:
    """Put the real catalogue page in the window's 图书 slot (whatever the window builds there) and show it."""
    row = next(i for i, spec in enumerate(window.specs) if spec.object_name == "catalogPage")
    window.specs[row] = PageSpec(
        "catalogPage", window.specs[row].title, lambda: CatalogPage(window.ctx, window.events)
    )
    window.pages.pop(row, None)
    page = window.show_page("catalogPage")
    assert isinstance(page, CatalogPage)
    return page


def titles(page: CatalogPage) -> list[str]:
    return [r.title for r in page.model.rows()]


def count_titles(ctx) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count(BookTitle.id))) or 0


def copies_of(ctx, title: str) -> list[str]:
    with ctx.db.read() as s:
        return list(
            s.scalars(
                select(BookCopy.barcode)
                .join(BookTitle, BookTitle.id == BookCopy.title_id)
                .where(BookTitle.title == title)
                .order_by(BookCopy.barcode)
            )
        )


@pytest.fixture
def demo_page(qtbot, window) -> CatalogPage:
    fill_demo(window.ctx)
    return install_catalog(window)


@pytest.fixture
def page(qtbot, window) -> CatalogPage:
    """A small catalogue: 西游记 (3 copies), 小王子 (1), and a book without ISBN."""
    ctx = window.ctx
    catalog.add_title(
        ctx,
        TitleInput("西游记", "吴承恩", "人民文学出版社", 2015, XYJ_ISBN, "I242.4", grade_band="5-6"),
        3,
        "A架1层",
    )
    catalog.add_title(ctx, TitleInput("小王子", "圣埃克苏佩里", "人民文学出版社", 2003, clc="I565.88"), 1)
    catalog.add_title(ctx, TitleInput("十万个为什么", "韩启德", clc="Z228", grade_band="3-4"), 2)
    return install_catalog(window)


# --- searching ------------------------------------------------------------------------------------------------


def test_pinyin_initials_and_chinese_find_xiyouji(qtbot, demo_page: CatalogPage) -> None:
    page = demo_page
    assert page.objectName() == "catalogPage"
    assert page.search.hasFocus() or QApplication.focusWidget() is page.search
    total = page.model.total()
    assert total >= 1500
    assert page.count_label.text().startswith(f"共 {total:,} 种")

    qtbot.keyClicks(page.search, "xyj")
    assert "西游记" in titles(page)
    assert page.model.total() < 10
    assert page.table.model() is page.model

    page.search.clear()
    ime_type(page.search, "西游")
    assert "西游记" in titles(page)
    assert all("西游" in t or "xiyou" in t for t in titles(page))
    found = page.count_label.text()
    assert found.startswith(f"共 {page.model.total()} 种")


def test_a_scanned_barcode_selects_its_book_and_copy(qtbot, demo_page: CatalogPage) -> None:
    page = demo_page
    barcode = copies_of(page.ctx, "西游记")[-1]
    scan(qtbot, page.search, barcode.lower())  # a scanner with Caps Lock on
    assert page.detail is not None and page.detail.title == "西游记"
    assert page.table.currentIndex().data(TITLE_ID_ROLE) == page.detail.id
    rows = page.detail_panel.copies.selectionModel().selectedRows()
    assert [page.detail_panel.copies.item(r.row(), 0).text() for r in rows] == [barcode]
    assert page.search.selectedText() == barcode.lower()  # the next scan replaces it
    assert page.detail_panel.title.text() == "《西游记》"


def test_an_isbn_typed_shows_its_title_at_once(qtbot, page: CatalogPage) -> None:
    qtbot.keyClicks(page.search, XYJ_ISBN)
    assert titles(page) == ["西游记"]
    assert page.detail is not None and page.detail.title == "西游记"  # one hit: shown without Enter
    assert page.count_label.text() == "共 1 种 / 3 册"


def test_filters_narrow_the_results(qtbot, demo_page: CatalogPage) -> None:
    page = demo_page
    everything = page.model.total()

    page.class_filter.setCurrentIndex(page.class_filter.findData("K"))
    k_rows = list(page.model.rows())
    assert 0 < len(k_rows) < everything
    assert all(r.clc_class.startswith("K") for r in k_rows)
    assert page.class_filter.itemText(page.class_filter.findData("I")) == "I 文学"
    assert page.class_filter.count() == 23  # 全部 + the 22 classes

    page.class_filter.setCurrentIndex(0)
    page.grade_filter.setCurrentIndex(page.grade_filter.findData("1-2"))
    assert all(r.grade_band in ("1-2", "") for r in page.model.rows())
    assert page.model.total() < everything

    page.grade_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findData(catalog_titles.ALL_OUT))
    out = list(page.model.rows())
    assert out, "the demo centre has books whose every copy is out"
    assert all(r.available == 0 and r.copies > 0 for r in out)

    page.status_filter.setCurrentIndex(0)
    assert page.donor_filter.count() > 2
    page.donor_filter.setCurrentIndex(1)
    assert 0 < page.model.total() < everything

    page.donor_filter.setCurrentIndex(0)
    qtbot.keyClicks(page.search, "xyj")
    page.class_filter.setCurrentIndex(page.class_filter.findData("K"))
    assert "西游记" not in titles(page)  # the words and the filters together


def test_down_arrow_moves_into_the_table_and_up_back(qtbot, page: CatalogPage) -> None:
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    assert page.detail is not None and page.detail.title == titles(page)[0]
    qtbot.keyClick(page.table, Qt.Key.Key_Up)
    assert page.search.hasFocus()


# --- the title form -------------------------------------------------------------------------------------------


def test_add_a_title_through_the_form(qtbot, page: CatalogPage) -> None:
    ctx = page.ctx
    before = count_titles(ctx)
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.form
    assert page.side.currentWidget() is form and form.objectName() == "titleForm"
    assert form.isbn.hasFocus()

    scan(qtbot, form.isbn, "9787532745647")  # a scanner types the ISBN and Enter …
    assert form.title.hasFocus()  # … and the form moves on to the title
    ime_type(form.title, "草房子")
    ime_type(form.author, "曹文轩")
    ime_type(form.publisher, "上海译文出版社")
    qtbot.keyClicks(form.year, "2018")
    qtbot.keyClicks(form.price, "25.80")
    form.clc.setEditText("I287.5")
    form.grade.setCurrentIndex(form.grade.findData("5-6"))
    ime_type(form.subjects, "成长")
    form.copies.setValue(2)
    ime_type(form.location, "B架2层")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert count_titles(ctx) == before + 1
    detail = catalog.get_title(ctx, page.detail.id)
    assert (detail.title, detail.author, detail.isbn13, detail.pub_year) == (
        "草房子",
        "曹文轩",
        "9787532745647",
        2018,
    )
    assert (
        detail.price_fen == 2580 and detail.grade_band == "5-6" and detail.call_number.startswith("I287.5/")
    )
    assert [c.location for c in detail.copies] == ["B架2层", "B架2层"]
    assert "已登记《草房子》" in form.message.text()
    assert form.isbn.hasFocus() and form.title.text() == ""  # ready for the next book
    assert form.location.text() == "B架2层"  # a pile shares its shelf
    assert "草房子" in titles(page)  # the index knows it without a reload

    # After saving, the new copies' labels are one click away: the print panel opens with them chosen.
    assert form.print_button.isVisible()
    qtbot.mouseClick(form.print_button, Qt.MouseButton.LeftButton)
    assert page.side.currentWidget() is page.print_panel
    assert page.print_panel.source.currentData() == "recent"
    assert page.print_panel.spine_barcodes() == [c.barcode for c in detail.copies]


def test_a_wrong_check_digit_is_shown_and_nothing_saved(qtbot, page: CatalogPage) -> None:
    ctx = page.ctx
    before = count_titles(ctx)
    page.open_add()
    form = page.form
    scan(qtbot, form.isbn, "9787532745648")
    assert "校验位错误" in form.message.text()
    assert form.isbn.hasFocus()  # stays to be scanned again
    form.title.setFocus()
    ime_type(form.title, "草房子")
    qtbot.keyClicks(form.year, "18")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    text = form.message.text()
    assert "没有保存" in text
    assert "ISBN 9787532745648 校验位错误" in text and "出版年" in text  # every problem listed at once
    assert "c0392b" in form.message.styleSheet()  # red
    assert count_titles(ctx) == before


def test_a_duplicate_offers_to_add_a_copy_instead(qtbot, page: CatalogPage) -> None:
    ctx = page.ctx
    before = count_titles(ctx)
    page.open_add()
    form = page.form
    # Typed without scanning (no Enter after the ISBN): the duplicate is found on saving.
    qtbot.keyClicks(form.isbn, "978-7-02-000220-7")
    form.title.setFocus()
    ime_type(form.title, "西游记（上）")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "已有《西游记》" in form.message.text()
    assert count_titles(ctx) == before
    button = form.findChild(QPushButton, "titleFormAddCopyInstead")
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(copies_of(ctx, "西游记")) == 4
    assert count_titles(ctx) == before
    assert "已为《西游记》加 1 册" in form.message.text()
    assert page.detail is not None and page.detail.title == "西游记" and page.detail.holdings == 4


def test_scanning_a_catalogued_isbn_offers_the_copy_at_once(qtbot, page: CatalogPage) -> None:
    page.open_add()
    form = page.form
    scan(qtbot, form.isbn, XYJ_ISBN)
    assert "《西游记》已经登记过（现有 3 册）" in form.message.text()
    assert form.add_copy_button.isVisible() and form.add_copy_button.hasFocus()
    qtbot.keyClick(form.add_copy_button, Qt.Key.Key_Space)
    assert len(copies_of(page.ctx, "西游记")) == 4


def test_same_title_and_author_without_isbn_may_still_be_another_book(qtbot, page: CatalogPage) -> None:
    ctx = page.ctx
    page.open_add()
    form = page.form
    ime_type(form.title, "十万个为什么")
    ime_type(form.author, "韩启德")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.save_anyway_button.isVisible() and form.add_copy_button.isVisible()
    before = count_titles(ctx)
    qtbot.mouseClick(form.save_anyway_button, Qt.MouseButton.LeftButton)
    assert count_titles(ctx) == before + 1


def test_edit_a_title(qtbot, page: CatalogPage) -> None:
    qtbot.keyClicks(page.search, "xyj")
    assert page.detail is not None
    qtbot.keyClick(page.search, Qt.Key.Key_F2)
    form = page.form
    assert page.side.currentWidget() is form
    assert form.title.text() == "西游记" and form.isbn.text() == XYJ_ISBN
    assert not form.copies.isVisibleTo(form)  # copies are added from the detail panel
    form.publisher.clear()
    ime_type(form.publisher, "岳麓书社")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert catalog.get_title(page.ctx, page.detail.id).publisher == "岳麓书社"
    assert page.model.rows()[0].publisher == "岳麓书社"
    qtbot.keyClick(form.title, Qt.Key.Key_Escape)
    assert page.side.currentWidget() is page.detail_panel


# --- copies ---------------------------------------------------------------------------------------------------


def test_add_copies_and_change_a_copys_status(qtbot, page: CatalogPage) -> None:
    ctx = page.ctx
    qtbot.keyClicks(page.search, "xyj")
    page.detail_panel.add_copy_count.setValue(2)
    qtbot.mouseClick(page.detail_panel.add_copy_button, Qt.MouseButton.LeftButton)
    barcodes = copies_of(ctx, "西游记")
    assert len(barcodes) == 5
    assert page.detail_panel.copies.rowCount() == 5
    assert {c.location for c in catalog.get_title(ctx, page.detail.id).copies} == {"A架1层"}
    assert "已加 2 册" in page.detail_panel.message.text() and page.detail_panel.print_button.isVisible()
    assert page.model.rows()[0].copies == 5

    assert not page.detail_panel.status_button.isEnabled()  # no copy chosen yet
    page.detail_panel.copies.selectRow(1)
    qtbot.mouseClick(page.detail_panel.status_button, Qt.MouseButton.LeftButton)
    assert page.detail_panel.status_box.isVisible()
    page.detail_panel.status_choice.setCurrentIndex(page.detail_panel.status_choice.findData(books.DAMAGED))
    ime_type(page.detail_panel.status_note, "封面撕破")
    qtbot.mouseClick(page.detail_panel.status_ok, Qt.MouseButton.LeftButton)
    copy = catalog.find_copy(ctx, barcodes[1])
    assert copy is not None and copy.status == books.DAMAGED and "封面撕破" in copy.notes
    assert page.detail_panel.copies.item(1, 2).text() == "损坏"
    assert page.model.rows()[0].available == 4
    assert not page.detail_panel.status_box.isVisible()


def test_a_copy_on_loan_cannot_be_marked_here(qtbot, page: CatalogPage) -> None:
    ctx = page.ctx
    with ctx.db.session() as s:
        s.add(
            Child(
                name="王子涵", name_pinyin="wang zi han", name_initials="wzh", grade=3, class_name="三年级1班"
            )
        )
    with ctx.db.read() as s:
        child_id = s.scalar(select(Child.id))
    barcode = copies_of(ctx, "西游记")[0]
    circulation.checkout(ctx, child_id, barcode)
    scan(qtbot, page.search, barcode)
    page.detail_panel.open_copy_status()
    page.detail_panel.status_choice.setCurrentIndex(page.detail_panel.status_choice.findData(books.WITHDRAWN))
    assert not page.detail_panel.apply_copy_status()
    assert "正在借出" in page.detail_panel.message.text()
    assert catalog.find_copy(ctx, barcode).status == books.ON_LOAN


# --- deleting what was entered by mistake (administrators) ---------------------------------------------------------


def lend_one(ctx, barcode: str) -> None:
    """A child borrows this copy at the desk."""
    with ctx.db.session() as s:
        s.add(Child(name="王子涵", name_pinyin="wang zi han", name_initials="wzh", grade=3, class_name="三年级1班"))
    with ctx.db.read() as s:
        child_id = s.scalar(select(Child.id))
    circulation.checkout(ctx, child_id, barcode)


def deletions(ctx, entity: str) -> list[AuditLog]:
    with ctx.db.read() as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.action == "delete", AuditLog.entity == entity)))


def click(qtbot, page: CatalogPage, name: str) -> None:
    button = page.findChild(QPushButton, name)
    assert button is not None and button.isVisible() and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_an_administrator_deletes_a_copy_entered_by_mistake(qtbot, page: CatalogPage) -> None:
    ctx = page.ctx
    barcodes = copies_of(ctx, "西游记")
    qtbot.keyClicks(page.search, "xyj")
    delete = page.findChild(QPushButton, "catalogDeleteCopy")
    assert delete.isVisible() and not delete.isEnabled()  # no copy chosen yet
    page.detail_panel.copies.selectRow(1)
    click(qtbot, page, "catalogDeleteCopy")
    question = page.findChild(QFrame, "catalogDeleteConfirm")
    assert question.isVisible()
    text = page.findChild(QLabel, "catalogDeleteConfirmText").text()
    assert "《西游记》" in text and barcodes[1] in text and "不能恢复" in text
    assert copies_of(ctx, "西游记") == barcodes  # nothing is deleted before the answer

    click(qtbot, page, "catalogDeleteConfirmOk")
    assert copies_of(ctx, "西游记") == [barcodes[0], barcodes[2]]
    assert not question.isVisible()
    assert f"已删除 {barcodes[1]}" in page.detail_panel.message.text()
    assert page.detail_panel.copies.rowCount() == 2 and page.model.rows()[0].copies == 2
    logged = deletions(ctx, "book_copy")
    assert len(logged) == 1 and barcodes[1] in logged[0].summary
    scan(qtbot, page.search, barcodes[1])  # the index forgot the barcode too
    assert titles(page) == []


def test_deleting_a_title_says_what_goes_and_can_be_declined(qtbot, page: CatalogPage) -> None:
    ctx = page.ctx
    barcodes = copies_of(ctx, "十万个为什么")
    before = count_titles(ctx)
    qtbot.keyClicks(page.search, "swgwsm")
    assert page.detail is not None and page.detail.title == "十万个为什么"
    click(qtbot, page, "catalogDeleteTitle")
    text = page.findChild(QLabel, "catalogDeleteConfirmText").text()
    assert "《十万个为什么》" in text and "2 册" in text and all(b in text for b in barcodes)
    cancel = page.findChild(QPushButton, "catalogDeleteConfirmCancel")
    assert cancel.hasFocus()  # the safe answer is the default
    qtbot.keyClick(cancel, Qt.Key.Key_Escape)  # Esc declines
    assert not page.findChild(QFrame, "catalogDeleteConfirm").isVisible()
    assert count_titles(ctx) == before and copies_of(ctx, "十万个为什么") == barcodes

    click(qtbot, page, "catalogDeleteTitle")
    click(qtbot, page, "catalogDeleteConfirmOk")
    assert count_titles(ctx) == before - 1 and copies_of(ctx, "十万个为什么") == []
    assert "已删除《十万个为什么》" in page.detail_panel.message.text()
    assert page.detail is None and page.detail_panel.title.text() == "没有选中图书"
    page.search.clear()
    assert "十万个为什么" not in titles(page)
    assert len(deletions(ctx, "book_title")) == 1 and len(deletions(ctx, "book_copy")) == 2


def test_a_book_that_was_lent_is_not_deleted(qtbot, page: CatalogPage) -> None:
    ctx = page.ctx
    barcode = copies_of(ctx, "西游记")[0]
    lend_one(ctx, barcode)
    scan(qtbot, page.search, barcode)  # selects the book and that copy
    click(qtbot, page, "catalogDeleteCopy")
    click(qtbot, page, "catalogDeleteConfirmOk")
    assert "借出过，不能删除" in page.detail_panel.message.text()
    assert "c0392b" in page.detail_panel.message.styleSheet()  # red: refused
    assert barcode in copies_of(ctx, "西游记")

    click(qtbot, page, "catalogDeleteTitle")
    click(qtbot, page, "catalogDeleteConfirmOk")
    assert "借出过，不能删除" in page.detail_panel.message.text()
    assert len(copies_of(ctx, "西游记")) == 3 and page.detail is not None
    assert deletions(ctx, "book_copy") == [] and deletions(ctx, "book_title") == []


# --- keeping up with changes made elsewhere ----------------------------------------------------------------------


def test_loans_at_the_desk_update_the_available_counts(qtbot, page: CatalogPage) -> None:
    ctx = page.ctx
    with ctx.db.session() as s:
        s.add(
            Child(
                name="覃思琪", name_pinyin="qin si qi", name_initials="qsq", grade=4, class_name="四年级1班"
            )
        )
    with ctx.db.read() as s:
        child_id = s.scalar(select(Child.id))
    qtbot.keyClicks(page.search, "xyj")
    assert page.model.rows()[0].available == 3
    circulation.checkout(ctx, child_id, copies_of(ctx, "西游记")[0])
    page.events.data_changed.emit("loans")  # what the desk page emits after a checkout
    assert page.model.rows()[0].available == 2
    assert "在馆 2" in page.detail_panel.info.text()


def test_a_big_catalogue_reloads_in_the_background(qtbot, page: CatalogPage, monkeypatch) -> None:
    monkeypatch.setattr(catalog_titles, "BACKGROUND_LOAD_AT", 0)
    ctx = page.ctx
    catalog.add_title(ctx, TitleInput("草房子", "曹文轩", clc="I287.5"), 1)  # e.g. by the CLI
    page.events.data_changed.emit("books")
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)
    qtbot.keyClicks(page.search, "cfz")
    assert titles(page) == ["草房子"]


def test_a_big_catalogue_is_first_loaded_off_the_gui_thread(qtbot, window, monkeypatch) -> None:
    monkeypatch.setattr(catalog_titles, "BACKGROUND_LOAD_AT", 0)
    catalog.add_title(window.ctx, TitleInput("西游记", "吴承恩", isbn=XYJ_ISBN), 2)
    release, threads = threading.Event(), []
    real = CatalogIndex.load

    def load(ctx):
        threads.append(threading.get_ident())
        assert release.wait(10), "the test never let the load finish"
        return real(ctx)

    monkeypatch.setattr(CatalogIndex, "load", load)
    page = install_catalog(window)  # returns while the index is being built
    assert page.loading and page.index is None
    assert page.count_label.text() == "正在载入图书目录…"
    qtbot.keyClicks(page.search, "xyj")  # typing goes on meanwhile …
    assert page.search.text() == "xyj" and titles(page) == []
    release.set()
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)
    assert threads and threads[0] != threading.get_ident()
    assert titles(page) == ["西游记"]  # … and is searched once the index is there
    assert page.count_label.text() == "共 1 种 / 2 册"


def test_a_book_added_elsewhere_is_found_after_the_change_signal(qtbot, page: CatalogPage) -> None:
    catalog.add_title(page.ctx, TitleInput("草房子", "曹文轩"), 1)
    qtbot.keyClicks(page.search, "cfz")
    assert titles(page) == []  # the index is a snapshot …
    page.events.data_changed.emit("books")
    assert titles(page) == ["草房子"]  # … reloaded on the signal


# --- export ---------------------------------------------------------------------------------------------------


def test_export_to_excel(qtbot, page: CatalogPage, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "馆藏"
    page.choose_export_file = lambda: str(target)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert not page.export_button.isEnabled()  # one export at a time, written on a worker thread
    qtbot.waitUntil(lambda: not page.exporting, timeout=10000)
    written = tmp_path / "馆藏.xlsx"
    assert written.exists()
    assert "已导出 6 册" in page.message.text()
    assert page.export_button.isEnabled() and not page.exporter.progress.isVisible()
    sheet = load_workbook(written, read_only=True).active
    assert sum(1 for _ in sheet.iter_rows()) == 7  # header + one row per copy


def test_cancelling_an_export_leaves_no_file(qtbot, page: CatalogPage, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "馆藏.csv"
    clicked = threading.Event()
    real = book_import.export_books

    def export_books(ctx, path, *, progress, cancel):
        progress(0, 6)
        assert clicked.wait(10), "取消 was not clicked"
        return real(ctx, path, progress=progress, cancel=cancel)

    monkeypatch.setattr(book_import, "export_books", export_books)
    page.choose_export_file = lambda: str(target)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.exporter.cancel_button.isVisible, timeout=5000)
    page.exporter.cancel_button.clicked.connect(clicked.set)
    qtbot.mouseClick(page.exporter.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.exporting, timeout=10000)
    assert not target.exists() and not list(tmp_path.glob("*.csv*"))
    assert "取消" in page.message.text()
    assert not page.exporter.cancel_button.isVisible() and page.export_button.isEnabled()


# --- roles ----------------------------------------------------------------------------------------------------


def signed_in_as(qtbot, data_dir, admin_account: str, username: str, role: str) -> CatalogPage:
    """The catalogue (西游记, 2 copies) as a new user of this role sees it."""
    ctx = open_store(data_dir)
    ctx.actor = accounts.sign_in_as(ctx, admin_account)
    accounts.create_user(ctx, username, "李老师", role, "linshi-2026")
    catalog.add_title(ctx, TitleInput("西游记", "吴承恩", isbn=XYJ_ISBN), 2)
    ctx.close()
    win = open_main_window(data_dir, user=username)
    qtbot.addWidget(win)
    return install_catalog(win)


def test_a_teacher_may_search_but_not_change_anything(qtbot, data_dir, admin_account) -> None:
    page = signed_in_as(qtbot, data_dir, admin_account, "laoshi", "teacher")
    win = page.window()
    for name in ("catalogAdd", "catalogImport", "catalogPrint", "catalogEditTitle", "catalogAddCopy"):
        button = page.findChild(QPushButton, name)
        assert button is not None and not button.isEnabled(), name
    assert page.export_button.isEnabled()  # reading the catalogue is allowed, so is exporting it
    qtbot.keyClicks(page.search, "xyj")
    assert titles(page) == ["西游记"]
    assert not page.detail_panel.copy_actions.isVisible() and not page.detail_panel.title_actions.isVisible()
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.side.currentWidget() is page.detail_panel  # Ctrl+N does nothing
    win.close()


def test_only_administrators_may_delete(qtbot, data_dir, admin_account) -> None:
    page = signed_in_as(qtbot, data_dir, admin_account, "chenxia", "librarian")
    qtbot.keyClicks(page.search, "xyj")
    page.detail_panel.copies.selectRow(0)
    assert page.findChild(QPushButton, "catalogEditTitle").isVisible()  # the librarian keeps the catalogue …
    for name in ("catalogDeleteTitle", "catalogDeleteCopy"):
        assert not page.findChild(QPushButton, name).isVisible(), name  # … but does not delete from it
    page.window().close()


# --- the table model on its own ---------------------------------------------------------------------------------


def _rows(n: int) -> list[TitleRow]:
    return [
        TitleRow(i, f"书{i}", "作者", "出版社", 2020, None, "I287", f"I287/{i}", "", 2, 1, 1)
        for i in range(n)
    ]


def test_the_model_fetches_lazily(qtbot) -> None:
    model = TitleTableModel()
    rows = _rows(40_000)
    model.set_rows(rows)
    assert model.rowCount() == PAGE and model.total() == 40_000
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE
    assert model.position_of(1234) == 1234 and model.rowCount() >= 1235
    index = model.index(5, 0)
    assert model.data(index) == "书5"
    assert model.data(index, TITLE_ID_ROLE) == 5
    assert model.data(model.index(5, 9), ROW_ROLE) is rows[5]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "书名",
        "作者",
        "出版社",
        "出版年",
        "ISBN",
        "分类",
        "索书号",
        "适读年级",
        "册数",
        "在馆",
    ]
    assert model.data(model.index(5, 7)) == "全部"  # a book for every grade
    model.set_rows(rows[:3])
    assert model.rowCount() == 3 and not model.canFetchMore()
    assert model.position_of(999) is None


def test_the_view_fetches_more_as_it_scrolls(qtbot, demo_page: CatalogPage) -> None:
    page = demo_page
    assert page.model.rowCount() == PAGE < page.model.total()
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > PAGE, timeout=2000)


def test_looks(qtbot, demo_page: CatalogPage, tmp_path: Path) -> None:
    """Pictures of the page at the size it gets on a 1366×768 screen (written next to the test's data)."""
    page = demo_page
    page.resize(1190, 700)
    qtbot.keyClicks(page.search, "xyj")
    page.select_title(next(r.id for r in page.model.rows() if r.title == "西游记"))
    assert not page.grab().isNull()
    page.grab().save(str(tmp_path / f"catalog-{dt.date.today():%Y%m%d}.png"))
    assert not page.table.isColumnHidden(0)
