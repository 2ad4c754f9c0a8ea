"""Reading statistics on hand-made loans whose answers are worked out by hand (see the definitions in the module)."""

from __future__ import annotations

import datetime as dt

import pytest

from center_app.context import Actor, AppContext
from center_app.db.models import BookCopy, BookTitle, Child, Loan
from center_app.domain.errors import PermissionDenied, ValidationError
from center_app.domain.pinyin import pinyin_keys
from center_app.services import circulation
from center_app.services import library_stats as stats

D = dt.date


def at(day: dt.date) -> dt.datetime:
    """Local noon of ``day`` as the naive UTC instant the loan columns store (true in any time zone)."""
    return dt.datetime.combine(day, dt.time(12)).astimezone().astimezone(dt.UTC).replace(tzinfo=None)


@pytest.fixture
def library(ctx: AppContext) -> dict[str, int]:
    """Children A, B (三年级1班), C (一年级1班), D (left, 五年级1班), E (二年级1班, never borrows); six loans."""
    ids: dict[str, int] = {}
    with ctx.db.session() as s:
        for key, name, grade, class_name, status in [
            ("A", "王子涵", 3, "三年级1班", "active"),
            ("B", "黄小燕", 3, "三年级1班", "active"),
            ("C", "李小明", 1, "一年级1班", "active"),
            ("D", "覃丽", 5, "五年级1班", "left"),
            ("E", "陆小凤", 2, "二年级1班", "active"),
        ]:
            child = Child(
                name=name, name_pinyin=pinyin_keys(name)[0], grade=grade, class_name=class_name, status=status
            )
            s.add(child)
            s.flush()
            ids[key] = child.id

        def title(key: str, name: str, *copies: tuple[str, str, dt.date | None]) -> None:
            row = BookTitle(title=name, title_pinyin=pinyin_keys(name)[0], author="某作者")
            s.add(row)
            s.flush()
            ids[key] = row.id
            for barcode, status, acquired in copies:
                copy = BookCopy(title_id=row.id, barcode=barcode, status=status, acquired_on=acquired)
                s.add(copy)
                s.flush()
                ids[barcode] = copy.id

        title("T1", "西游记", ("T1a", "available", D(2022, 1, 1)), ("T1b", "available", D(2022, 1, 1)))
        title("T2", "草房子", ("T2a", "on_loan", D(2022, 1, 1)), ("T2b", "available", D(2025, 1, 1)))
        title("T3", "小王子", ("T3a", "available", D(2024, 1, 1)))
        title("T4", "山海经", ("T4a", "damaged", D(2023, 5, 1)))
        title("T5", "旧课本", ("T5a", "withdrawn", D(2020, 1, 1)))
        title("T6", "丢失的书", ("T6a", "lost", D(2020, 1, 1)))
        title("T7", "没有日期", ("T7a", "available", None))

        for child, copy, loaned, returned in [
            ("D", "T1b", D(2025, 12, 1), D(2025, 12, 10)),  # L5: December only, child has left since
            ("A", "T1a", D(2026, 1, 10), D(2026, 1, 20)),  # L1: January only
            ("A", "T1b", D(2026, 1, 28), D(2026, 2, 5)),  # L2: January and February
            ("B", "T2a", D(2026, 2, 10), None),  # L3: February, still out
            ("C", "T1a", D(2026, 2, 15), D(2026, 2, 20)),  # L4: February only
            ("A", "T1a", D(2026, 3, 1), None),  # L6: March, A borrows 西游记 again
        ]:
            s.add(
                Loan(
                    copy_id=ids[copy],
                    child_id=ids[child],
                    loaned_at=at(loaned),
                    due_on=loaned + dt.timedelta(days=14),
                    returned_at=at(returned) if returned else None,
                )
            )
    return ids


def test_loans_per_month_counts_checkouts_by_local_month_with_zeros(ctx, library) -> None:
    result = stats.loans_per_month(ctx, months=5, today=D(2026, 3, 15))
    assert [(m.month, m.loans) for m in result] == [
        ("2025-11", 0),
        ("2025-12", 1),
        ("2026-01", 2),
        ("2026-02", 2),
        ("2026-03", 1),
    ]
    assert [m.month for m in stats.loans_per_month(ctx, today=D(2026, 3, 15))][0] == "2025-04"
    with pytest.raises(ValidationError):
        stats.loans_per_month(ctx, months=0)


def test_local_month_boundaries_follow_the_pcs_clock(ctx, library) -> None:
    # A loan at 00:30 local on 1 April belongs to April even though it is still 31 March in UTC (China: UTC+8).
    with ctx.db.session() as s:
        early = dt.datetime.combine(D(2026, 4, 1), dt.time(0, 30)).astimezone().astimezone(dt.UTC)
        s.add(
            Loan(
                copy_id=library["T3a"],
                child_id=library["E"],
                loaned_at=early.replace(tzinfo=None),
                due_on=D(2026, 4, 15),
            )
        )
    result = stats.loans_per_month(ctx, months=2, today=D(2026, 4, 2))
    assert [(m.month, m.loans) for m in result] == [("2026-03", 1), ("2026-04", 1)]


def test_most_borrowed_counts_loans_and_distinct_readers(ctx, library) -> None:
    top = stats.most_borrowed(ctx)
    assert [(t.title, t.loans, t.readers) for t in top] == [("西游记", 5, 3), ("草房子", 1, 1)]
    since_feb = stats.most_borrowed(ctx, since=D(2026, 2, 1))
    assert [(t.title, t.loans, t.readers) for t in since_feb] == [("西游记", 2, 2), ("草房子", 1, 1)]
    assert [t.title for t in stats.most_borrowed(ctx, limit=1)] == ["西游记"]


def test_never_borrowed_lists_shelved_titles_oldest_first(ctx, library) -> None:
    # 草房子 has a never-lent copy but was lent (other copy): not listed. 旧课本 (withdrawn) and 丢失的书 (lost)
    # are not on the shelves. 没有日期 counts from when it was entered (now): last.
    result = stats.never_borrowed(ctx)
    assert [(n.title, n.copies, n.first_acquired) for n in result] == [
        ("山海经", 1, D(2023, 5, 1)),
        ("小王子", 1, D(2024, 1, 1)),
        ("没有日期", 1, dt.date.today()),
    ]
    assert [n.title for n in stats.never_borrowed(ctx, limit=2)] == ["山海经", "小王子"]


def test_books_read_per_child_counts_loans_open_during_the_period(ctx, library) -> None:
    february = stats.books_read_per_child(ctx, D(2026, 2, 1), D(2026, 2, 28))
    # A: L2 (returned 5 Feb); B: L3 (still out); C: L4. L6 starts in March, L1 ended in January.
    assert [(r.name, r.class_name, r.books, r.titles) for r in february] == [
        ("李小明", "一年级1班", 1, 1),
        ("黄小燕", "三年级1班", 1, 1),
        ("王子涵", "三年级1班", 1, 1),
    ]
    january = stats.books_read_per_child(ctx, D(2026, 1, 1), D(2026, 1, 31))
    assert [(r.name, r.books, r.titles) for r in january] == [("王子涵", 2, 1)]
    everything = {r.name: (r.books, r.titles) for r in stats.books_read_per_child(ctx)}
    assert everything == {"王子涵": (3, 1), "黄小燕": (1, 1), "李小明": (1, 1), "覃丽": (1, 1)}
    # The loan spanning January and February counts in both, so the months add up to more than the quarter.
    jan_feb = sum(r.books for r in stats.books_read_per_child(ctx, D(2026, 1, 1), D(2026, 2, 28)))
    assert jan_feb == 4 < sum(r.books for r in january) + sum(r.books for r in february)
    with pytest.raises(ValidationError, match="结束日期不能早于开始日期"):
        stats.books_read_per_child(ctx, D(2026, 2, 1), D(2026, 1, 1))


def test_per_class_includes_classes_that_did_not_read(ctx, library) -> None:
    february = stats.per_class(ctx, D(2026, 2, 1), D(2026, 2, 28))
    assert [(c.class_name, c.grade, c.books, c.readers, c.children) for c in february] == [
        ("一年级1班", 1, 1, 1, 1),
        ("二年级1班", 2, 0, 0, 1),
        ("三年级1班", 3, 2, 2, 2),
    ]
    december = {c.class_name: c for c in stats.per_class(ctx, D(2025, 12, 1), D(2025, 12, 31))}
    assert (december["五年级1班"].books, december["五年级1班"].children) == (1, 0)  # the child has left since


def test_an_undone_checkout_never_counts(ctx, library) -> None:
    lent = circulation.checkout(ctx, library["E"], "T3a", today=D(2026, 3, 10))
    assert stats.loans_per_month(ctx, months=1, today=D(2026, 3, 15))[0].loans == 2
    circulation.undo(ctx, lent.undo_token)
    assert stats.loans_per_month(ctx, months=1, today=D(2026, 3, 15))[0].loans == 1
    assert "小王子" in [n.title for n in stats.never_borrowed(ctx)]


def test_librarian_reads_statistics_a_teacher_does_not(ctx, library) -> None:
    ctx.actor = Actor(username="lib", role="librarian")
    assert stats.per_class(ctx, None, None)
    assert stats.books_read_per_child(ctx)
    ctx.actor = Actor(username="t", role="teacher")
    for call in (
        lambda: stats.loans_per_month(ctx),
        lambda: stats.most_borrowed(ctx),
        lambda: stats.never_borrowed(ctx),
        lambda: stats.books_read_per_child(ctx),
        lambda: stats.per_class(ctx, None, None),
    ):
        with pytest.raises(PermissionDenied, match="志愿者教师 无权查看报表"):
            call()
