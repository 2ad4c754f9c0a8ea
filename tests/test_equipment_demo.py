"""The demo centre's equipment, written through the equipment service's building blocks: the service reads it back
consistently — counts that add up, units whose status matches their loans, asset labels for every piece."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from center_app.config import DataDir
from center_app.context import Actor, AppContext, open_store
from center_app.db import models as m
from center_app.demo import fill_demo
from center_app.services import equipment as eq

TODAY = dt.date(2026, 11, 29)


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    ctx = open_store(DataDir(tmp_path_factory.mktemp("demo")), actor=Actor.command_line())
    fill_demo(ctx, today=TODAY)
    yield ctx
    ctx.close()


def test_every_item_has_its_asset_barcodes_and_counts_that_add_up(centre: AppContext) -> None:
    rows = eq.list_items(centre)
    assert len(rows) >= 200
    for r in rows:
        assert r.total >= 0 and r.available >= 0 and r.out >= 0, r
        if r.tracking == "quantity":
            assert r.barcode.startswith("E") and r.out + r.damaged + r.repair <= r.total, r
        if r.condition == "scrapped":
            assert r.available == 0
    with centre.db.read() as s:
        codes = list(s.scalars(select(m.EquipmentUnit.barcode))) + list(
            s.scalars(select(m.EquipmentItem.barcode).where(m.EquipmentItem.barcode.is_not(None)))
        )
        assert len(codes) == len(set(codes))
        # a unit is on loan exactly when it has an open loan
        on_loan = set(s.scalars(select(m.EquipmentUnit.id).where(m.EquipmentUnit.status == "on_loan")))
        open_units = set(
            s.scalars(
                select(m.EquipmentLoan.unit_id).where(
                    m.EquipmentLoan.returned_at.is_(None), m.EquipmentLoan.unit_id.is_not(None)
                )
            )
        )
        assert on_loan == open_units
        audited = s.scalar(
            select(func.count()).select_from(m.AuditLog).where(m.AuditLog.entity == "equipment_item")
        )
    assert audited == len(rows)  # each item registered through the service, audited as it is


def test_the_log_and_the_desk_read_the_demo(centre: AppContext) -> None:
    log = eq.list_incidents(centre, limit=5000)
    kinds = {i.kind for i in log}
    assert {"damaged", "lost", "stock_in", "stock_out"} <= kinds
    assert any(i.borrower and i.loan_id for i in log if i.kind == "lost")  # short at a return: who had it
    assert eq.open_loans(centre)  # the last day leaves some out
    assert eq.restock_list(centre) is not None
    # the demo's items lend and stocktake like real ones
    item = next(
        r for r in eq.list_items(centre, category="体育") if r.available >= 2 and r.tracking == "quantity"
    )
    done = eq.lend(centre, item.id, eq.Borrower.group("三年级体育课"), 2)
    assert done.item.available == item.available - 2
    eq.undo(centre, done.undo_token)
