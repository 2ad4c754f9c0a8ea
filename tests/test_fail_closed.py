"""Fail closed: every public service function refuses nobody, or says here why it needs no check.

The walk finds every public function of every module in ``center_app.services`` by introspection, and the demo
generator's entry points (``center_app.demo``, a package of its own). One that takes the context first is called
as nobody (``Actor.nobody()``, what an ``AppContext`` without an actor is) on a copy of a real, migrated centre
holding a child with guardian, pick-up person and follow-up, books, a loan, a roll call, a backup and import
files, with plausible arguments from ``CALLS`` — and must raise ``PermissionDenied`` and change nothing. The same
call as the signed-in administrator must then get past the check, which shows the arguments are plausible (a
refusal for a missing record would otherwise pass for a permission check).

A public function that is in neither ``CALLS`` nor ``NO_CHECK_NEEDED`` fails the test: a new service function must
be listed in one of them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import inspect
import pkgutil
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import func, select

import center_app.demo as demo_package
import center_app.services as services_package
from center_app.config import DataDir
from center_app.context import Actor, AppContext, open_store
from center_app.db.models import Base
from center_app.db.session import Database
from center_app.domain.books import TitleInput
from center_app.domain.children import ChildInput, GuardianInput, PickupInput
from center_app.domain.errors import DomainError, NotFound, PermissionDenied
from center_app.domain.label_grid import CARDS_10
from center_app.importing import write_xlsx
from center_app.services import (
    accounts,
    activities,
    backup,
    catalog,
    children,
    circulation,
    early_warning,
    equipment,
    reports,
    roster,
    volunteers,
)
from center_app.services import attendance as att
from center_app.services import settings as settings_service
from center_app.services.volunteers import SessionInput, VolunteerInput

TODAY = dt.date.today()
ADMIN_PASSWORD = "gulou2026"

# --- why some need no check ------------------------------------------------------------------------------------

_PURE = "pure: computes from its arguments, reads and writes no centre data"
_IN_TRANSACTION = (
    "a step inside the caller's transaction (takes its Session): the use case that opened it has checked"
)
_AUTOMATIC_BACKUP = (
    "the automatic safety copy, whoever is signed in — or nobody, at exit after the screen locked: a copy into "
    "the data folder's own backups/, shown to no one"
)

NO_CHECK_NEEDED: dict[str, str] = {
    # taking the context, deliberately open
    "accounts.authenticate": "signing in is how one becomes somebody (failures are counted and audited)",
    "accounts.sign_in_as": "signing in an existing account in-process (tests, tools): whoever runs it has the folder",
    "accounts.sign_out": "records the signed-in user's own sign-out; for nobody it does nothing",
    "accounts.current_user": "the signed-in user's own account; nobody gets None",
    "accounts.demo_sign_in": "signing in the demo administrator of a folder that holds nothing but the demo",
    "accounts.needs_first_admin": "asked before anyone can sign in: show the first-run wizard or the sign-in screen",
    "accounts.is_demo_folder": "asked before anyone signs in: a throw-away demo folder signs its demo admin in",
    "accounts.get_idle_lock_minutes": "a public setting (settings.PUBLIC_SETTINGS): the lock timer of whoever uses "
    "the window",
    "accounts.get_desk_mode": "a public setting (settings.PUBLIC_SETTINGS): the lock timer and lock screen of "
    "whoever uses the window",
    "accounts.idle_lock_minutes_in_use": "two public settings (settings.PUBLIC_SETTINGS): the lock timer of "
    "whoever uses the window",
    "accounts.is_centre_barcode": "asked at the sign-in screen, before anyone signs in, whether a burst of keys "
    "was a card or book scanned rather than a password: yes or no about numbers printed on the cards and books",
    "settings.get_language": "a public setting (settings.PUBLIC_SETTINGS): the sign-in screen is shown in it",
    "settings.get_centre": "the centre's own name, address and phone: printed on every slip and shown on the "
    "sign-in screen",
    "backup.auto_backup_if_due": _AUTOMATIC_BACKUP,
    "backup.backup_at_exit": _AUTOMATIC_BACKUP,
    "backup.copy_to_backup_folder": "a step of the automatic backup (whoever, or nobody, is signed in): the copy "
    "it just wrote, copied into the backup folder the administrator chose (backup.set_backup_folder)",
    "demo.fill_demo": "fills only an empty folder: refuses, inside its write transaction, one that holds any "
    "children, books, equipment, volunteers or donors, so it can neither read nor overwrite a centre's data",
    # not taking the context
    "accounts.check_password": _PURE,
    "attendance.fill_unmarked": _PURE,
    "attendance.read_context": _IN_TRANSACTION,
    "audit.diff": _PURE,
    "audit.record": _IN_TRANSACTION,
    "audit_query.action_label": _PURE,
    "audit_query.entity_label": _PURE,
    "backup.inspect_backup": "reads a backup file the caller already holds (the CLI and the backup tab, shown to "
    "administrators, ask before a restore)",
    "backup.list_backups": "names, dates and sizes of the files in a backups folder the caller can list anyway",
    "backup.newest_verified_backup": "offered at start-up when center.db is damaged, when nobody can sign in: the "
    "newest readable backup's date and counts",
    "backup.prune_safety_copies": "deletes safety copies past the retention rule; reads no data",
    "backup.rotate": "deletes automatic backups past the retention rule; reads no data",
    "backup.select_kept": _PURE,
    "book_import.already_imported": _PURE,
    "equipment.already_imported": _PURE,
    "catalog.barcode_prefix": _IN_TRANSACTION,
    "demo_folder.demo_folder_for": _PURE,
    "catalog.clean_name": _PURE,
    "catalog.donor_id_for": _IN_TRANSACTION,
    "catalog.find_duplicate": _IN_TRANSACTION,
    "children.primary_guardians": _IN_TRANSACTION,
    "children.roster_sort_key": _PURE,
    "children.take_card_barcodes": _IN_TRANSACTION,
    "circulation.group_by_class": _PURE,
    "early_warning.read_follow_ups": _IN_TRANSACTION,
    "imported_files.earlier_import": _IN_TRANSACTION,
    "imported_files.record_import": _IN_TRANSACTION,
    "maintenance.check": "the `check` command: integrity and migration state of the folder's file, no records shown",
    "overview.zero_counts": _PURE,
    "settings.validate_centre": _PURE,
    "reports.parse_month": _PURE,
    "settings.write_centre": _IN_TRANSACTION,
    "settings.write_setting": _IN_TRANSACTION,
}


# --- the centre every call runs on ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    """How to call one function: ``args(world, tmp) -> (args, kwargs)`` after the context. ``admin``: what the
    signed-in administrator gets — "ok" (it succeeds), "says no" (a business rule refuses with a ``DomainError``
    after looking at the data), or "refused" (``PermissionDenied`` for everyone in this folder, by design)."""

    args: Callable[[SimpleNamespace, Path], tuple[tuple[Any, ...], dict[str, Any]]]
    admin: str = "ok"


def c(*args: Any, **kwargs: Any) -> Call:
    """Fixed arguments."""
    return Call(lambda _w, _t: (args, kwargs))


def w(make: Callable[[SimpleNamespace, Path], tuple[Any, ...]], **kwargs: Any) -> Call:
    """Arguments taken from the world (ids, files) or the test's folder."""
    return Call(lambda world, tmp: (make(world, tmp), kwargs))


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimpleNamespace]:
    """A small real centre, made through the services as its administrator; each test works on a copy."""
    root = tmp_path_factory.mktemp("centre")
    data_dir = DataDir(root / "data")
    ctx = open_store(data_dir, actor=Actor.command_line())
    world = SimpleNamespace(folder=data_dir.root, files=root / "files")
    world.files.mkdir()
    try:
        accounts.create_first_admin(ctx, "guanli", "韦管理员", ADMIN_PASSWORD)
        world.librarian_id = accounts.create_user(ctx, "tushu", "黄图书", "librarian", "tushu2026x").id
        ctx.actor = world.admin = accounts.sign_in_as(ctx, "guanli")
        att.save_attendance_settings(ctx, att.AttendanceSettings(open_weekdays=(1, 2, 3, 4, 5, 6, 7)))
        saved = children.save_child_file(
            ctx,
            None,
            ChildInput("王子涵", gender="男", birth_date="2017-3-2", grade=3, class_name="三年级2班"),
            children.PeopleChanges(add=(GuardianInput("王奶奶", "祖母", "13912345678"),)),
            children.PeopleChanges(add=(PickupInput("王爷爷", "祖父", "13812345678"),)),
            new_card=True,
        )
        world.child, world.card = saved.detail.id, saved.new_card
        world.guardian = saved.detail.guardians[0].id
        world.pickup = saved.detail.pickup_people[0].id
        early_warning.record_follow_up(ctx, world.child, TODAY, "phone", "", "打电话了解情况")
        world.reader = children.create_child(ctx, ChildInput("黄小燕", grade=4, class_name="四年级1班")).id
        book = catalog.add_title(ctx, TitleInput("小王子", author="圣埃克苏佩里"), copies=3)
        world.title = book.title_id
        world.lent, world.free, world.spare = book.barcodes
        world.empty_title = catalog.add_title(ctx, TitleInput("没有册的书"), copies=0).title_id
        world.donor = catalog.find_or_create_donor(ctx, "爱心基金会").id
        # A fresh loan to undo, and an overdue one (lent long ago).
        world.undo_token = circulation.checkout(ctx, world.child, world.spare).undo_token
        circulation.checkout(ctx, world.child, world.lent, TODAY - dt.timedelta(days=90))
        att.save_marks(ctx, TODAY - dt.timedelta(days=1), None, [att.MarkInput(world.child, "P")])
        world.register = att.monthly_register(ctx, TODAY.year, TODAY.month)
        world.codes = att.get_codes(ctx)
        world.promotion = children.promote_all(ctx, TODAY).token
        world.backup = backup.backup_now(ctx).path
        world.loan_settings = circulation.save_loan_settings(
            ctx, dataclasses.replace(circulation.get_loan_settings(ctx), block_when_overdue=False)
        )
        # Equipment: ropes by quantity (some lent, one logged damaged), keyboards one by one (one lent), an item
        # entered by mistake, an open stocktake and a donor's list.
        rope = equipment.create_item(ctx, equipment.ItemInput("计数跳绳", quantity=20, unit="根", location="器材室A柜"))
        world.rope = rope.item.id
        keys = equipment.create_item(ctx, equipment.ItemInput("电子琴", tracking="individual", quantity=2))
        world.keys, (world.key_a, world.key_b) = keys.item.id, keys.new_barcodes
        world.mistake = equipment.create_item(ctx, equipment.ItemInput("登记错了的器材")).item.id
        lent = equipment.lend(ctx, world.rope, equipment.Borrower.group("三年级体育课"), 5)
        world.rope_loan, world.lend_token = lent.loan.id, lent.undo_token
        equipment.lend(ctx, world.key_a, equipment.Borrower.volunteer(name="周老师"))
        world.incident = equipment.report_incident(ctx, equipment.IncidentInput(world.rope, "damaged", 1)).id
        world.stocktake = equipment.open_stocktake(ctx).id
        world.equipment_file = world.files / "器材清单.xlsx"
        write_xlsx(world.equipment_file, ["名称", "数量", "类别"], [["足球（5号）", 3, "体育"]])
        world.books_file = world.files / "捐赠清单.xlsx"
        write_xlsx(world.books_file, ["书名", "作者", "数量"], [["夏洛的网", "怀特", 2]])
        world.children_file = world.files / "children.xlsx"
        roster.export_children(ctx, world.children_file, confirmed=True)
        # volunteers: a summer programme that began on a Monday two weeks ago, a weekly session, hours approved and
        # pending, a certificate, a team's list
        world.volunteer = volunteers.create_volunteer(
            ctx, VolunteerInput("韦小宝", organisation="广西师范大学", phone="13812345678")
        ).id
        world.room = volunteers.save_room(ctx, None, "阅览室").id
        world.held = TODAY - dt.timedelta(days=TODAY.weekday() + 14)
        world.programme = volunteers.create_programme(
            ctx, "暑期", "summer", world.held, world.held + dt.timedelta(days=27)
        ).id
        world.empty_programme = volunteers.create_programme(
            ctx, "空课表", "weekly", TODAY + dt.timedelta(days=60), TODAY + dt.timedelta(days=150)
        ).id
        world.session = volunteers.save_session(
            ctx,
            SessionInput(
                world.programme, "绘本共读", "08:30", "10:00", weekday=1, volunteer_ids=(world.volunteer,)
            ),
        ).session.id
        approved = volunteers.confirm_planned(ctx, world.session, world.held)[0].id
        volunteers.approve_hours(ctx, [approved])
        world.pending = volunteers.confirm_planned(ctx, world.session, world.held + dt.timedelta(days=7))[
            0
        ].id
        issued = volunteers.issue_certificate(
            ctx, world.volunteer, world.held, world.held + dt.timedelta(days=6)
        )
        world.certificate, world.code = issued.id, issued.code
        world.volunteers_file = world.files / "支教队.xlsx"
        write_xlsx(world.volunteers_file, ["姓名", "手机"], [["覃思琪", "13912345678"]])
        # printed reports: each gathered once as the administrator, to print and export as nobody
        world.month_ago = TODAY - dt.timedelta(days=30)
        world.monthly = reports.monthly_report(ctx, TODAY.year, TODAY.month)
        world.donor_report = reports.donor_report(ctx, "爱心基金会", world.month_ago, TODAY)
        world.programme_report = reports.programme_report(ctx, world.month_ago, TODAY)
        # activities: the session's first occurrence recorded (its roll call taken, a photo of a child in it) and
        # one recorded by mistake
        from PIL import Image

        draft = activities.draft_from_session(ctx, world.session, world.held)
        world.activity = activities.create_activity(ctx, draft).id
        att.save_marks(ctx, world.held, world.activity, [att.MarkInput(world.child, "P")])
        world.photo_source = world.files / "活动照片.jpg"
        Image.new("RGB", (64, 48), (200, 120, 40)).save(world.photo_source)
        world.photo = activities.add_photo(ctx, world.activity, world.photo_source, child_ids=[world.child]).id
        world.mistake_activity = activities.create_activity(ctx, activities.ActivityInput("记错了", TODAY)).id
    finally:
        ctx.close()
    yield world


CALLS: dict[str, Call] = {
    # accounts
    "accounts.change_own_password": c(ADMIN_PASSWORD, "xinmima2026"),
    "accounts.create_first_admin": Call(
        lambda _w, _t: (("guanli2", "另一位管理员", "gulou2027x"), {}), "refused"
    ),
    "accounts.create_user": c("xiaowang", "小王", "teacher", "xiaowang2026"),
    "accounts.ensure_demo_admin": Call(lambda _w, _t: ((), {}), "refused"),
    "accounts.refuse_if_has_accounts": Call(lambda _w, _t: ((), {}), "refused"),
    "accounts.list_linkable_volunteers": c(),
    "accounts.list_users": c(),
    "accounts.set_up_centre": Call(
        lambda _w, _t: (("guanli2", "另一位管理员", "gulou2027x"), {"centre_name": "别的中心"}), "refused"
    ),
    "accounts.reset_password": w(lambda o, _t: (o.librarian_id, "chongzhi2026")),
    "accounts.set_active": w(lambda o, _t: (o.librarian_id, False)),
    "accounts.set_desk_mode": c(True, 90),
    "accounts.set_idle_lock_minutes": c(15),
    "accounts.update_user": w(lambda o, _t: (o.librarian_id, "黄馆员", None), volunteer_id=None),
    # activities
    "activities.activity_report": w(lambda o, _t: (o.activity,)),
    "activities.add_photo": w(lambda o, _t: (o.activity, o.photo_source), child_ids=[]),
    "activities.create_activity": c(activities.ActivityInput("读书分享会", TODAY, kind="reading")),
    "activities.delete_activity": w(lambda o, _t: (o.mistake_activity,)),
    "activities.draft_from_session": w(lambda o, _t: (o.session, o.held)),
    "activities.export_activity_xlsx": w(lambda o, t: (o.activity, t / "活动.xlsx")),
    "activities.get_activity": w(lambda o, _t: (o.activity,)),
    "activities.list_activities": c(),
    "activities.photo_children_choices": w(lambda o, _t: (o.activity,)),
    "activities.planned_sessions": c(TODAY - dt.timedelta(days=30), TODAY),
    "activities.remove_photo": w(lambda o, _t: (o.photo,)),
    "activities.tag_photo": w(lambda o, _t: (o.photo, [o.child, o.reader])),
    "activities.update_activity": w(
        lambda o, _t: (o.activity, activities.ActivityInput("绘本共读（改）", o.held, volunteer_ids=(o.volunteer,)))
    ),
    "activities.write_activity_report": w(lambda o, t: (o.activity, t / "活动报告.pdf")),
    # roll call, check-in, register
    "activities_query.sessions_on": c(TODAY),
    "attendance.authorised_pickups": w(lambda o, _t: (o.child,)),
    "attendance.check_in": w(lambda o, _t: (o.card,)),
    "attendance.check_out": w(lambda o, _t: (o.child, "王爷爷")),
    "attendance.export_monthly_register_xlsx": w(lambda o, t: (o.register, t / "考勤.xlsx")),
    "attendance.get_attendance_settings": c(),
    "attendance.get_codes": c(),
    "attendance.last_open_days_summary": c(),
    "attendance.monthly_register": c(TODAY.year, TODAY.month),
    "attendance.not_taken_days": c(TODAY - dt.timedelta(days=30), TODAY),
    "attendance.open_register": c(TODAY),
    "attendance.register_stamp": c(TODAY),
    "attendance.save_attendance_settings": c(att.AttendanceSettings()),
    "attendance.save_codes": w(lambda o, _t: (o.codes,)),
    "attendance.save_marks": w(lambda o, _t: (TODAY, None, [att.MarkInput(o.child, "A")])),
    "attendance.write_monthly_register_pdf": w(lambda o, t: (o.register, t / "考勤.pdf")),
    # audit log
    "audit_query.distinct_values": c(),
    "audit_query.query": c(),
    # backups
    "backup.backup_now": w(lambda _o, t: (t,)),
    "backup.backup_schedule": c(),
    "backup.get_backup_folder": c(),
    "backup.restore": w(lambda o, _t: (o.backup,)),
    "backup.set_backup_folder": w(lambda _o, t: (t,)),
    # books
    "book_import.export_books": w(lambda _o, t: (t / "图书.xlsx",)),
    "book_import.preview_import": w(lambda o, _t: (o.books_file,)),
    "book_import.run_import": w(lambda o, _t: (o.books_file,)),
    "catalog.add_copies": w(lambda o, _t: (o.title, 1)),
    "catalog.add_title": c(TitleInput("夏洛的网", author="怀特")),
    "catalog.create_batch": w(lambda o, _t: (o.donor, TODAY)),
    "catalog.donor_book_batches": w(lambda o, _t: (o.donor,)),
    "catalog.delete_copy": w(lambda o, _t: (o.free,)),
    "catalog.delete_title": w(lambda o, _t: (o.empty_title,)),
    "catalog.find_copy": w(lambda o, _t: (o.lent,)),
    "catalog.find_or_create_donor": c("县图书馆"),
    "catalog.get_title": w(lambda o, _t: (o.title,)),
    "catalog.list_donors": c(),
    "catalog.set_copy_status": w(lambda o, _t: (o.free, "damaged")),
    "catalog.update_title": w(lambda o, _t: (o.title, TitleInput("小王子（新译本）", author="圣埃克苏佩里"))),
    "catalog.withdraw_copy": w(lambda o, _t: (o.free,)),
    # equipment
    "equipment.add_units": w(lambda o, _t: (o.keys, 1)),
    "equipment.apply_stocktake": w(lambda o, _t: (o.stocktake,), confirmed=True),
    "equipment.cancel_stocktake": w(lambda o, _t: (o.stocktake,)),
    "equipment.create_item": c(equipment.ItemInput("足球（5号）", category="体育", quantity=6)),
    "equipment.current_stocktake": c(),
    "equipment.delete_item": w(lambda o, _t: (o.mistake,)),
    "equipment.donated_items": w(lambda o, _t: (o.donor,)),
    "equipment.equipment_usage": w(lambda o, _t: (o.month_ago, TODAY)),
    "equipment.export_equipment": w(lambda _o, t: (t / "器材.xlsx",)),
    "equipment.export_stocktake": w(lambda o, t: (o.stocktake, t / "盘点.xlsx")),
    "equipment.find_unit": w(lambda o, _t: (o.key_a,)),
    "equipment.get_item": w(lambda o, _t: (o.rope,)),
    "equipment.label_sheet": c(),
    "equipment.lend": w(lambda o, _t: (o.rope, equipment.Borrower.group("四年级"), 2)),
    "equipment.list_incidents": c(),
    "equipment.list_items": c("跳绳"),
    "equipment.list_stocktakes": c(),
    "equipment.loan_history": w(lambda o, _t: (o.rope,)),
    "equipment.locations": c(),
    "equipment.lookup": w(lambda o, _t: (o.key_a,)),
    "equipment.open_loans": c(),
    "equipment.open_stocktake": Call(lambda _w, _t: ((), {}), "says no"),  # one is open already
    "equipment.preview_import": w(lambda o, _t: (o.equipment_file,)),
    "equipment.print_asset_labels": Call(lambda o, t: ((t / "器材标签.pdf",), {"item_ids": [o.rope]})),
    "equipment.record_count": w(lambda o, _t: (o.stocktake, o.rope, 14)),
    "equipment.record_scan": w(lambda o, _t: (o.stocktake, o.key_b)),
    "equipment.report_incident": w(lambda o, _t: (equipment.IncidentInput(o.rope, "damaged", 1),)),
    "equipment.resolve_incident": w(lambda o, _t: (o.incident, "换了新绳子")),
    "equipment.restock_list": c(),
    "equipment.return_loan": w(lambda o, _t: (o.rope_loan,)),
    "equipment.run_import": w(lambda o, _t: (o.equipment_file,)),
    "equipment.stock_in": w(lambda o, _t: (o.rope, 2, "捐赠")),
    "equipment.stock_out": w(lambda o, _t: (o.rope, 1, "用坏了")),
    "equipment.stocktake_result": w(lambda o, _t: (o.stocktake,)),
    "equipment.undo": w(lambda o, _t: (o.lend_token,)),
    "equipment.unreturned_at_closing": c(),
    "equipment.update_item": w(lambda o, _t: (o.rope, equipment.ItemInput("竹节跳绳", quantity=20, unit="根"))),
    # children
    "children.add_guardian": w(lambda o, _t: (o.child, GuardianInput("王外婆", "外祖母"))),
    "children.add_pickup": w(lambda o, _t: (o.child, PickupInput("王叔叔", "叔叔", "13612345678"))),
    "children.assign_card_barcode": w(lambda o, _t: (o.child,), replace=True),
    "children.child_facts": w(lambda o, _t: ([o.child, o.reader],)),
    "children.create_child": c(ChildInput("李明", grade=1, class_name="一年级1班")),
    "children.get_child": w(lambda o, _t: (o.child,)),
    "children.list_children": c(),
    "children.list_classes": c(),
    "children.pending_promotion": c(),
    "children.promote_all": c(TODAY, force=True),
    "children.remove_guardian": w(lambda o, _t: (o.guardian,)),
    "children.remove_pickup": w(lambda o, _t: (o.pickup,)),
    "children.save_child_file": w(
        lambda o, _t: (
            o.child,
            ChildInput("王子涵", gender="男", birth_date="2017-3-2", grade=4, class_name="四年级2班"),
            children.PeopleChanges(remove=(o.guardian,)),
            children.PeopleChanges(update=((o.pickup, PickupInput("王爷爷", "祖父", "13800001111")),)),
        )
    ),
    "children.set_status": w(lambda o, _t: (o.child, "left")),
    "children.undo_promotion": w(lambda o, _t: (o.promotion,)),
    "children.update_child": w(
        lambda o, _t: (o.child, ChildInput("王子涵", grade=4, class_name="四年级1班"))
    ),
    "children.update_guardian": w(lambda o, _t: (o.guardian, GuardianInput("王奶奶", "祖母", "13700001111"))),
    "children_import.preview_import": w(lambda o, _t: (o.children_file,)),
    "children_import.run_import": w(lambda o, _t: (o.children_file,)),
    # clearing a demo folder (this is no demo folder: the administrator is told so)
    "demo_folder.create_demo_folder": c(),
    "demo_reset.clear_demo_data": Call(lambda _w, _t: ((), {}), "says no"),
    "demo_reset.plan_clear": Call(lambda _w, _t: ((), {}), "says no"),
    # the desk
    "circulation.borrower_status": w(lambda o, _t: (o.child,)),
    "circulation.checkin": w(lambda o, _t: (o.lent,)),
    "circulation.checkout": w(lambda o, _t: (o.reader, o.free)),
    "circulation.classify_scan": w(lambda o, _t: (o.card,)),
    "circulation.return_and_lend": w(lambda o, _t: (o.reader, o.lent)),
    "circulation.find_borrower": c("王"),
    "circulation.get_loan_settings": c(),
    "circulation.list_closed_days": c(TODAY.year),
    "circulation.overdue_loans": c(),
    "circulation.print_overdue_slips": w(lambda _o, t: (t / "催还单.pdf",)),
    "circulation.renew": w(lambda o, _t: (o.lent,)),  # lent long ago: a loan made today is not renewed
    "circulation.save_loan_settings": w(lambda o, _t: (o.loan_settings,)),
    "circulation.set_closed_days": c([(dt.date(TODAY.year, 12, 31), "年末盘点")], year=TODAY.year),
    "circulation.undo": w(lambda o, _t: (o.undo_token,)),
    # warnings, cards, statistics, overview
    "early_warning.follow_up_summary": w(lambda o, _t: (o.month_ago, TODAY)),
    "early_warning.list_follow_ups": w(lambda o, _t: (o.child,)),
    "early_warning.record_follow_up": w(lambda o, _t: (o.child, TODAY, "phone", "打电话", "已了解")),
    "early_warning.scan": c(),
    "library_cards.children_of_class": c("四年级2班"),
    "library_cards.issue_cards": w(lambda o, _t: ([o.child],)),
    "library_cards.list_classes": c(),
    "library_cards.print_cards": w(
        lambda o, t: ([o.child], t / "借书证.pdf", CARDS_10), centre_name="古楼村儿童之家"
    ),
    "library_stats.books_read_per_child": c(),
    "library_stats.donor_reading": w(lambda o, _t: (o.donor, o.month_ago, TODAY)),
    "library_stats.loans_per_month": c(),
    "library_stats.most_borrowed": c(),
    "library_stats.never_borrowed": c(),
    "library_stats.per_class": c(None, None),
    "overview.counts": c(),
    # children's data leaving the program
    # printed reports (reports 写: the administrator and social workers)
    "reports.donor_report": w(lambda o, _t: ("爱心基金会", o.month_ago, TODAY)),
    "reports.export_donor_report_xlsx": w(lambda o, t: (o.donor_report, t / "捐赠.xlsx")),
    "reports.export_monthly_report_xlsx": w(lambda o, t: (o.monthly, t / "月报.xlsx")),
    "reports.export_programme_report_xlsx": w(lambda o, t: (o.programme_report, t / "总结.xlsx")),
    "reports.find_donor": c("爱心基金会"),
    "reports.monthly_report": c(TODAY.year, TODAY.month),
    "reports.programme_report": w(lambda o, _t: (o.month_ago, TODAY)),
    "reports.write_donor_report_pdf": w(lambda o, t: (o.donor_report, t / "捐赠.pdf")),
    "reports.write_monthly_report_pdf": w(lambda o, t: (o.monthly, t / "月报.pdf")),
    "reports.write_programme_report_pdf": w(lambda o, t: (o.programme_report, t / "总结.pdf")),
    "roster.export_children": w(lambda _o, t: (t / "花名册.xlsx",), confirmed=True),
    "roster.record_personal_output": w(
        lambda _o, t: ("print", "打印名单"), rows=1, target=Path("名单.pdf"), anonymised=False
    ),
    "roster.write_personal_file": w(
        lambda _o, t: (t / "名单.txt", lambda path: path.write_text("王子涵", encoding="utf-8")),
        action="export",
        what="导出名单",
        rows=1,
        needs=("child.basic",),
    ),
    # settings
    "settings.get_setting": c("children.last_promotion"),
    "settings.save_centre": c(settings_service.CentreInfo("古楼村儿童之家")),
    "settings.save_general": c(settings_service.CentreInfo("古楼村儿童之家"), "zh_CN"),
    "settings.set_language": c("en"),
    "settings.set_setting": c("label_printing", {}),
    # volunteers, the timetable, hours and certificates
    "volunteers.add_hours": w(lambda o, _t: (o.volunteer, TODAY - dt.timedelta(days=1), 60, "整理图书")),
    "volunteers.approve_hours": w(lambda o, _t: ([o.pending],)),
    "volunteers.cancel_occurrence": w(lambda o, _t: (o.session, o.held + dt.timedelta(days=14))),
    "volunteers.check_session": w(
        lambda o, _t: (
            SessionInput(o.programme, "手工", "14:30", "16:00", weekday=3, volunteer_ids=(o.volunteer,)),
        )
    ),
    "volunteers.confirm_planned": w(lambda o, _t: (o.session, o.held)),
    "volunteers.correct_hours": w(lambda o, _t: (o.pending, 60, "提前离开")),
    "volunteers.create_programme": c(
        "秋季学期", "weekly", TODAY + dt.timedelta(days=200), TODAY + dt.timedelta(days=300)
    ),
    "volunteers.create_volunteer": c(VolunteerInput("覃思琪")),
    "volunteers.current_programme": c(),
    "volunteers.delete_programme": w(lambda o, _t: (o.empty_programme,)),
    "volunteers.delete_session": w(lambda o, _t: (o.session,)),
    "volunteers.draft_certificate": w(lambda o, _t: (o.volunteer, o.held, o.held + dt.timedelta(days=6))),
    "volunteers.export_hours_xlsx": w(lambda o, t: (t / "时长.xlsx", o.held, TODAY)),
    "volunteers.export_volunteers": w(lambda _o, t: (t / "志愿者.xlsx",)),
    "volunteers.get_programme": w(lambda o, _t: (o.programme,)),
    "volunteers.get_session": w(lambda o, _t: (o.session,)),
    "volunteers.get_volunteer": w(lambda o, _t: (o.volunteer,)),
    "volunteers.hours_totals": c(TODAY - dt.timedelta(days=60), TODAY),
    "volunteers.issue_certificate": w(lambda o, _t: (o.volunteer, o.held, o.held + dt.timedelta(days=6))),
    "volunteers.list_certificates": c(),
    "volunteers.list_groups": w(lambda o, _t: (o.programme,)),
    "volunteers.list_hours": c(),
    "volunteers.list_organisations": c(),
    "volunteers.list_programmes": c(),
    "volunteers.list_rooms": c(),
    "volunteers.list_sessions": w(lambda o, _t: (o.programme,)),
    "volunteers.list_volunteers": c(),
    "volunteers.move_occurrence": w(
        lambda o, _t: (o.session, o.held + dt.timedelta(days=14)), new_start="11:00", new_end="12:00"
    ),
    "volunteers.occurrences_between": c(TODAY - dt.timedelta(days=30), TODAY),
    "volunteers.preview_import": w(lambda o, _t: (o.volunteers_file,)),
    "volunteers.programme_clashes": w(lambda o, _t: (o.programme,)),
    "volunteers.reject_hours": w(lambda o, _t: ([o.pending], "当天没有来")),
    "volunteers.restore_occurrence": w(lambda o, _t: (o.session, o.held + dt.timedelta(days=14))),
    "volunteers.run_import": w(lambda o, _t: (o.volunteers_file,)),
    "volunteers.save_room": c(None, "美术室"),
    "volunteers.save_session": w(
        lambda o, _t: (
            SessionInput(o.programme, "手工", "14:30", "16:00", weekday=3, volunteer_ids=(o.volunteer,)),
        )
    ),
    "volunteers.set_volunteer_active": w(lambda o, _t: (o.volunteer, False)),
    "volunteers.sign_in": Call(
        lambda o, _t: (
            (o.session, o.held + dt.timedelta(days=14)),
            {
                "volunteer_id": o.volunteer,
                "now": dt.datetime.combine(o.held + dt.timedelta(days=14), dt.time(8, 30)),
            },
        )
    ),
    "volunteers.sign_out": Call(
        lambda o, _t: (
            (o.session, o.held + dt.timedelta(days=14)),
            {
                "volunteer_id": o.volunteer,
                "now": dt.datetime.combine(o.held + dt.timedelta(days=14), dt.time(10)),
            },
        ),
        "says no",  # nobody signed in to that occurrence
    ),
    "volunteers.timetable_sheets": w(lambda o, _t: (o.programme,)),
    "volunteers.update_programme": w(
        lambda o, _t: (o.programme, "暑期（改）", "summer", o.held, o.held + dt.timedelta(days=27))
    ),
    "volunteers.update_volunteer": w(
        lambda o, _t: (o.volunteer, VolunteerInput("韦小宝", phone="13812345678"))
    ),
    "volunteers.verify_certificate": w(lambda o, _t: (o.code,)),
    "volunteers.week_grid": w(lambda o, _t: (o.programme, o.held)),
    "volunteers.write_audited_file": w(
        lambda _o, t: (t / "名单.txt", lambda path: path.write_text("韦小宝", encoding="utf-8")),
        action="export",
        entity="volunteer",
        what="导出名单",
        rows=1,
    ),
    "volunteers.write_certificate_pdf": w(lambda o, t: (o.certificate, t / "证明.pdf")),
    "volunteers.write_timetable_pdf": w(lambda o, t: (o.programme, t / "课表.pdf")),
}


# --- the walk --------------------------------------------------------------------------------------------------


def _public_functions() -> dict[str, Any]:
    """``area.function`` for every public function of ``center_app.services``: an area is a module, or a package
    whose modules hold its use cases (``attendance.save_marks`` lives in ``attendance/roll_call.py``). In a
    package, what its ``__init__`` exports counts, and every function of its modules that takes the context; the
    others are building blocks its modules share (they take the caller's Session, or are pure). A module whose
    name starts with ``_`` holds a package's internals and is not walked."""
    found: dict[str, Any] = {}
    prefix = f"{services_package.__name__}."
    for info in pkgutil.walk_packages(services_package.__path__, prefix):
        area, *inner = info.name.removeprefix(prefix).split(".")
        if any(part.startswith("_") for part in (area, *inner)):
            continue
        module = importlib.import_module(info.name)
        exported = getattr(importlib.import_module(prefix + area), "__all__", ()) if inner else None
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            if exported is not None and name not in exported and not _takes_context(function):
                continue
            assert f"{area}.{name}" not in found, f"two public functions {area}.{name}"
            found[f"{area}.{name}"] = function
    for name in demo_package.__all__:  # the demo generator: a package of its own, a use case all the same
        if inspect.isfunction(function := getattr(demo_package, name)):
            found[f"demo.{name}"] = function
    return found


def _takes_context(function: Any) -> bool:
    params = list(inspect.signature(function).parameters.values())
    return bool(params) and params[0].name in ("ctx", "ctx_or_data_dir")


PUBLIC = _public_functions()
WITH_CONTEXT = sorted(name for name, f in PUBLIC.items() if _takes_context(f))


def test_every_public_service_function_is_called_as_nobody_or_says_why_not() -> None:
    unlisted = sorted(set(PUBLIC) - set(CALLS) - set(NO_CHECK_NEEDED))
    assert not unlisted, (
        f"add to CALLS (called as nobody, must refuse) or NO_CHECK_NEEDED (with why): {unlisted}"
    )
    assert not set(CALLS) & set(NO_CHECK_NEEDED)
    assert not (set(CALLS) | set(NO_CHECK_NEEDED)) - set(PUBLIC), "listed but no longer there"
    # Only functions that take the context can be called as nobody.
    assert {name for name in CALLS if not _takes_context(PUBLIC[name])} == set()
    assert all(reason.strip() for reason in NO_CHECK_NEEDED.values())


def _copy(world: SimpleNamespace, tmp: Path) -> AppContext:
    """A copy of the centre, opened as the app opens a folder before anyone signs in: no actor given."""
    folder = tmp / "centre"
    shutil.copytree(world.folder, folder)
    data_dir = DataDir(folder)
    return AppContext(data_dir=data_dir, db=Database.for_file(data_dir.db_path))


def _rows(ctx: AppContext) -> dict[str, int]:
    with ctx.db.read() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}


def _files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_nobody_is_refused_and_nothing_changes(name: str, world: SimpleNamespace, tmp_path: Path) -> None:
    function = PUBLIC[name]
    out = tmp_path / "out"
    out.mkdir()
    ctx = _copy(world, tmp_path)
    try:
        before, files_before = _rows(ctx), _files(tmp_path)
        args, kwargs = CALLS[name].args(world, out)
        with pytest.raises(PermissionDenied):
            function(ctx, *args, **kwargs)
        assert _rows(ctx) == before, "refused, yet the database changed"
        assert _files(tmp_path) == files_before, "refused, yet a file was written"

        # The same call as the signed-in administrator gets past the check: the arguments are plausible.
        ctx.actor = world.admin
        args, kwargs = CALLS[name].args(world, out)
        expected = CALLS[name].admin
        if expected == "refused":
            with pytest.raises(PermissionDenied):
                function(ctx, *args, **kwargs)
        elif expected == "says no":
            with pytest.raises(DomainError) as said:
                function(ctx, *args, **kwargs)
            assert not isinstance(said.value, PermissionDenied | NotFound)
        else:
            function(ctx, *args, **kwargs)
    finally:
        ctx.close()


def test_a_context_without_an_actor_is_nobody(data_dir: DataDir) -> None:
    bare = AppContext(data_dir=data_dir, db=Database.for_file(data_dir.db_path))
    opened = open_store(data_dir)
    try:
        assert bare.actor == Actor.nobody() == opened.actor
        with pytest.raises(PermissionDenied):
            children.list_children(opened)
    finally:
        bare.close()
        opened.close()


def test_restore_from_a_bare_folder_needs_an_actor_who_may(world: SimpleNamespace, tmp_path: Path) -> None:
    target = DataDir(tmp_path / "new-pc")
    with pytest.raises(PermissionDenied):
        backup.restore(target, world.backup)  # nobody named: refused, never run as an administrator
    with pytest.raises(PermissionDenied):
        backup.restore(target, world.backup, actor=Actor("tushu", role="librarian"))
    assert not target.db_path.exists()
    result = backup.restore(target, world.backup, actor=Actor.command_line())
    assert result.summary.counts
