"""The library's records: titles and copies (each copy from a donation batch), then loans as the days go by —
a copy is never on two loans at once, a child never holds more books than the loan rule allows — and at the end
the loans still out today."""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass
from typing import Any

from center_app.db import models as m
from center_app.demo.calendar import NEVER, date_of, local, school_day
from center_app.demo.centre import Donations
from center_app.demo.children import Kid
from center_app.demo.state import Demo
from center_app.demo.titles import Title, TitleMaker
from center_app.domain.books import match_key
from center_app.domain.pinyin import pinyin_keys


@dataclass(eq=False)
class Loan:
    copy: int  # index into Library.copy_ids / copy_free
    kid: Kid
    day: int
    minute: int
    due: dt.date
    ret: int  # ordinal of the (planned) return day
    renewals: int


class Library:
    """Titles and copies, then lending them day by day; a child picks a title as likely as it is popular."""

    def __init__(self, d: Demo) -> None:
        self.d = d
        self.w = d.w
        self.copy_ids: list[int] = []
        self.copy_free: list[int] = []  # ordinal from which each copy can be lent (after acquisition, return)
        # Per title with a copy on the shelf: its lendable copies (indexes into copy_ids), cumulative popularity.
        self.title_copies: list[list[int]] = []
        self.title_cum: list[float] = []
        self.open_loans: list[Loan] = []  # loans still out today (as simulated): settled by settle_open_loans

    def plan(self, donations: Donations) -> tuple[list[Title], list[int], list[dict[str, Any]]]:
        """Titles, copies per title and the donation batch of each copy (batches are written before copies)."""
        rng = self.d.rng("books")
        maker = TitleMaker(self.d.plan)
        specs = maker.title_specs(rng)
        maker.assign_isbns(rng, specs)
        counts = maker.copy_counts(rng, specs)
        return specs, counts, donations.draw(rng, ("books", "both"), "copies", sum(counts))

    def write(self, specs: list[Title], counts: list[int], copy_batch: list[dict[str, Any]]) -> None:
        rng = self.d.rng("copies")
        seq: Counter[str] = Counter()
        span_start = self.d.plan.span_start
        k = 0
        total_pop = 0.0
        for spec, n in zip(specs, counts, strict=True):
            title_id = self.w.new_id(m.BookTitle)
            seq[spec.clc] += 1
            full, initials = pinyin_keys(spec.title)
            first_day = min(copy_batch[k + i]["received_on"] for i in range(n))
            self.w.add(
                m.BookTitle,
                {
                    "id": title_id,
                    "title": spec.title,
                    "title_pinyin": full,
                    "title_initials": initials,
                    "author": spec.author,
                    "publisher": spec.publisher,
                    "pub_year": spec.year,
                    "isbn13": spec.isbn,
                    "clc_class": spec.clc,
                    "call_number": f"{spec.clc}/{seq[spec.clc]}",
                    "grade_band": spec.band,
                    "subjects": spec.subjects,
                    "price_fen": spec.price,
                    "match_key": match_key(spec.title, spec.author),
                    "notes": "",
                    "created_at": self.d.stamp(first_day, 900),
                    "updated_at": self.d.stamp(first_day, 900),
                },
            )
            shelf = f"书架{spec.shelf}-{1 + (seq[spec.clc] // 40) % 6}"
            lendable: list[int] = []
            for _ in range(n):
                batch = copy_batch[k]
                k += 1
                copy_id = self.w.new_id(m.BookCopy)
                day: dt.date = batch["received_on"]
                status, withdrawn_on, notes = "available", None, ""
                r = rng.random()
                if r < 0.005:
                    status, notes = "lost", "盘点未找到"
                elif r < 0.010:
                    status, notes = "damaged", rng.choice(("封面破损", "缺页", "被水泡过"))
                elif r < 0.015:
                    status, notes = "withdrawn", "破损严重，已剔除"
                    withdrawn_on = max(day, span_start) + dt.timedelta(days=rng.randrange(30))
                    withdrawn_on = min(withdrawn_on, self.d.yesterday)
                self.w.add(
                    m.BookCopy,
                    {
                        "id": copy_id,
                        "title_id": title_id,
                        "barcode": f"T{copy_id:07d}",
                        "location": shelf,
                        "status": status,
                        "batch_id": batch["id"],
                        "acquired_on": day,
                        "withdrawn_on": withdrawn_on,
                        "notes": notes,
                        "created_at": self.d.stamp(day, 960),
                        "updated_at": self.d.stamp(day, 960),
                    },
                )
                idx = len(self.copy_ids)
                self.copy_ids.append(copy_id)
                if status == "available":
                    # Catalogued the day it came, lent from the next.
                    self.copy_free.append(day.toordinal() + 1)
                    lendable.append(idx)
                else:
                    self.copy_free.append(NEVER)
            if lendable:
                self.title_copies.append(lendable)
                total_pop += spec.popularity
                self.title_cum.append(total_pop)
        self.d.report(28, "图书已生成……")

    def lend(self, rng: random.Random, day: dt.date, present: list[Kid]) -> None:
        ordinal = day.toordinal()
        term = school_day(day)
        for kid in present:
            if kid.loans:
                kid.loans = [r for r in kid.loans if r > ordinal]  # returned on arrival
            if len(kid.loans) >= kid.max_books or rng.random() >= kid.borrow_p:
                continue
            copy = self.find_copy(rng, ordinal)
            if copy is None:
                continue
            r = rng.random()
            if r < 0.22:
                length = rng.randint(1, 2)  # a picture book read overnight
            elif r < 0.82:
                length = rng.randint(3, 7)
            elif r < 0.87:
                length = rng.randint(8, 14)
            else:
                length = rng.randint(15, 35)  # forgotten at home: these become the overdue ones
            ret = self.d.days.next_open(day + dt.timedelta(days=length))
            if kid.end != NEVER and ret.toordinal() >= kid.end:
                # Children bring their books back before they leave (on their last open day at the latest).
                ret = max(day, self.d.days.prev_open(date_of(kid.end - 1)))
            renewals = 1 if length > kid.loan_days and rng.random() < 0.4 else 0
            due = self.d.days.next_open(day + dt.timedelta(days=kid.loan_days * (1 + renewals)))
            minute = (975 if term else 520) + rng.randint(25, 140)  # after any return made on arrival
            loan = Loan(copy, kid, ordinal, minute, due, ret.toordinal(), renewals)
            kid.loans.append(loan.ret)
            if loan.ret >= self.d.t_today:
                self.open_loans.append(loan)
                self.copy_free[copy] = NEVER
            else:
                self.copy_free[copy] = loan.ret + 1
                self.write_loan(rng, loan, returned=date_of(loan.ret))

    def find_copy(self, rng: random.Random, ordinal: int) -> int | None:
        """A copy of a popular-ish title that is on the shelf that day (a few tries, as a child browses)."""
        for _ in range(6):
            t = bisect.bisect_left(self.title_cum, rng.random() * self.title_cum[-1])
            copies = self.title_copies[t]
            c = copies[rng.randrange(len(copies))]
            if self.copy_free[c] <= ordinal:
                return c
        return None

    def write_loan(self, rng: random.Random, loan: Loan, returned: dt.date | None) -> None:
        loaned_at = local(date_of(loan.day), loan.minute)
        returned_at = None
        if returned is not None:
            # Books come back on arrival, before that day's new loans (so the loan limit holds at every moment).
            returned_at = local(returned, (975 if school_day(returned) else 520) + rng.randint(0, 20))
            if returned_at <= loaned_at:
                returned_at = loaned_at + dt.timedelta(minutes=rng.randint(20, 90))
        self.w.add(
            m.Loan,
            {
                "copy_id": self.copy_ids[loan.copy],
                "child_id": loan.kid.id,
                "loaned_at": loaned_at,
                "due_on": loan.due,
                "returned_at": returned_at,
                "renewals": loan.renewals,
                "loaned_by": self.d.user_id,
                "returned_by": self.d.user_id if returned is not None else None,
            },
        )

    def settle_open_loans(self, rng: random.Random, kids: list[Kid]) -> None:
        """Keep ~150 loans open (about 20 overdue) per 116 active children; the rest were returned recently."""
        active = sum(1 for k in kids if k.end == NEVER)
        target_open = round(150 * active / 116)
        target_overdue = round(20 * active / 116)
        overdue = [loan for loan in self.open_loans if loan.due < self.d.today]
        current = [loan for loan in self.open_loans if loan.due >= self.d.today]
        rng.shuffle(overdue)
        rng.shuffle(current)
        keep_overdue = overdue[:target_overdue]
        keep_current = current[: max(0, target_open - len(keep_overdue))]
        returned = overdue[target_overdue:] + current[len(keep_current) :]
        for loan in returned:
            # Brought back in the last few days (late ones after their due date).
            first = date_of(loan.day + 1)
            if loan.due < self.d.today:
                first = max(first, loan.due)
            first = min(first, self.d.yesterday)
            back = rng.choice(self.d.days.open_days(first, self.d.yesterday) or [self.d.yesterday])
            self.write_loan(rng, loan, returned=back)
        still_open = sorted(keep_overdue + keep_current, key=lambda loan: (loan.day, loan.copy))
        for loan in still_open:
            self.write_loan(rng, loan, returned=None)
        self.w.flush()
        if still_open:
            self.w.mark_on_loan(
                m.BookCopy,
                [
                    {"b_id": self.copy_ids[loan.copy], "b_at": local(date_of(loan.day), loan.minute)}
                    for loan in still_open
                ],
            )
