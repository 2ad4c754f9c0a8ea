"""Children's profiles: field parsing and validation, search, redaction per role, audited writes, guardians,
pick-up people, follow-ups, library-card numbers, and the yearly promotion with its undo."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from center_app.context import Actor
from center_app.db.models import AuditLog, BookCopy, BookTitle, Child, Guardian, Setting
from center_app.domain import children as dom
from center_app.domain.children import ChildInput, FieldError, FollowUpInput, GuardianInput, PickupInput
from center_app.domain.errors import DomainError, NotFound, PermissionDenied, ValidationError
from center_app.services import children as svc
from center_app.services import early_warning

TODAY = dt.date(2026, 3, 10)
STAFF = Actor(username="shegong", role="staff", user_id=None, display_name="李社工")
LIBRARIAN = Actor(username="tushu", role="librarian")
TEACHER = Actor(username="zhijiao", role="teacher")


# --- domain: grades and classes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("三年级", 3),
        ("3年级", 3),
        ("3", 3),
        (3, 3),
        (3.0, 3),
        ("３年级", 3),
        (" 三年级 ", 3),
        ("小学三年级", 3),
        ("学前班", 0),
        ("0", 0),
        ("初一", 7),
        ("初1", 7),
        ("七年级", 7),
        ("初中二年级", 8),
        ("初三", 9),
        ("9", 9),
    ],
)
def test_parse_grade(text: object, grade: int) -> None:
    assert dom.parse_grade(text) == grade


@pytest.mark.parametrize("text", ["十年级", "10", "高一", "三年", "abc", 3.5, True, "-1"])
def test_parse_grade_refuses(text: object) -> None:
    with pytest.raises(FieldError):
        dom.parse_grade(text)


def test_grade_labels() -> None:
    assert [dom.grade_label(g) for g in (0, 1, 6, 7, 9)] == ["学前班", "一年级", "六年级", "初一", "初三"]
    assert dom.grade_label(None) == ""


@pytest.mark.parametrize(
    ("text", "grade", "expected"),
    [
        ("三年级2班", None, "三年级2班"),
        ("3年级2班", None, "三年级2班"),
        ("三（2）班", None, "三年级2班"),
        ("三年级二班", None, "三年级2班"),
        ("2班", 3, "三年级2班"),
        ("2", 3, "三年级2班"),
        ("七年级1班", None, "初一1班"),
        ("三年级", None, "三年级"),
        ("学前班", None, "学前班"),
        ("彩虹班", 3, "彩虹班"),
    ],
)
def test_normalise_class_name(text: str, grade: int | None, expected: str) -> None:
    assert dom.normalise_class_name(text, grade) == expected


def test_promoted_class_names_and_natural_order() -> None:
    assert dom.promoted_class_name("三年级2班", 4) == "四年级2班"
    assert dom.promoted_class_name("六年级1班", 7) == "初一1班"
    assert dom.promoted_class_name("学前班", 1) == "一年级"
    assert dom.promoted_class_name("彩虹班", 4) == "彩虹班"
    assert sorted(["三年级10班", "三年级2班"], key=dom.natural_key) == ["三年级2班", "三年级10班"]


# --- domain: genders, left-behind types, relations, phones ----------------------------------------------------


def test_genders() -> None:
    assert [dom.parse_gender(t) for t in ("男", "女", "M", "female", "男生")] == ["male", "female"] * 2 + [
        "male"
    ]
    with pytest.raises(FieldError, match="男 或 女"):
        dom.parse_gender("未知")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("父母均外出", "both"),
        ("双留守", "both"),
        ("双留守儿童", "both"),
        ("父母都在外", "both"),
        ("父母都在外地打工", "both"),
        ("父亲外出", "father"),
        ("爸爸在深圳打工", "father"),
        ("母亲在家，父亲外出", "father"),
        ("母亲外出", "mother"),
        ("妈妈外出务工", "mother"),
        ("非留守", "none"),
        ("否", "none"),
        ("父母在家", "none"),
        ("both", "both"),
    ],
)
def test_parse_left_behind(text: str, code: str) -> None:
    assert dom.parse_left_behind(text) == code


@pytest.mark.parametrize("text", ["单亲外出", "单留守", "留守", "是"])
def test_left_behind_that_does_not_say_which_parent_is_refused(text: str) -> None:
    with pytest.raises(FieldError, match="哪一方"):
        dom.parse_left_behind(text)


def test_relations() -> None:
    assert [dom.parse_relation(t) for t in ("奶奶", "外婆", "爷爷", "姥爷", "妈妈", "叔叔", "祖母")] == [
        "祖母",
        "外祖母",
        "祖父",
        "外祖父",
        "母亲",
        "其他亲属",
        "祖母",
    ]
    assert dom.split_name_relation("王奶奶（祖母）") == ("王奶奶", "祖母")
    assert dom.split_name_relation("王奶奶") == ("王奶奶", None)


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 13812345678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        (13812345678, "13812345678"),
        (13812345678.0, "13812345678"),
        ("0774-8881234", "0774-8881234"),
        ("(0774)8881234", "0774-8881234"),
        ("077488812345", "0774-88812345"),
        ("010-62345678", "010-62345678"),
    ],
)
def test_phones(text: object, phone: str) -> None:
    assert dom.normalise_phone(text) == phone


@pytest.mark.parametrize(
    "text",
    ["1381234567", "138123456789", "12812345678", "8881234", "abc", "13812345678/13912345678", "0774-123"],
)
def test_bad_phones(text: str) -> None:
    with pytest.raises(FieldError):
        dom.normalise_phone(text)


# --- domain: ChildInput ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "2017-3-2",
        "2017.3.2",
        "2017/03/02",
        "2017年3月2日",
        "20170302",
        dt.date(2017, 3, 2),
        dt.datetime(2017, 3, 2),
    ],
)
def test_birth_date_in_every_form(value: object) -> None:
    assert ChildInput("王子涵", birth_date=value).validated(TODAY).birth_date == dt.date(2017, 3, 2)  # type: ignore[arg-type]


def test_child_input_lists_every_problem_at_once() -> None:
    bad = ChildInput(
        name="",
        gender="x",
        birth_date="2015-2-30",
        grade="十年级",
        father_phone="12345",
        mother_phone="0774-12",
        left_behind_type="单亲外出",
        card_barcode="借书证 1",
        notes="很" * 2001,
    )
    with pytest.raises(ValidationError) as caught:
        bad.validated(TODAY)
    problems = caught.value.problems
    labels = ["姓名", "性别", "出生日期", "年级", "留守类型", "父亲电话", "母亲电话", "借书证号", "备注"]
    for label in labels:
        assert any(p.startswith(f"“{label}”") for p in problems), (label, problems)
    assert "2015-2-30" in caught.value.message


def test_birth_date_limits() -> None:
    with pytest.raises(ValidationError, match="不能晚于今天"):
        ChildInput("甲", birth_date=TODAY + dt.timedelta(days=1)).validated(TODAY)
    with pytest.raises(ValidationError, match="不到 2 岁"):
        ChildInput("甲", birth_date=dt.date(2025, 1, 1)).validated(TODAY)
    with pytest.raises(ValidationError, match="超过 18 岁"):
        ChildInput("甲", birth_date=dt.date(2005, 1, 1)).validated(TODAY)
    # A child who left long ago keeps their record as they grow up.
    assert ChildInput("甲", birth_date=dt.date(2005, 1, 1), status="left").validated(TODAY).status == "left"
    assert ChildInput("甲", birth_date=dt.date(2008, 3, 10)).validated(TODAY).birth_date == dt.date(
        2008, 3, 10
    )


def test_child_input_canonical_values() -> None:
    v = ChildInput(
        " 王 子涵 ",
        gender="男",
        grade="3年级",
        class_name="三(2)班",
        left_behind_type="双留守",
        father_phone="138 1234 5678",
        card_barcode="ｃ00012",
        special_attention="是",
        health_notes=" 哮喘\r\n 随身带药 ",
    ).validated(TODAY)
    assert (v.name, v.gender, v.grade, v.class_name, v.left_behind_type) == (
        "王子涵",
        "male",
        3,
        "三年级2班",
        "both",
    )
    assert (v.father_phone, v.card_barcode, v.special_attention) == ("13812345678", "C00012", True)
    assert v.health_notes == "哮喘\n随身带药"
    # The class says the grade; a disagreeing grade is an error.
    assert ChildInput("甲", class_name="四年级1班").validated(TODAY).grade == 4
    with pytest.raises(ValidationError, match="不一致"):
        ChildInput("甲", grade=3, class_name="四年级1班").validated(TODAY)
    with pytest.raises(ValidationError, match="姓名"):
        ChildInput("王" * 51).validated(TODAY)


def test_guardian_pickup_and_follow_up_inputs() -> None:
    g = GuardianInput("王奶奶", relation="奶奶", phone="13812345678", age="68岁").validated()
    assert (g.relation, g.age) == ("祖母", 68)
    with pytest.raises(ValidationError) as caught:
        GuardianInput("", relation="路人甲", phone="123", age=200).validated()
    assert len(caught.value.problems) == 4
    assert PickupInput("王爷爷", "爷爷").validated().relation == "祖父"
    with pytest.raises(ValidationError, match="回访日期"):
        FollowUpInput(TODAY + dt.timedelta(days=1)).validated(TODAY)
    assert FollowUpInput("2026-3-1", method="家访", note="家访").validated(TODAY).method == "home_visit"
    with pytest.raises(ValidationError, match="请填写回访内容或结果"):
        FollowUpInput("2026-3-1", method="家访").validated(TODAY)


# --- services: fixtures ---------------------------------------------------------------------------------------


@pytest.fixture
def kids(ctx) -> dict[str, int]:
    """Staff register a small roster through the service."""
    ctx.actor = STAFF
    made = {
        "wang": svc.create_child(
            ctx,
            ChildInput(
                "王子涵",
                gender="男",
                birth_date="2017-3-2",
                class_name="三年级2班",
                village="古楼村3组",
                left_behind_type="父母均外出",
                father_work_city="深圳",
                father_phone="13812345678",
                health_notes="哮喘，随身带药",
                allergy_notes="花生",
                special_attention=True,
            ),
            [GuardianInput("王奶奶", "祖母", "13912345678", age=68)],
            today=TODAY,
        ).id,
        "qin": svc.create_child(
            ctx,
            ChildInput("覃思琪", gender="女", birth_date="2016-5-1", class_name="三年级10班"),
            today=TODAY,
        ).id,
        "li": svc.create_child(
            ctx, ChildInput("李明", gender="男", grade=1, class_name="1年级1班"), today=TODAY
        ).id,
        "huang": svc.create_child(
            ctx,
            ChildInput("黄芳", gender="女", grade=9, class_name="初三1班", birth_date="2011-1-1"),
            today=TODAY,
        ).id,
        "zhao": svc.create_child(ctx, ChildInput("赵小兰", class_name="彩虹班"), today=TODAY).id,
    }
    ctx.actor = STAFF
    return made


# --- services: list and search ------------------------------------------------------------------------------


def test_list_sorted_by_grade_class_naturally_then_pinyin(ctx, kids) -> None:
    names = [r.name for r in svc.list_children(ctx)]
    assert names == [
        "李明",
        "王子涵",
        "覃思琪",
        "黄芳",
        "赵小兰",
    ]  # 1年级; 三年级2班 < 三年级10班; 初三; no grade


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("wzh", ["王子涵"]),
        ("WZH", ["王子涵"]),
        ("wangzihan", ["王子涵"]),
        ("qsq", ["覃思琪"]),  # 覃 as a surname reads qín
        ("子涵", ["王子涵"]),
        ("三年级", ["王子涵", "覃思琪"]),
        ("3年级10班", ["覃思琪"]),
        ("c00001", []),
        ("", ["李明", "王子涵", "覃思琪", "黄芳", "赵小兰"]),
    ],
)
def test_search(ctx, kids, query: str, expected: list[str]) -> None:
    assert [r.name for r in svc.list_children(ctx, query)] == expected


def test_search_by_card_and_filters(ctx, kids) -> None:
    barcode = svc.assign_card_barcode(ctx, kids["qin"])
    assert [r.name for r in svc.list_children(ctx, barcode.lower())] == ["覃思琪"]
    assert [r.name for r in svc.list_children(ctx, class_name="三年级2班")] == ["王子涵"]
    assert [r.name for r in svc.list_children(ctx, class_name="3年级(2)班")] == ["王子涵"]
    assert [r.name for r in svc.list_children(ctx, grade=3)] == ["王子涵", "覃思琪"]
    assert [r.name for r in svc.list_children(ctx, special_only=True)] == ["王子涵"]
    assert svc.list_classes(ctx) == ["一年级1班", "三年级2班", "三年级10班", "初三1班", "彩虹班"]


def test_staff_row_has_everything(ctx, kids) -> None:
    row = next(r for r in svc.list_children(ctx, "wzh"))
    assert (row.guardian_name, row.guardian_relation, row.guardian_phone) == ("王奶奶", "祖母", "13912345678")
    assert (
        row.health_notes == "哮喘，随身带药" and row.allergy_notes == "花生" and row.special_attention is True
    )
    assert row.age == 9 and row.left_behind_label == "父母均外出" and row.label == "三年级2班 王子涵"


@pytest.mark.parametrize("actor", [LIBRARIAN, TEACHER])
def test_librarian_and_teacher_see_basic_fields_only(ctx, kids, actor: Actor) -> None:
    ctx.actor = actor
    row = next(r for r in svc.list_children(ctx, "wzh"))
    assert (row.name, row.class_name, row.grade, row.gender) == ("王子涵", "三年级2班", 3, "male")
    assert row.guardian_name == row.guardian_phone == row.health_notes == row.allergy_notes == ""
    assert row.birth_date is None and row.age is None and row.special_attention is None
    assert row.left_behind_type == "" and row.village == "" and row.status == ""
    detail = svc.get_child(ctx, kids["wang"])
    assert detail.name == "王子涵" and detail.visible_groups == frozenset({"child.basic"})
    assert detail.guardians == () and detail.pickup_people == () and detail.follow_ups == ()
    assert detail.father_phone == "" and detail.health_notes == "" and detail.birth_date is None
    # Filtering by a field they cannot see would reveal it.
    with pytest.raises(PermissionDenied):
        svc.list_children(ctx, special_only=True)
    with pytest.raises(PermissionDenied):
        svc.list_children(ctx, status="left")
    with pytest.raises(PermissionDenied):
        early_warning.list_follow_ups(ctx, kids["wang"])


def test_nobody_sees_nothing(ctx, kids) -> None:
    ctx.actor = Actor.nobody()
    with pytest.raises(PermissionDenied):
        svc.list_children(ctx)
    with pytest.raises(PermissionDenied):
        svc.get_child(ctx, kids["wang"])


def test_get_child_detail_for_staff(ctx, kids) -> None:
    detail = svc.get_child(ctx, kids["wang"])
    assert detail.guardians[0].name == "王奶奶" and detail.guardians[0].is_primary is True
    assert detail.visible_groups == frozenset(dom_groups()) and detail.enrolled_on == TODAY
    assert detail.as_input().validated(TODAY).class_name == "三年级2班"
    with pytest.raises(NotFound):
        svc.get_child(ctx, 9999)


def dom_groups() -> tuple[str, ...]:
    from center_app.domain.permissions import CHILD_GROUPS

    return CHILD_GROUPS


# --- services: writes and audit -----------------------------------------------------------------------------


def _audit(ctx, entity: str, action: str | None = None) -> list[AuditLog]:
    with ctx.db.read() as s:
        q = s.query(AuditLog).filter_by(entity=entity)
        if action:
            q = q.filter_by(action=action)
        return q.order_by(AuditLog.id).all()


def test_create_is_audited_and_stores_pinyin(ctx, kids) -> None:
    entry = next(e for e in _audit(ctx, "child", "create") if e.entity_id == str(kids["wang"]))
    assert entry.actor == "shegong" and "王子涵" in entry.summary and "哮喘" not in entry.summary
    assert json.loads(entry.changes)["health_notes"] == [None, "哮喘，随身带药"]
    with ctx.db.read() as s:
        child = s.get(Child, kids["qin"])
        assert (child.name_pinyin, child.name_initials, child.class_name) == (
            "qin si qi",
            "qsq",
            "三年级10班",
        )
    assert any(
        e.summary.startswith("儿童 #") and "王奶奶" in e.summary for e in _audit(ctx, "guardian", "create")
    )


def test_staff_update_is_audited_with_old_and_new(ctx, kids) -> None:
    current = svc.get_child(ctx, kids["wang"]).as_input()
    updated = svc.update_child(
        ctx,
        kids["wang"],
        ChildInput.from_values(
            current.values() | {"health_notes": "哮喘，已好转", "class_name": "三年级3班"}
        ),
        today=TODAY,
    )
    assert updated.class_name == "三年级3班" and updated.health_notes == "哮喘，已好转"
    entry = _audit(ctx, "child", "update")[-1]
    changes = json.loads(entry.changes)
    assert changes == {
        "class_name": ["三年级2班", "三年级3班"],
        "health_notes": ["哮喘，随身带药", "哮喘，已好转"],
    }
    assert "班级" in entry.summary and "健康状况" in entry.summary and "哮喘" not in entry.summary
    # Saving the same form again changes nothing and records nothing.
    before = len(_audit(ctx, "child"))
    svc.update_child(ctx, kids["wang"], svc.get_child(ctx, kids["wang"]).as_input(), today=TODAY)
    assert len(_audit(ctx, "child")) == before


@pytest.mark.parametrize("actor", [LIBRARIAN, TEACHER])
def test_librarian_and_teacher_cannot_create_or_edit(ctx, kids, actor: Actor) -> None:
    ctx.actor = actor
    with pytest.raises(PermissionDenied, match="无权登记或修改儿童档案"):
        svc.create_child(ctx, ChildInput("新来的"), today=TODAY)
    with pytest.raises(PermissionDenied):
        svc.update_child(ctx, kids["li"], ChildInput("李明明"), today=TODAY)
    with pytest.raises(PermissionDenied):
        svc.add_guardian(ctx, kids["li"], GuardianInput("李奶奶"))
    with pytest.raises(PermissionDenied):
        early_warning.record_follow_up(ctx, kids["li"], TODAY, "phone", "打电话", "", reason="缺勤")
    with pytest.raises(PermissionDenied):
        svc.promote_all(ctx, TODAY)
    with ctx.db.read() as s:
        assert s.query(Child).filter_by(name="新来的").count() == 0


def test_create_refuses_duplicates_and_used_cards(ctx, kids) -> None:
    with pytest.raises(ValidationError, match="不要重复登记"):
        svc.create_child(ctx, ChildInput("王子涵", birth_date="2017.3.2"), today=TODAY)
    barcode = svc.assign_card_barcode(ctx, kids["li"])
    with pytest.raises(ValidationError, match="已被"):
        svc.create_child(ctx, ChildInput("新同学", card_barcode=barcode), today=TODAY)
    with ctx.db.session() as s:
        title = BookTitle(title="西游记")
        s.add(title)
        s.flush()
        s.add(BookCopy(title_id=title.id, barcode="C77777"))
    with pytest.raises(ValidationError, match="图书的条码"):
        svc.create_child(ctx, ChildInput("新同学", card_barcode="C77777"), today=TODAY)


def test_set_status_left_and_back(ctx, kids) -> None:
    left = svc.set_status(ctx, kids["li"], "left", dt.date(2026, 1, 15))
    assert (left.status, left.left_on) == ("left", dt.date(2026, 1, 15))
    assert "李明" not in [r.name for r in svc.list_children(ctx)]
    assert "李明" in [r.name for r in svc.list_children(ctx, status=None)]
    back = svc.set_status(ctx, kids["li"], "active")
    assert (back.status, back.left_on) == ("active", None)
    assert "离开中心" in _audit(ctx, "child", "update")[-2].summary


def test_guardians_primary_and_audit(ctx, kids) -> None:
    first = svc.get_child(ctx, kids["wang"]).guardians[0]
    grandpa = svc.add_guardian(ctx, kids["wang"], GuardianInput("王爷爷", "爷爷", is_primary=True))
    detail = svc.get_child(ctx, kids["wang"])
    assert [(g.name, g.is_primary) for g in detail.guardians] == [("王爷爷", True), ("王奶奶", False)]
    changed = svc.update_guardian(ctx, first.id, GuardianInput("王奶奶", "祖母", "13700001111", age=69))
    assert changed.phone == "13700001111"
    entry = _audit(ctx, "guardian", "update")[-1]
    assert json.loads(entry.changes)["phone"] == ["13912345678", "13700001111"]
    svc.remove_guardian(ctx, grandpa.id)
    assert [(g.name, g.is_primary) for g in svc.get_child(ctx, kids["wang"]).guardians] == [("王奶奶", True)]
    assert _audit(ctx, "guardian", "delete")[-1].entity_id == str(grandpa.id)


def test_pickup_people(ctx, kids) -> None:
    person = svc.add_pickup(ctx, kids["li"], PickupInput("李叔叔", "叔叔", "13612345678"))
    assert (person.relation, person.phone) == ("其他亲属", "13612345678")
    assert [p.name for p in svc.get_child(ctx, kids["li"]).pickup_people] == ["李叔叔"]
    svc.remove_pickup(ctx, person.id)
    assert svc.get_child(ctx, kids["li"]).pickup_people == ()
    assert [e.action for e in _audit(ctx, "pickup_person")] == ["create", "delete"]


def test_follow_ups(ctx, kids) -> None:
    row = early_warning.record_follow_up(
        ctx,
        kids["wang"],
        "2026-3-8",
        "家访",
        "奶奶生病，孩子在家照顾",
        "已联系村医",
        "下周再访",
        False,
        "连续缺勤",
        today=TODAY,
    )
    assert (row.method_label, row.resolved, row.staff_name) == ("家访", False, "李社工")
    assert [f.id for f in early_warning.list_follow_ups(ctx, kids["wang"])] == [row.id]
    assert svc.get_child(ctx, kids["wang"]).follow_ups[0].note == "奶奶生病，孩子在家照顾"
    entry = _audit(ctx, "follow_up", "create")[-1]
    assert "奶奶生病" not in entry.summary and "家访" in entry.summary
    with pytest.raises(ValidationError):
        early_warning.record_follow_up(
            ctx, kids["wang"], TODAY + dt.timedelta(days=3), "phone", "x", "", today=TODAY
        )


# --- library-card numbers -----------------------------------------------------------------------------------


def test_card_numbers_are_sequential_and_never_reused(ctx, kids) -> None:
    first = svc.assign_card_barcode(ctx, kids["wang"])
    second = svc.assign_card_barcode(ctx, kids["qin"])
    assert (first, second) == ("C00001", "C00002")
    with pytest.raises(DomainError, match="已有借书证号"):
        svc.assign_card_barcode(ctx, kids["wang"])
    replaced = svc.assign_card_barcode(ctx, kids["qin"], replace=True)  # lost card: C00002 is retired
    assert replaced == "C00003"
    # Even when the highest-numbered card disappears from the table, its number is not handed out again.
    with ctx.db.session() as s:
        s.get(Child, kids["qin"]).card_barcode = None
    ctx.actor = LIBRARIAN  # the librarian issues cards at the desk
    assert svc.assign_card_barcode(ctx, kids["li"]) == "C00004"
    with ctx.db.read() as s:
        assert json.loads(s.get(Setting, svc.CARD_COUNTER_KEY).value) == 4
    ctx.actor = TEACHER
    with pytest.raises(PermissionDenied):
        svc.assign_card_barcode(ctx, kids["zhao"])


def test_typed_card_numbers_push_the_counter(ctx, kids) -> None:
    current = svc.get_child(ctx, kids["zhao"]).as_input()
    svc.update_child(ctx, kids["zhao"], ChildInput.from_values(current.values() | {"card_barcode": "C00050"}))
    assert svc.assign_card_barcode(ctx, kids["li"]) == "C00051"


# --- promotion ----------------------------------------------------------------------------------------------


def _grades(ctx) -> dict[str, tuple[int | None, str, str]]:
    with ctx.db.read() as s:
        return {c.name: (c.grade, c.class_name, c.status) for c in s.query(Child)}


def test_promote_all_and_undo(ctx, kids) -> None:
    before = _grades(ctx)
    result = svc.promote_all(ctx, dt.date(2026, 9, 1))
    assert (result.promoted, result.graduated, result.without_grade) == (3, 1, 1)
    after = _grades(ctx)
    assert after["王子涵"] == (4, "四年级2班", "active")
    assert after["覃思琪"] == (4, "四年级10班", "active")
    assert after["李明"] == (2, "二年级1班", "active")
    assert after["黄芳"] == (9, "初三1班", "left")
    assert after["赵小兰"] == before["赵小兰"]
    assert "3 名儿童升一个年级" in result.message
    entry = _audit(ctx, "child", "update")[-1]
    assert result.token in entry.changes and "全体升级" in entry.summary
    pending = svc.pending_promotion(ctx)
    assert pending is not None and pending.token == result.token and pending.children == 4
    # A second promotion in the same school year is almost surely a double click.
    with pytest.raises(DomainError, match="已经全体升过一次"):
        svc.promote_all(ctx, dt.date(2026, 9, 2))
    assert svc.undo_promotion(ctx, result.token) == 4
    assert _grades(ctx) == before
    with ctx.db.read() as s:
        assert s.get(Child, kids["huang"]).left_on is None
    assert svc.pending_promotion(ctx) is None
    with pytest.raises(DomainError, match="无法撤销"):
        svc.undo_promotion(ctx, result.token)


def test_promotion_into_junior_school_is_flagged(ctx, kids) -> None:
    six = svc.create_child(ctx, ChildInput("周六一", class_name="六年级1班"), today=TODAY)
    result = svc.promote_all(ctx, dt.date(2026, 9, 1))
    assert six.id in result.to_check and _grades(ctx)["周六一"] == (7, "初一1班", "active")


def test_undo_refused_after_an_edit(ctx, kids) -> None:
    result = svc.promote_all(ctx, dt.date(2026, 9, 1))
    current = svc.get_child(ctx, kids["li"]).as_input()
    svc.update_child(ctx, kids["li"], ChildInput.from_values(current.values() | {"class_name": "二年级3班"}))
    with pytest.raises(DomainError, match="李明"):
        svc.undo_promotion(ctx, result.token)
    assert _grades(ctx)["李明"] == (2, "二年级3班", "active")
    assert _grades(ctx)["王子涵"] == (4, "四年级2班", "active")  # nothing was undone


def test_forced_second_promotion_replaces_the_undo(ctx, kids) -> None:
    first = svc.promote_all(ctx, dt.date(2026, 9, 1))
    second = svc.promote_all(ctx, dt.date(2026, 9, 2), force=True)
    assert _grades(ctx)["李明"] == (3, "三年级1班", "active")
    with pytest.raises(DomainError):
        svc.undo_promotion(ctx, first.token)
    svc.undo_promotion(ctx, second.token)
    assert _grades(ctx)["李明"] == (2, "二年级1班", "active")


def test_guardian_rows_without_family_permission_are_empty(ctx, kids) -> None:
    with ctx.db.read() as s:
        assert s.query(Guardian).count() == 1
    ctx.actor = LIBRARIAN
    assert svc.get_child(ctx, kids["wang"]).guardians == ()


# --- saving the whole file: one use case, one transaction ------------------------------------------------------


def _file_state(ctx, child_id: int) -> tuple[object, ...]:
    """Everything a save could touch: the profile, the people (ids included), and the audit log's length."""
    detail = svc.get_child(ctx, child_id)
    with ctx.db.read() as s:
        audit_rows = s.query(AuditLog).count()
        counter = s.get(Setting, svc.CARD_COUNTER_KEY)
    return detail, audit_rows, counter.value if counter else None


def test_save_child_file_registers_the_whole_file_in_one_go(ctx, kids) -> None:
    saved = svc.save_child_file(
        ctx,
        None,
        ChildInput("陆小雨", gender="女", grade=2, class_name="二年级1班"),
        svc.PeopleChanges(
            add=(GuardianInput("陆奶奶", "祖母", "13912340000"), GuardianInput("陆爷爷", "祖父"))
        ),
        svc.PeopleChanges(add=(PickupInput("陆阿姨", "姑姑", "13612340000"),)),
        new_card=True,
        today=TODAY,
    )
    detail = saved.detail
    assert saved.created and saved.new_card == detail.card_barcode and detail.card_barcode.startswith("C")
    assert [(g.name, g.is_primary) for g in detail.guardians] == [("陆奶奶", True), ("陆爷爷", False)]
    assert [(p.name, p.phone) for p in detail.pickup_people] == [("陆阿姨", "13612340000")]
    with ctx.db.read() as s:
        mine = [e for e in s.query(AuditLog).order_by(AuditLog.id) if f"#{detail.id} " in e.summary]
    assert [(e.entity, e.action) for e in mine] == [
        ("child", "create"),
        ("guardian", "create"),
        ("guardian", "create"),
        ("pickup_person", "create"),
        ("child", "update"),  # the card number
    ]


def test_editing_a_pickup_person_changes_them_in_place(ctx, kids) -> None:
    person = svc.add_pickup(ctx, kids["wang"], PickupInput("王爷爷", "祖父", "13812340000"))
    saved = svc.save_child_file(
        ctx,
        kids["wang"],
        svc.get_child(ctx, kids["wang"]).as_input(),
        pickup_people=svc.PeopleChanges(update=((person.id, PickupInput("王爷爷", "祖父", "13800001111")),)),
        today=TODAY,
    )
    assert [(p.id, p.phone) for p in saved.detail.pickup_people] == [(person.id, "13800001111")]
    assert not saved.created and saved.new_card is None
    entry = _audit(ctx, "pickup_person", "update")[-1]
    assert json.loads(entry.changes) == {"phone": ["13812340000", "13800001111"]}
    assert not _audit(ctx, "pickup_person", "delete")  # never removed, not even for a moment


def test_a_refusal_at_the_end_of_a_save_leaves_the_whole_file_as_it_was(ctx, kids) -> None:
    """The card number comes last; when it cannot be given, the profile, the guardians and the pick-up people
    written before it in the same save are not saved either — and no authorised pick-up person is lost."""
    child = kids["wang"]
    person = svc.add_pickup(ctx, child, PickupInput("王爷爷", "祖父", "13812340000"))
    grandma = svc.get_child(ctx, child).guardians[0]
    with ctx.db.session() as s:  # every card number has been used
        s.merge(Setting(key=svc.CARD_COUNTER_KEY, value="99999"))
    before = _file_state(ctx, child)
    profile = ChildInput.from_values(
        svc.get_child(ctx, child).as_input().values() | {"class_name": "三年级3班"}
    )
    with pytest.raises(ValidationError, match="借书证号已用完"):
        svc.save_child_file(
            ctx,
            child,
            profile,
            svc.PeopleChanges(remove=(grandma.id,), add=(GuardianInput("王爸爸", "父亲", "13500001111"),)),
            svc.PeopleChanges(remove=(person.id,), add=(PickupInput("王叔叔", "叔叔", "13612345678"),)),
            new_card=True,
            today=TODAY,
        )
    assert _file_state(ctx, child) == before
    assert [p.id for p in svc.get_child(ctx, child).pickup_people] == [person.id]


def test_a_person_removed_meanwhile_saves_nothing_of_the_file(ctx, kids) -> None:
    child = kids["li"]
    person = svc.add_pickup(ctx, child, PickupInput("李叔叔", "叔叔", "13612345678"))
    stale = svc.add_pickup(ctx, child, PickupInput("李阿姨", "姑姑"))
    svc.remove_pickup(ctx, stale.id)  # another window removed her after the form was opened
    before = _file_state(ctx, child)
    profile = ChildInput.from_values(svc.get_child(ctx, child).as_input().values() | {"school": "古楼小学"})
    with pytest.raises(NotFound, match="找不到这位接送人"):
        svc.save_child_file(
            ctx,
            child,
            profile,
            svc.PeopleChanges(add=(GuardianInput("李奶奶"),)),
            svc.PeopleChanges(
                remove=(person.id,), update=((stale.id, PickupInput("李阿姨", "姑姑", "13700000000")),)
            ),
            today=TODAY,
        )
    assert _file_state(ctx, child) == before


def test_every_problem_of_the_file_is_told_at_once_before_anything_is_written(ctx, kids) -> None:
    before = _file_state(ctx, kids["wang"])
    profile = ChildInput.from_values(
        svc.get_child(ctx, kids["wang"]).as_input().values() | {"grade": "十年级"}
    )
    with pytest.raises(ValidationError) as refused:
        svc.save_child_file(
            ctx,
            kids["wang"],
            profile,
            svc.PeopleChanges(add=(GuardianInput("王爸爸", "父亲"),)),
            svc.PeopleChanges(add=(PickupInput("王叔叔", "叔叔", "123"),)),
            today=TODAY,
        )
    problems = refused.value.problems
    assert len(problems) == 2
    assert "年级" in problems[0] and problems[1].startswith("接送人 王叔叔：“接送人电话”")
    assert _file_state(ctx, kids["wang"]) == before


def test_a_guardian_of_another_child_cannot_be_changed_through_this_file(ctx, kids) -> None:
    other = svc.get_child(ctx, kids["wang"]).guardians[0]
    before = _file_state(ctx, kids["wang"])
    with pytest.raises(NotFound):
        svc.save_child_file(
            ctx, kids["li"], svc.get_child(ctx, kids["li"]).as_input(), svc.PeopleChanges(remove=(other.id,))
        )
    assert _file_state(ctx, kids["wang"]) == before
