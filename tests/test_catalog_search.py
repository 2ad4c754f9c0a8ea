"""Search as you type over the in-memory catalogue index: Chinese, pinyin, initials, barcodes, ISBNs, filters."""

from __future__ import annotations

import datetime as dt

import pytest

from center_app.context import Actor
from center_app.db.models import BookTitle
from center_app.domain.books import TitleInput
from center_app.domain.errors import PermissionDenied
from center_app.services import catalog
from center_app.services.catalog_search import CatalogIndex, TitleRow


@pytest.fixture
def library(ctx) -> dict[str, int]:
    """A few titles; returns title ids by title."""
    donor = catalog.find_or_create_donor(ctx, "爱心公司")
    batch = catalog.create_batch(ctx, donor.id, dt.date(2026, 5, 1))
    other = catalog.create_batch(ctx, catalog.find_or_create_donor(ctx, "王老师").id, dt.date(2026, 5, 2))
    books = [
        (
            TitleInput(
                "西游记", author="吴承恩", publisher="人民文学出版社", isbn="9787020002207", clc="I242.4"
            ),
            2,
            batch.id,
        ),
        (TitleInput("草房子", author="曹文轩", clc="I287.5", grade_band="5-6"), 1, batch.id),
        (TitleInput("白鹅", author="丰子恺", clc="I266", grade_band="3-4"), 1, other.id),
        (TitleInput("阿凡提的故事", author="赵世杰", clc="I277.3", grade_band="1-2"), 1, other.id),
        (TitleInput("十万个为什么", author="韩启德", clc="Z228.1", subjects="科普 恐龙"), 3, None),
        (TitleInput("西游记绘本", author="改编组", clc="I287.8"), 1, batch.id),
    ]
    ids = {}
    for data, copies, batch_id in books:
        ids[data.title] = catalog.add_title(ctx, data, copies=copies, batch_id=batch_id).title_id
    return ids


def titles(rows: list[TitleRow]) -> list[str]:
    return [r.title for r in rows]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("xyj", ["西游记", "西游记绘本"]),
        ("xiyouji", ["西游记", "西游记绘本"]),
        ("XiYouJi", ["西游记", "西游记绘本"]),
        ("xi you ji", ["西游记", "西游记绘本"]),
        ("西游", ["西游记", "西游记绘本"]),
        ("《西游记》", ["西游记", "西游记绘本"]),
        ("吴承恩", ["西游记"]),
        ("人民文学", ["西游记"]),
        ("西游 绘本", ["西游记绘本"]),
        ("cfz", ["草房子"]),
        ("恐龙", ["十万个为什么"]),
        ("I287.5", ["草房子"]),
        ("i2875", ["草房子"]),
        ("没有这本书", []),
    ],
)
def test_search_text_pinyin_initials(ctx, library, query: str, expected: list[str]) -> None:
    assert titles(CatalogIndex.load(ctx).search(query)) == expected


@pytest.mark.parametrize(
    "query",
    ["T0000001", "T0000002", "t0000002", "９７８７０２０００２２０７", "978-7-02-000220-7", "7-02-000220-X"],
)
def test_barcode_and_isbn_find_the_title(ctx, library, query: str) -> None:
    assert titles(CatalogIndex.load(ctx).search(query)) == ["西游记"]


def test_partial_isbn_while_typing(ctx, library) -> None:
    assert titles(CatalogIndex.load(ctx).search("97870200")) == ["西游记"]


def test_everything_sorted_by_pinyin(ctx, library) -> None:
    rows = CatalogIndex.load(ctx).search("")
    assert titles(rows) == ["阿凡提的故事", "白鹅", "草房子", "十万个为什么", "西游记", "西游记绘本"]
    assert titles(CatalogIndex.load(ctx).search("", limit=2)) == ["阿凡提的故事", "白鹅"]


def test_rows_carry_counts_and_donors(ctx, library) -> None:
    index = CatalogIndex.load(ctx)
    row = index.get(library["西游记"])
    assert row is not None
    assert (row.copies, row.available, row.on_loan) == (2, 2, 0)
    assert (row.call_number, row.isbn13, row.clc_class) == ("I242.4/1", "9787020002207", "I242.4")
    assert row.donors == ("爱心公司",) and row.donors_text == "爱心公司"
    assert index.get(library["十万个为什么"]).donors == ()
    assert index.title_for_barcode("t0000001") == library["西游记"]
    assert len(index) == 6


def test_filters(ctx, library) -> None:
    index = CatalogIndex.load(ctx)
    assert titles(index.search("", clc_class="Z")) == ["十万个为什么"]
    assert titles(index.search("", clc_class="i287")) == ["草房子", "西游记绘本"]
    # Titles marked for all grades ("") show under every band.
    assert titles(index.search("", grade_band="3-4")) == ["白鹅", "十万个为什么", "西游记", "西游记绘本"]
    donor_id = next(d.id for d in catalog.list_donors(ctx) if d.name == "王老师")
    assert titles(index.search("", donor_id=donor_id)) == ["阿凡提的故事", "白鹅"]
    assert titles(index.search("b", donor_id=donor_id)) == ["白鹅"]
    catalog.set_copy_status(ctx, "T0000003", "lost")  # 草房子's only copy
    index = CatalogIndex.load(ctx)
    assert titles(index.search("", status="lost")) == ["草房子"]
    assert "草房子" not in titles(index.search("", status="available"))
    assert titles(index.search("", status="available", grade_band="5-6", clc_class="I")) == [
        "西游记",
        "西游记绘本",
    ]
    with pytest.raises(ValueError):
        index.search("", status="stolen")


def test_refresh_title_after_changes(ctx, library) -> None:
    index = CatalogIndex.load(ctx)
    xyj = library["西游记"]
    catalog.update_title(
        ctx, xyj, TitleInput("大闹天宫", author="吴承恩", isbn="9787020002207", clc="I242.4")
    )
    new_barcodes = catalog.add_copies(ctx, xyj, 1)
    catalog.withdraw_copy(ctx, "T0000001")
    index.refresh_title(ctx, xyj)
    assert titles(index.search("xyj")) == ["西游记绘本"]
    row = index.search("dntg")[0]
    assert (row.id, row.copies, row.available) == (xyj, 2, 2)
    assert titles(index.search("")) == [
        "阿凡提的故事",
        "白鹅",
        "草房子",
        "大闹天宫",
        "十万个为什么",
        "西游记绘本",
    ]
    assert titles(index.search(new_barcodes[0])) == ["大闹天宫"]
    # A new title appears in its place; a deleted one disappears with its barcodes.
    added = catalog.add_title(ctx, TitleInput("哪吒闹海"), copies=1)
    index.refresh_title(ctx, added.title_id)
    assert titles(index.search("nz")) == ["哪吒闹海"]
    catalog.delete_title(ctx, added.title_id)
    index.refresh_title(ctx, added.title_id)
    assert index.search("nz") == [] and index.title_for_barcode(added.barcodes[0]) is None
    assert len(index) == 6


def test_titles_stored_without_pinyin_are_still_found(ctx) -> None:
    with ctx.db.session() as s:
        s.add(BookTitle(title="小王子", author="圣埃克苏佩里"))
    assert titles(CatalogIndex.load(ctx).search("xwz")) == ["小王子"]


def test_search_needs_catalog_read(ctx, library) -> None:
    ctx.actor = Actor("xiaoli", role="teacher")
    assert titles(CatalogIndex.load(ctx).search("xyj")) == ["西游记", "西游记绘本"]
    ctx.actor = Actor.nobody()
    with pytest.raises(PermissionDenied):
        CatalogIndex.load(ctx)
