"""The whole product's schema as typed SQLAlchemy 2 ORM classes (no behaviour here).

Rules that keep it portable between SQLite and PostgreSQL: enumerations are short strings (validated in the
domain, not as database enums; status-like columns default to ``domain.states``' StrEnum members, which are those
strings), dates are ``Date``, instants are UTC ``DateTime``, money is integer fen, durations are integer minutes,
JSON-ish detail is ``Text``. Every constraint has a name (see ``NAMING``) so Alembic's batch mode can rebuild
SQLite tables. Changes to this file go with a new migration in ``migrations/versions``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from center_app.domain.states import (
    ActivityKind,
    ChildStatus,
    Condition,
    CopyStatus,
    EquipmentCategory,
    ExceptionKind,
    FollowUpMethod,
    HoursSource,
    HoursStatus,
    ItemStatus,
    LeftBehind,
    ProgrammeKind,
    SessionKind,
    StocktakeFilter,
    StocktakeScope,
    StocktakeStatus,
    Tracking,
    UnitStatus,
    VolunteerKind,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def table_of(model: type[Base]) -> Table:
    """The Table a mapped class is declared on, for Core insert/update/delete (``__table__`` is typed FromClause)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


class Timestamped:
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


# --- centre, settings, accounts -------------------------------------------------------------------------------


class Centre(Timestamped, Base):
    __tablename__ = "centre"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(400), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    contact_person: Mapped[str] = mapped_column(String(100), default="")


class Setting(Base):
    """Key/value settings (language, loan period, idle lock minutes…); values are JSON text."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class User(Timestamped, Base):
    __tablename__ = "user_account"
    # "LiFang" and "lifang" are one person: the database refuses both, not only the service.
    __table_args__ = (Index("uq_user_account_username_lower", func.lower(text("username")), unique=True),)
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))  # admin | staff | librarian | teacher
    password_hash: Mapped[str] = mapped_column(String(255), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    volunteer_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer.id", ondelete="SET NULL"))


class AuditLog(Base):
    """Append-only: who did what to which record, old → new. The app offers no way to edit it."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(120))  # username, or "cli:<os user>"
    action: Mapped[str] = mapped_column(
        String(20), index=True
    )  # create|update|delete|view|print|export|login…
    entity: Mapped[str] = mapped_column(String(40), index=True)
    entity_id: Mapped[str] = mapped_column(String(40), default="")
    summary: Mapped[str] = mapped_column(String(400), default="")
    changes: Mapped[str] = mapped_column(Text, default="")  # JSON {field: [old, new]}


# --- donors -------------------------------------------------------------------------------------------------


class Donor(Timestamped, Base):
    __tablename__ = "donor"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="organisation")  # organisation|company|person
    contact: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class DonationBatch(Timestamped, Base):
    __tablename__ = "donation_batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    donor_id: Mapped[int] = mapped_column(ForeignKey("donor.id", ondelete="RESTRICT"), index=True)
    received_on: Mapped[dt.date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(String(400), default="")
    source_file: Mapped[str] = mapped_column(String(400), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


# --- imports ------------------------------------------------------------------------------------------------


class ImportedFile(Base):
    """A file imported (a donation list, a roster), by the SHA-256 of its bytes: the same file is recognised when it
    comes again — importing a donation list twice would register every copy twice."""

    __tablename__ = "imported_file"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # books | children
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str] = mapped_column(String(400), default="")
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)  # UTC
    rows: Mapped[int] = mapped_column(Integer, default=0)  # rows of the file imported
    items: Mapped[int] = mapped_column(Integer, default=0)  # copies, or children registered or updated
    actor: Mapped[str] = mapped_column(String(120), default="")


# --- children -----------------------------------------------------------------------------------------------


class Child(Timestamped, Base):
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    name_pinyin: Mapped[str] = mapped_column(String(200), default="")  # "wang zi han"
    name_initials: Mapped[str] = mapped_column(String(50), default="", index=True)  # "wzh"
    gender: Mapped[str] = mapped_column(String(10), default="")  # male|female
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    grade: Mapped[int | None] = mapped_column(Integer)  # 1–9; 0 = preschool
    class_name: Mapped[str] = mapped_column(String(50), default="", index=True)
    school: Mapped[str] = mapped_column(String(200), default="")
    village: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(400), default="")
    left_behind_type: Mapped[str] = mapped_column(String(20), default=LeftBehind.NONE)
    father_work_city: Mapped[str] = mapped_column(String(100), default="")
    father_phone: Mapped[str] = mapped_column(String(50), default="")
    mother_work_city: Mapped[str] = mapped_column(String(100), default="")
    mother_phone: Mapped[str] = mapped_column(String(50), default="")
    health_notes: Mapped[str] = mapped_column(Text, default="")
    allergy_notes: Mapped[str] = mapped_column(Text, default="")
    special_attention: Mapped[bool] = mapped_column(Boolean, default=False)
    photo_path: Mapped[str] = mapped_column(String(400), default="")
    # A guardian agreed (on paper) that photos showing the child may be printed: activity reports, letters home.
    photo_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    card_barcode: Mapped[str | None] = mapped_column(String(40), unique=True)
    status: Mapped[str] = mapped_column(String(20), default=ChildStatus.ACTIVE, index=True)
    enrolled_on: Mapped[dt.date | None] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class Guardian(Timestamped, Base):
    __tablename__ = "guardian"
    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    relation: Mapped[str] = mapped_column(String(20), default="")  # 祖父, 祖母, 外祖母…
    phone: Mapped[str] = mapped_column(String(50), default="")
    age: Mapped[int | None] = mapped_column(Integer)
    health: Mapped[str] = mapped_column(String(200), default="")
    literacy: Mapped[str] = mapped_column(String(50), default="")
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)


class PickupPerson(Base):
    """People authorised to collect a child at check-out."""

    __tablename__ = "pickup_person"
    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    relation: Mapped[str] = mapped_column(String(20), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")


class FollowUp(Timestamped, Base):
    """A social worker's follow-up (回访) on a child: phone call, home visit…"""

    __tablename__ = "follow_up"
    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"), index=True)
    on_date: Mapped[dt.date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(20), default=FollowUpMethod.PHONE)
    reason: Mapped[str] = mapped_column(String(40), default="")  # e.g. warning kind that prompted it
    note: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    resolved: Mapped[bool] = mapped_column(Boolean, default=True)
    staff_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))


# --- library ------------------------------------------------------------------------------------------------


class BookTitle(Timestamped, Base):
    __tablename__ = "book_title"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(400))
    title_pinyin: Mapped[str] = mapped_column(String(800), default="")
    title_initials: Mapped[str] = mapped_column(String(200), default="")
    author: Mapped[str] = mapped_column(String(200), default="")
    publisher: Mapped[str] = mapped_column(String(200), default="")
    pub_year: Mapped[int | None] = mapped_column(Integer)
    isbn13: Mapped[str | None] = mapped_column(String(13), index=True)
    clc_class: Mapped[str] = mapped_column(String(40), default="", index=True)
    call_number: Mapped[str] = mapped_column(String(60), default="")
    grade_band: Mapped[str] = mapped_column(String(20), default="")  # e.g. "1-2", "3-4", "5-6"
    subjects: Mapped[str] = mapped_column(String(400), default="")
    price_fen: Mapped[int | None] = mapped_column(Integer)
    match_key: Mapped[str] = mapped_column(String(600), default="", index=True)  # normalised title|author
    notes: Mapped[str] = mapped_column(Text, default="")


class BookCopy(Timestamped, Base):
    __tablename__ = "book_copy"
    id: Mapped[int] = mapped_column(primary_key=True)
    title_id: Mapped[int] = mapped_column(ForeignKey("book_title.id", ondelete="RESTRICT"), index=True)
    barcode: Mapped[str] = mapped_column(String(40), unique=True)
    location: Mapped[str] = mapped_column(String(60), default="")
    status: Mapped[str] = mapped_column(String(20), default=CopyStatus.AVAILABLE, index=True)
    # available|on_loan|lost|damaged|withdrawn
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("donation_batch.id", ondelete="SET NULL"), index=True
    )
    acquired_on: Mapped[dt.date | None] = mapped_column(Date)
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class LoanRule(Base):
    """Loan limits by grade band; the row with grade range covering a child's grade applies."""

    __tablename__ = "loan_rule"
    id: Mapped[int] = mapped_column(primary_key=True)
    grade_min: Mapped[int] = mapped_column(Integer, default=0)
    grade_max: Mapped[int] = mapped_column(Integer, default=12)
    max_books: Mapped[int] = mapped_column(Integer, default=2)
    loan_days: Mapped[int] = mapped_column(Integer, default=14)
    max_renewals: Mapped[int] = mapped_column(Integer, default=1)


class ClosedDay(Base):
    """Holidays and other days the centre is shut: due dates move past them, attendance ignores them."""

    __tablename__ = "closed_day"
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    reason: Mapped[str] = mapped_column(String(100), default="")


class Loan(Base):
    __tablename__ = "loan"
    __table_args__ = (
        Index("ix_loan_open", "copy_id", "returned_at"),
        # At most one open loan per copy, guaranteed by the database (partial index: SQLite and PostgreSQL).
        Index(
            "uq_loan_one_open_per_copy",
            "copy_id",
            unique=True,
            sqlite_where=text("returned_at IS NULL"),
            postgresql_where=text("returned_at IS NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    copy_id: Mapped[int] = mapped_column(ForeignKey("book_copy.id", ondelete="RESTRICT"), index=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="RESTRICT"), index=True)
    loaned_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    due_on: Mapped[dt.date] = mapped_column(Date, index=True)
    returned_at: Mapped[dt.datetime | None] = mapped_column(DateTime, index=True)
    renewals: Mapped[int] = mapped_column(Integer, default=0)
    loaned_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    returned_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))


# --- equipment ----------------------------------------------------------------------------------------------


class EquipmentItem(Timestamped, Base):
    """A kind of equipment. ``tracking='quantity'`` (20 skipping ropes) or ``'individual'`` (each unit barcoded).

    Quantity items: ``quantity_total`` pieces in the collection, of which ``quantity_damaged`` and
    ``quantity_repair`` are in the room but unusable; the open loans say how many are out. Individual items:
    ``quantity_total`` = units still in the collection (kept by the service), the units say the rest.
    ``condition`` is the item as a whole; ``status`` follows it (``retired`` exactly when ``scrapped``).
    """

    __tablename__ = "equipment_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_pinyin: Mapped[str] = mapped_column(String(400), default="")
    name_initials: Mapped[str] = mapped_column(String(100), default="")
    category: Mapped[str] = mapped_column(String(40), default=EquipmentCategory.OTHER, index=True)
    tracking: Mapped[str] = mapped_column(String(20), default=Tracking.QUANTITY)
    consumable: Mapped[bool] = mapped_column(Boolean, default=False)
    barcode: Mapped[str | None] = mapped_column(String(40), unique=True)  # the box's / shelf's asset label
    quantity_total: Mapped[int] = mapped_column(Integer, default=0)
    quantity_damaged: Mapped[int] = mapped_column(Integer, default=0)
    quantity_repair: Mapped[int] = mapped_column(Integer, default=0)
    low_stock: Mapped[int | None] = mapped_column(Integer)  # restock when what is on the shelf falls to this
    unit: Mapped[str] = mapped_column(String(20), default="个")
    location: Mapped[str] = mapped_column(String(60), default="", index=True)
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("donation_batch.id", ondelete="SET NULL"), index=True
    )
    acquired_on: Mapped[dt.date | None] = mapped_column(Date)
    value_fen: Mapped[int | None] = mapped_column(Integer)  # one piece
    condition: Mapped[str] = mapped_column(String(20), default=Condition.GOOD)
    status: Mapped[str] = mapped_column(String(20), default=ItemStatus.IN_USE)
    photo_path: Mapped[str] = mapped_column(String(400), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class EquipmentUnit(Timestamped, Base):
    """One individually tracked piece (a keyboard, a tablet) of an ``individual`` item."""

    __tablename__ = "equipment_unit"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("equipment_item.id", ondelete="CASCADE"), index=True)
    barcode: Mapped[str] = mapped_column(String(40), unique=True)
    status: Mapped[str] = mapped_column(String(20), default=UnitStatus.AVAILABLE)
    notes: Mapped[str] = mapped_column(Text, default="")


class EquipmentLoan(Base):
    """Pieces of an item (or one unit) lent to a child, a volunteer, a class or an activity session.

    Open while ``returned_at`` is NULL; ``quantity - returned_quantity`` pieces are still out. A partial return
    raises ``returned_quantity`` and keeps the loan open; closing it with pieces missing records an incident.
    """

    __tablename__ = "equipment_loan"
    __table_args__ = (
        # At most one open loan per unit, guaranteed by the database (partial index: SQLite and PostgreSQL).
        Index(
            "uq_equipment_loan_one_open_per_unit",
            "unit_id",
            unique=True,
            sqlite_where=text("returned_at IS NULL AND unit_id IS NOT NULL"),
            postgresql_where=text("returned_at IS NULL AND unit_id IS NOT NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("equipment_item.id", ondelete="RESTRICT"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("equipment_unit.id", ondelete="RESTRICT"))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    borrower_kind: Mapped[str] = mapped_column(String(20))  # child|volunteer|class|activity
    child_id: Mapped[int | None] = mapped_column(ForeignKey("child.id", ondelete="RESTRICT"))
    volunteer_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer.id", ondelete="RESTRICT"))
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activity.id", ondelete="SET NULL"))
    borrower_label: Mapped[str] = mapped_column(String(100), default="")  # e.g. class "三年级2班"
    lent_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    due_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    returned_at: Mapped[dt.datetime | None] = mapped_column(DateTime, index=True)
    returned_quantity: Mapped[int] = mapped_column(Integer, default=0)
    lent_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    notes: Mapped[str] = mapped_column(Text, default="")


class EquipmentIncident(Base):
    """The item's log: damage, loss, repair and maintenance (报损、维修), stock in and out. ``reported_by`` is who
    said so, ``borrower`` who had it (a loss at a return), ``action`` what was done; ``resolved`` closes it."""

    __tablename__ = "equipment_incident"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("equipment_item.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("equipment_unit.id", ondelete="SET NULL"))
    loan_id: Mapped[int | None] = mapped_column(
        ForeignKey("equipment_loan.id", ondelete="SET NULL"), index=True
    )
    stocktake_id: Mapped[int | None] = mapped_column(ForeignKey("stocktake.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(20))  # IncidentKind
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    reported_by: Mapped[str] = mapped_column(String(100), default="")
    borrower: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(Text, default="")
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    resolved_on: Mapped[dt.date | None] = mapped_column(Date)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    recorded_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Stocktake(Base):
    """A stocktake (盘点): the expected list is frozen when it opens (``filter_kind``/``filter_value``: all, one
    location or one category); each scan or count is its own small transaction, so it survives a crash."""

    __tablename__ = "stocktake"
    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(20), default=StocktakeScope.EQUIPMENT)
    filter_kind: Mapped[str] = mapped_column(String(20), default=StocktakeFilter.ALL)
    filter_value: Mapped[str] = mapped_column(String(60), default="")
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(20), default=StocktakeStatus.OPEN, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    by_user: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))


class StocktakeLine(Base):
    """One expected thing (a unit, or a quantity item with ``expected_qty``) or one unexpected scan
    (``expected_qty`` 0; ``barcode`` holds a code that matched nothing)."""

    __tablename__ = "stocktake_line"
    __table_args__ = (
        Index("ix_stocktake_line_unit", "stocktake_id", "unit_id"),
        Index("ix_stocktake_line_item", "stocktake_id", "item_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    stocktake_id: Mapped[int] = mapped_column(ForeignKey("stocktake.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("equipment_item.id", ondelete="CASCADE"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("equipment_unit.id", ondelete="CASCADE"))
    copy_id: Mapped[int | None] = mapped_column(ForeignKey("book_copy.id", ondelete="CASCADE"))
    barcode: Mapped[str] = mapped_column(String(40), default="")
    location: Mapped[str] = mapped_column(String(60), default="")  # where it should be (as frozen)
    expected_qty: Mapped[int] = mapped_column(Integer, default=0)
    counted_qty: Mapped[int] = mapped_column(Integer, default=0)
    counted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(Text, default="")


# --- volunteers and timetable ---------------------------------------------------------------------------------


class Volunteer(Timestamped, Base):
    __tablename__ = "volunteer"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    name_pinyin: Mapped[str] = mapped_column(String(200), default="")
    name_initials: Mapped[str] = mapped_column(String(50), default="", index=True)
    gender: Mapped[str] = mapped_column(String(10), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")  # university, NGO, local school
    kind: Mapped[str] = mapped_column(String(20), default=VolunteerKind.LOCAL)  # VolunteerKind
    id_number: Mapped[str] = mapped_column(String(40), default="")
    subjects: Mapped[str] = mapped_column(String(200), default="")  # 语文、阅读
    skills: Mapped[str] = mapped_column(String(200), default="")  # 书法、吉他
    start_on: Mapped[dt.date | None] = mapped_column(Date)
    end_on: Mapped[dt.date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class VolunteerAvailability(Base):
    """A weekly window the volunteer is free (``end_time`` 00:00 = until midnight), within optional dates."""

    __tablename__ = "volunteer_availability"
    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)  # 1 = Monday … 7 = Sunday
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)


class Room(Base):
    __tablename__ = "room"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    capacity: Mapped[int | None] = mapped_column(Integer)


class Timetable(Timestamped, Base):
    """A programme: a term's weekly timetable or a summer programme; its weekly slots repeat between the dates."""

    __tablename__ = "timetable"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20), default=ProgrammeKind.WEEKLY)  # ProgrammeKind
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)


class TimetablePeriod(Base):
    """The periods of a programme's day (第1节 08:30–10:00 …): the rows of its week grid."""

    __tablename__ = "timetable_period"
    __table_args__ = (UniqueConstraint("timetable_id", "number", name="uq_timetable_period_number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    timetable_id: Mapped[int] = mapped_column(ForeignKey("timetable.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)  # 1…n in time order
    label: Mapped[str] = mapped_column(String(20), default="")
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)


class TimetableSlot(Base):
    """A session (课): weekly on ``weekday`` between the programme's dates, or once on ``on_date``. An
    ``end_time`` at or before ``start_time`` ends the next day. ``volunteer_id`` is the lead (主讲); helpers are in
    ``timetable_slot_volunteer``. ``override_reason``: why it was saved despite a clash (also in the audit log)."""

    __tablename__ = "timetable_slot"
    id: Mapped[int] = mapped_column(primary_key=True)
    timetable_id: Mapped[int] = mapped_column(ForeignKey("timetable.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)  # 1 = Monday; a one-off session's date's weekday
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    course: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20), default=SessionKind.OTHER)  # SessionKind
    room_id: Mapped[int | None] = mapped_column(ForeignKey("room.id", ondelete="SET NULL"))
    volunteer_id: Mapped[int | None] = mapped_column(
        ForeignKey("volunteer.id", ondelete="SET NULL"), index=True
    )
    target_group: Mapped[str] = mapped_column(String(60), default="")  # e.g. "1-3年级", "三年级2班"
    on_date: Mapped[dt.date | None] = mapped_column(Date)  # a one-off session; NULL: weekly
    override_reason: Mapped[str] = mapped_column(Text, default="")


class TimetableSlotVolunteer(Base):
    """The helpers (助教) of a session besides its lead; clashes count them as much as the lead."""

    __tablename__ = "timetable_slot_volunteer"
    __table_args__ = (Index("ix_timetable_slot_volunteer_volunteer_id", "volunteer_id"),)
    slot_id: Mapped[int] = mapped_column(
        ForeignKey("timetable_slot.id", ondelete="CASCADE"), primary_key=True
    )
    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer.id", ondelete="CASCADE"), primary_key=True
    )


class TimetableException(Base):
    """One occurrence of a weekly session cancelled or moved, keyed by the date it was planned for."""

    __tablename__ = "timetable_exception"
    __table_args__ = (UniqueConstraint("slot_id", "on_date", name="uq_timetable_exception_slot_date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("timetable_slot.id", ondelete="CASCADE"), index=True)
    on_date: Mapped[dt.date] = mapped_column(Date)  # the occurrence as planned
    kind: Mapped[str] = mapped_column(String(20), default=ExceptionKind.CANCELLED)  # ExceptionKind
    new_date: Mapped[dt.date | None] = mapped_column(Date)
    new_start: Mapped[dt.time | None] = mapped_column(Time)
    new_end: Mapped[dt.time | None] = mapped_column(Time)
    new_room_id: Mapped[int | None] = mapped_column(ForeignKey("room.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(String(400), default="")
    override_reason: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Activity(Timestamped, Base):
    """One held session (活动/课程): reading hour, art class, summer camp day… Attendance may be taken for it.

    ``slot_id`` + ``slot_date``: the timetable occurrence it was held as (the date that occurrence was planned for;
    a moved occurrence is held on another ``on_date``) — at most one activity per occurrence. ``outcome`` is the
    teacher's reflection (教学反思: how it went, what to change). Who attended is its roll call
    (``attendance_register.activity_id``), what it used its equipment loans (``equipment_loan.activity_id``)."""

    __tablename__ = "activity"
    __table_args__ = (
        Index(
            "uq_activity_occurrence",
            "slot_id",
            "slot_date",
            unique=True,
            sqlite_where=text("slot_id IS NOT NULL AND slot_date IS NOT NULL"),
            postgresql_where=text("slot_id IS NOT NULL AND slot_date IS NOT NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default=ActivityKind.OTHER)  # ActivityKind
    on_date: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)
    room_id: Mapped[int | None] = mapped_column(ForeignKey("room.id", ondelete="SET NULL"))
    slot_id: Mapped[int | None] = mapped_column(
        ForeignKey("timetable_slot.id", ondelete="SET NULL"), index=True
    )
    slot_date: Mapped[dt.date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))


class ActivityVolunteer(Base):
    __tablename__ = "activity_volunteer"
    __table_args__ = (
        Index("ix_activity_volunteer_volunteer_id", "volunteer_id"),
    )  # "a volunteer's sessions"
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(20), default="lead")  # lead|assistant


class ActivityPhoto(Base):
    """A photo of an activity, copied into the data folder (``path``: relative to it, ``photos/activities/<id>/``)
    and resized. ``children_checked``: someone said who is in it (``activity_photo_child``); only then, and only
    when each of them has a photo consent, may it be printed (``domain.activities.photo_verdict``)."""

    __tablename__ = "activity_photo"
    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(String(400))
    caption: Mapped[str] = mapped_column(String(200), default="")
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    children_checked: Mapped[bool] = mapped_column(Boolean, default=False)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    added_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class ActivityPhotoChild(Base):
    """A child in a photo (tagged by whoever added or checked it)."""

    __tablename__ = "activity_photo_child"
    __table_args__ = (Index("ix_activity_photo_child_child_id", "child_id"),)
    photo_id: Mapped[int] = mapped_column(
        ForeignKey("activity_photo.id", ondelete="CASCADE"), primary_key=True
    )
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"), primary_key=True)


class ServiceHours(Timestamped, Base):
    """Time a volunteer served: one session occurrence (``slot_id`` + ``slot_date``, the date it was planned
    for; ``on_date`` is when it was held), or an entry by hand. Pending until staff approve or reject it
    (``approved_by``/``approved_at`` record who decided, either way; ``review_note`` why)."""

    __tablename__ = "service_hours"
    __table_args__ = (
        # One record per volunteer and session occurrence (signing in twice finds the first).
        Index(
            "uq_service_hours_occurrence",
            "volunteer_id",
            "slot_id",
            "slot_date",
            unique=True,
            sqlite_where=text("slot_id IS NOT NULL"),
            postgresql_where=text("slot_id IS NOT NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id", ondelete="CASCADE"), index=True)
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activity.id", ondelete="SET NULL"), index=True
    )
    slot_id: Mapped[int | None] = mapped_column(
        ForeignKey("timetable_slot.id", ondelete="SET NULL"), index=True
    )
    slot_date: Mapped[dt.date | None] = mapped_column(Date)
    on_date: Mapped[dt.date] = mapped_column(Date, index=True)
    minutes: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(400), default="")
    source: Mapped[str] = mapped_column(String(20), default=HoursSource.MANUAL)  # HoursSource
    signed_in_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # UTC, like every instant
    signed_out_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(20), default=HoursStatus.PENDING)
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    approved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    review_note: Mapped[str] = mapped_column(String(400), default="")
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))


class Certificate(Base):
    """An issued service-hour certificate: the facts it states, as printed, and their verification code
    (``domain.certificates``: an HMAC of the facts with the centre's secret)."""

    __tablename__ = "certificate"
    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # 2026-0007
    centre_name: Mapped[str] = mapped_column(String(200), default="")
    volunteer_name: Mapped[str] = mapped_column(String(100), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    issued_on: Mapped[dt.date] = mapped_column(Date)
    period_from: Mapped[dt.date] = mapped_column(Date)
    period_to: Mapped[dt.date] = mapped_column(Date)
    minutes: Mapped[int] = mapped_column(Integer)
    sessions: Mapped[int] = mapped_column(Integer, default=0)
    summary: Mapped[str] = mapped_column(Text, default="")  # JSON: the sessions by title, as printed
    verification_code: Mapped[str] = mapped_column(String(40), unique=True)
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    issued_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class CentreSecret(Base):
    """Secrets of this centre (the certificates' HMAC key): made on first use, never exported, logged or shown."""

    __tablename__ = "centre_secret"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


# --- attendance ---------------------------------------------------------------------------------------------


class AttendanceCode(Base):
    """Configurable marks (出勤/缺勤/迟到/请假) and how each counts in statistics."""

    __tablename__ = "attendance_code"
    code: Mapped[str] = mapped_column(String(10), primary_key=True)  # P, A, L, E
    label: Mapped[str] = mapped_column(String(20))
    counts_present: Mapped[bool] = mapped_column(Boolean, default=False)
    counts_absent: Mapped[bool] = mapped_column(Boolean, default=False)
    shortcut: Mapped[str] = mapped_column(String(5), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class AttendanceRegister(Timestamped, Base):
    """One roll call: a whole day (``activity_id`` NULL) or one activity session."""

    __tablename__ = "attendance_register"
    __table_args__ = (
        UniqueConstraint("on_date", "activity_id", name="uq_attendance_register_day_activity"),
        # NULLs are distinct in a unique constraint, so the one day register per date needs its own index.
        Index(
            "uq_attendance_register_one_day_register",
            "on_date",
            unique=True,
            sqlite_where=text("activity_id IS NULL"),
            postgresql_where=text("activity_id IS NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    on_date: Mapped[dt.date] = mapped_column(Date, index=True)
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"))
    taken_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")


class AttendanceMark(Base):
    __tablename__ = "attendance_mark"
    __table_args__ = (UniqueConstraint("register_id", "child_id", name="uq_attendance_mark_register_child"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    register_id: Mapped[int] = mapped_column(ForeignKey("attendance_register.id", ondelete="CASCADE"))
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(ForeignKey("attendance_code.code", ondelete="RESTRICT"))
    version: Mapped[int] = mapped_column(Integer, default=1)  # optimistic lock: no silent overwrite
    marked_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    marked_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    check_in_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    check_out_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    picked_up_by: Mapped[str] = mapped_column(String(100), default="")
    pickup_authorised: Mapped[bool | None] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(200), default="")
