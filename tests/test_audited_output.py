"""Files of children's names (prints, exports) are audited before they are written: the audit log never misses
one. A failed audit writes no file; a failed write leaves a second entry saying no file was made."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from center_app.context import Actor
from center_app.db.models import AuditLog
from center_app.domain.books import TitleInput
from center_app.domain.children import ChildInput
from center_app.domain.errors import DomainError, PermissionDenied
from center_app.domain.label_grid import CARDS_10
from center_app.services import catalog, children, circulation, library_cards, roster


def _outputs(ctx) -> list[AuditLog]:
    with ctx.db.read() as s:
        return list(
            s.scalars(select(AuditLog).where(AuditLog.action.in_(("print", "export"))).order_by(AuditLog.id))
        )


class AuditBroke(Exception):
    pass


@pytest.fixture
def broken_audit(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AuditBroke("database is locked")

    monkeypatch.setattr(roster, "record_personal_output", refuse)


def test_the_entry_is_in_the_log_before_the_file_is_written(ctx, tmp_path: Path) -> None:
    seen: list[int] = []

    def write(path: Path) -> str:
        seen.append(len(_outputs(ctx)))  # read in its own transaction: the entry is already committed
        path.write_text("王子涵", encoding="utf-8")
        return "done"

    target = tmp_path / "名单.txt"
    result = roster.write_personal_file(
        ctx, target, write, action="export", what="导出名单", rows=1, needs=("child.basic",)
    )
    assert result == "done" and seen == [1] and target.exists()
    (entry,) = _outputs(ctx)
    assert entry.summary == f"导出名单：1 名儿童 → {target.resolve()}"


def test_a_failed_write_says_so_in_the_log(ctx, tmp_path: Path) -> None:
    def write(_path: Path) -> None:
        raise DomainError("U 盘已拔出")

    target = tmp_path / "名单.xlsx"
    with pytest.raises(DomainError, match="U 盘已拔出"):
        roster.write_personal_file(
            ctx, target, write, action="export", what="导出名单", rows=3, needs=("child.basic",)
        )
    assert not target.exists()
    first, second = _outputs(ctx)
    assert "3 名儿童" in first.summary
    assert second.summary.startswith("导出名单未完成，没有生成文件（U 盘已拔出）")


def test_a_failed_audit_writes_no_file(ctx, tmp_path: Path, broken_audit: None) -> None:
    written: list[Path] = []
    with pytest.raises(AuditBroke):
        roster.write_personal_file(
            ctx,
            tmp_path / "名单.txt",
            written.append,
            action="export",
            what="导出名单",
            rows=1,
            needs=("child.basic",),
        )
    assert written == []


def test_the_output_needs_the_permission_of_its_data(ctx, tmp_path: Path) -> None:
    ctx.actor = Actor("zhijiao", role="teacher")  # may read names, not loans
    written: list[Path] = []
    with pytest.raises(PermissionDenied):
        roster.write_personal_file(
            ctx,
            tmp_path / "out" / "催还单.pdf",
            written.append,
            action="print",
            what="打印逾期催还单",
            rows=1,
            needs=("circulation", "child.basic"),
        )
    with pytest.raises(PermissionDenied):
        roster.record_personal_output(
            ctx, "print", "打印逾期催还单", rows=1, target="x.pdf", anonymised=False, needs=("circulation",)
        )
    assert written == [] and _outputs(ctx) == []
    with pytest.raises(ValueError):  # saying which data is not optional
        roster.write_personal_file(
            ctx, tmp_path / "x", written.append, action="print", what="x", rows=1, needs=()
        )


@pytest.fixture
def overdue(ctx) -> int:
    child = children.create_child(ctx, ChildInput("王子涵", grade=3, class_name="三年级2班")).id
    book = catalog.add_title(ctx, TitleInput("小王子"), copies=1)
    circulation.checkout(ctx, child, book.barcodes[0], dt.date.today() - dt.timedelta(days=90))
    return child


def test_overdue_slips_are_one_audited_print(ctx, overdue: int, tmp_path: Path) -> None:
    printed = circulation.print_overdue_slips(ctx, tmp_path / "out" / "催还单.pdf")
    assert (printed.children, printed.books) == (1, 1) and printed.path.exists()
    (entry,) = _outputs(ctx)
    assert entry.action == "print" and "打印逾期催还单：1 名儿童" in entry.summary


def test_overdue_slips_are_not_written_when_their_audit_fails(
    ctx,
    overdue: int,
    tmp_path: Path,
    broken_audit: None,
) -> None:
    with pytest.raises(AuditBroke):
        circulation.print_overdue_slips(ctx, tmp_path / "out" / "催还单.pdf")
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_library_cards_are_not_written_when_their_audit_fails(
    ctx,
    overdue: int,
    tmp_path: Path,
    broken_audit: None,
) -> None:
    with pytest.raises(AuditBroke):
        library_cards.print_cards(
            ctx, [overdue], tmp_path / "out" / "借书证.pdf", CARDS_10, centre_name="古楼村儿童之家"
        )
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []
    # The card number was given (its own audited change): the next print shows the same one.
    assert children.get_child(ctx, overdue).card_barcode == "C00001"


def test_library_cards_print_gives_numbers_and_audits(ctx, overdue: int, tmp_path: Path) -> None:
    printed = library_cards.print_cards(ctx, [overdue], tmp_path / "out" / "借书证.pdf", CARDS_10, centre_name="中心")
    assert printed.new_numbers == 1 and printed.holders[0].card_barcode == "C00001"
    assert printed.sheet.path.exists()
    (entry,) = _outputs(ctx)
    assert "打印借书证：1 名儿童" in entry.summary
