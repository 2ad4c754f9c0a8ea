"""The permission table, checked cell by cell against an expectation written out by hand here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from center_app.context import Actor
from center_app.db.models import Child, FollowUp, Guardian, PickupPerson
from center_app.domain import permissions as p
from center_app.domain.errors import PermissionDenied

# The intended policy, typed independently of the code's table. W = write, R = read, O = own records only, - = none.
#                         admin staff librarian teacher
_EXPECTED_GRID = """
catalog                   W     W     W         R
circulation               W     W     W         -
children                  W     W     R         R
attendance                W     W     -         O
equipment                 W     W     R         R
equipment.lend            W     W     W         -
equipment.stock           W     W     -         -
equipment.stocktake       W     W     -         -
equipment.delete          W     -     -         -
volunteers                W     W     -         O
activities                W     W     -         O
reports                   W     W     R         -
settings                  W     R     -         -
accounts                  W     -     -         -
backups                   W     -     -         -
audit                     R     -     -         -
child.basic               W     W     R         R
child.profile             W     W     -         -
child.health              W     W     -         -
child.family              W     W     -         -
child.phones              W     W     -         -
child.followups           W     W     -         -
"""
_ROLE_COLUMNS = ("admin", "staff", "librarian", "teacher")
# Which requested levels each grant satisfies: own and read are separate (own ≠ seeing everyone's records).
_GRANTS = {
    "W": {"none", "read", "own", "write"},
    "R": {"none", "read"},
    "O": {"none", "own"},
    "-": {"none"},
}


def _expected() -> dict[tuple[str, str], str]:
    grid: dict[tuple[str, str], str] = {}
    for line in _EXPECTED_GRID.strip().splitlines():
        area, *cells = line.split()
        assert len(cells) == len(_ROLE_COLUMNS)
        for role, cell in zip(_ROLE_COLUMNS, cells, strict=True):
            grid[(role, area)] = cell
    return grid


EXPECTED = _expected()
ALL_CASES = [
    (role, area, level)
    for (role, area) in EXPECTED
    for level in ("none", "read", "own", "write")  # spelled out, not p.LEVELS
]


def test_table_covers_exactly_the_expected_areas_and_roles() -> None:
    assert set(p.PERMISSIONS) == {area for _, area in EXPECTED}
    assert set(p.PERMISSIONS) == set(p.AREAS) | set(p.CHILD_GROUPS)
    assert set(p.ROLES) == set(_ROLE_COLUMNS)
    for area, row in p.PERMISSIONS.items():
        assert set(row) == set(p.ROLES), area  # every cell written out, no defaults
        assert set(row.values()) <= set(p.LEVELS), area
    assert set(p.AREA_LABELS) == set(p.PERMISSIONS)


@pytest.mark.parametrize(("role", "area", "level"), ALL_CASES)
def test_allowed_matches_expectation(role: str, area: str, level: str) -> None:
    assert p.allowed(role, area, level) is (level in _GRANTS[EXPECTED[(role, area)]])


def test_table_is_plain_data() -> None:
    # So the doc and other tools can show it without importing logic (levels and roles are StrEnum members: strings).
    assert type(p.PERMISSIONS) is dict
    assert all(
        type(row) is dict and all(isinstance(k, str) and isinstance(v, str) for k, v in row.items())
        for row in p.PERMISSIONS.values()
    )
    assert json.loads(json.dumps(p.PERMISSIONS)) == p.PERMISSIONS


def test_children_list_goes_with_basic_fields() -> None:
    # Seeing the list of children without their names (or the reverse) would make no sense.
    for role in p.ROLES:
        assert p.allowed(role, "children", "read") == p.allowed(role, "child.basic", "read")


def test_nobody_writes_the_audit_log() -> None:
    assert not any(p.allowed(role, "audit", "write") for role in p.ROLES)


@pytest.mark.parametrize("role", p.ROLES)
def test_writing_a_childs_file_is_all_or_nothing(role: str) -> None:
    # services/children/ and services/children_import/ check `children` write only, with no per-field-group write
    # check. That is right only while a role writes all the groups or none: a role that may write some groups
    # and not others needs those checks first (docs/permissions.md, "Child field groups").
    writes_children = p.allowed(role, "children", "write")
    for group in p.CHILD_GROUPS:
        if group == "child.followups":  # its own use case (early_warning.record_follow_up) checks it
            continue
        assert p.allowed(role, group, "write") == writes_children, (role, group)


def test_nobody_and_unknown_roles_are_not_signed_in() -> None:
    p.require_signed_in(Actor("t", role="teacher"))
    for actor in (Actor.nobody(), Actor("x", role="Admin")):
        with pytest.raises(PermissionDenied, match="请先登录"):
            p.require_signed_in(actor)


def test_unknown_role_gets_nothing_and_unknown_area_or_level_is_a_bug() -> None:
    assert not p.allowed("Admin", "catalog", "read")  # roles are data: fail closed
    assert not p.allowed("", "child.basic", "read")
    with pytest.raises(ValueError):
        p.allowed("admin", "catalogue", "read")  # areas are code: a typo must be loud
    with pytest.raises(ValueError):
        p.allowed("admin", "catalog", "delete")


# --- require ------------------------------------------------------------------------------------------------


def test_require_message_names_role_and_action() -> None:
    with pytest.raises(PermissionDenied) as err:
        p.require(Actor("lib", role="librarian"), "child.health", "read")
    assert err.value.message.startswith("图书管理员 无权查看儿童的健康信息。")


@pytest.mark.parametrize(("role", "area", "level"), [c for c in ALL_CASES if c[2] != "none"])
def test_require_agrees_with_allowed(role: str, area: str, level: str) -> None:
    actor = Actor("someone", role=role)
    if p.allowed(role, area, level):
        p.require(actor, area, level)
    else:
        with pytest.raises(PermissionDenied) as err:
            p.require(actor, area, level)
        assert p.ROLE_LABELS[role] in err.value.message
        assert "无权" in err.value.message


def test_require_for_teacher_writing_all_attendance() -> None:
    with pytest.raises(PermissionDenied, match="志愿者教师 无权点名或修改考勤"):
        p.require(Actor("t", role="teacher"), "attendance", "write")
    p.require(Actor("t", role="teacher"), "attendance", "own")


# --- own sessions ----------------------------------------------------------------------------------------------


def test_teacher_marks_only_registers_of_their_own_sessions() -> None:
    teacher = Actor("t", role="teacher")
    assert p.can_mark_register(teacher, [7, 9], volunteer_id=7)
    assert not p.can_mark_register(teacher, [9], volunteer_id=7)
    assert not p.can_mark_register(teacher, [], volunteer_id=7)  # a whole-day register belongs to nobody
    assert not p.can_mark_register(teacher, [7], volunteer_id=None)  # account not linked to a volunteer
    assert not p.can_mark_register(teacher, [None], volunteer_id=None)


def test_own_rule_reads_volunteer_id_from_the_actor_when_it_has_one() -> None:
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class LinkedActor:
        role: str
        volunteer_id: int | None

    assert p.can_mark_register(LinkedActor("teacher", 3), (3,))
    assert not p.can_mark_register(LinkedActor("teacher", 4), (3,))


def test_staff_and_admin_mark_any_register_librarian_none() -> None:
    assert p.can_mark_register(Actor("s", role="staff"), [])
    assert p.can_mark_register(Actor("a", role="admin"), [5])
    assert not p.can_mark_register(Actor("l", role="librarian"), [5], volunteer_id=5)


def test_require_owned_messages() -> None:
    with pytest.raises(PermissionDenied, match="志愿者教师 只能为自己负责的课程点名"):
        p.require_owned(Actor("t", role="teacher"), "attendance", [2], volunteer_id=1)
    with pytest.raises(PermissionDenied, match="图书管理员 无权记录或修改活动"):
        p.require_owned(Actor("l", role="librarian"), "activities", [2], volunteer_id=2)
    p.require_owned(Actor("t", role="teacher"), "activities", [2], volunteer_id=2)


# --- child field groups and redaction --------------------------------------------------------------------------


def _classified() -> dict[str, str]:
    found: dict[str, str] = {}
    for group, fields in p.CHILD_FIELD_GROUPS.items():
        for field in fields:
            assert field not in found, f"{field} in two groups"
            found[field] = group
    return found


def test_every_child_column_is_classified() -> None:
    # A new column on Child/Guardian/PickupPerson must be put in a group before it can be shown to anyone.
    fields = set(_classified()) | p.ALWAYS_VISIBLE
    bookkeeping = {"created_at", "updated_at"}
    for prefix, table in (("", Child), ("guardians.", Guardian), ("pickup_people.", PickupPerson)):
        for column in table.__table__.columns:
            if column.name in bookkeeping or column.name in p.ALWAYS_VISIBLE:
                continue
            assert prefix + column.name in fields, f"{table.__name__}.{column.name} is in no group"
    assert FollowUp.__tablename__ == "follow_up" and "follow_ups" in fields
    assert set(p.CHILD_FIELD_GROUPS) == set(p.CHILD_GROUPS)


def test_brief_groups_hold_the_named_fields() -> None:
    g = p.CHILD_FIELD_GROUPS
    assert {"name", "class_name", "grade", "card_barcode", "gender"} <= set(g["child.basic"])
    assert {"birth_date", "address", "village", "school", "left_behind_type", "photo_path", "status"} <= set(
        g["child.profile"]
    )
    assert set(g["child.health"]) == {"health_notes", "allergy_notes"}
    assert {"father_work_city", "mother_work_city", "guardians.name", "pickup_people.name"} <= set(
        g["child.family"]
    )
    assert set(g["child.phones"]) == {
        "father_phone",
        "mother_phone",
        "guardians.phone",
        "pickup_people.phone",
    }


def _full_child() -> dict[str, object]:
    return {
        "id": 1,
        "name": "王子涵",
        "name_pinyin": "wang zi han",
        "name_initials": "wzh",
        "gender": "male",
        "grade": 3,
        "class_name": "三年级2班",
        "card_barcode": "C0001",
        "birth_date": "2016-05-01",
        "school": "古楼村小学",
        "village": "古楼村",
        "address": "古楼村3组",
        "left_behind_type": "both",
        "special_attention": False,
        "photo_path": "photos/1.jpg",
        "status": "active",
        "enrolled_on": "2024-09-01",
        "left_on": None,
        "notes": "内向",
        "health_notes": "哮喘",
        "allergy_notes": "花生",
        "father_work_city": "深圳",
        "mother_work_city": "东莞",
        "father_phone": "13800000001",
        "mother_phone": "13800000002",
        "guardians": [
            {
                "id": 11,
                "child_id": 1,
                "name": "王奶奶",
                "relation": "祖母",
                "phone": "13800000003",
                "age": 68,
                "health": "高血压",
                "literacy": "不识字",
                "is_primary": True,
            }
        ],
        "pickup_people": [
            {"id": 21, "child_id": 1, "name": "王爷爷", "relation": "祖父", "phone": "1380004"}
        ],
        "follow_ups": [{"id": 31, "note": "家访"}],
        "age": 9,  # derived and unclassified: must not leak
    }


NAME_ONLY = {
    "id": 1,
    "name": "王子涵",
    "name_pinyin": "wang zi han",
    "name_initials": "wzh",
    "gender": "male",
    "grade": 3,
    "class_name": "三年级2班",
    "card_barcode": "C0001",
    "birth_date": "",  # a string in the sample, so it blanks to "" (a date object would blank to None)
    "school": "",
    "village": "",
    "address": "",
    "left_behind_type": "",
    "special_attention": None,  # not False: that would claim "no special needs"
    "photo_path": "",
    "status": "",
    "enrolled_on": "",
    "left_on": None,
    "notes": "",
    "health_notes": "",
    "allergy_notes": "",
    "father_work_city": "",
    "mother_work_city": "",
    "father_phone": "",
    "mother_phone": "",
    "guardians": [],
    "pickup_people": [],
    "follow_ups": [],
    "age": None,
}


@pytest.mark.parametrize("role", ["librarian", "teacher"])
def test_redact_child_leaves_name_class_and_card_only(role: str) -> None:
    assert p.redact_child(role, _full_child()) == NAME_ONLY


@pytest.mark.parametrize("role", ["admin", "staff"])
def test_redact_child_keeps_everything_classified_for_staff_and_admin(role: str) -> None:
    full = _full_child()
    expected = dict(full, age=None)  # only the unclassified key goes
    assert p.redact_child(role, full) == expected


def test_redact_child_for_unknown_role_keeps_only_ids() -> None:
    out = p.redact_child("", _full_child())
    assert out["id"] == 1 and out["name"] == "" and out["guardians"] == [] and out["grade"] is None


def test_redact_child_does_not_modify_its_input() -> None:
    full = _full_child()
    p.redact_child("librarian", full)
    assert full == _full_child()


def test_redact_blanks_nested_fields_a_role_cannot_see(monkeypatch: pytest.MonkeyPatch) -> None:
    # Today's table grants family and phones together; check the item-level rule with a role that has one only.
    table = {area: dict(row) for area, row in p.PERMISSIONS.items()}
    table["child.family"]["librarian"] = "read"
    monkeypatch.setattr(p, "PERMISSIONS", table)
    out = p.redact_child("librarian", _full_child())
    assert out["guardians"] == [
        {
            "id": 11,
            "child_id": 1,
            "name": "王奶奶",
            "relation": "祖母",
            "phone": "",
            "age": 68,
            "health": "高血压",
            "literacy": "不识字",
            "is_primary": True,
        }
    ]
    assert out["father_work_city"] == "深圳" and out["father_phone"] == ""


def test_visible_child_groups() -> None:
    assert p.visible_child_groups("librarian") == frozenset({"child.basic"})
    assert p.visible_child_groups("teacher") == frozenset({"child.basic"})
    assert p.visible_child_groups("staff") == frozenset(p.CHILD_GROUPS)
    assert p.visible_child_groups("admin") == frozenset(p.CHILD_GROUPS)
    assert p.visible_child_groups("nobody") == frozenset()


# --- the doc ------------------------------------------------------------------------------------------------


def test_doc_shows_the_current_table() -> None:
    doc = Path(__file__).resolve().parents[1] / "docs" / "permissions.md"
    table = p.render_markdown_table()
    assert table in doc.read_text(encoding="utf-8"), (
        "docs/permissions.md is out of date; paste center_app.domain.permissions.render_markdown_table() into it"
    )


def test_rendered_table_has_a_row_per_area_and_symbols_for_each_level() -> None:
    lines = p.render_markdown_table().strip().splitlines()
    assert len(lines) == 2 + len(p.PERMISSIONS)
    assert "| 审计日志 `audit` | 读 | — | — | — |" in lines
    assert "| 考勤 `attendance` | 写 | 写 | — | 仅本人 |" in lines
