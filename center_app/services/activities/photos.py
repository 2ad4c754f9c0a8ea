"""An activity's photos: copied into the data folder (``photos/activities/<activity id>/``), upright and resized
(``importing.photos``), each listing the children in it; who may be in a printed photo is decided by
``domain.activities.photo_verdict`` (checked, and every child in it with a photo consent).

Adding a photo writes the file first and then, in one transaction, its record and audit row; if the transaction
fails the file is removed again, so the folder never holds a photo the database does not list for long (a power
cut between the two leaves at worst a file nobody lists, never a record without its file)."""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import ActivityPhoto, ActivityPhotoChild, Child, utcnow
from center_app.domain.activities import clean_caption
from center_app.domain.children import ACTIVE, roll_order
from center_app.domain.errors import DomainError, NotFound
from center_app.importing.photos import prepare_photo
from center_app.services import audit
from center_app.services.activities._shared import (
    PHOTOS_FOLDER,
    PhotoRow,
    load_activity,
    owners_of,
    photo_file,
    photos_of,
    photos_root,
    require_change,
    require_see,
    require_see_one,
    roll_call_of,
)

log = logging.getLogger(__name__)

MAX_PHOTOS = 60  # one activity's; more belongs in a photo album, not the record


@dataclass(frozen=True)
class ChildChoice:
    """A child who can be tagged in a photo: those on the activity's roll call first."""

    child_id: int
    name: str
    class_name: str
    consent: bool
    attended: bool  # marked present in the activity's roll call

    @property
    def display(self) -> str:
        return f"{self.class_name} {self.name}".strip()


def _photo(s: Session, photo_id: int) -> tuple[ActivityPhoto, list[int]]:
    photo = s.get(ActivityPhoto, photo_id)
    if photo is None:
        raise NotFound("找不到这张照片，可能已被删除。请刷新后再试。")
    return photo, owners_of(s, photo.activity_id)


def _check_children(s: Session, child_ids: Sequence[int]) -> list[int]:
    wanted = list(dict.fromkeys(child_ids))
    if not wanted:
        return []
    found = set(s.scalars(select(Child.id).where(Child.id.in_(wanted))))
    if missing := [c for c in wanted if c not in found]:
        raise NotFound(f"找不到儿童（编号 {'、'.join(map(str, missing))}），可能已被删除。请刷新后再选。")
    return wanted


def _row(ctx: AppContext, s: Session, photo: ActivityPhoto) -> PhotoRow:
    return next(p for p in photos_of(ctx, s, [photo.activity_id])[photo.activity_id] if p.id == photo.id)


def add_photo(
    ctx: AppContext,
    activity_id: int,
    source: str | os.PathLike[str],
    *,
    child_ids: Sequence[int] | None = None,
    caption: str = "",
) -> PhotoRow:
    """Copy a photo into the activity's folder, upright and resized, with the children in it (``child_ids``;
    None: not checked yet — it will not be printed until someone says who is in it)."""
    require_see(ctx.actor)
    text = clean_caption(caption)
    with ctx.db.session() as s:
        activity = load_activity(s, activity_id)
        require_change(ctx.actor, owners_of(s, activity_id))
        count = len(s.scalars(select(ActivityPhoto.id).where(ActivityPhoto.activity_id == activity_id)).all())
        if count >= MAX_PHOTOS:
            raise DomainError(f"一次活动最多存 {MAX_PHOTOS} 张照片，请先删掉几张不需要的。")
        tagged = _check_children(s, child_ids or ())
        relative = Path(*PHOTOS_FOLDER, str(activity_id), f"{uuid.uuid4().hex[:16]}.jpg")
        target = photo_file(ctx, relative.as_posix())
        prepared = prepare_photo(source, target)
        try:
            photo = ActivityPhoto(
                activity_id=activity_id,
                path=relative.as_posix(),
                caption=text,
                width=prepared.width,
                height=prepared.height,
                children_checked=child_ids is not None,
                added_by=ctx.actor.user_id,
                added_at=utcnow(),
            )
            s.add(photo)
            s.flush()
            for child_id in tagged:
                s.add(ActivityPhotoChild(photo_id=photo.id, child_id=child_id))
            audit.record(
                s,
                ctx.actor,
                "create",
                "activity_photo",
                photo.id,
                f"活动“{activity.title}”添加照片（{prepared.width}×{prepared.height}，{len(tagged)} 名儿童）",
                {
                    "activity_id": [None, activity_id],
                    "source": [None, Path(source).name],
                    "children": [None, tagged],
                },
            )
            s.flush()
            return _row(ctx, s, photo)
        except BaseException:
            target.unlink(missing_ok=True)
            raise


def tag_photo(
    ctx: AppContext, photo_id: int, child_ids: Sequence[int], *, caption: str | None = None
) -> PhotoRow:
    """Say who is in a photo (all of them: the list replaces the old one; empty: no child in it) and, if given,
    its caption. The photo counts as checked from now on."""
    require_see(ctx.actor)
    text = clean_caption(caption) if caption is not None else None
    with ctx.db.session() as s:
        photo, owners = _photo(s, photo_id)
        require_change(ctx.actor, owners)
        tagged = _check_children(s, child_ids)
        before = list(
            s.scalars(select(ActivityPhotoChild.child_id).where(ActivityPhotoChild.photo_id == photo_id))
        )
        s.execute(delete(ActivityPhotoChild).where(ActivityPhotoChild.photo_id == photo_id))
        for child_id in tagged:
            s.add(ActivityPhotoChild(photo_id=photo_id, child_id=child_id))
        changes: dict[str, list[object]] = {}
        if sorted(before) != sorted(tagged) or not photo.children_checked:
            changes["children"] = [sorted(before), sorted(tagged)]
        if not photo.children_checked:
            changes["children_checked"] = [False, True]
        photo.children_checked = True
        if text is not None and text != photo.caption:
            changes["caption"] = [photo.caption, text]
            photo.caption = text
        if changes:
            audit.record(
                s,
                ctx.actor,
                "update",
                "activity_photo",
                photo_id,
                f"核对照片里的儿童（{len(tagged)} 名）",
                changes,
            )
        s.flush()
        return _row(ctx, s, photo)


def remove_photo(ctx: AppContext, photo_id: int) -> None:
    """Delete a photo: its record now, its file after the commit."""
    require_see(ctx.actor)
    with ctx.db.session() as s:
        photo, owners = _photo(s, photo_id)
        require_change(ctx.actor, owners)
        path = photo_file(ctx, photo.path)
        audit.record(
            s,
            ctx.actor,
            "delete",
            "activity_photo",
            photo_id,
            "删除活动照片",
            {"activity_id": [photo.activity_id, None], "path": [photo.path, None]},
        )
        s.delete(photo)
    try:
        if path.resolve().is_relative_to(photos_root(ctx).resolve()):
            path.unlink(missing_ok=True)
    except OSError:  # the record is gone; a file left behind is listed nowhere and harms nobody
        log.warning("could not delete %s", path, exc_info=True)


def photo_children_choices(ctx: AppContext, activity_id: int) -> list[ChildChoice]:
    """Whom a photo of this activity may show: the children on its roll call (present first), then every other
    child on the centre's roll — each with whether a guardian's photo consent is on file."""
    require_see(ctx.actor)
    with ctx.db.read() as s:
        load_activity(s, activity_id)
        require_see_one(ctx.actor, owners_of(s, activity_id))
        _taken, attendance = roll_call_of(s, activity_id)
        marked = {a.child_id: a.present for a in attendance}
        rows = s.execute(
            select(
                Child.id, Child.name, Child.name_pinyin, Child.class_name, Child.grade, Child.photo_consent
            ).where((Child.status == ACTIVE) | Child.id.in_(list(marked)))
        ).all()
    ordered = sorted(
        rows,
        key=lambda r: (
            not marked.get(r.id, False),
            r.id not in marked,
            roll_order(r.grade, r.class_name, r.name, r.name_pinyin),
        ),
    )
    return [
        ChildChoice(r.id, r.name, r.class_name, bool(r.photo_consent), marked.get(r.id, False))
        for r in ordered
    ]
