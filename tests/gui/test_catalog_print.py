"""Printing spine labels and library cards from the catalogue page, and the card numbers behind the cards."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select

from center_app.app import open_main_window
from center_app.context import Actor, AppContext, open_store
from center_app.db.models import AuditLog, Child
from center_app.domain.books import TitleInput
from center_app.domain.errors import PermissionDenied, ValidationError
from center_app.domain.label_grid import PRESETS
from center_app.domain.pinyin import pinyin_keys
from center_app.services import accounts, catalog, library_cards, settings
from center_app.ui.main_window import PageSpec
from center_app.ui.pages.catalog import CatalogPage
from center_app.ui.pages.catalog_print import CARDS, SETTING_KEY, SPINE, barcode_range, fits, safe_file_part


def install_catalog(window) -> CatalogPage:
    row = next(i for i, spec in enumerate(window.specs) if spec.object_name == "catalogPage")
    window.specs[row] = PageSpec(
        "catalogPage", window.specs[row].title, lambda: CatalogPage(window.ctx, window.events)
    )
    window.pages.pop(row, None)
    return window.show_page("catalogPage")


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def add_child(ctx: AppContext, name: str, class_name: str, card: str | None, grade: int = 3) -> int:
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


@pytest.fixture
def page(qtbot, window) -> CatalogPage:
    ctx = window.ctx
    catalog.add_title(ctx, TitleInput("西游记", "吴承恩", isbn="9787020002207", clc="I242.4"), 3)
    catalog.add_title(ctx, TitleInput("昆虫记", "法布尔", clc="Q96"), 2)
    page = install_catalog(window)
    page.opened: list[Path] = []
    page.print_panel.open_file = page.opened.append  # opening a PDF starts another program
    return page


# --- spine labels ---------------------------------------------------------------------------------------------


def test_spine_labels_for_the_selected_title(qtbot, page: CatalogPage) -> None:
    ctx = page.ctx
    qtbot.keyClicks(page.search, "xyj")
    barcodes = [c.barcode for c in page.detail.copies]
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    panel = page.print_panel
    assert page.side.currentWidget() is panel and panel.objectName() == "printPanel"
    assert panel.source.currentData() == "selected"
    assert panel.grid_combo.currentData() == "a4-24" and panel.start_spin.maximum() == 24
    panel.start_spin.setValue(5)  # the sheet's first four labels are used already
    assert "共 3 张书标，用 1 张标签纸" in panel.summary.text()

    qtbot.mouseClick(panel.go, Qt.MouseButton.LeftButton)
    assert len(page.opened) == 1
    pdf = page.opened[0]
    assert pdf.parent == ctx.data_dir.exports and pdf.name.startswith("书标_西游记_3张_")
    text = pdf_text(pdf)
    for barcode in barcodes:
        assert barcode in text
    assert "I242.4/1" in text
    assert "已生成" in panel.message.text()
    # The next labels go on position 8 of the same sheet; remembered for next time (the admin may save it).
    assert panel.start_spin.value() == 8
    assert settings.get_setting(ctx, SETTING_KEY)[SPINE] == {"grid": "a4-24", "start": 8}


def test_a_barcode_range_and_a_trial_print(qtbot, page: CatalogPage) -> None:
    panel = page.print_panel
    page.open_print()
    panel.source.setCurrentIndex(panel.source.findData("range"))
    assert panel.range_from.isVisible()
    qtbot.keyClicks(panel.range_from, "t0000002")
    qtbot.keyClicks(panel.range_to, "T0000009")  # only five books exist: the others are left out
    panel._update_summary()
    panel.grid_combo.setCurrentIndex(panel.grid_combo.findData("a4-65"))
    assert panel.start_spin.maximum() == 65
    panel.guides.setChecked(True)
    path = panel.print_now()
    assert path is not None
    text = pdf_text(path)
    assert all(f"T000000{n}" in text for n in range(2, 6))
    assert "T0000001" not in text
    assert "有 4 个条码没有对应的书，已跳过" in panel.message.text()
    assert "试印" in panel.message.text()
    assert panel.start_spin.value() == 1  # a trial on plain paper uses no labels
    assert settings.get_setting(page.ctx, SETTING_KEY) is None


def test_the_sheet_picture_chooses_the_start(qtbot, page: CatalogPage) -> None:
    page.open_print()
    panel = page.print_panel
    grid = PRESETS["a4-24"]
    centre = panel.sheet._slot_rect(grid, 11).center()
    qtbot.mouseClick(panel.sheet, Qt.MouseButton.LeftButton, pos=QPoint(int(centre.x()), int(centre.y())))
    assert panel.start_spin.value() == 11


def test_a_librarian_s_next_position_is_kept_for_the_session(qtbot, data_dir, admin_account) -> None:
    ctx = open_store(data_dir)
    ctx.actor = accounts.sign_in_as(ctx, admin_account)
    accounts.create_user(ctx, "tushu", "图书管理员小李", "librarian", "shuku2026")
    catalog.add_title(ctx, TitleInput("西游记", "吴承恩", clc="I242.4"), 3)
    ctx.close()
    win = open_main_window(data_dir, user="tushu")
    qtbot.addWidget(win)
    page = install_catalog(win)
    page.print_panel.open_file = lambda _path: None
    qtbot.keyClicks(page.search, "xyj")
    page.open_print()
    assert page.print_panel.print_now() is not None
    assert page.print_panel.start_spin.value() == 4
    assert settings.get_setting(page.ctx, SETTING_KEY) is None  # may not write settings: memory only
    page.print_panel.kind_cards.setChecked(True)
    page.print_panel.kind_spine.setChecked(True)
    assert page.print_panel.start_spin.value() == 4
    win.close()


# --- library cards --------------------------------------------------------------------------------------------


def test_cards_for_a_class_name_the_children_and_are_audited(qtbot, page: CatalogPage) -> None:
    ctx = page.ctx
    add_child(ctx, "王子涵", "三年级2班", "C00007")
    new_id = add_child(ctx, "覃思琪", "三年级2班", None)
    add_child(ctx, "黄小明", "四年级1班", "C00003", grade=4)

    page.open_print()
    panel = page.print_panel
    panel.kind_cards.setChecked(True)
    assert panel.grid_combo.count() == 1 and panel.grid_combo.currentData() == "cards-10"
    assert panel.choose_class("三年级2班")
    assert "1 人还没有借书证号" in panel.class_combo.currentText()
    assert panel.children.count() == 2
    assert "共 2 张借书证" in panel.summary.text()

    qtbot.mouseClick(panel.go, Qt.MouseButton.LeftButton)
    pdf = page.opened[-1]
    assert pdf.name.startswith("借书证_三年级2班_2张_")
    text = pdf_text(pdf)
    assert "王子涵" in text and "覃思琪" in text and "黄小明" not in text
    assert "C00007" in text and "C00008" in text  # the next free number after the largest in use
    with ctx.db.read() as s:
        assert s.get(Child, new_id).card_barcode == "C00008"
        printed = s.scalars(select(AuditLog).where(AuditLog.action == "print")).all()
        given = s.scalars(
            select(AuditLog).where(AuditLog.entity == "child", AuditLog.action == "update")
        ).all()
    assert len(printed) == 1 and printed[0].entity == "child" and "打印借书证" in printed[0].summary
    assert "新发了 1 个借书证号" in panel.message.text()
    assert json.loads(printed[0].changes)["rows"] == [None, 2]
    assert [json.loads(a.changes)["card_barcode"] for a in given] == [[None, "C00008"]]
    # The list now shows the new number, and the class no longer lacks cards.
    assert any("C00008" in panel.children.item(n).text() for n in range(panel.children.count()))
    assert "还没有借书证号" not in panel.class_combo.currentText()


def test_unticked_children_get_no_card(qtbot, page: CatalogPage) -> None:
    ctx = page.ctx
    add_child(ctx, "王子涵", "三年级2班", "C00001")
    add_child(ctx, "覃思琪", "三年级2班", None)
    page.open_print()
    panel = page.print_panel
    panel.show_cards()
    panel.choose_class("三年级2班")
    panel._check_all(False)
    assert not panel.go.isEnabled()
    panel.children.item(0).setCheckState(Qt.CheckState.Checked)  # 覃思琪 sorts first (qin)
    assert panel.print_now() is not None
    assert "覃思琪" in pdf_text(page.opened[-1]) and "王子涵" not in pdf_text(page.opened[-1])


# --- the service and the helpers ------------------------------------------------------------------------------


def test_issue_cards_numbers_and_permissions(ctx: AppContext) -> None:
    ctx.actor = Actor(username="admin", role="admin")
    a = add_child(ctx, "甲", "一年级1班", None, grade=1)
    b = add_child(ctx, "乙", "一年级1班", "C00041", grade=1)
    c = add_child(ctx, "丙", "一年级1班", "c-12", grade=1)  # typed by hand in another shape: not ours
    d = add_child(ctx, "丁", "一年级1班", None, grade=1)
    holders = library_cards.issue_cards(ctx, [d, a, b, c])
    assert [h.card_barcode for h in holders] == ["C00042", "C00043", "C00041", "c-12"]
    assert library_cards.issue_cards(ctx, [a])[0].card_barcode == "C00043"  # kept, not renumbered
    groups = library_cards.list_classes(ctx)
    assert [(g.class_name, g.children, g.without_card) for g in groups] == [("一年级1班", 4, 0)]
    with pytest.raises(ValidationError):
        library_cards.issue_cards(ctx, [])

    ctx.actor = Actor(username="laoshi", role="teacher")
    assert [h.name for h in library_cards.children_of_class(ctx, "一年级1班")] == ["丙", "丁", "甲", "乙"]
    with pytest.raises(PermissionDenied):
        library_cards.issue_cards(ctx, [a])


def test_helpers() -> None:
    assert barcode_range("t0000003", "T0000001") == ["T0000001", "T0000002", "T0000003"]
    with pytest.raises(ValidationError):
        barcode_range("T0000001", "X0000002")
    with pytest.raises(ValidationError):
        barcode_range("T0000001", "T0009999")
    assert fits(CARDS, PRESETS["cards-10"]) and not fits(CARDS, PRESETS["a4-65"])
    assert fits(SPINE, PRESETS["a4-40"]) and not fits(SPINE, PRESETS["cards-10"])
    assert safe_file_part("《西游记》: 上/下?") == "《西游记》上下"


def test_labels_for_a_pile_of_new_books_in_one_print(qtbot, page: CatalogPage) -> None:
    """Books catalogued one by one wait for their labels until one print covers them all."""
    page.open_add()
    form = page.form
    for title in ("草房子", "青铜葵花"):
        form.title.setText(title)
        form.copies.setValue(2)
        assert form.save()
    qtbot.keyClicks(page.search, "xyj")
    page.detail_panel.add_copy_button.click()
    page.open_print()
    panel = page.print_panel
    assert panel.source.findData("unprinted") >= 0
    panel.source.setCurrentIndex(panel.source.findData("unprinted"))
    assert len(panel.spine_barcodes()) == 5
    assert panel.print_now() is not None
    text = pdf_text(page.opened[-1])
    assert all(b in text for b in ("T0000006", "T0000007", "T0000008", "T0000009", "T0000010"))
    assert panel.source.findData("unprinted") < 0  # printed: no longer waiting
