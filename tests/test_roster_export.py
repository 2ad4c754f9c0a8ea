"""Exports of children's personal data: confirmed, redacted by role, anonymisable, always audited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from center_app.app import main
from center_app.context import Actor
from center_app.db.models import AuditLog, Child, Guardian
from center_app.domain.anonymise import letters, pseudonyms
from center_app.domain.errors import PermissionDenied
from center_app.services import roster


@pytest.fixture
def children(ctx) -> None:
    with ctx.db.session() as s:
        kids = [
            Child(name="王子涵", gender="male", grade=3, class_name="三年级2班", card_barcode="C00001",
                  birth_date=dt.date(2017, 3, 2), village="古楼村3组", left_behind_type="both",
                  father_work_city="深圳", health_notes="哮喘，随身带药"),
            Child(name="李明", gender="male", grade=1, class_name="一年级1班", card_barcode="C00002"),
            Child(name="黄芳", gender="female", grade=5, class_name="五年级1班", status="left"),
        ]
        s.add_all(kids)
        s.flush()
        s.add(Guardian(child_id=kids[0].id, name="王奶奶", relation="祖母", phone="13812345678", is_primary=True))


def rows_of(path: Path) -> list[list[object]]:
    sheet = load_workbook(path, read_only=True).active
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def test_letters_and_pseudonyms() -> None:
    assert [letters(i) for i in (0, 1, 25, 26, 27, 701)] == ["A", "B", "Z", "AA", "AB", "ZZ"]
    assert pseudonyms(["王子涵", "李明", "王子涵"]) == {"王子涵": "儿童A", "李明": "儿童B"}


def test_export_needs_confirmation_and_writes_nothing_without_it(ctx, children, tmp_path) -> None:
    target = tmp_path / "花名册.xlsx"
    with pytest.raises(roster.ConfirmationRequired):
        roster.export_children(ctx, target, confirmed=False)
    assert not target.exists()
    with ctx.db.read() as s:
        assert s.query(AuditLog).filter_by(action="export").count() == 0


def test_staff_export_has_everything_and_is_audited(ctx, children, tmp_path) -> None:
    ctx.actor = Actor(username="shegong", role="staff")
    result = roster.export_children(ctx, tmp_path / "花名册.xlsx", confirmed=True)
    table = rows_of(result.path)
    assert table[0][:4] == ["姓名", "性别", "年级", "班级"]
    assert "监护人电话" in table[0] and "健康情况" in table[0]
    assert len(table) == 3  # header + two active children (the one who left is not exported)
    first = dict(zip(table[0], table[1], strict=True))
    assert first["姓名"] == "李明" or first["姓名"] == "王子涵"
    wang = next(dict(zip(table[0], r, strict=True)) for r in table[1:] if r[0] == "王子涵")
    assert wang["监护人"] == "王奶奶（祖母）" and wang["监护人电话"] == "13812345678"
    with ctx.db.read() as s:
        entry = s.query(AuditLog).filter_by(action="export", entity="child").one()
        assert entry.actor == "shegong" and "2 名儿童" in entry.summary


def test_librarian_export_has_only_names_classes_and_cards(ctx, children, tmp_path) -> None:
    ctx.actor = Actor(username="tushu", role="librarian")
    result = roster.export_children(ctx, tmp_path / "r.csv", confirmed=True)
    text = result.path.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")  # BOM so Excel in China opens it
    decoded = text.decode("utf-8-sig")
    assert result.columns == ("姓名", "性别", "年级", "班级", "借书证号")
    assert "13812345678" not in decoded and "哮喘" not in decoded and "深圳" not in decoded


def test_anonymised_export_hides_names_and_identifiers(ctx, children, tmp_path) -> None:
    result = roster.export_children(ctx, tmp_path / "对外.xlsx", confirmed=True, anonymise=True)
    flat = " ".join(str(c) for row in rows_of(result.path) for c in row if c is not None)
    assert "王子涵" not in flat and "李明" not in flat and "C00001" not in flat and "13812345678" not in flat
    assert "儿童A" in flat and "儿童B" in flat
    with ctx.db.read() as s:
        assert "已匿名" in s.query(AuditLog).filter_by(action="export").one().summary


def test_teacher_cannot_export_family_details(ctx, children, tmp_path) -> None:
    ctx.actor = Actor(username="zhijiao", role="teacher")
    result = roster.export_children(ctx, tmp_path / "t.xlsx", confirmed=True)
    assert result.columns == ("姓名", "性别", "年级", "班级", "借书证号")
    ctx.actor = Actor(username="nobody", role="none")
    with pytest.raises(PermissionDenied):
        roster.export_children(ctx, tmp_path / "n.xlsx", confirmed=True)


def test_cli_export_children(data_dir, ctx, children, tmp_path, capsys) -> None:
    ctx.close()
    target = tmp_path / "out.xlsx"
    assert main(["--data-dir", str(data_dir.root), "export", "children", str(target)]) == 1
    assert "--yes" in capsys.readouterr().err and not target.exists()
    assert main(["--data-dir", str(data_dir.root), "export", "children", str(target), "--yes", "--anonymise"]) == 0
    assert "已导出 2 名儿童" in capsys.readouterr().out
    assert "王子涵" not in str(rows_of(target))
