"""Importing a children's roster (花名册) from Excel/CSV: new children are registered, children already on the
roster are updated, never duplicated.

Reading, header detection (a title row above the header is fine), encodings (GBK CSV from Chinese Excel) and the
``第N行: …`` problems come from the shared framework (``center_app.importing``); this module adds:

- the column spec (``SCHEMA``) with the names rosters give each column (出生日期/生日, 村/组, 留守情况…) and the
  domain parsers (``domain.children``) for grades, genders, left-behind types, relations and phone numbers;
- matching a row to a child already on the roster: the same library-card number (the name must agree), else the
  same name and birth date; a row without a birth date matches the one child of that name (in that class, if
  given); a row with a birth date also matches the one child of that name whose birth date was never entered.
  Several candidates is a row problem ("请填写出生日期或借书证号以便区分"), never a guess;
- **a blank cell never erases**: an update writes only the cells the file fills (a school's list with just 姓名 and
  班级 must not wipe the guardians' phones). Clearing a field is done in the child's profile form;
- the guardian columns (监护人, 与儿童关系, 监护人电话) describe the *primary* guardian: one of that name is updated
  (and made primary), otherwise a new primary guardian is added. ``王奶奶（祖母）`` in the 监护人 column — how the
  roster export writes it — is read as name + relation, so export → import changes nothing.

The same FILE again (same bytes, ``imported_files``) is imported without asking: matching makes a second import an
update, never a second registration. The preview says when it was imported before, and that cells which differ from
the profiles now (changed in the app since) would be written back — the updated count shows how many children.

``run_import`` is all or nothing: ONE transaction for the whole file; a bad row refuses the file (every problem
listed) unless the user chose to skip bad rows; cancelling writes nothing. The file is read before the write
transaction begins. Each created/updated child and guardian is audited (old → new) and one entry records the
counts; the writes use the profile service's own helpers, so a form and an import store, compare (``七年级2班`` is
``初一2班``) and audit a child the same way. Needs ``children`` write and write on every child field group the file can fill (staff, admin).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import BookCopy, Child, Guardian
from center_app.domain import children as dom
from center_app.domain.children import ChildInput, FieldError
from center_app.domain.errors import ValidationError
from center_app.domain.permissions import WRITE, require
from center_app.importing import (
    CellError,
    Column,
    Date,
    ImportCancelled,
    ImportPreview,
    RowProblem,
    Schema,
    Text,
    ValidRow,
    read_table,
    yes_no,
)
from center_app.importing.schema import show
from center_app.services import audit, imported_files
from center_app.services.children.cards import note_card
from center_app.services.children.child_file import apply_values, diff_values, field_labels
from center_app.services.children.common import child_label, child_values, guardian_dict, plain
from center_app.services.imported_files import EarlierImport

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

# ------------------------------------------------------------------------------------------ columns


def _cell(parser: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A domain parser as a column parser: its FieldError reason follows the column label, as CellError's does."""

    def parse(value: Any) -> Any:
        try:
            return parser(value)
        except FieldError as exc:
            raise CellError(exc.reason) from None

    return parse


def _note(value: Any) -> str:
    # Health notes and remarks keep their line breaks (Text() would fold them into one line, and a re-import of
    # our own export would then "change" every multi-line note).
    text = dom.clean_note(value if isinstance(value, str) else Text(dom.NOTE_MAX)(value))
    if len(text) > dom.NOTE_MAX:
        raise CellError(f"太长（{len(text)} 个字，最多 {dom.NOTE_MAX} 个字）")
    return text


GUARDIAN_KEYS = ("guardian_name", "guardian_relation", "guardian_phone")

SCHEMA = Schema(
    [
        Column(
            "name", "姓名", ("儿童姓名", "学生姓名", "孩子姓名", "name"), Text(dom.NAME_MAX), required=True
        ),
        Column("gender", "性别", ("gender", "sex"), _cell(dom.parse_gender)),
        Column(
            "birth_date",
            "出生日期",
            ("生日", "出生年月日", "出生时间", "出生日", "birth date", "birthday"),
            Date(),
        ),
        Column("grade", "年级", ("所在年级", "就读年级", "grade"), _cell(dom.parse_grade)),
        Column("class_name", "班级", ("班别", "所在班级", "就读班级", "class"), Text(dom.CLASS_MAX)),
        Column("school", "学校", ("就读学校", "所在学校", "学校名称", "school"), Text(dom.SCHOOL_MAX)),
        Column(
            "village",
            "村/组",
            ("村", "组", "村组", "所在村", "村名", "村民小组", "village"),
            Text(dom.VILLAGE_MAX),
        ),
        Column(
            "address", "家庭住址", ("住址", "地址", "家庭地址", "现住址", "address"), Text(dom.ADDRESS_MAX)
        ),
        Column(
            "left_behind_type",
            "留守类型",
            ("留守情况", "留守类别", "是否留守", "留守儿童类型", "留守状况"),
            _cell(dom.parse_left_behind),
        ),
        Column(
            "father_work_city",
            "父亲务工地",
            ("父亲外出地", "父亲务工地点", "父亲工作地", "父亲打工地", "父亲外出务工地"),
            Text(dom.CITY_MAX),
        ),
        Column(
            "father_phone", "父亲电话", ("父亲联系电话", "父亲手机", "父亲手机号"), _cell(dom.normalise_phone)
        ),
        Column(
            "mother_work_city",
            "母亲务工地",
            ("母亲外出地", "母亲务工地点", "母亲工作地", "母亲打工地", "母亲外出务工地"),
            Text(dom.CITY_MAX),
        ),
        Column(
            "mother_phone", "母亲电话", ("母亲联系电话", "母亲手机", "母亲手机号"), _cell(dom.normalise_phone)
        ),
        Column("guardian_name", "监护人", ("监护人姓名", "主要监护人", "guardian"), Text(dom.NAME_MAX + 20)),
        Column(
            "guardian_relation",
            "与儿童关系",
            ("监护人关系", "与孩子关系", "监护人与儿童关系", "关系"),
            _cell(dom.parse_relation),
        ),
        Column(
            "guardian_phone",
            "监护人电话",
            ("监护人联系电话", "监护人手机", "联系电话", "家长电话"),
            _cell(dom.normalise_phone),
        ),
        Column("health_notes", "健康状况", ("健康情况", "健康", "身体状况", "疾病史"), _note),
        Column("allergy_notes", "过敏", ("过敏史", "过敏情况", "过敏源", "过敏物"), _note),
        Column("special_attention", "重点关注", ("是否重点关注", "特别关注"), yes_no()),
        Column(
            "card_barcode",
            "借书证号",
            ("借书证", "读者证号", "借阅证号", "卡号", "card"),
            _cell(dom.parse_card_barcode),
        ),
        Column("notes", "备注", ("说明", "notes"), _note),
    ],
    unique=["card_barcode"],
)

CHILD_KEYS: tuple[str, ...] = tuple(c.key for c in SCHEMA.columns if c.key not in GUARDIAN_KEYS)


# ------------------------------------------------------------------------------------------ results


@dataclass(frozen=True, slots=True)
class ChildImportPreview:
    """What importing the file would do. ``preview`` holds the rows and the ``第N行`` problems."""

    preview: ImportPreview
    new: int
    updated: int
    unchanged: int
    warnings: tuple[str, ...] = ()
    read: ImportPreview | None = field(default=None, repr=False)  # the file as read, for run_import
    earlier: EarlierImport | None = None  # this very file was imported before (see the warnings)

    @property
    def ok(self) -> bool:
        return self.preview.ok

    @property
    def problems(self) -> list[str]:
        return self.preview.problem_lines()

    def summary(self) -> str:
        return (
            f"{self.preview.summary()}。将新增 {self.new} 名儿童，更新 {self.updated} 名，"
            f"{self.unchanged} 名没有变化。"
        )


@dataclass(frozen=True, slots=True)
class ChildImportResult:
    source: str
    created: int
    updated: int
    unchanged: int
    child_ids: tuple[int, ...]  # created or updated, in file order
    skipped_rows: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()


# ------------------------------------------------------------------------------------------ planning


@dataclass(slots=True)
class _GuardianPlan:
    name: str
    relation: str | None
    phone: str | None
    existing: Guardian | None
    changes: dict[str, list[Any]]


@dataclass(slots=True)
class _Plan:
    row: int
    child: Child | None  # None: a new child
    values: dict[str, Any]  # new child: every field; update: the changed fields only
    changes: dict[str, list[Any]]
    guardian: _GuardianPlan | None

    @property
    def changed(self) -> bool:
        return self.child is None or bool(self.changes) or bool(self.guardian and self.guardian.changes)


@dataclass(slots=True)
class _Outcome:
    plans: list[_Plan] = field(default_factory=list)
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
) -> tuple[_GuardianPlan | None, str | None]:
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
    return _GuardianPlan(name, relation, phone, existing, changes), None


def _plan(s: Session, rows: list[ValidRow], today: dt.date) -> _Outcome:
    roster = _Roster(s)
    outcome = _Outcome()
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
            changes = {
                k: v
                for k, v in diff_values(child_values(child), values, cleaned.grade).items()
                if k in touched
            }
            values = {k: values[k] for k in changes}
            if child.status == dom.LEFT:
                outcome.warnings.append(f"第{r.row}行: {child.name} 已登记为“已离开”，只更新档案，状态不变")
        if warning:
            outcome.warnings.append(f"第{r.row}行: {warning}")
        outcome.plans.append(_Plan(r.row, child, values, changes, guardian))
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


def _with_problems(preview: ImportPreview, problems: list[RowProblem]) -> ImportPreview:
    bad = {p.row for p in problems}
    return dataclasses.replace(
        preview,
        rows=[r for r in preview.rows if r.row not in bad],
        problems=sorted([*preview.problems, *problems], key=lambda p: p.row),
    )


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise ImportCancelled()


def _require(ctx: AppContext) -> None:
    # The file can fill any field group; ``children`` write is enough because every role that may write children
    # may write every child field group (tests/test_permissions.py keeps the table so; see services/children/).
    require(ctx.actor, "children", WRITE)


# ------------------------------------------------------------------------------------------ use cases


def preview_import(
    ctx: AppContext,
    path: str | PathLike[str],
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    today: dt.date | None = None,
) -> ChildImportPreview:
    """Read the file and say what importing it would do (new / updated / unchanged). Writes nothing."""
    _require(ctx)
    read = read_table(path, SCHEMA, progress=progress, cancel=cancel)
    with ctx.db.read() as s:
        outcome = _plan(s, read.rows, today or dt.date.today())
        earlier = imported_files.earlier_import(s, imported_files.CHILDREN, read.sha256)
    new, updated, unchanged = outcome.counts()
    notices = list(read.notices)
    if earlier is not None:
        # Not refused: a second import updates, it never registers a child twice. But say so — a list imported
        # again after profiles were changed in the app writes the list's older values back.
        notices.insert(
            0,
            f"这个文件已在 {earlier.when} 导入过（{earlier.rows} 行）。再导入不会重复登记儿童；"
            f"表中与现在的档案不同的内容会写回档案（本次将更新 {updated} 名），请核对",
        )
    return ChildImportPreview(
        preview=_with_problems(read, outcome.problems),
        new=new,
        updated=updated,
        unchanged=unchanged,
        warnings=(*notices, *outcome.warnings),
        read=read,
        earlier=earlier,
    )


def run_import(
    ctx: AppContext,
    path: str | PathLike[str],
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    preview: ChildImportPreview | None = None,
    today: dt.date | None = None,
) -> ChildImportResult:
    """Import the file in one transaction (see the module doc).

    ``preview``: the :func:`preview_import` of this file the user just confirmed; its rows are used instead of
    reading the file again. Matching against the roster runs again inside the transaction either way.
    Raises ValidationError (bad rows, unless ``skip_invalid``; an unreadable file) or ImportCancelled.
    """
    _require(ctx)
    today = today or dt.date.today()
    source = Path(path).name
    read = (
        preview.read
        if preview is not None and preview.read is not None
        else read_table(path, SCHEMA, progress=progress, cancel=cancel)
    )
    _check_cancel(cancel)
    with ctx.db.session() as s:
        outcome = _plan(s, read.rows, today)
        checked = _with_problems(read, outcome.problems)
        rows = checked.rows_for_import(skip_invalid=skip_invalid)
        if not rows:
            raise ValidationError(f"“{source}”里没有可以导入的行。", checked.problem_lines(200))
        _check_cancel(cancel)
        ids = _write(s, ctx, outcome.plans, progress, cancel)
        created, updated, unchanged = outcome.counts()
        result = ChildImportResult(
            source=source,
            created=created,
            updated=updated,
            unchanged=unchanged,
            child_ids=tuple(ids),
            skipped_rows=tuple(checked.bad_rows) if skip_invalid else (),
            warnings=tuple(outcome.warnings),
        )
        imported_files.record_import(
            s,
            ctx.actor,
            imported_files.CHILDREN,
            read.sha256,
            source,
            rows=len(rows),
            items=created + updated,
        )
        audit.record(
            s,
            ctx.actor,
            "import",
            "child",
            "",
            f"导入花名册“{source}”：新增 {created} 名儿童，更新 {updated} 名，{unchanged} 名没有变化"
            + (f"，跳过 {len(result.skipped_rows)} 行" if result.skipped_rows else ""),
            {
                "file": [None, source],
                "sha256": [None, read.sha256],
                "created": [None, created],
                "updated": [None, updated],
                "unchanged": [None, unchanged],
                "skipped_rows": [None, list(result.skipped_rows)],
            },
        )
    return result


def _write(
    s: Session, ctx: AppContext, plans: list[_Plan], progress: Progress | None, cancel: Cancel | None
) -> list[int]:
    ids: list[int] = []
    total = len(plans)
    for i, plan in enumerate(plans, start=1):
        if plan.changed:
            child = plan.child
            if child is None:
                child = Child()
                apply_values(child, plan.values)
                s.add(child)
                s.flush()
                audit.record(
                    s,
                    ctx.actor,
                    "create",
                    "child",
                    child.id,
                    f"导入登记儿童 {child_label(child)}",
                    plan.changes,
                )
            elif plan.changes:
                apply_values(child, plan.values)
                audit.record(
                    s,
                    ctx.actor,
                    "update",
                    "child",
                    child.id,
                    f"导入修改儿童 {child_label(child)}：{field_labels(plan.changes)}",
                    plan.changes,
                )
            note_card(s, child.card_barcode)
            if plan.guardian is not None and plan.guardian.changes:
                _write_guardian(s, ctx, child, plan.guardian)
            ids.append(child.id)
        if i % 50 == 0:
            _check_cancel(cancel)
            if progress is not None:
                progress(i, total)
    s.flush()
    if progress is not None:
        progress(total, total)
    return ids


def _write_guardian(s: Session, ctx: AppContext, child: Child, plan: _GuardianPlan) -> None:
    others = s.scalars(select(Guardian).where(Guardian.child_id == child.id)).all()
    for other in others:
        if other is not plan.existing and other.is_primary:
            other.is_primary = False
    if plan.existing is None:
        guardian = Guardian(
            child_id=child.id,
            name=plan.name,
            relation=plan.relation or "",
            phone=plan.phone or "",
            is_primary=True,
        )
        s.add(guardian)
        s.flush()
        action, summary = "create", f"导入儿童 {child_label(child)} 的监护人 {guardian.name}"
        changes = {"child_id": [None, child.id], **{k: v for k, v in plan.changes.items() if v[1]}}
    else:
        guardian = plan.existing
        old = guardian_dict(guardian)
        for key, (_, new) in plan.changes.items():
            setattr(guardian, key, new)
        action, summary = "update", f"导入修改儿童 {child_label(child)} 的监护人 {guardian.name}"
        changes = {k: [old[k], v[1]] for k, v in plan.changes.items()}
    audit.record(s, ctx.actor, action, "guardian", guardian.id, summary, changes)
