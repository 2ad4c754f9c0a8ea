"""The equipment room's services on a real SQLite file: items, search, the lending desk, stock, the log, labels."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from center_app.context import Actor, AppContext
from center_app.db.models import AuditLog, Child, EquipmentIncident, EquipmentLoan, Setting, Volunteer
from center_app.domain.errors import DomainError, NotFound, PermissionDenied, ValidationError
from center_app.domain.label_grid import SPINE_40
from center_app.services import equipment as eq
from center_app.services import overview

NOW = dt.datetime.now().replace(second=0, microsecond=0)
if NOW.hour >= 22:  # keep "later today" inside today whenever the suite runs
    NOW = NOW.replace(hour=10)


def ropes(ctx: AppContext, n: int = 20, **kw: object) -> eq.ItemRow:
    data = {"category": "体育", "quantity": n, "unit": "根", "location": "器材室A柜", **kw}
    return eq.create_item(ctx, eq.ItemInput("计数跳绳", **data)).item  # type: ignore[arg-type]


def keyboards(ctx: AppContext, n: int = 2) -> eq.ItemSaved:
    return eq.create_item(
        ctx, eq.ItemInput("电子琴（61键）", category="音乐", tracking="individual", quantity=n, unit="台")
    )


def audits(ctx: AppContext, entity: str) -> list[str]:
    with ctx.db.read() as s:
        return list(
            s.scalars(select(AuditLog.summary).where(AuditLog.entity == entity).order_by(AuditLog.id))
        )


# --- items ------------------------------------------------------------------------------------------------------


def test_a_quantity_item_gets_one_asset_barcode_and_its_source(ctx: AppContext) -> None:
    saved = eq.create_item(
        ctx,
        eq.ItemInput("篮球（7号）", category="sports", quantity=10, donor="爱心基金会", value_fen=9900),
    )
    item = saved.item
    assert (item.total, item.available, item.out, item.damaged) == (10, 10, 0, 0)
    assert saved.new_barcodes == (item.barcode,) and item.barcode == "E000001"
    assert item.donor == "爱心基金会" and item.category_label == "体育" and item.condition_label == "完好"
    assert "篮球（7号）" in audits(ctx, "equipment_item")[0]


def test_a_one_by_one_item_gets_a_unit_per_piece(ctx: AppContext) -> None:
    ropes(ctx)  # E000001
    saved = keyboards(ctx, 3)
    assert saved.new_barcodes == ("E000002", "E000003", "E000004")
    assert (saved.item.total, saved.item.available) == (3, 3)
    more = eq.add_units(ctx, saved.item.id, barcodes=("QIN-01",))
    assert more.new_barcodes == ("QIN-01",) and more.item.total == 4
    assert eq.find_unit(ctx, "qin-01").barcode == "QIN-01"  # type: ignore[union-attr]


def test_bad_input_is_refused_with_every_problem(ctx: AppContext) -> None:
    with pytest.raises(ValidationError) as refused:
        eq.create_item(ctx, eq.ItemInput("", category="家具", quantity=-1, condition="半新不旧"))
    text = " ".join(refused.value.problems)
    assert "请填写器材名称" in text and "家具" in text and "数量" in text and "半新不旧" in text
    with pytest.raises(ValidationError, match="已经用在"):
        eq.create_item(ctx, eq.ItemInput("足球", quantity=1, barcodes=(ropes(ctx).barcode,)))


def test_update_keeps_the_counts_honest(ctx: AppContext) -> None:
    item = ropes(ctx)
    eq.lend(ctx, item.id, eq.Borrower.group("三年级"), 12, now=NOW)
    with pytest.raises(ValidationError, match="总数不能少于 12"):
        eq.update_item(ctx, item.id, eq.ItemInput("计数跳绳", category="体育", quantity=10, unit="根"))
    with pytest.raises(DomainError, match="借出未还"):
        eq.update_item(ctx, item.id, eq.ItemInput("计数跳绳", quantity=20, unit="根", condition="报废"))
    with pytest.raises(ValidationError, match="登记方式"):
        eq.update_item(ctx, item.id, eq.ItemInput("计数跳绳", tracking="individual"))
    row = eq.update_item(
        ctx,
        item.id,
        eq.ItemInput("竹节跳绳", category="体育", quantity=25, unit="根", location="储物间", low_stock=3),
    )
    assert (row.name, row.total, row.available, row.location, row.low_stock) == (
        "竹节跳绳",
        25,
        13,
        "储物间",
        3,
    )
    assert row.name_initials == "zjts"


def test_delete_is_refused_while_lent_or_once_lent_and_only_the_administrator_may(ctx: AppContext) -> None:
    item = ropes(ctx)
    spare = eq.create_item(ctx, eq.ItemInput("登记错了", quantity=1)).item
    loan = eq.lend(ctx, item.id, eq.Borrower.group("三年级"), 1, now=NOW)
    with pytest.raises(DomainError, match="借出未还"):
        eq.delete_item(ctx, item.id)
    eq.return_loan(ctx, loan.loan.id, now=NOW)
    with pytest.raises(DomainError, match="借出过"):
        eq.delete_item(ctx, item.id)
    staff = AppContext(ctx.data_dir, ctx.db, Actor("shegong", role="staff"))
    with pytest.raises(PermissionDenied, match="删除器材"):
        eq.delete_item(staff, spare.id)
    eq.delete_item(ctx, spare.id)
    with pytest.raises(NotFound):
        eq.get_item(ctx, spare.id)


# --- search and scan -------------------------------------------------------------------------------------------


def test_search_by_text_pinyin_initials_and_filters(ctx: AppContext) -> None:
    ropes(ctx)
    eq.create_item(ctx, eq.ItemInput("象棋", category="棋类", quantity=8, unit="副", location="活动室游戏柜"))
    broken = eq.create_item(ctx, eq.ItemInput("手鼓", category="音乐", quantity=4, location="音乐角")).item
    eq.report_incident(ctx, eq.IncidentInput(broken.id, "damaged", 1, reported_by="李老师"))
    keys = keyboards(ctx)
    index = eq.EquipmentIndex.load(ctx)

    def names(query: str = "", **filters: object) -> list[str]:
        return [r.name for r in index.search(query, **filters)]  # type: ignore[arg-type]

    assert names("跳绳") == names("tiaosheng") == names("ts") == ["计数跳绳"]
    assert names("xq") == ["象棋"] and names("游戏柜") == ["象棋"]
    assert names(keys.new_barcodes[1].lower()) == ["电子琴（61键）"]  # a scanned asset barcode
    assert names(category="音乐") == ["电子琴（61键）", "手鼓"]
    assert names(location="器材室A柜") == ["计数跳绳"]
    assert names(condition="损坏") == ["手鼓"] and "手鼓" not in names(condition="完好")
    assert index.locations() and set(eq.locations(ctx)) == {"器材室A柜", "活动室游戏柜", "音乐角"}


def test_search_is_fast_enough_for_typing(ctx: AppContext) -> None:
    import time

    for n in range(250):
        eq.create_item(ctx, eq.ItemInput(f"器材{n}号 乒乓球拍", category="体育", quantity=3))
    index = eq.EquipmentIndex.load(ctx)
    start = time.perf_counter()
    for query in ("p", "pp", "ppq", "乒乓", "器材12", "qc"):
        index.search(query)
    assert (time.perf_counter() - start) / 6 < 0.016


def test_scanning_an_asset_barcode_finds_its_unit_and_who_has_it(ctx: AppContext) -> None:
    keys = keyboards(ctx)
    code = keys.new_barcodes[0]
    eq.lend(ctx, code, eq.Borrower.volunteer(name="周老师"), now=NOW)
    hit = eq.lookup(ctx, f" {code.lower()} ")
    assert hit is not None and hit.kind == "unit" and hit.unit is not None
    assert hit.open_loan is not None and hit.open_loan.borrower == "周老师" and "周老师" in hit.message
    box = eq.lookup(ctx, ropes(ctx).barcode)
    assert box is not None and box.kind == "item" and box.unit is None
    assert eq.lookup(ctx, "E999999") is None


# --- lending ---------------------------------------------------------------------------------------------------


def test_lend_by_quantity_to_a_class_due_at_the_end_of_the_day(ctx: AppContext) -> None:
    item = ropes(ctx)
    done = eq.lend(ctx, item.id, eq.Borrower.group("三年级体育课"), 20, now=NOW)
    assert done.loan.due_at == dt.datetime.combine(NOW.date(), dt.time(23, 59))
    assert (done.item.available, done.item.out) == (0, 20)
    assert "三年级体育课" in done.message and "今天 23:59" in done.message
    assert "借出 计数跳绳 20根 → 三年级体育课" in audits(ctx, "equipment_loan")[0]
    with pytest.raises(DomainError, match="现在只有 0根 可借.*借出 20"):
        eq.lend(ctx, item.id, eq.Borrower.group("四年级"), 1, now=NOW)
    assert overview.counts(ctx).equipment_out == 20


def test_over_lending_and_out_of_use_are_refused(ctx: AppContext) -> None:
    item = ropes(ctx, 5)
    eq.report_incident(ctx, eq.IncidentInput(item.id, "damaged", 2))
    with pytest.raises(DomainError, match="只有 3根 可借.*损坏 2"):
        eq.lend(ctx, item.id, eq.Borrower.group("三年级"), 4, now=NOW)
    drums = eq.create_item(ctx, eq.ItemInput("手鼓", quantity=4, condition="维修中")).item
    with pytest.raises(DomainError, match="手鼓正在维修，不能借出"):
        eq.lend(ctx, drums.id, eq.Borrower.group("音乐课"), 1, now=NOW)
    keys = keyboards(ctx)
    first, second = keys.new_barcodes
    eq.report_incident(
        ctx, eq.IncidentInput(keys.item.id, "repair", unit_barcode=second, action="送县城维修")
    )
    with pytest.raises(DomainError, match="正在维修，不能借出"):
        eq.lend(ctx, second, eq.Borrower.group("音乐课"), now=NOW)
    eq.lend(ctx, first, eq.Borrower.group("音乐课"), now=NOW)
    with pytest.raises(DomainError, match="已借给 音乐课"):
        eq.lend(ctx, first, eq.Borrower.group("五年级"), now=NOW)
    with pytest.raises(ValidationError, match="逐个扫描"):
        eq.lend(ctx, keys.item.id, eq.Borrower.group("五年级"), 1, now=NOW)
    with pytest.raises(ValidationError, match="已经过了"):
        eq.lend(ctx, item.id, eq.Borrower.group("三年级"), 1, due=NOW - dt.timedelta(hours=1), now=NOW)
    with pytest.raises(ValidationError, match="借给哪个班"):
        eq.lend(ctx, item.id, eq.Borrower.group("  "), 1, now=NOW)


def test_lend_to_a_child_by_card_and_to_a_volunteer(ctx: AppContext) -> None:
    with ctx.db.session() as s:
        s.add_all(
            [
                Child(name="王子涵", class_name="三年级2班", grade=3, card_barcode="R000123"),
                Child(name="黄芳", status="left", card_barcode="R000124"),
                Volunteer(name="周老师"),
            ]
        )
    chess = eq.create_item(ctx, eq.ItemInput("象棋", quantity=4, unit="副")).item
    done = eq.lend(ctx, chess.id, eq.Borrower.child(card=" r000123 "), now=NOW)
    assert done.loan.borrower == "三年级2班 王子涵" and done.loan.borrower_kind == "child"
    with pytest.raises(DomainError, match="黄芳 已不在中心登记"):
        eq.lend(ctx, chess.id, eq.Borrower.child(card="R000124"), now=NOW)
    with pytest.raises(NotFound):
        eq.lend(ctx, chess.id, eq.Borrower.child(card="R999999"), now=NOW)
    by_name = eq.lend(ctx, chess.id, eq.Borrower.volunteer(name="周老师"), now=NOW)
    with ctx.db.read() as s:
        loan = s.get(EquipmentLoan, by_name.loan.id)
        assert loan is not None and loan.volunteer_id is not None


def test_a_partial_return_records_the_loss_naming_who_had_it(ctx: AppContext) -> None:
    item = ropes(ctx)
    loan = eq.lend(ctx, item.id, eq.Borrower.group("三年级体育课"), 20, now=NOW).loan
    back = eq.return_loan(ctx, loan.id, 18, rest="lost", now=NOW)
    assert "18根已归还（三年级体育课）" in back.message and "2根 登记为遗失" in back.message
    assert (back.item.total, back.item.available, back.item.out) == (18, 18, 0)
    assert back.loan.returned_at is not None and back.loan.returned == 18
    log = eq.list_incidents(ctx, item.id)
    assert [(i.kind, i.quantity, i.borrower, i.loan_id) for i in log] == [
        ("lost", 2, "三年级体育课", loan.id)
    ]
    assert overview.counts(ctx).equipment_out == 0


def test_a_partial_return_keeps_the_rest_open(ctx: AppContext) -> None:
    item = ropes(ctx)
    loan = eq.lend(ctx, item.id, eq.Borrower.group("三年级"), 10, now=NOW).loan
    part = eq.return_loan(ctx, loan.id, 7, now=NOW)
    assert part.loan.returned_at is None and part.loan.out == 3 and "还有 3根 未还" in part.message
    assert eq.open_loans(ctx)[0].out == 3 and part.item.available == 17
    rest = eq.return_loan(ctx, item.barcode, now=NOW)  # the box's label finds the one open loan
    assert rest.loan.returned_at is not None and rest.item.available == 20
    with pytest.raises(DomainError, match="没有借出"):
        eq.return_loan(ctx, item.barcode, now=NOW)


def test_pieces_back_damaged_are_logged_and_not_lent_again(ctx: AppContext) -> None:
    item = ropes(ctx, 10)
    loan = eq.lend(ctx, item.id, eq.Borrower.group("三年级"), 10, now=NOW).loan
    back = eq.return_loan(ctx, loan.id, damaged=2, note="绳子断了", now=NOW)
    assert (back.item.available, back.item.damaged, back.item.total) == (8, 2, 10)
    damaged = eq.list_incidents(ctx, item.id, open_only=True)
    assert [(i.kind, i.quantity, i.borrower, i.note) for i in damaged] == [
        ("damaged", 2, "三年级", "绳子断了")
    ]
    fixed = eq.resolve_incident(ctx, damaged[0].id, "换了新绳子")
    assert fixed.resolved and fixed.action == "换了新绳子"
    eq.report_incident(ctx, eq.IncidentInput(item.id, "repaired", 2, action="换了新绳子"))
    assert eq.get_item(ctx, item.id).item.available == 10


def test_a_unit_lost_or_broken_on_loan(ctx: AppContext) -> None:
    keys = keyboards(ctx, 2)
    first, second = keys.new_barcodes
    a = eq.lend(ctx, first, eq.Borrower.volunteer(name="周老师"), now=NOW)
    b = eq.lend(ctx, second, eq.Borrower.group("音乐课"), now=NOW)
    assert eq.return_loan(ctx, first, damaged=1, now=NOW).item.damaged == 1
    lost = eq.return_loan(ctx, b.loan.id, 0, rest="lost", now=NOW)
    assert (lost.item.total, lost.item.available, lost.item.damaged) == (1, 0, 1)
    assert {u.barcode: u.status for u in eq.get_item(ctx, keys.item.id).units} == {
        first: "damaged",
        second: "lost",
    }
    assert a.loan.id != b.loan.id


def test_undo_the_last_lend_or_return_like_the_library_desk(ctx: AppContext) -> None:
    item = ropes(ctx)
    lent = eq.lend(ctx, item.id, eq.Borrower.group("三年级"), 20, now=NOW)
    back = eq.return_loan(ctx, lent.loan.id, 18, damaged=1, rest="lost", now=NOW)
    undone = eq.undo(ctx, back.undo_token)
    assert undone.kind == "undo" and (undone.item.total, undone.item.out, undone.item.damaged) == (20, 20, 0)
    with ctx.db.read() as s:
        assert s.scalars(select(EquipmentIncident)).all() == []
    with pytest.raises(DomainError, match="无法撤销"):
        eq.undo(ctx, back.undo_token)  # the same return cannot be undone twice
    eq.undo(ctx, lent.undo_token)
    assert eq.open_loans(ctx) == [] and eq.get_item(ctx, item.id).item.available == 20
    with pytest.raises(ValidationError, match="撤销信息无效"):
        eq.undo(ctx, "return:{nonsense")


def test_undoing_a_return_is_refused_once_the_pieces_are_lent_again(ctx: AppContext) -> None:
    item = ropes(ctx, 10)
    lent = eq.lend(ctx, item.id, eq.Borrower.group("三年级"), 10, now=NOW)
    back = eq.return_loan(ctx, lent.loan.id, now=NOW)
    eq.lend(ctx, item.id, eq.Borrower.group("四年级"), 10, now=NOW)
    with pytest.raises(DomainError, match="无法撤销"):
        eq.undo(ctx, back.undo_token)
    with pytest.raises(DomainError, match="无法撤销"):
        eq.undo(ctx, lent.undo_token)  # returned since: the lend stays


def test_the_unreturned_at_closing_list(ctx: AppContext) -> None:
    item = ropes(ctx)
    eq.lend(ctx, item.id, eq.Borrower.group("三年级体育课"), 5, due=NOW + dt.timedelta(minutes=90), now=NOW)
    eq.lend(ctx, item.id, eq.Borrower.group("夏令营"), 5, due=NOW + dt.timedelta(days=2), now=NOW)
    eq.lend(ctx, item.id, eq.Borrower.group("昨天的课"), 5, now=NOW - dt.timedelta(days=1))
    closing = eq.unreturned_at_closing(ctx, now=NOW)
    assert [r.borrower for r in closing] == ["昨天的课", "三年级体育课"]
    assert closing[0].overdue(NOW) and not closing[1].overdue(NOW)


def test_who_may_use_the_desk(ctx: AppContext) -> None:
    item = ropes(ctx)
    librarian = AppContext(ctx.data_dir, ctx.db, Actor("tushu", role="librarian"))
    teacher = AppContext(ctx.data_dir, ctx.db, Actor("laoshi", role="teacher"))
    done = eq.lend(librarian, item.id, eq.Borrower.group("三年级"), 2, now=NOW)
    eq.return_loan(librarian, done.loan.id, now=NOW)
    with pytest.raises(PermissionDenied, match="借出或归还器材"):
        eq.lend(teacher, item.id, eq.Borrower.group("三年级"), 2, now=NOW)
    with pytest.raises(PermissionDenied):
        eq.create_item(librarian, eq.ItemInput("足球"))
    with pytest.raises(PermissionDenied):
        eq.stock_out(librarian, item.id, 1)
    assert [r.name for r in eq.list_items(teacher)] == ["计数跳绳"]


# --- consumables and the log -------------------------------------------------------------------------------------


def test_stock_in_and_out_and_the_restock_list(ctx: AppContext) -> None:
    paper = eq.create_item(
        ctx, eq.ItemInput("彩纸（A4）", category="美术", quantity=12, unit="包", consumable=True, low_stock=5)
    ).item
    ropes(ctx)
    assert eq.restock_list(ctx) == []
    after = eq.stock_out(ctx, paper.id, 7, "美术课剪纸", reported_by="李老师")
    assert after.available == 5 and after.needs_restock
    assert [r.name for r in eq.restock_list(ctx)] == ["彩纸（A4）"]
    with pytest.raises(DomainError, match="能用的只有 5包"):
        eq.stock_out(ctx, paper.id, 6, "美术课")
    assert eq.stock_in(ctx, paper.id, 20, "县妇联捐赠").total == 25
    assert eq.restock_list(ctx) == []
    log = eq.list_incidents(ctx, paper.id)
    assert [(i.kind, i.quantity, i.note) for i in log] == [
        ("stock_in", 20, "县妇联捐赠"),
        ("stock_out", 7, "美术课剪纸"),
    ]
    keys = keyboards(ctx)
    with pytest.raises(ValidationError, match="逐件编号"):
        eq.stock_in(ctx, keys.item.id, 1)


def test_consumables_used_up_on_loan(ctx: AppContext) -> None:
    balls = eq.create_item(ctx, eq.ItemInput("乒乓球", quantity=30, consumable=True)).item
    loan = eq.lend(ctx, balls.id, eq.Borrower.group("乒乓球兴趣班"), 10, now=NOW).loan
    back = eq.return_loan(ctx, loan.id, 6, rest="used", now=NOW)
    assert (back.item.total, back.item.available) == (26, 26) and "4个 已用完" in back.message
    with pytest.raises(ValidationError, match="不是消耗品"):
        rope_loan = eq.lend(ctx, ropes(ctx).id, eq.Borrower.group("三年级"), 2, now=NOW).loan
        eq.return_loan(ctx, rope_loan.id, 1, rest="used", now=NOW)


def test_the_damage_and_maintenance_log_moves_pieces_and_units(ctx: AppContext) -> None:
    item = ropes(ctx, 10)
    eq.report_incident(ctx, eq.IncidentInput(item.id, "damaged", 3, reported_by="王子涵", note="绳子断了"))
    eq.report_incident(ctx, eq.IncidentInput(item.id, "repair", 2, action="送去换绳"))
    row = eq.get_item(ctx, item.id).item
    assert (row.damaged, row.repair, row.available) == (1, 2, 7)
    eq.report_incident(ctx, eq.IncidentInput(item.id, "scrapped", 1))
    eq.report_incident(ctx, eq.IncidentInput(item.id, "repaired", 2))
    eq.report_incident(ctx, eq.IncidentInput(item.id, "lost", 1))
    row = eq.get_item(ctx, item.id).item
    assert (row.total, row.damaged, row.repair, row.available) == (8, 0, 0, 8)
    with pytest.raises(DomainError, match="完好的只有 8根"):
        eq.report_incident(ctx, eq.IncidentInput(item.id, "damaged", 9))
    with pytest.raises(ValidationError, match="登记类型"):
        eq.report_incident(ctx, eq.IncidentInput(item.id, "stock_in", 1))
    keys = keyboards(ctx, 1)
    code = keys.new_barcodes[0]
    eq.report_incident(ctx, eq.IncidentInput(keys.item.id, "lost", unit_barcode=code))
    with pytest.raises(DomainError, match="现在是“遗失”"):
        eq.report_incident(ctx, eq.IncidentInput(keys.item.id, "damaged", unit_barcode=code))
    found = eq.report_incident(
        ctx, eq.IncidentInput(keys.item.id, "found", unit_barcode=code, reported_by="保洁阿姨")
    )
    assert found.unit_barcode == code and found.reported_by == "保洁阿姨"
    assert eq.get_item(ctx, keys.item.id).item.available == 1
    assert len(eq.list_incidents(ctx)) == 7 and len(eq.list_incidents(ctx, open_only=True)) == 2


# --- asset labels ------------------------------------------------------------------------------------------------


def test_asset_labels_use_the_librarys_sheet_and_start_position(ctx: AppContext, tmp_path: Path) -> None:
    from pypdf import PdfReader

    with ctx.db.session() as s:
        s.add(Setting(key="label_printing", value=json.dumps({"spine": {"grid": "a4-40", "start": 7}})))
    item = ropes(ctx)
    keys = keyboards(ctx, 2)
    sheet = eq.label_sheet(ctx)
    assert (sheet.grid.name, sheet.start_position) == ("a4-40", 7)
    printed = eq.print_asset_labels(ctx, tmp_path / "标签.pdf", item_ids=[item.id, keys.item.id])
    assert printed.labels == 3 and printed.grid == SPINE_40 and printed.start_position == 7
    assert printed.sheet.next_start_position == 10
    text = PdfReader(printed.path).pages[0].extract_text()
    for code in (item.barcode, *keys.new_barcodes):
        assert code in text
    assert "计数跳绳" in text and "电子琴" in text
    assert "打印器材标签 3 张" in audits(ctx, "equipment_item")[-1]
    with pytest.raises(ValidationError, match="没有找到这些编号"):
        eq.print_asset_labels(ctx, tmp_path / "x.pdf", barcodes=["E999999"])


def test_lent_to_a_recorded_session_it_is_due_when_the_session_ends(ctx: AppContext) -> None:
    from center_app.db.models import Activity

    today = NOW.date()
    with ctx.db.session() as s:
        session = Activity(title="三年级体育课", on_date=today, start_time=dt.time(14), end_time=dt.time(15))
        s.add(session)
        s.flush()
        session_id = session.id
    item = ropes(ctx)
    before = dt.datetime.combine(today, dt.time(13, 55))
    done = eq.lend(ctx, item.id, eq.Borrower.session(activity_id=session_id), 20, now=before)
    assert done.loan.borrower == "三年级体育课" and done.loan.borrower_kind == "activity"
    assert done.loan.due_at == dt.datetime.combine(today, dt.time(15)) and "今天 15:00" in done.message
    eq.return_loan(ctx, done.loan.id, now=before)
    after = dt.datetime.combine(today, dt.time(15, 30))
    late = eq.lend(
        ctx, item.id, eq.Borrower.session("三年级体育课（补课）", activity_id=session_id), 2, now=after
    )
    assert late.loan.due_at == dt.datetime.combine(today, dt.time(23, 59))
    assert late.loan.borrower == "三年级体育课（补课）"
