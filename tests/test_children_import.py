"""Roster import: a real-looking xlsx (title row, Chinese headers, every date form), a GBK CSV, all-or-nothing with
``第N行`` problems, skip_invalid, re-import updating instead of duplicating, guardians, permissions, cancel."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from center_app.context import Actor
from center_app.db.models import AuditLog, Child, Guardian
from center_app.domain.children import ChildInput, GuardianInput
from center_app.domain.errors import PermissionDenied, ValidationError
from center_app.importing import ImportCancelled
from center_app.services import children as svc
from center_app.services import children_import as imp
from center_app.services.children.common import child_values

TODAY = dt.date(2026, 3, 10)

HEADER = [
    "姓名",
    "性别",
    "出生日期",
    "年级",
    "班级",
    "学校",
    "村/组",
    "留守情况",
    "父亲务工地",
    "父亲电话",
    "监护人",
    "与儿童关系",
    "监护人电话",
    "健康状况",
    "过敏",
    "借书证号",
    "备注",
]

# fmt: off
ROWS: list[list[Any]] = [  # sheet rows 3…9 (row 1 is a title, row 2 the header)
    ["王子涵", "男", "2015-3-2", "五年级", "2班", "古楼村小学", "古楼村3组", "双留守", "深圳", "13812345678",
     "王奶奶", "奶奶", "13912345678", "哮喘，随身带药", "花生", "C00001", ""],
    ["覃思琪", "女", "2015.4.5", "5", "五年级1班", "古楼村小学", "古楼村1组", "父亲外出", "东莞", "138 0000 1111",
     "覃外婆", "外婆", "", "", "", "c00003", ""],
    ["李明", "男", "2016/05/06", "四年级", "四年级1班", "古楼村小学", "", "非留守", "", "", "", "", "", "", "", "", ""],
    ["黄芳", "女", "2017年6月7日", "三年级", "三（1）班", "古楼村小学", "", "母亲外出", "", "", "黄爷爷", "爷爷",
     "0774-8881234", "", "", "", "爱画画"],
    ["周杰", "男", "20180708", "二年级", "二年级1班", "", "", "", "", "12345", "", "", "", "", "", "", ""],
    ["陈静", "女", dt.datetime(2019, 8, 9), "一年级", "一年级1班", "", "", "", "", "", "", "", "", "", "", "", ""],
    ["刘洋", "男", "", "学前班", "学前班", "", "", "", "", "", "刘奶奶（祖母）", "", "", "", "", "", ""],
]
# fmt: on


def write_roster(path: Path, rows: list[list[Any]] = ROWS, *, title: bool = True) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    if title:
        ws.append(["古楼村儿童之家 2026年春季花名册"])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def line(cells: dict[str, Any]) -> list[Any]:
    """A row in HEADER order from the cells it fills."""
    assert set(cells) <= set(HEADER)
    return [cells.get(h, "") for h in HEADER]


def fixed_rows() -> list[list[Any]]:
    rows = [list(r) for r in ROWS]
    rows[4][9] = "13700001111"
    return rows


@pytest.fixture
def staff(ctx):
    ctx.actor = Actor(username="shegong", role="staff", display_name="李社工")
    return ctx


def children(ctx) -> dict[str, Child]:
    with ctx.db.read() as s:
        return {c.name: c for c in s.query(Child)}


def test_bad_phone_on_row_7_refuses_the_whole_file(staff, tmp_path) -> None:
    path = write_roster(tmp_path / "花名册.xlsx")
    preview = imp.preview_import(staff, path, today=TODAY)
    assert preview.preview.header_row == 2 and not preview.ok
    assert preview.problems == [
        "第7行: “父亲电话”不是有效的手机号码（12345），手机号应为以 1 开头的 11 位数字，座机请带区号，如 0774-8881234"
    ]
    assert (preview.new, preview.updated, preview.unchanged) == (6, 0, 0)
    with pytest.raises(ValidationError) as caught:
        imp.run_import(staff, path, today=TODAY)
    assert "第7行" in caught.value.details and "没有导入任何数据" in caught.value.message
    assert children(staff) == {}
    with staff.db.read() as s:
        assert s.query(AuditLog).filter_by(action="import").count() == 0


def test_skip_invalid_imports_the_rest_with_every_date_form(staff, tmp_path) -> None:
    path = write_roster(tmp_path / "花名册.xlsx")
    result = imp.run_import(staff, path, skip_invalid=True, today=TODAY)
    assert (result.created, result.updated, result.skipped_rows) == (6, 0, (7,))
    kids = children(staff)
    assert "周杰" not in kids
    assert [kids[n].birth_date for n in ("王子涵", "覃思琪", "李明", "黄芳", "陈静")] == [
        dt.date(2015, 3, 2),
        dt.date(2015, 4, 5),
        dt.date(2016, 5, 6),
        dt.date(2017, 6, 7),
        dt.date(2019, 8, 9),
    ]
    wang = kids["王子涵"]
    assert (wang.grade, wang.class_name, wang.left_behind_type, wang.gender) == (
        5,
        "五年级2班",
        "both",
        "male",
    )
    assert (wang.father_phone, wang.card_barcode, wang.name_initials) == ("13812345678", "C00001", "wzh")
    assert (wang.health_notes, wang.allergy_notes, wang.enrolled_on) == ("哮喘，随身带药", "花生", TODAY)
    assert kids["覃思琪"].father_phone == "13800001111" and kids["覃思琪"].name_pinyin == "qin si qi"
    assert kids["黄芳"].class_name == "三年级1班" and kids["刘洋"].grade == 0
    with staff.db.read() as s:
        guardians = {g.name: g for g in s.query(Guardian)}
        assert (guardians["王奶奶"].relation, guardians["王奶奶"].phone) == ("祖母", "13912345678")
        assert guardians["黄爷爷"].phone == "0774-8881234" and guardians["刘奶奶"].relation == "祖母"
        assert all(g.is_primary for g in guardians.values())
        entry = s.query(AuditLog).filter_by(action="import").one()
        assert "新增 6 名儿童" in entry.summary and "跳过 1 行" in entry.summary
        assert s.query(AuditLog).filter_by(action="create", entity="child").count() == 6
    # The next card number continues after the imported one.
    assert kids["覃思琪"].card_barcode == "C00003"
    assert svc.assign_card_barcode(staff, kids["李明"].id) == "C00004"


def test_reimport_updates_instead_of_duplicating(staff, tmp_path) -> None:
    imp.run_import(staff, write_roster(tmp_path / "a.xlsx"), skip_invalid=True, today=TODAY)
    again = imp.preview_import(staff, write_roster(tmp_path / "b.xlsx", fixed_rows()), today=TODAY)
    assert again.ok and (again.new, again.updated, again.unchanged) == (1, 0, 6)
    result = imp.run_import(staff, tmp_path / "b.xlsx", preview=again, today=TODAY)
    assert (result.created, result.updated, result.unchanged) == (1, 0, 6)
    assert len(children(staff)) == 7
    # A new term's list: classes change, a guardian's phone changes; blank cells erase nothing.
    rows = fixed_rows()
    rows[0][4], rows[0][3] = "六年级2班", ""
    rows[0][12] = "13900009999"
    rows[1][8] = ""  # 覃思琪's father's work city left blank in this list
    result = imp.run_import(staff, write_roster(tmp_path / "c.xlsx", rows), today=TODAY)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 6)
    kids = children(staff)
    assert (kids["王子涵"].grade, kids["王子涵"].class_name) == (6, "六年级2班")
    assert kids["覃思琪"].father_work_city == "东莞"
    with staff.db.read() as s:
        update = s.query(AuditLog).filter_by(action="update", entity="child").one()
        assert json.loads(update.changes) == {"grade": [5, 6], "class_name": ["五年级2班", "六年级2班"]}
        g = s.query(AuditLog).filter_by(action="update", entity="guardian").one()
        assert json.loads(g.changes) == {"phone": ["13912345678", "13900009999"]}
        assert s.query(Guardian).filter_by(name="王奶奶").count() == 1


def test_matching_by_card_name_and_ambiguity(staff, tmp_path) -> None:
    svc.create_child(staff, ChildInput("王芳", class_name="三年级1班"), today=TODAY)
    svc.create_child(staff, ChildInput("王芳", class_name="三年级2班"), today=TODAY)
    svc.create_child(staff, ChildInput("李雷", card_barcode="C00007", birth_date="2016-1-1"), today=TODAY)
    rows = [
        line({"姓名": "王芳", "性别": "女"}),  # two of them: which one?
        line({"姓名": "王芳", "性别": "女", "班级": "三年级2班"}),  # the class decides
        line({"姓名": "韩梅梅", "借书证号": "C00007"}),  # 李雷's card
        line({"姓名": "李雷", "出生日期": "2016-1-1", "借书证号": "C00009"}),  # 李雷 has another card
        line({"姓名": "张三", "出生日期": "2015-2-30"}),
        line({"姓名": "李四", "与儿童关系": "奶奶"}),  # a relation but no guardian's name
        line({"姓名": "王二", "年级": "三年级", "班级": "四年级1班"}),
    ]
    preview = imp.preview_import(staff, write_roster(tmp_path / "m.xlsx", rows, title=False), today=TODAY)
    problems = preview.problems
    assert problems[0] == "第2行: 名单中有 2 名叫王芳的儿童，请填写“出生日期”或“借书证号”以便区分"
    assert problems[1].startswith("第4行: 借书证号 C00007 已属于") and "韩梅梅" in problems[1]
    assert problems[2].startswith("第5行: 李雷 的借书证号是 C00007")
    assert problems[3] == "第6行: “出生日期”不是有效日期（2015-2-30）"
    assert problems[4].startswith("第7行: 填写了“与儿童关系”")
    assert problems[5].startswith("第8行: “班级”“四年级1班”与年级“三年级”不一致")
    assert (preview.new, preview.updated, preview.unchanged) == (0, 1, 0)  # 王芳 of 三年级2班 gets a gender


def test_same_name_warning_and_in_file_duplicates(staff, tmp_path) -> None:
    svc.create_child(staff, ChildInput("王芳", class_name="三年级1班", birth_date="2016-2-2"), today=TODAY)
    rows = [line({"姓名": "王芳", "性别": "女", "出生日期": "2017-3-3", "班级": "二年级1班"})] * 2
    preview = imp.preview_import(staff, write_roster(tmp_path / "d.xlsx", rows, title=False), today=TODAY)
    assert preview.problems == ["第3行: 与第2行是同一名儿童（王芳），请合并为一行"]
    assert preview.warnings[0].startswith("第2行: 名单中已有同名儿童 王芳（三年级1班）")


def test_gbk_csv_roster(staff, tmp_path) -> None:
    path = tmp_path / "名单.csv"
    text = (
        "儿童姓名,性别,生日,年级,班级,村组,留守类型,母亲务工地,母亲电话,监护人姓名,监护人关系,联系电话,健康情况\r\n"
        "覃小燕,女,2016年9月1日,三年级,2班,古楼村5组,母亲外出,广州,13512345678,覃奶奶,奶奶,13612345678,无\r\n"
        "韦小宝,男,2018.1.2,一年级,1班,古楼村2组,父母都在外,,,韦爷爷,爷爷,0774-6612345,\r\n"
    )
    path.write_bytes(text.encode("gbk"))
    preview = imp.preview_import(staff, path, today=TODAY)
    assert preview.ok and preview.preview.encoding == "gb18030", preview.problems
    result = imp.run_import(staff, path, today=TODAY)
    assert result.created == 2
    kids = children(staff)
    assert (kids["覃小燕"].class_name, kids["覃小燕"].mother_phone, kids["覃小燕"].left_behind_type) == (
        "三年级2班",
        "13512345678",
        "mother",
    )
    assert (kids["韦小宝"].birth_date, kids["韦小宝"].left_behind_type) == (dt.date(2018, 1, 2), "both")
    with staff.db.read() as s:
        assert s.query(Guardian).filter_by(name="韦爷爷").one().phone == "0774-6612345"


@pytest.mark.parametrize("role", ["librarian", "teacher"])
def test_only_staff_and_admin_may_import(ctx, tmp_path, role: str) -> None:
    path = write_roster(tmp_path / "r.xlsx", fixed_rows())
    ctx.actor = Actor(username="x", role=role)
    with pytest.raises(PermissionDenied):
        imp.preview_import(ctx, path)
    with pytest.raises(PermissionDenied):
        imp.run_import(ctx, path)
    assert children(ctx) == {}


def test_cancel_writes_nothing_and_progress_is_reported(staff, tmp_path) -> None:
    path = write_roster(tmp_path / "r.xlsx", fixed_rows())
    with pytest.raises(ImportCancelled):
        imp.run_import(staff, path, cancel=lambda: True, today=TODAY)
    assert children(staff) == {}
    calls: list[tuple[int, int]] = []
    imp.run_import(staff, path, progress=lambda d, t: calls.append((d, t)), today=TODAY)
    assert calls and calls[-1][0] == calls[-1][1]


def test_existing_guardian_becomes_primary_and_new_one_is_added(staff, tmp_path) -> None:
    kid = svc.create_child(
        staff,
        ChildInput("王子涵", birth_date="2015-3-2", class_name="五年级2班"),
        [GuardianInput("王爷爷", "祖父"), GuardianInput("王奶奶", "祖母")],
        today=TODAY,
    )
    rows = [line({"姓名": "王子涵", "出生日期": "2015-3-2", "监护人": "王奶奶（祖母）"})]
    result = imp.run_import(staff, write_roster(tmp_path / "g.xlsx", rows), today=TODAY)
    assert (result.created, result.updated) == (0, 1)
    assert [(g.name, g.is_primary) for g in svc.get_child(staff, kid.id).guardians] == [
        ("王奶奶", True),
        ("王爷爷", False),
    ]
    rows[0][10] = "王外婆"
    imp.run_import(staff, write_roster(tmp_path / "h.xlsx", rows), today=TODAY)
    assert [g.name for g in svc.get_child(staff, kid.id).guardians if g.is_primary] == ["王外婆"]


def test_grade_only_or_class_only_lists_keep_grade_and_class_consistent(staff, tmp_path) -> None:
    kid = svc.create_child(
        staff, ChildInput("韦小宝", birth_date="2016-1-2", class_name="三年级2班"), today=TODAY
    )
    rows = [line({"姓名": "韦小宝", "出生日期": "2016-1-2", "年级": "四年级"})]
    imp.run_import(staff, write_roster(tmp_path / "g.xlsx", rows), today=TODAY)
    detail = svc.get_child(staff, kid.id)
    assert (detail.grade, detail.class_name) == (4, "四年级2班")
    rows = [line({"姓名": "韦小宝", "出生日期": "2016-1-2", "班级": "五年级1班"})]
    imp.run_import(staff, write_roster(tmp_path / "c.xlsx", rows), today=TODAY)
    detail = svc.get_child(staff, kid.id)
    assert (detail.grade, detail.class_name) == (5, "五年级1班")
    # A list that names neither leaves both alone.
    rows = [line({"姓名": "韦小宝", "出生日期": "2016-1-2", "学校": "古楼村小学"})]
    result = imp.run_import(staff, write_roster(tmp_path / "s.xlsx", rows), today=TODAY)
    assert result.updated == 1 and svc.get_child(staff, kid.id).class_name == "五年级1班"


def test_the_same_roster_again_is_imported_with_a_notice(staff, tmp_path) -> None:
    # Not refused (a second import updates, it never registers twice), but the preview says when it came before
    # and that the list's cells would overwrite what was changed in the app since.
    path = write_roster(tmp_path / "花名册.xlsx", fixed_rows())
    first = imp.preview_import(staff, path, today=TODAY)
    assert first.earlier is None and not any("导入过" in w for w in first.warnings)
    imp.run_import(staff, path, preview=first, today=TODAY)
    wang = children(staff)["王子涵"]
    svc.update_child(
        staff, wang.id, ChildInput.from_values({**child_values(wang), "father_phone": "13500000000"})
    )
    again = imp.preview_import(staff, path, today=TODAY)
    assert again.earlier is not None and (again.earlier.rows, again.earlier.items) == (7, 7)
    assert (again.new, again.updated, again.unchanged) == (0, 1, 6)
    assert again.warnings[0] == (
        f"这个文件已在 {again.earlier.when} 导入过（7 行）。再导入不会重复登记儿童；"
        "表中与现在的档案不同的内容会写回档案（本次将更新 1 名），请核对"
    )
    result = imp.run_import(staff, path, preview=again, today=TODAY)
    assert (result.created, result.updated) == (0, 1) and len(children(staff)) == 7


def test_a_merged_class_cell_fills_every_row(staff, tmp_path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "性别", "班级"])
    ws.append(["王子涵", "男", "三年级2班"])
    ws.append(["覃思琪", "女", None])
    ws.append(["李明", "男", None])
    ws.merge_cells("C2:C4")
    path = tmp_path / "merged.xlsx"
    wb.save(path)
    preview = imp.preview_import(staff, path, today=TODAY)
    assert "第2–4行的“班级”是合并单元格，已按合并的值填入每一行" in preview.warnings
    imp.run_import(staff, path, preview=preview, today=TODAY)
    assert {c.class_name for c in children(staff).values()} == {"三年级2班"}
