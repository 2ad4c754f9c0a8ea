"""Donors and donation batches."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from center_app.context import AppContext
from center_app.db.models import BookCopy, DonationBatch, Donor
from center_app.domain.errors import NotFound, ValidationError
from center_app.domain.permissions import READ, WRITE, require
from center_app.domain.pinyin import sort_key
from center_app.domain.states import CopyStatus
from center_app.services import audit
from center_app.services.catalog.common import donor_id_for


@dataclass(frozen=True, slots=True)
class DonorInfo:
    id: int
    name: str
    kind: str
    contact: str
    phone: str
    notes: str
    copies: int = 0  # book copies received from this donor


@dataclass(frozen=True, slots=True)
class BatchInfo:
    id: int
    donor_id: int
    donor_name: str
    received_on: dt.date
    description: str
    source_file: str


def _donor_info(donor: Donor, copies: int = 0) -> DonorInfo:
    return DonorInfo(donor.id, donor.name, donor.kind, donor.contact, donor.phone, donor.notes, copies)


def find_or_create_donor(ctx: AppContext, name: str) -> DonorInfo:
    require(ctx.actor, "catalog", WRITE)
    with ctx.db.session() as s:
        donor = s.get(Donor, donor_id_for(s, ctx, name))
        assert donor is not None
        return _donor_info(donor)


def create_batch(
    ctx: AppContext, donor_id: int, received_on: dt.date, description: str = "", source_file: str = ""
) -> BatchInfo:
    require(ctx.actor, "catalog", WRITE)
    description = " ".join((description or "").split())
    if len(description) > 400:
        raise ValidationError("批次说明不能超过400个字。")
    if received_on > dt.date.today():
        raise ValidationError("接收日期不能晚于今天。")
    with ctx.db.session() as s:
        donor = s.get(Donor, donor_id)
        if donor is None:
            raise NotFound("找不到这个捐赠方，它可能已被删除。")
        batch = DonationBatch(
            donor_id=donor_id, received_on=received_on, description=description, source_file=source_file[:400]
        )
        s.add(batch)
        s.flush()
        audit.record(
            s,
            ctx.actor,
            "create",
            "donation_batch",
            batch.id,
            f"{donor.name} {received_on.isoformat()} {description}".strip(),
            {"donor_id": [None, donor_id], "received_on": [None, received_on.isoformat()]},
        )
        return BatchInfo(batch.id, donor_id, donor.name, received_on, description, batch.source_file)


def list_donors(ctx: AppContext) -> list[DonorInfo]:
    """Every donor with how many book copies came from them, in pinyin order of the name."""
    require(ctx.actor, "catalog", READ)
    with ctx.db.read() as s:
        counts = dict(
            s.execute(
                select(DonationBatch.donor_id, func.count(BookCopy.id))
                .join(BookCopy, BookCopy.batch_id == DonationBatch.id)
                .group_by(DonationBatch.donor_id)
            ).all()
        )
        donors = [_donor_info(d, counts.get(d.id, 0)) for d in s.scalars(select(Donor))]
    return sorted(donors, key=lambda d: (sort_key(d.name), d.id))


@dataclass(frozen=True, slots=True)
class BookBatch:
    """A donation batch and the book copies registered from it (the donor report's "what they gave")."""

    id: int
    received_on: dt.date
    description: str
    copies: int  # copies registered from the batch, whatever became of them
    titles: int  # distinct titles among them
    on_shelves: int  # of which not lost or withdrawn


def donor_book_batches(ctx: AppContext, donor_id: int) -> list[BookBatch]:
    """The donor's batches that brought books, oldest first, with their copies counted."""
    require(ctx.actor, "catalog", READ)
    with ctx.db.read() as s:
        if s.get(Donor, donor_id) is None:
            raise NotFound("找不到这个捐赠方，它可能已被删除。")
        rows = s.execute(
            select(
                DonationBatch.id,
                DonationBatch.received_on,
                DonationBatch.description,
                func.count(BookCopy.id),
                func.count(func.distinct(BookCopy.title_id)),
                func.count(BookCopy.id).filter(
                    BookCopy.status.not_in((CopyStatus.LOST, CopyStatus.WITHDRAWN))
                ),
            )
            .join(BookCopy, BookCopy.batch_id == DonationBatch.id)
            .where(DonationBatch.donor_id == donor_id)
            .group_by(DonationBatch.id, DonationBatch.received_on, DonationBatch.description)
            .order_by(DonationBatch.received_on, DonationBatch.id)
        ).all()
    return [BookBatch(r[0], r[1], r[2], int(r[3]), int(r[4]), int(r[5])) for r in rows]
