"""Volunteers' records on a real SQLite file: create, update, deactivate, pinyin search, a teacher's own record,
and a university team's list in (all or nothing, bad rows with their numbers) and out."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from center_app.context import Actor, AppContext
from center_app.db.models import AuditLog, Volunteer
from center_app.domain.errors import PermissionDenied, ValidationError
from center_app.importing import write_xlsx
from center_app.services import volunteers as vs
from center_app.services.volunteers import VolunteerInput

DATA = Path(__file__).parent / "data"


def count(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Volunteer)) or 0)


def audit_rows(ctx: AppContext, entity: str) -> list[AuditLog]:
    with ctx.db.read() as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.entity == entity).order_by(AuditLog.id)))


def test_create_search_update_and_deactivate(ctx: AppContext) -> None:
    wei = vs.create_volunteer(
        ctx,
        VolunteerInput(
            "韦小宝",
            organisation="广西师范大学",
            phone="13812345678",
            kind="大学生",
            subjects="语文、阅读",
            skills="书法",
            start_on="2026-7-6",
            end_on="2026-7-31",
            availability="周一至周五 08:30-11:40",
        ),
    )
    vs.create_volunteer(ctx, VolunteerInput("覃思琪", organisation="贺州学院", kind="student", skills="剪纸"))
    vs.create_volunteer(
        ctx, VolunteerInput("黄老师", organisation="古楼村小学", kind="本地教师", subjects="数学")
    )
    assert (
        wei.availability == "周一至周五 08:30-11:40"
        and wei.kind_label == "大学生"
        and wei.status_label == "在岗"
    )
    assert [v.name for v in vs.list_volunteers(ctx, "wxb")] == ["韦小宝"]
    assert [v.name for v in vs.list_volunteers(ctx, "qin")] == ["覃思琪"]  # 覃 read as a surname
    assert [v.name for v in vs.list_volunteers(ctx, "剪纸")] == ["覃思琪"]
    assert [v.name for v in vs.list_volunteers(ctx, "5678")] == ["韦小宝"]
    assert {v.name for v in vs.list_volunteers(ctx, organisation="古楼村小学")} == {"黄老师"}
    assert vs.list_organisations(ctx) == ["古楼村小学", "广西师范大学", "贺州学院"]  # gu, guang, he
    changed = vs.update_volunteer(
        ctx,
        wei.id,
        VolunteerInput(
            "韦小宝", organisation="广西师范大学", phone="13812345678", availability="每天 09:00-12:00"
        ),
    )
    assert changed.availability == "每天 09:00-12:00" and changed.subjects == ""
    gone = vs.set_volunteer_active(ctx, wei.id, False)
    assert not gone.active and [v.name for v in vs.list_volunteers(ctx, "wxb")] == []
    assert [v.name for v in vs.list_volunteers(ctx, "wxb", active=None)] == ["韦小宝"]
    entries = audit_rows(ctx, "volunteer")
    assert [e.action for e in entries] == ["create", "create", "create", "update", "update"]
    assert "空闲时间" in entries[3].summary and json.loads(entries[4].changes) == {"active": [True, False]}


def test_the_same_person_is_not_registered_twice(ctx: AppContext) -> None:
    vs.create_volunteer(ctx, VolunteerInput("韦小宝", organisation="广西师范大学", phone="13812345678"))
    with pytest.raises(ValidationError, match="已经登记过"):
        vs.create_volunteer(ctx, VolunteerInput("韦小宝", phone="138 1234 5678"))
    vs.create_volunteer(
        ctx, VolunteerInput("韦小宝", organisation="贺州学院", phone="13900000000")
    )  # another person
    assert count(ctx) == 2


def test_a_bad_record_lists_every_problem(ctx: AppContext) -> None:
    with pytest.raises(ValidationError) as refused:
        vs.create_volunteer(ctx, VolunteerInput("", phone="12", availability="周八 9-10"))
    assert len(refused.value.problems) == 3 and count(ctx) == 0


def test_a_teacher_sees_and_changes_their_own_record_only(ctx: AppContext) -> None:
    mine = vs.create_volunteer(ctx, VolunteerInput("韦小宝", phone="13812345678")).id
    other = vs.create_volunteer(ctx, VolunteerInput("黄立")).id
    teacher = AppContext(ctx.data_dir, ctx.db, Actor("weixb", role="teacher", volunteer_id=mine))
    assert [v.id for v in vs.list_volunteers(teacher)] == [mine]
    vs.update_volunteer(
        teacher, mine, VolunteerInput("韦小宝", phone="13812345678", availability="周六 09:00-12:00")
    )
    with pytest.raises(PermissionDenied, match="只能查看或修改自己的志愿者信息"):
        vs.update_volunteer(teacher, other, VolunteerInput("黄立"))
    with pytest.raises(PermissionDenied):
        vs.get_volunteer(teacher, other)
    with pytest.raises(PermissionDenied):
        vs.create_volunteer(teacher, VolunteerInput("新人"))
    with pytest.raises(PermissionDenied):
        vs.set_volunteer_active(teacher, mine, False)


def test_import_a_university_teams_list(ctx: AppContext, tmp_path: Path) -> None:
    source = tmp_path / "青苗支教队.xlsx"
    shutil.copy(DATA / "volunteers_team.xlsx", source)
    preview = vs.preview_import(ctx, source)
    assert preview.ok and (preview.new, preview.updated) == (5, 0)
    assert preview.preview.header_row == 3 and "学院" in preview.preview.ignored_columns
    result = vs.run_import(ctx, source, preview=preview)
    assert (result.created, result.updated) == (5, 0)
    wei = vs.list_volunteers(ctx, "韦小宝")[0]
    assert (wei.phone, wei.organisation, wei.subjects, wei.skills, wei.start_on) == (
        "13812345678",
        "广西师范大学",
        "语文、阅读",
        "书法",
        dt.date(2026, 7, 6),
    )
    assert wei.availability == "周一至周五 08:30-11:40 14:30-17:30"
    again = vs.preview_import(ctx, source)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 5) and again.earlier is not None
    assert vs.run_import(ctx, source).created == 0 and count(ctx) == 5
    assert audit_rows(ctx, "volunteer")[-1].action == "import"


def test_bad_rows_are_refused_with_their_numbers_and_nothing_is_written(
    ctx: AppContext, tmp_path: Path
) -> None:
    source = tmp_path / "贺州学院.csv"
    shutil.copy(DATA / "volunteers_bad_rows_gbk.csv", source)
    preview = vs.preview_import(ctx, source)
    assert not preview.ok and preview.preview.encoding.startswith("gb")
    assert preview.preview.bad_rows == [4, 5, 6, 7]
    lines = "\n".join(preview.problems)
    assert "第4行: “电话”" in lines and "第5行: “姓名”不能为空" in lines and "第6行: “空闲时间”" in lines
    assert "第7行" in lines
    with pytest.raises(ValidationError) as refused:
        vs.run_import(ctx, source)
    assert "第4行" in refused.value.details and count(ctx) == 0
    skipped = vs.run_import(ctx, source, skip_invalid=True)
    assert skipped.created == 1 and skipped.skipped_rows == (4, 5, 6, 7) and count(ctx) == 1


def test_an_update_by_import_fills_only_the_cells_given(ctx: AppContext, tmp_path: Path) -> None:
    vs.create_volunteer(
        ctx,
        VolunteerInput(
            "韦小宝", organisation="广西师范大学", phone="13812345678", skills="书法", notes="队长"
        ),
    )
    source = tmp_path / "更新.xlsx"
    write_xlsx(source, ["姓名", "手机", "空闲时间"], [["韦小宝", "13812345678", "周六 09:00-12:00"]])
    preview = vs.preview_import(ctx, source)
    assert (preview.new, preview.updated) == (0, 1)
    vs.run_import(ctx, source)
    wei = vs.list_volunteers(ctx)[0]
    assert (wei.skills, wei.notes, wei.availability) == ("书法", "队长", "周六 09:00-12:00")


def test_two_rows_for_one_person_are_refused(ctx: AppContext, tmp_path: Path) -> None:
    source = tmp_path / "重复.xlsx"
    write_xlsx(source, ["姓名", "手机"], [["韦小宝", "13812345678"], ["韦小宝", "138-1234-5678"]])
    preview = vs.preview_import(ctx, source)
    assert preview.problems == ["第3行: 与第2行是同一名志愿者（韦小宝），请合并为一行"]


def test_export_then_import_changes_nothing(ctx: AppContext, tmp_path: Path) -> None:
    vs.run_import(ctx, DATA / "volunteers_team.xlsx")
    for suffix in (".xlsx", ".csv"):
        target = tmp_path / f"志愿者{suffix}"
        assert vs.export_volunteers(ctx, target) == 5
        again = vs.preview_import(ctx, target)
        assert again.ok and (again.new, again.updated, again.unchanged) == (0, 0, 5), suffix
    sheet = load_workbook(tmp_path / "志愿者.xlsx").active
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["姓名", "性别", "电话", "单位/学校", "类别"] and "空闲时间" in header
    exports = [e for e in audit_rows(ctx, "volunteer") if e.action == "export"]
    assert len(exports) == 2 and "导出志愿者名单：5 行" in exports[0].summary
    with pytest.raises(ValidationError):
        vs.export_volunteers(ctx, tmp_path / "志愿者.pdf")


def test_rooms(ctx: AppContext) -> None:
    room = vs.save_room(ctx, None, " 阅览室 ", 30)
    vs.save_room(ctx, None, "活动室")
    with pytest.raises(ValidationError, match="已经有一间"):
        vs.save_room(ctx, None, "阅览室")
    assert vs.save_room(ctx, room.id, "图书阅览室", 40).name == "图书阅览室"
    assert [r.name for r in vs.list_rooms(ctx)] == ["活动室", "图书阅览室"]
