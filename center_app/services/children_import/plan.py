"""The plan of a roster import: which row is which child already on the roster (or a new one), the cells that
change, and the primary guardian's changes (see the package doc for the matching rules)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from center_app.db.models import BookCopy, Child, Guardian
from center_app.domain import children as dom
from center_app.domain.cells import show
from center_app.domain.children import ChildInput
from center_app.domain.errors import ValidationError
from center_app.importing import (
    ImportPreview,
    RowProblem,
    ValidRow,
)
from center_app.services.children.child_file import diff_values
from center_app.services.children.common import child_values, plain
from center_app.services.children_import.columns import CHILD_KEYS, GUARDIAN_KEYS


@dataclass(slots=True)
class GuardianPlan:
    name: str
    relation: str | None
    phone: str | None
    existing: Guardian | None
    changes: dict[str, list[Any]]


@dataclass(slots=True)
class Plan:
    row: int
    child: Child | None  # None: a new child
    values: dict[str, Any]  # new child: every field; update: the changed fields only
    changes: dict[str, list[Any]]
    guardian: GuardianPlan | None

    @property
    def changed(self) -> bool:
        return self.child is None or bool(self.changes) or bool(self.guardian and self.guardian.changes)


@dataclass(slots=True)
class Outcome:
    plans: list[Plan] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def counts(self) -> tuple[int, int, int]:
        new = sum(1 for p in self.plans if p.child is None)
        updated = sum(1 for p in self.plans if p.child is not None and p.changed)
        return new, updated, len(self.plans) - new - updated


class _Roster:
    """The children already registered, indexed the ways a row can find one."""

    def __init__(self, s: Session) -> None:
        self.children = list(s.scalars(select(Child).order_by(Child.id)))
        self.by_card = {c.card_barcode.upper(): c for c in self.children if c.card_barcode}
        self.by_name: dict[str, list[Child]] = {}
        for c in self.children:
            self.by_name.setdefault(dom.clean_name(c.name), []).append(c)
        self.guardians: dict[int, list[Guardian]] = {}
        for g in s.scalars(select(Guardian).order_by(Guardian.is_primary.desc(), Guardian.id)):
            self.guardians.setdefault(g.child_id, []).append(g)


def _same_class(a: str, b: str) -> bool:
    return dom.normalise_class_name(a) == dom.normalise_class_name(b)


def _match(roster: _Roster, given: dict[str, Any]) -> tuple[Child | None, str | None, str | None]:
    """(matched child or None, problem or None, warning or None) for one row."""
    name, birth, card = given["name"], given.get("birth_date"), given.get("card_barcode")
    class_name = given.get("class_name")
    if card:
        owner = roster.by_card.get(card.upper())
        if owner is not None:
            if dom.clean_name(owner.name) != name:
                return (
                    None,
                    f"借书证号 {card} 已属于 {owner.class_name} {owner.name}，与本行的姓名“{name}”不符",
                    None,
                )
            return owner, None, None
    namesakes = roster.by_name.get(name, [])
    if birth is not None:
        same = [c for c in namesakes if c.birth_date == birth]
        if not same:  # entered earlier without a birth date
            same = [
                c
                for c in namesakes
                if c.birth_date is None and (not class_name or _same_class(c.class_name, class_name))
            ]
            if len(same) > 1:
                same = []
    else:
        same = [c for c in namesakes if not class_name or _same_class(c.class_name, class_name)]
    if len(same) > 1:
        return None, f"名单中有 {len(same)} 名叫{name}的儿童，请填写“出生日期”或“借书证号”以便区分", None
    if same:
        child = same[0]
        if card and child.card_barcode and child.card_barcode.upper() != card.upper():
            return (
                None,
                f"{name} 的借书证号是 {child.card_barcode}，与表中的 {card} 不同。补办借书证请在借还书页面办理",
                None,
            )
        return child, None, None
    warning = None
    if namesakes:
        known = "、".join(f"{c.class_name or '未分班'}" for c in namesakes[:3])
        warning = f"名单中已有同名儿童 {name}（{known}），本行将作为另一名儿童新增，请核对"
    return None, None, warning


def _merged_input(child: Child | None, given: dict[str, Any]) -> ChildInput:
    if child is None:
        return ChildInput.from_values(given)
    merged = child_values(child) | given
    stated = dom.class_grade(given["class_name"]) if given.get("class_name") else None
    if "class_name" in given and "grade" not in given and stated is not None:
        merged["grade"] = None  # the new class says the grade (a new school year's list gives classes only)
    if (
        "grade" in given
        and "class_name" not in given
        and dom.class_grade(child.class_name) not in (None, given["grade"])
    ):
        merged["class_name"] = dom.promoted_class_name(child.class_name, given["grade"])
    return ChildInput.from_values(merged)


def _guardian_plan(
    roster: _Roster, child: Child | None, values: dict[str, Any]
) -> tuple[GuardianPlan | None, str | None]:
    raw_name, relation, phone = (values.get(k) for k in GUARDIAN_KEYS)
    if not raw_name:
        if relation or phone:
            return None, "填写了“与儿童关系”或“监护人电话”，请同时填写“监护人”姓名"
        return None, None
    name, stated_relation = dom.split_name_relation(raw_name)
    relation = relation or stated_relation
    if not name or len(name) > dom.NAME_MAX:
        return None, f"“监护人”姓名不正确（{show(raw_name)}）"
    existing = None
    if child is not None:
        existing = next(
            (g for g in roster.guardians.get(child.id, []) if dom.clean_name(g.name) == name), None
        )
    changes: dict[str, list[Any]] = {}
    if existing is None:
        changes = {
            "name": [None, name],
            "relation": [None, relation],
            "phone": [None, phone],
            "is_primary": [None, True],
        }
    else:
        if relation and relation != existing.relation:
            changes["relation"] = [existing.relation, relation]
        if phone and phone != existing.phone:
            changes["phone"] = [existing.phone, phone]
        if not existing.is_primary:
            changes["is_primary"] = [False, True]
    return GuardianPlan(name, relation, phone, existing, changes), None


def make_plan(s: Session, rows: list[ValidRow], today: dt.date) -> Outcome:
    roster = _Roster(s)
    outcome = Outcome()
    cards = sorted({r.values["card_barcode"] for r in rows if r.values.get("card_barcode")})
    book_barcodes: set[str] = set()
    for start in range(0, len(cards), 500):  # a card number that is also a book's barcode confuses the desk
        book_barcodes |= set(
            s.scalars(select(BookCopy.barcode).where(BookCopy.barcode.in_(cards[start : start + 500])))
        )
    seen_children: dict[int, int] = {}  # child id -> first row
    seen_new: dict[tuple[Any, ...], int] = {}
    for r in rows:
        given = {k: r.values[k] for k in CHILD_KEYS if r.values.get(k) is not None}
        given["name"] = dom.clean_name(given["name"])
        child, problem, warning = _match(roster, given)
        if problem is None and given.get("card_barcode") in book_barcodes:
            problem = f"借书证号 {given['card_barcode']} 与一本图书的条码相同，扫码时会混淆，请换一个"
        if problem is None:
            if child is not None:
                first = seen_children.setdefault(child.id, r.row)
                if first != r.row:
                    problem = f"与第{first}行是同一名儿童（{child.name}），请合并为一行"
            else:
                key = (
                    given["name"],
                    given.get("birth_date") or dom.normalise_class_name(given.get("class_name", "")),
                )
                first = seen_new.setdefault(key, r.row)
                if first != r.row:
                    problem = f"与第{first}行是同一名儿童（{given['name']}），请合并为一行"
        guardian = None
        if problem is None:
            guardian, problem = _guardian_plan(roster, child, r.values)
        if problem is not None:
            outcome.problems.append(RowProblem(r.row, "", problem))
            continue
        try:
            cleaned = _merged_input(child, given).validated(today)
        except ValidationError as exc:
            outcome.problems += _explain(r.row, child, given, exc, today)
            continue
        values = cleaned.values()
        if child is None:
            values["enrolled_on"] = values["enrolled_on"] or today
            changes = {k: [None, plain(v)] for k, v in values.items() if v not in (None, "", False)}
        else:
            touched = set(given)
            if touched & {"grade", "class_name"}:
                touched |= {"grade", "class_name"}  # one may follow from the other (see _merged_input)
            # cleaned came from validated(): its grade is parsed to an int (or None), never the text typed.
            grade = cast(int | None, cleaned.grade)
            changes = {
                k: v for k, v in diff_values(child_values(child), values, grade).items() if k in touched
            }
            values = {k: values[k] for k in changes}
            if child.status == dom.LEFT:
                outcome.warnings.append(f"第{r.row}行: {child.name} 已登记为“已离开”，只更新档案，状态不变")
        if warning:
            outcome.warnings.append(f"第{r.row}行: {warning}")
        outcome.plans.append(Plan(r.row, child, values, changes, guardian))
    return outcome


def _explain(
    row: int, child: Child | None, given: dict[str, Any], exc: ValidationError, today: dt.date
) -> list[RowProblem]:
    """The row's problems; when the row itself is fine, the problem is in the stored profile — say so."""
    if child is not None:
        try:
            ChildInput.from_values(given).validated(today)
        except ValidationError:
            pass
        else:
            return [
                RowProblem(row, "", f"名单中{child.name}的档案本身有误（{line}），请先在儿童档案中改正")
                for line in exc.problems
            ]
    return [RowProblem(row, "", line) for line in exc.problems]


def with_problems(preview: ImportPreview, problems: list[RowProblem]) -> ImportPreview:
    bad = {p.row for p in problems}
    return dataclasses.replace(
        preview,
        rows=[r for r in preview.rows if r.row not in bad],
        problems=sorted([*preview.problems, *problems], key=lambda p: p.row),
    )
