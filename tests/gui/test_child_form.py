"""The child's profile form, typed like a social worker types it: Chinese through the input method, dates the way
people write them, guardians and pick-up people in the sub-form, everything or nothing saved."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import func, select

from center_app.db.models import AuditLog, Child, Guardian, PickupPerson, Setting
from center_app.domain.children import ChildInput, GuardianInput, PickupInput
from center_app.services import children
from center_app.ui.main_window import PageSpec
from center_app.ui.pages.child_form import ChildForm
from center_app.ui.pages.children import ChildrenPage
from tests.uitools import ime_type

FORM_NAMES = [
    "childForm",
    "childFormName",
    "childFormGender",
    "childFormBirthDate",
    "childFormGrade",
    "childFormClass",
    "childFormSchool",
    "childFormVillage",
    "childFormAddress",
    "childFormLeftBehind",
    "childFormFatherCity",
    "childFormFatherPhone",
    "childFormMotherCity",
    "childFormMotherPhone",
    "childFormHealth",
    "childFormAllergy",
    "childFormSpecial",
    "childFormCard",
    "childFormCardAssign",
    "childFormNotes",
    "childFormGuardians",
    "childFormPickups",
    "childFormSave",
    "childFormCancel",
    "childFormMessage",
]


def install_children(window) -> ChildrenPage:
    row = next(i for i, spec in enumerate(window.specs) if spec.object_name == "childrenPage")
    window.specs[row] = PageSpec(
        "childrenPage", window.specs[row].title, lambda: ChildrenPage(window.ctx, window.events)
    )
    window.pages.pop(row, None)
    window.resize(1366, 740)
    page = window.show_page("childrenPage")
    window.activateWindow()  # a resize beyond the offscreen screen drops the activation; ask again
    return page


def counts(ctx) -> tuple[int, int, int, int]:
    with ctx.db.read() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Child, Guardian, PickupPerson, AuditLog)
        )


def save(qtbot, form: ChildForm) -> None:
    qtbot.keyClick(form.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


@pytest.fixture
def page(qtbot, window) -> ChildrenPage:
    page = install_children(window)
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach only the active window
    return page


@pytest.fixture
def xiaoyu(window) -> int:
    """A child already on the roster, with two guardians and a pick-up person."""
    detail = children.create_child(
        window.ctx,
        ChildInput(name="覃小雨", gender="female", birth_date="2016-04-09", class_name="四年级1班"),
        [
            GuardianInput("覃桂英", "祖母", "13907741234", 63, is_primary=True),
            GuardianInput("覃德明", "祖父"),
        ],
    )
    children.add_pickup(window.ctx, detail.id, PickupInput("覃桂英", "祖母", "13907741234"))
    return detail.id


def test_register_a_child_typing_chinese(qtbot, page: ChildrenPage) -> None:
    seen: list[str] = []
    page.events.data_changed.connect(seen.append)
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.form
    assert page.side.currentWidget() is form and form.heading.text() == "登记新儿童"
    for name in FORM_NAMES:
        assert page.findChild(QWidget, name) is not None, name
    assert form.name.hasFocus()

    ime_type(form.name, "王子涵")
    form.gender.setCurrentIndex(form.gender.findData("female"))
    ime_type(form.birth_date, "2015年3月2日")
    qtbot.keyClick(form.birth_date, Qt.Key.Key_Return)  # Enter moves on, and shows the date as stored
    assert form.birth_date.text() == "2015-03-02" and form.grade.hasFocus()
    assert form.birth_hint.text().endswith("岁")
    ime_type(form.class_name.lineEdit(), "三年级2班")
    assert form.grade.currentData() == 3  # the class says the grade
    ime_type(form.school, "古楼村小学")
    ime_type(form.village, "古楼村5组")
    form.left_behind.setCurrentIndex(form.left_behind.findData("both"))
    ime_type(form.father_city, "广东深圳")
    qtbot.keyClicks(form.father_phone, "138 1234 5678")
    ime_type(form.allergy, "花生过敏")

    qtbot.mouseClick(form.guardians.add_button, Qt.MouseButton.LeftButton)
    editor = form.guardians
    assert editor.editor.isVisible() and editor.inputs["name"].hasFocus()
    ime_type(editor.inputs["name"], "王桂兰")
    ime_type(editor.inputs["relation"].lineEdit(), "奶奶")
    qtbot.keyClicks(editor.inputs["phone"], "13907745678")
    qtbot.keyClicks(editor.inputs["age"], "66")
    # Enter walks through the rest of the sub-form, and in its last field adds the guardian
    qtbot.keyClick(editor.inputs["age"], Qt.Key.Key_Return)
    qtbot.keyClick(editor.inputs["health"], Qt.Key.Key_Return)
    qtbot.keyClick(editor.inputs["literacy"].lineEdit(), Qt.Key.Key_Return)
    assert editor.inputs["is_primary"].hasFocus()
    qtbot.keyClick(editor.inputs["is_primary"], Qt.Key.Key_Return)
    assert not editor.editor.isVisible() and editor.table.rowCount() == 1
    assert editor.table.item(0, 1).text() == "祖母"  # as the service will store it

    qtbot.mouseClick(form.pickups.add_button, Qt.MouseButton.LeftButton)
    ime_type(form.pickups.inputs["name"], "王建国")
    ime_type(form.pickups.inputs["relation"].lineEdit(), "叔叔")
    # not confirmed with 确定: Save takes the typed person along
    qtbot.mouseClick(form.card_assign, Qt.MouseButton.LeftButton)
    save(qtbot, form)

    with page.ctx.db.read() as s:
        child = s.scalars(select(Child).where(Child.name == "王子涵")).one()
        assert child.birth_date == dt.date(2015, 3, 2)
        assert (child.name_pinyin, child.name_initials) == ("wang zi han", "wzh")
        assert (child.gender, child.grade, child.class_name) == ("female", 3, "三年级2班")
        assert (child.left_behind_type, child.father_phone, child.allergy_notes) == (
            "both",
            "13812345678",
            "花生过敏",
        )
        assert child.card_barcode and child.card_barcode.startswith("C")
        guardian = s.scalars(select(Guardian).where(Guardian.child_id == child.id)).one()
        assert (guardian.name, guardian.relation, guardian.age, guardian.is_primary) == (
            "王桂兰",
            "祖母",
            66,
            True,
        )
        pickup = s.scalars(select(PickupPerson).where(PickupPerson.child_id == child.id)).one()
        assert (pickup.name, pickup.relation) == ("王建国", "其他亲属")
        child_id, card = child.id, child.card_barcode
    assert page.side.currentWidget() is page.detail_panel
    assert page.current_id == child_id and page.table.currentIndex().data() == "王子涵"
    assert "已登记 王子涵" in page.message.text() and card in page.message.text()
    assert "children" in seen
    assert card in page.detail_panel.summary.text() and "王桂兰" in page.detail_panel.sections["Family"].text()
    # and the new child is found by pinyin initials at once
    qtbot.keyClicks(page.search, "wzh")
    assert [r.name for r in page.model.rows] == ["王子涵"]


def test_every_problem_is_listed_and_nothing_is_written(qtbot, page: ChildrenPage) -> None:
    before = counts(page.ctx)
    page.open_add()
    form = page.form
    ime_type(form.name, "李明")
    next_year = dt.date.today().year + 1
    qtbot.keyClicks(form.birth_date, f"{next_year}-1-1")
    qtbot.keyClicks(form.father_phone, "12345")
    qtbot.mouseClick(form.guardians.add_button, Qt.MouseButton.LeftButton)
    ime_type(form.guardians.inputs["name"], "李奶奶")
    qtbot.keyClicks(form.guardians.inputs["phone"], "999")
    save(qtbot, form)
    text = form.message.text()
    assert form.message.isVisible() and text.startswith("没有保存")
    assert "“出生日期”不能晚于今天" in text and "“父亲电话”" in text and "“监护人电话”" in text
    assert "#c0392b" in form.message.styleSheet()  # red
    assert counts(page.ctx) == before
    assert page.side.currentWidget() is form  # still there to correct

    # corrected, it saves; the duplicate check of the service is shown the same way
    form.birth_date.setText("2016-1-1")
    form.father_phone.clear()
    form.guardians.inputs["phone"].clear()
    save(qtbot, form)
    assert counts(page.ctx)[0] == before[0] + 1
    page.open_add()
    ime_type(form.name, "李明")
    qtbot.keyClicks(form.birth_date, "2016.1.1")
    save(qtbot, form)
    assert "请不要重复登记" in form.message.text()
    assert counts(page.ctx)[0] == before[0] + 1


def test_dates_are_read_the_way_people_write_them(qtbot, page: ChildrenPage) -> None:
    page.open_add()
    form = page.form
    for typed in ("2015-3-2", "2015.3.2", "2015/03/02", "20150302"):
        form.birth_date.setText(typed)
        form.birth_date.editingFinished.emit()
        assert form.birth_date.text() == "2015-03-02", typed
    form.birth_date.setText("2015-2-30")
    form.birth_date.editingFinished.emit()
    assert form.birth_date.text() == "2015-2-30" and "无法识别" in form.birth_hint.text()


def test_editing_health_notes_is_saved_audited_and_shown(qtbot, page: ChildrenPage, xiaoyu: int) -> None:
    page.refresh()
    page.select_child(xiaoyu)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter edits
    form = page.form
    assert page.side.currentWidget() is form and form.heading.text() == "修改档案：覃小雨"
    assert form.name.text() == "覃小雨" and form.grade.currentData() == 4
    ime_type(form.health, "哮喘，随身带喷雾")
    save(qtbot, form)
    with page.ctx.db.read() as s:
        assert s.get(Child, xiaoyu).health_notes == "哮喘，随身带喷雾"
        entry = s.scalars(
            select(AuditLog)
            .where(AuditLog.entity == "child", AuditLog.action == "update")
            .order_by(AuditLog.id.desc())
        ).first()
    assert entry is not None and entry.entity_id == str(xiaoyu) and "健康状况" in entry.summary
    assert "哮喘" not in entry.summary  # the summary names the field, never the note
    assert json.loads(entry.changes)["health_notes"] == ["", "哮喘，随身带喷雾"]
    assert page.current_id == xiaoyu and page.table.currentIndex().data() == "覃小雨"  # selection kept
    assert "哮喘，随身带喷雾" in page.detail_panel.sections["Health"].text()
    assert "已保存 覃小雨 的档案" in page.message.text()


def test_guardians_are_changed_with_the_profile_and_cancel_drops_everything(
    qtbot, page: ChildrenPage, xiaoyu: int
) -> None:
    page.refresh()
    page.select_child(xiaoyu)
    before = counts(page.ctx)
    page.open_edit()
    form = page.form
    editor = form.guardians
    assert editor.table.rowCount() == 2 and editor.table.item(0, 0).text() == "覃桂英"
    editor.table.selectRow(1)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.table.rowCount() == 1
    ime_type(form.name, "覃小语")
    qtbot.keyClick(form.name, Qt.Key.Key_Escape)  # Esc: nothing saved
    assert page.side.currentWidget() is page.detail_panel
    assert counts(page.ctx) == before
    with page.ctx.db.read() as s:
        assert s.get(Child, xiaoyu).name == "覃小雨"

    page.open_edit()
    assert editor.table.rowCount() == 2  # the removal was dropped with the rest
    # change the grandmother's phone, remove the grandfather, add the mother as the primary guardian
    editor.table.selectRow(0)
    qtbot.mouseClick(editor.edit_button, Qt.MouseButton.LeftButton)
    editor.inputs["phone"].clear()
    qtbot.keyClicks(editor.inputs["phone"], "0774-8881234")
    qtbot.keyClick(editor.inputs["phone"], Qt.Key.Key_Return)  # Enter moves on through the sub-form …
    assert editor.inputs["age"].hasFocus()
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    editor.table.selectRow(1)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    ime_type(editor.inputs["name"], "覃春燕")
    ime_type(editor.inputs["relation"].lineEdit(), "妈妈")
    primary = editor.inputs["is_primary"]
    qtbot.mouseClick(primary, Qt.MouseButton.LeftButton, pos=QPoint(8, primary.height() // 2))
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert [editor.table.item(r, 6).text() for r in range(2)] == ["", "✓"]  # one primary
    # and the pick-up person goes
    form.pickups.table.selectRow(0)
    qtbot.mouseClick(form.pickups.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    with page.ctx.db.read() as s:
        people = {
            g.name: (g.relation, g.phone, g.is_primary)
            for g in s.scalars(select(Guardian).where(Guardian.child_id == xiaoyu))
        }
        pickups = s.scalars(select(PickupPerson).where(PickupPerson.child_id == xiaoyu)).all()
    assert people == {"覃桂英": ("祖母", "0774-8881234", False), "覃春燕": ("母亲", "", True)}
    assert pickups == []
    family = page.detail_panel.sections["Family"].text()
    assert "覃春燕（母亲，主要监护人）" in family and "覃德明" not in family


def test_replacing_a_card_in_the_form_retires_the_old_number(qtbot, page: ChildrenPage, xiaoyu: int) -> None:
    old = children.assign_card_barcode(page.ctx, xiaoyu)
    page.refresh()
    page.select_child(xiaoyu)
    page.open_edit()
    form = page.form
    assert form.card.text() == old
    qtbot.mouseClick(form.card_assign, Qt.MouseButton.LeftButton)
    assert form.card.text() == "" and old in form.card.placeholderText()
    save(qtbot, form)
    new = children.get_child(page.ctx, xiaoyu).card_barcode
    assert new and new != old and new in page.message.text()


def test_a_whole_file_is_one_save_and_a_refusal_at_its_end_saves_none_of_it(
    qtbot, page: ChildrenPage, xiaoyu: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Profile, guardians, pick-up people and a new card number: one service call, one transaction. When the
    last part is refused (every card number used), nothing of the earlier parts is in the database, the
    message says nothing was saved — which is true — and the form still holds what was typed."""
    ctx = page.ctx
    with ctx.db.read() as s:
        (pickup_id,) = s.scalars(select(PickupPerson.id).where(PickupPerson.child_id == xiaoyu))
    with ctx.db.session() as s:
        s.merge(Setting(key=children.CARD_COUNTER_KEY, value="99999"))
    transactions: list[int] = []
    real_session = ctx.db.session

    def counted():
        transactions.append(1)
        return real_session()

    monkeypatch.setattr(ctx.db, "session", counted)
    page.refresh()
    page.select_child(xiaoyu)
    page.open_edit()
    form = page.form
    form.class_name.lineEdit().clear()
    ime_type(form.class_name.lineEdit(), "四年级2班")
    qtbot.mouseClick(form.guardians.add_button, Qt.MouseButton.LeftButton)
    ime_type(form.guardians.inputs["name"], "覃春燕")
    ime_type(form.guardians.inputs["relation"].lineEdit(), "妈妈")
    qtbot.keyClicks(form.guardians.inputs["phone"], "13500001111")
    qtbot.mouseClick(form.guardians.ok_button, Qt.MouseButton.LeftButton)
    pickups = form.pickups
    pickups.table.selectRow(0)
    qtbot.mouseClick(pickups.edit_button, Qt.MouseButton.LeftButton)
    pickups.inputs["phone"].clear()
    qtbot.keyClicks(pickups.inputs["phone"], "13907749999")
    qtbot.mouseClick(pickups.ok_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pickups.add_button, Qt.MouseButton.LeftButton)
    ime_type(pickups.inputs["name"], "覃德明")
    ime_type(pickups.inputs["relation"].lineEdit(), "爷爷")
    qtbot.mouseClick(pickups.ok_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.card_assign, Qt.MouseButton.LeftButton)
    before = counts(ctx)
    transactions.clear()
    save(qtbot, form)

    assert transactions == [1]
    text = form.message.text()
    assert text.startswith("没有保存") and "借书证号已用完" in text
    assert counts(ctx) == before
    detail = children.get_child(ctx, xiaoyu)
    assert detail.class_name == "四年级1班" and detail.card_barcode is None
    assert [(p.id, p.phone) for p in detail.pickup_people] == [(pickup_id, "13907741234")]  # still authorised
    assert page.side.currentWidget() is form  # as typed, to try again
    assert form.class_name.currentText() == "四年级2班" and form.guardians.table.rowCount() == 3
    assert pickups.table.rowCount() == 2

    with ctx.db.session() as s:  # numbers again (a lost card's numbers were never reused; this is a test)
        s.merge(Setting(key=children.CARD_COUNTER_KEY, value="41"))
    transactions.clear()
    save(qtbot, form)
    assert len(transactions) == 1
    assert page.side.currentWidget() is page.detail_panel and "C00042" in page.message.text()
    detail = children.get_child(ctx, xiaoyu)
    assert (detail.class_name, detail.card_barcode) == ("四年级2班", "C00042")
    assert {g.name: (g.relation, g.phone) for g in detail.guardians}["覃春燕"] == ("母亲", "13500001111")
    assert [(p.name, p.phone) for p in detail.pickup_people] == [
        ("覃桂英", "13907749999"),
        ("覃德明", ""),
    ]
    assert detail.pickup_people[0].id == pickup_id  # changed in place, never removed and added again
