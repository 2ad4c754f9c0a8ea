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
            Child(
                name="王子涵",
                gender="male",
                grade=3,
                class_name="三年级2班",
                card_barcode="C00001",
                birth_date=dt.date(2017, 3, 2),
                village="古楼村3组",
                left_behind_type="both",
                father_work_city="深圳",
                health_notes="哮喘，随身带药",
            ),
            Child(name="李明", gender="male", grade=1, class_name="一年级1班", card_barcode="C00002"),
            Child(name="黄芳", gender="female", grade=5, class_name="五年级1班", status="left"),
        ]
        s.add_all(kids)
        s.flush()
        s.add(
            Guardian(
                child_id=kids[0].id, name="王奶奶", relation="祖母", phone="13812345678", is_primary=True
            )
        )


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
    assert (
        main(["--data-dir", str(data_dir.root), "export", "children", str(target), "--yes", "--anonymise"])
        == 0
    )
    assert "已导出 2 名儿童" in capsys.readouterr().out
    assert "王子涵" not in str(rows_of(target))


# --- the export's new columns and the round trip through the roster import ----------------------------------------


@pytest.fixture
def full_roster(ctx) -> None:
    from center_app.domain.children import ChildInput, GuardianInput
    from center_app.services import children as svc

    ctx.actor = Actor(username="shegong", role="staff")
    today = dt.date(2026, 3, 10)
    svc.create_child(
        ctx,
        ChildInput(
            "王子涵",
            gender="男",
            birth_date="2017-3-2",
            class_name="三年级2班",
            school="古楼村小学",
            village="古楼村3组",
            address="古楼村3组12号",
            left_behind_type="双留守",
            father_work_city="深圳",
            father_phone="13812345678",
            mother_work_city="东莞",
            mother_phone="0769-22334455",
            health_notes="哮喘\n随身带药",
            allergy_notes="花生",
            special_attention=True,
            card_barcode="C00001",
            notes="=爱画画",  # a formula-looking remark survives the round trip as text
        ),
        [GuardianInput("王奶奶", "祖母", "13912345678")],
        today=today,
    )
    svc.create_child(
        ctx,
        ChildInput("覃思琪", gender="女", class_name="三年级10班"),
        [GuardianInput("覃外公")],
        today=today,
    )
    svc.create_child(ctx, ChildInput("李明", grade=0, class_name="学前班"), today=today)
    gone = svc.create_child(
        ctx, ChildInput("黄芳", birth_date="2012-1-1", grade=8, class_name="初二1班"), today=today
    )
    svc.set_status(ctx, gone.id, "left", dt.date(2026, 1, 15))
    with ctx.db.session() as s:  # a class name as an older version (and the demo data) wrote it
        s.add(Child(name="周杰", name_pinyin="zhou jie", name_initials="zj", grade=7, class_name="七年级2班"))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_changes_nothing(ctx, full_roster, tmp_path, suffix: str) -> None:
    from center_app.services import children_import

    result = roster.export_children(ctx, tmp_path / f"花名册{suffix}", confirmed=True, include_left=True)
    assert {"学校", "家庭住址", "父亲电话", "母亲电话", "过敏", "备注", "重点关注"} <= set(result.columns)
    preview = children_import.preview_import(ctx, result.path)
    assert preview.ok, preview.problems
    assert (preview.new, preview.updated, preview.unchanged) == (0, 0, 5)
    with ctx.db.read() as s:
        before = s.query(AuditLog).count()
    done = children_import.run_import(ctx, result.path, preview=preview)
    assert (done.created, done.updated, done.unchanged) == (0, 0, 5)
    with ctx.db.read() as s:
        assert s.query(AuditLog).count() == before + 1  # only the import's own entry
        assert s.query(Child).count() == 5 and s.query(Guardian).count() == 2
        assert s.query(Child).filter_by(name="王子涵").one().notes == "=爱画画"


def test_export_new_columns_follow_the_role(ctx, full_roster, tmp_path) -> None:
    result = roster.export_children(ctx, tmp_path / "staff.xlsx", confirmed=True)
    table = rows_of(result.path)
    wang = next(dict(zip(table[0], r, strict=True)) for r in table[1:] if r[0] == "王子涵")
    assert (wang["学校"], wang["母亲电话"], wang["过敏"], wang["重点关注"]) == (
        "古楼村小学",
        "0769-22334455",
        "花生",
        "是",
    )
    qin = next(dict(zip(table[0], r, strict=True)) for r in table[1:] if r[0] == "覃思琪")
    assert qin["监护人"] == "覃外公"  # no empty "（）" when the relation is unknown
    assert [r[0] for r in table[1:]] == ["李明", "王子涵", "覃思琪", "周杰"]  # 学前班, 2班 < 10班, 初一
    ctx.actor = Actor(username="tushu", role="librarian")
    assert roster.export_children(ctx, tmp_path / "lib.xlsx", confirmed=True).columns == (
        "姓名",
        "性别",
        "年级",
        "班级",
        "借书证号",
    )
    ctx.actor = Actor(username="shegong", role="staff")
    anonymous = roster.export_children(ctx, tmp_path / "anon.xlsx", confirmed=True, anonymise=True)
    flat = " ".join(str(c) for row in rows_of(anonymous.path) for c in row if c is not None)
    for secret in ("古楼村3组12号", "13812345678", "0769-22334455", "爱画画", "王奶奶"):
        assert secret not in flat


# --- anonymised means anonymous: an allow-list, labels per child, nothing free-text --------------------------------

#: Names and phone numbers typed into the free-text and place fields of a real roster (outside testing found them in
#: an "anonymised" file).
SECRETS = (
    "覃美玲",
    "13712345678",
    "韦建国",
    "13698765432",
    "蒙老师",
    "0771-5556677",
    "古楼村中心小学",
    "深圳宝安福永镇华强电子厂",
    "东莞长安镇蓝天鞋厂",
    "古楼村3组",
    "古楼村3组12号",
)


@pytest.fixture
def revealing_child(ctx) -> None:
    from center_app.domain.children import ChildInput, GuardianInput
    from center_app.services import children as svc

    svc.create_child(
        ctx,
        ChildInput(
            "覃美玲",
            gender="女",
            birth_date="2017-3-2",
            class_name="三年级2班",
            school="古楼村中心小学",
            village="古楼村3组",
            address="古楼村3组12号",
            left_behind_type="双留守",
            father_work_city="深圳宝安福永镇华强电子厂",
            father_phone="13712345678",
            mother_work_city="东莞长安镇蓝天鞋厂",
            health_notes="哮喘，发作时打给舅舅韦建国 13698765432",
            allergy_notes="青霉素过敏（蒙老师 0771-5556677 知道）",
            special_attention=True,
            card_barcode="C00001",
            notes="覃美玲的外婆说 13698765432 白天打不通",
        ),
        [GuardianInput("韦建国", "舅舅", "13698765432")],
        today=dt.date(2026, 3, 10),
    )
    # Two different children with the same name, in one class.
    svc.create_child(ctx, ChildInput("李明", gender="男", birth_date="2018-9-1", class_name="二年级1班"))
    svc.create_child(ctx, ChildInput("李明", gender="男", birth_date="2018-5-6", class_name="二年级1班"))


def all_cells(path: Path) -> list[str]:
    if path.suffix == ".csv":
        import csv

        with path.open(encoding="utf-8-sig", newline="") as fh:
            return [cell for row in csv.reader(fh) for cell in row]
    return [str(c) for row in rows_of(path) for c in row if c is not None]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_anonymised_export_has_only_the_allow_list_and_no_free_text(
    ctx, revealing_child, tmp_path, suffix: str
) -> None:
    result = roster.export_children(
        ctx, tmp_path / f"对外{suffix}", confirmed=True, anonymise=True, today=dt.date(2026, 3, 10)
    )
    assert result.columns == ("代号", "性别", "年级", "班级", "年龄", "留守类型")
    raw = result.path.read_bytes().decode("utf-8-sig", errors="replace") if suffix == ".csv" else ""
    cells = all_cells(result.path)
    flat = " ".join(cells) + raw
    for secret in SECRETS:
        assert secret not in flat, secret
    for hint in ("C00001", "2017-03-02", "2017", "哮喘", "青霉素", "外婆", "舅舅", "深圳", "东莞"):
        assert hint not in flat, hint
    table = [cells[i : i + 6] for i in range(0, len(cells), 6)]
    rows = {r[0]: r for r in table[1:]}
    assert rows["儿童C"][1:] == ["女", "3", "三年级2班", "9", "父母均外出"]  # 9 on 2026-03-10: born 2017-03-02


def test_two_children_with_one_name_get_two_labels(ctx, revealing_child, tmp_path) -> None:
    result = roster.export_children(ctx, tmp_path / "a.xlsx", confirmed=True, anonymise=True)
    table = rows_of(result.path)
    labels = [r[0] for r in table[1:]]
    assert labels == ["儿童A", "儿童B", "儿童C"]  # 李明, 李明, 覃美玲 (roster order): one label per child
    assert [r[4] for r in table[1:3]] == sorted(r[4] for r in table[1:3])  # both 李明 are there, with their ages


def test_pseudonyms_are_per_key_so_child_ids_never_merge() -> None:
    assert pseudonyms([7, 3, 7, 9]) == {7: "儿童A", 3: "儿童B", 9: "儿童C"}


def test_a_column_added_to_the_roster_later_stays_out_of_anonymised_exports(
    ctx, revealing_child, tmp_path, monkeypatch
) -> None:
    # Someone adds a column to the roster export (here: the health notes again, under a new header, readable by
    # every role). The full export shows it at once; the anonymised export does not, because it is an allow-list.
    monkeypatch.setattr(roster, "COLUMNS", (*roster.COLUMNS, ("health_notes", "健康提示", "child.basic")))
    full = roster.export_children(ctx, tmp_path / "full.xlsx", confirmed=True)
    assert "健康提示" in full.columns
    anonymous = roster.export_children(ctx, tmp_path / "anon.xlsx", confirmed=True, anonymise=True)
    assert anonymous.columns == tuple(header for _, header, _ in roster.ANONYMISED_COLUMNS)
    assert "13698765432" not in " ".join(all_cells(anonymous.path))


def test_a_librarian_anonymised_export_has_no_profile_columns(ctx, revealing_child, tmp_path) -> None:
    ctx.actor = Actor(username="tushu", role="librarian")
    result = roster.export_children(ctx, tmp_path / "lib.xlsx", confirmed=True, anonymise=True)
    assert result.columns == ("代号", "性别", "年级", "班级")  # age and left-behind type need the profile


# --- the audit log names the file with its folder -------------------------------------------------------------


def export_targets(ctx) -> list[str]:
    import json

    with ctx.db.read() as s:
        return [
            json.loads(e.changes)["target"][1]
            for e in s.query(AuditLog).filter(AuditLog.action.in_(("export", "print"))).order_by(AuditLog.id)
        ]


def test_the_audit_keeps_the_absolute_path_of_an_export_typed_as_a_bare_name(
    ctx, children, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = roster.export_children(ctx, Path("cha2.csv"), confirmed=True, anonymise=True)
    where = str((tmp_path / "cha2.csv").resolve())
    assert result.path == Path(where) and Path(where).is_file()
    assert export_targets(ctx) == [where]
    with ctx.db.read() as s:
        assert s.query(AuditLog).filter_by(action="export").one().summary.endswith(f"→ {where}")


def test_every_export_that_records_a_path_records_it_absolute(ctx, children, tmp_path, monkeypatch) -> None:
    from center_app.services import attendance, backup, book_import

    monkeypatch.chdir(tmp_path)
    (tmp_path / "u盘").mkdir()
    book_import.export_books(ctx, "books.xlsx")
    register = attendance.monthly_register(ctx, 2026, 3)
    attendance.export_monthly_register_xlsx(ctx, register, "kq.xlsx")
    roster.record_personal_output(ctx, "print", "打印借书证", rows=1, target=Path("cards.pdf"), anonymised=False)
    backup.backup_now(ctx, Path("u盘"))
    targets = export_targets(ctx)
    assert targets[:3] == [str((tmp_path / name).resolve()) for name in ("books.xlsx", "kq.xlsx", "cards.pdf")]
    with ctx.db.read() as s:
        entry = s.query(AuditLog).filter_by(action="backup").one()
    assert str((tmp_path / "u盘").resolve()) in entry.summary


def test_cli_export_audits_the_absolute_path(data_dir, ctx, children, tmp_path, monkeypatch, capsys) -> None:
    ctx.close()
    monkeypatch.chdir(tmp_path)
    argv = ["--data-dir", str(data_dir.root), "export", "children", "cha2.csv", "--yes", "--anonymise"]
    assert main(argv) == 0
    where = str((tmp_path / "cha2.csv").resolve())
    assert where in capsys.readouterr().out
    from center_app.context import open_store

    again = open_store(data_dir)
    try:
        assert export_targets(again) == [where]
    finally:
        again.close()
