"""Activities on a real SQLite file: recorded from a timetable session (its volunteers prefilled, its hours
linked, once per occurrence), attendance from the activity's roll call, equipment from the loans made to it, the
list's filters, a teacher's own only, photos copied in upright and resized with the children in them, and photo
consent respected by the report (its content, the PDF checked with pypdf, the Excel tables)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import func, select

from center_app.context import Actor, AppContext
from center_app.db.models import ActivityPhoto, AuditLog, ServiceHours
from center_app.domain.activities import ActivityInput, PhotoVerdict, photo_verdict
from center_app.domain.children import ChildInput
from center_app.domain.equipment import Borrower, ItemInput
from center_app.domain.errors import DomainError, NotFound, PermissionDenied, ValidationError
from center_app.services import activities as acts
from center_app.services import attendance as att
from center_app.services import children, equipment
from center_app.services import volunteers as vs
from center_app.services.volunteers import SessionInput, VolunteerInput

D = dt.date
MON = D(2026, 7, 6)
WED = D(2026, 7, 8)


def teacher(ctx: AppContext, volunteer_id: int | None) -> AppContext:
    return AppContext(
        ctx.data_dir, ctx.db, Actor("t", role="teacher", user_id=None, volunteer_id=volunteer_id)
    )


def child(ctx: AppContext, name: str, class_name: str, *, consent: bool) -> int:
    return children.create_child(
        ctx, ChildInput(name, class_name=class_name, photo_consent=consent, enrolled_on=D(2026, 3, 1))
    ).id


def photo_file(
    folder: Path, name: str, size: tuple[int, int] = (4000, 3000), *, rotate: bool = False
) -> Path:
    """A phone's photo: big, and (``rotate``) stored sideways with an EXIF orientation saying so."""
    folder.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, (200, 120, 40))
    for x in range(0, size[0] // 4):  # a mark in the top-left corner, to see which way is up
        for y in range(0, size[1] // 8):
            image.putpixel((x, y), (0, 0, 255))
    path = folder / name
    exif = Image.Exif()
    exif[0x0112] = 6 if rotate else 1  # 6: rotate 90° clockwise to show
    exif[0x010F] = "Phone"
    # where the village is: must not survive the copy
    exif.get_ifd(0x8825).update({1: "N", 2: (22.0, 30.0, 0.0)})
    image.save(path, "JPEG", quality=90, exif=exif.tobytes())
    return path


@pytest.fixture
def world(ctx: AppContext):
    programme = vs.create_programme(ctx, "2026年暑期", "summer", MON, D(2026, 7, 31))
    room = vs.save_room(ctx, None, "阅览室").id
    wei = vs.create_volunteer(ctx, VolunteerInput("韦小宝", organisation="广西师范大学")).id
    qin = vs.create_volunteer(ctx, VolunteerInput("覃思琪", organisation="广西师范大学")).id
    huang = vs.create_volunteer(ctx, VolunteerInput("黄老师", organisation="古楼村小学")).id
    reading = vs.save_session(
        ctx,
        SessionInput(
            programme.id,
            "绘本共读",
            "08:30",
            "10:00",
            weekday=1,
            volunteer_ids=(wei, qin),
            room_id=room,
            kind="reading",
            group="1-3年级",
        ),
    ).session.id
    art = vs.save_session(
        ctx, SessionInput(programme.id, "彩泥手工", "14:30", "16:00", weekday=3, volunteer_ids=(huang,))
    ).session.id
    kids = {
        "zihan": child(ctx, "王子涵", "三年级2班", consent=True),
        "xiaoyan": child(ctx, "黄小燕", "四年级1班", consent=False),
        "ming": child(ctx, "李明", "三年级1班", consent=True),
    }
    return {
        "programme": programme.id,
        "room": room,
        "wei": wei,
        "qin": qin,
        "huang": huang,
        "reading": reading,
        "art": art,
        **kids,
    }


def from_session(ctx: AppContext, session_id: int, day: dt.date, **changes: object) -> acts.ActivityDetail:
    draft = acts.draft_from_session(ctx, session_id, day)
    values = {**draft.__dict__, **changes}
    return acts.create_activity(ctx, ActivityInput(**values))


# --- from the timetable ----------------------------------------------------------------------------------------


def test_created_from_a_timetable_session_the_volunteers_come_prefilled(ctx: AppContext, world) -> None:
    planned = acts.planned_sessions(ctx, MON, MON)
    assert [(p.title, p.volunteers, p.recorded) for p in planned] == [
        ("绘本共读", ("韦小宝", "覃思琪"), False)
    ]
    draft = acts.draft_from_session(ctx, world["reading"], MON)
    assert (draft.title, draft.kind, draft.on_date, draft.start_time, draft.end_time) == (
        "绘本共读",
        "reading",
        MON,
        dt.time(8, 30),
        dt.time(10, 0),
    )
    assert draft.volunteer_ids == (world["wei"], world["qin"]) and draft.room_id == world["room"]
    assert draft.description == "对象：1-3年级"

    # The form sends nothing for the volunteers: the occurrence's crew is taken, lead first.
    saved = acts.create_activity(
        ctx, ActivityInput("绘本共读", MON, session_id=world["reading"], slot_date=MON)
    )
    assert [(v.name, v.role_label) for v in saved.volunteers] == [("韦小宝", "负责"), ("覃思琪", "协助")]
    assert (saved.times, saved.room, saved.session_id, saved.slot_date) == (
        "08:30–10:00",
        "阅览室",
        world["reading"],
        MON,
    )
    assert acts.planned_sessions(ctx, MON, MON)[0].activity_id == saved.id

    # An occurrence is recorded once.
    with pytest.raises(DomainError, match="已经记录过了"):
        from_session(ctx, world["reading"], MON)
    with pytest.raises(ValidationError, match="没有课"):
        acts.draft_from_session(ctx, world["reading"], D(2026, 7, 7))


def test_the_occurrences_service_hours_are_linked_to_the_activity(ctx: AppContext, world) -> None:
    hours = vs.confirm_planned(ctx, world["reading"], MON)
    assert len(hours) == 2
    saved = from_session(ctx, world["reading"], MON)
    with ctx.db.read() as s:
        linked = s.scalars(select(ServiceHours.activity_id)).all()
    assert linked == [saved.id, saved.id]


def test_a_moved_occurrence_is_recorded_on_the_day_it_was_held(ctx: AppContext, world) -> None:
    vs.move_occurrence(
        ctx, world["reading"], D(2026, 7, 13), new_date=D(2026, 7, 14), new_start="09:00", new_end="10:30"
    )
    draft = acts.draft_from_session(ctx, world["reading"], D(2026, 7, 13))
    assert (draft.on_date, draft.slot_date, draft.start_time) == (
        D(2026, 7, 14),
        D(2026, 7, 13),
        dt.time(9, 0),
    )
    planned = acts.planned_sessions(ctx, D(2026, 7, 13), D(2026, 7, 14))
    assert [(p.slot_date, p.start.date(), p.moved) for p in planned] == [
        (D(2026, 7, 13), D(2026, 7, 14), True)
    ]


# --- attendance, equipment ---------------------------------------------------------------------------------------


def test_attendance_comes_from_the_activitys_roll_call(ctx: AppContext, world) -> None:
    saved = from_session(ctx, world["reading"], MON)
    assert not saved.roll_taken and saved.attendance == ()
    att.save_marks(
        ctx,
        MON,
        saved.id,
        [
            att.MarkInput(world["zihan"], "P"),
            att.MarkInput(world["xiaoyan"], "E"),
            att.MarkInput(world["ming"], "L"),
        ],
    )
    detail = acts.get_activity(ctx, saved.id)
    assert detail.roll_taken
    assert [(a.name, a.label, a.present) for a in detail.attendance] == [
        ("李明", "迟到", True),  # 三年级1班 before 三年级2班: a paper register's order
        ("王子涵", "出勤", True),
        ("黄小燕", "请假", False),
    ]
    assert [a.name for a in detail.present] == ["李明", "王子涵"]
    row = acts.list_activities(ctx)[0]
    assert (row.present, row.roll_taken) == (2, True)


def test_the_roll_call_moves_with_its_activity_to_another_day(ctx: AppContext, world) -> None:
    saved = acts.create_activity(
        ctx, ActivityInput("读书分享会", MON, kind="阅读", volunteer_ids=(world["wei"],))
    )
    att.save_marks(ctx, MON, saved.id, [att.MarkInput(world["zihan"], "P")])
    moved = acts.update_activity(
        ctx,
        saved.id,
        ActivityInput("读书分享会", D(2026, 7, 7), kind="reading", volunteer_ids=(world["wei"],)),
    )
    assert moved.on_date == D(2026, 7, 7) and [a.name for a in moved.present] == ["王子涵"]
    view = att.open_register(ctx, D(2026, 7, 7), saved.id)
    assert view.register_id is not None and len(view.rows) >= 1


def test_equipment_comes_from_the_loans_made_to_the_activity(ctx: AppContext, world) -> None:
    saved = acts.create_activity(
        ctx, ActivityInput("跳绳比赛", D(2026, 11, 30), kind="体育", volunteer_ids=(world["huang"],))
    )
    ropes = equipment.create_item(ctx, ItemInput("跳绳", category="sports", quantity=20, unit="根")).item.id
    balls = equipment.create_item(ctx, ItemInput("篮球", category="sports", quantity=6, unit="个")).item.id
    equipment.lend(ctx, ropes, Borrower.group("跳绳比赛", activity_id=saved.id), 10)
    equipment.lend(ctx, balls, Borrower.session(activity_id=saved.id), 2)
    equipment.lend(ctx, balls, Borrower.group("三年级体育课"), 1)  # another class: not this activity's
    detail = acts.get_activity(ctx, saved.id)
    assert [e.text for e in detail.equipment] == ["跳绳 10根", "篮球 2个"]


# --- the list, permissions -------------------------------------------------------------------------------------


def test_the_list_filters_by_dates_kind_volunteer_and_text(ctx: AppContext, world) -> None:
    reading = from_session(ctx, world["reading"], MON)
    art = from_session(ctx, world["art"], WED, kind="art")
    safety = acts.create_activity(
        ctx, ActivityInput("防溺水安全教育", D(2026, 7, 10), kind="安全教育", description="暑假不去河边游泳")
    )
    assert [r.id for r in acts.list_activities(ctx)] == [safety.id, art.id, reading.id]  # newest first
    assert [r.id for r in acts.list_activities(ctx, first=WED, last=WED)] == [art.id]
    assert [r.id for r in acts.list_activities(ctx, kind="safety")] == [safety.id]
    assert [r.id for r in acts.list_activities(ctx, kind="安全教育")] == [safety.id]
    assert [r.id for r in acts.list_activities(ctx, volunteer_id=world["qin"])] == [reading.id]
    assert [r.id for r in acts.list_activities(ctx, text="hbgd")] == [reading.id]  # 绘本共读's initials
    assert [r.id for r in acts.list_activities(ctx, text="河边")] == [safety.id]  # the description
    assert [r.id for r in acts.list_activities(ctx, text="黄老师")] == [art.id]  # a volunteer
    row = acts.list_activities(ctx, kind="safety")[0]
    assert (row.kind_label, row.volunteers, row.may_edit) == ("安全教育", (), True)


def test_a_teacher_records_and_sees_only_their_own(ctx: AppContext, world) -> None:
    reading = from_session(ctx, world["reading"], MON)
    art = from_session(ctx, world["art"], WED)
    qin = teacher(ctx, world["qin"])
    assert [r.id for r in acts.list_activities(qin)] == [reading.id]
    assert [r.id for r in acts.list_activities(qin, volunteer_id=world["huang"])] == [reading.id]
    assert [p.title for p in acts.planned_sessions(qin, MON, WED)] == ["绘本共读"]
    assert acts.get_activity(qin, reading.id).may_edit
    with pytest.raises(PermissionDenied, match="只能查看自己负责的活动"):
        acts.get_activity(qin, art.id)
    with pytest.raises(PermissionDenied):
        acts.update_activity(qin, art.id, art.as_input())
    with pytest.raises(PermissionDenied):
        acts.create_activity(qin, ActivityInput("代课", MON, volunteer_ids=(world["huang"],)))
    with pytest.raises(ValidationError, match="不是你的课"):
        acts.draft_from_session(qin, world["art"], WED)
    # With no volunteers given, a teacher records an activity they lead.
    own = acts.create_activity(qin, ActivityInput("故事会", D(2026, 7, 9)))
    assert [v.name for v in own.volunteers] == ["覃思琪"]
    # ... and cannot take themselves off it (it would no longer be theirs).
    with pytest.raises(PermissionDenied):
        acts.update_activity(
            qin, own.id, ActivityInput("故事会", D(2026, 7, 9), volunteer_ids=(world["wei"],))
        )
    changed = acts.update_activity(
        qin,
        own.id,
        ActivityInput("故事会", D(2026, 7, 9), volunteer_ids=(world["qin"],), reflection="孩子们很投入"),
    )
    assert changed.reflection == "孩子们很投入" and changed.volunteer_ids == (world["qin"],)
    with pytest.raises(PermissionDenied, match="还没有关联"):
        acts.list_activities(teacher(ctx, None))
    librarian = AppContext(ctx.data_dir, ctx.db, Actor("l", role="librarian"))
    with pytest.raises(PermissionDenied):
        acts.list_activities(librarian)


def test_the_form_is_checked_whole_and_changes_are_audited(ctx: AppContext, world) -> None:
    with pytest.raises(ValidationError) as refused:
        acts.create_activity(
            ctx,
            ActivityInput(
                " ", dt.date.today() + dt.timedelta(days=1), kind="跳舞", start_time="16:00", end_time="15:00"
            ),
        )
    problems = refused.value.problems
    assert (
        len(problems) == 4
        and any("活动名称" in p for p in problems)
        and any("晚于今天" in p for p in problems)
    )
    saved = acts.create_activity(
        ctx, ActivityInput("写春联", D(2026, 11, 20), kind="美术", start_time="15：00")
    )
    assert (saved.kind, saved.start_time) == ("art", dt.time(15, 0))
    acts.update_activity(
        ctx, saved.id, ActivityInput("写春联送祝福", D(2026, 11, 20), kind="art", start_time="15:00")
    )
    with ctx.db.read() as s:
        summaries = s.scalars(
            select(AuditLog.summary).where(AuditLog.entity == "activity").order_by(AuditLog.id)
        ).all()
    assert summaries[-2].startswith("记录活动 2026年11月20日 写春联")
    assert summaries[-1].endswith("活动名称")


def test_delete_is_for_mistakes_not_for_an_activity_with_a_roll_call(
    ctx: AppContext, world, tmp_path: Path
) -> None:
    held = from_session(ctx, world["reading"], MON)
    att.save_marks(ctx, MON, held.id, [att.MarkInput(world["zihan"], "P")])
    with pytest.raises(DomainError, match="已经点过名"):
        acts.delete_activity(ctx, held.id)
    mistake = acts.create_activity(ctx, ActivityInput("记错了", MON))
    photo = acts.add_photo(ctx, mistake.id, photo_file(tmp_path, "a.jpg"))
    assert photo.path.is_file()
    acts.delete_activity(ctx, mistake.id)
    assert not photo.path.exists() and not photo.path.parent.exists()
    with pytest.raises(NotFound):
        acts.get_activity(ctx, mistake.id)


# --- photos and consent ----------------------------------------------------------------------------------------


def test_photos_are_copied_into_the_data_folder_upright_and_resized(
    ctx: AppContext, world, tmp_path: Path
) -> None:
    saved = from_session(ctx, world["reading"], MON)
    source = photo_file(tmp_path / "手机 照片", "IMG_0001.jpg", rotate=True)
    row = acts.add_photo(ctx, saved.id, source, child_ids=[world["zihan"]], caption="孩子们在读绘本")
    root = ctx.data_dir.root / "photos" / "activities" / str(saved.id)
    assert row.path.parent == root and row.path.suffix == ".jpg" and source.exists()
    # 4000×3000 stored sideways: shown 3000×4000, the long side 1600
    assert (row.width, row.height) == (1200, 1600)
    with Image.open(row.path) as copy:
        assert copy.size == (1200, 1600)
        assert not copy.getexif()  # no orientation (it is upright now), no camera, no GPS
        top_right = copy.getpixel((copy.width - 5, 5))
        assert top_right[2] > 200  # the blue corner turned with the photo: now at the top right
    assert row.path.stat().st_size < source.stat().st_size
    assert [c.name for c in row.children] == ["王子涵"] and row.children_checked and row.printable
    with ctx.db.read() as s:
        assert s.scalar(select(ActivityPhoto.path)) == f"photos/activities/{saved.id}/{row.path.name}"


def test_a_file_that_is_not_a_photo_is_refused_and_nothing_is_kept(
    ctx: AppContext, world, tmp_path: Path
) -> None:
    saved = from_session(ctx, world["reading"], MON)
    fake = tmp_path / "照片.jpg"
    fake.write_text("这不是照片")
    with pytest.raises(DomainError, match="不是能识别的照片"):
        acts.add_photo(ctx, saved.id, fake)
    truncated = tmp_path / "坏的.jpg"
    truncated.write_bytes(photo_file(tmp_path, "好的.jpg").read_bytes()[:2000])
    with pytest.raises(DomainError, match="已损坏"):
        acts.add_photo(ctx, saved.id, truncated)
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(ActivityPhoto)) == 0
    folder = ctx.data_dir.root / "photos" / "activities" / str(saved.id)
    assert not folder.exists() or not any(folder.iterdir())


def test_which_photos_may_be_printed() -> None:
    assert photo_verdict(True, [True, True]) == PhotoVerdict.PRINTABLE
    assert photo_verdict(True, []) == PhotoVerdict.PRINTABLE  # checked: nobody in it (the room, the artwork)
    assert photo_verdict(False, []) == PhotoVerdict.NOT_CHECKED  # nobody said who is in it: not printed
    assert photo_verdict(True, [True, False]) == PhotoVerdict.NO_CONSENT
    assert photo_verdict(True, [True], file_exists=False) == PhotoVerdict.MISSING


def test_tagging_and_the_children_offered(ctx: AppContext, world, tmp_path: Path) -> None:
    saved = from_session(ctx, world["reading"], MON)
    att.save_marks(
        ctx, MON, saved.id, [att.MarkInput(world["xiaoyan"], "P"), att.MarkInput(world["ming"], "A")]
    )
    choices = acts.photo_children_choices(ctx, saved.id)
    assert [(c.name, c.attended, c.consent) for c in choices] == [
        ("黄小燕", True, False),  # present first
        ("李明", False, True),  # then the rest of the roll call
        ("王子涵", False, True),  # then everyone else on the roll
    ]
    row = acts.add_photo(ctx, saved.id, photo_file(tmp_path, "b.jpg"))
    assert row.verdict == PhotoVerdict.NOT_CHECKED and not row.printable
    tagged = acts.tag_photo(ctx, row.id, [world["xiaoyan"], world["zihan"]], caption="合影")
    assert tagged.verdict == PhotoVerdict.NO_CONSENT and tagged.caption == "合影"
    assert [c.consent for c in tagged.children] == [True, False] or [c.consent for c in tagged.children] == [
        False,
        True,
    ]
    assert acts.tag_photo(ctx, row.id, [world["zihan"]]).printable
    acts.remove_photo(ctx, row.id)
    assert acts.get_activity(ctx, saved.id).photos == () and not row.path.exists()


def _report_world(ctx: AppContext, world, tmp_path: Path) -> acts.ActivityDetail:
    saved = from_session(ctx, world["reading"], MON, reflection="低年级孩子注意力不够集中，下次分组进行。")
    att.save_marks(
        ctx,
        MON,
        saved.id,
        [
            att.MarkInput(world["zihan"], "P"),
            att.MarkInput(world["xiaoyan"], "P"),
            att.MarkInput(world["ming"], "E"),
        ],
    )
    acts.add_photo(
        ctx, saved.id, photo_file(tmp_path, "ok.jpg"), child_ids=[world["zihan"]], caption="共读时间"
    )
    acts.add_photo(
        ctx, saved.id, photo_file(tmp_path, "no.jpg"), child_ids=[world["xiaoyan"]], caption="不能打印的照片"
    )
    acts.add_photo(ctx, saved.id, photo_file(tmp_path, "unchecked.jpg"), caption="还没核对的照片")
    acts.add_photo(ctx, saved.id, photo_file(tmp_path, "room.jpg"), child_ids=[], caption="布置好的阅览室")
    return saved


def test_the_report_leaves_out_photos_of_children_without_consent(
    ctx: AppContext, world, tmp_path: Path
) -> None:
    saved = _report_world(ctx, world, tmp_path)
    report = acts.activity_report(ctx, saved.id, today=D(2026, 7, 7))
    assert [p.caption for p in report.photos] == ["共读时间", "布置好的阅览室"]
    assert report.photos_left_out == 2
    assert dict(report.left_out_reasons) == {"还没核对照片里有哪些儿童": 1, "照片里有未获拍照同意的儿童": 1}
    assert report.present == (("王子涵", "三年级2班"), ("黄小燕", "四年级1班"))
    assert report.attendance_summary == "出勤 2 人，请假 1 人"
    assert (report.leads, report.assistants, report.session_label) == (
        ("韦小宝",),
        ("覃思琪",),
        "绘本共读（1-3年级）",
    )


def test_the_report_pdf_says_what_the_activity_was(ctx: AppContext, world, tmp_path: Path) -> None:
    saved = _report_world(ctx, world, tmp_path)
    target = tmp_path / "报告 #1" / "活动报告.pdf"
    written = acts.write_activity_report(ctx, saved.id, target, today=D(2026, 7, 7))
    assert written.path == target and written.photos_left_out == 2
    reader = PdfReader(str(target))
    assert written.pages == len(reader.pages) >= 1
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in (
        "单次活动报告",
        "绘本共读",
        "2026年7月6日",
        "08:30–10:00",
        "阅览室",
        "韦小宝",
        "覃思琪",
        "王子涵",
        "黄小燕",
        "三年级2班",
        "出勤 2 人，请假 1 人",
        "低年级孩子注意力不够集中",
        "负责人签名",
        "志愿者签名",
        "日期",
        "另有 2 张照片没有打印",
        "共读时间",
        "打印日期：2026年7月7日",
    ):
        assert expected in text, expected
    assert "李明" not in text  # on leave: not on the attendance list
    assert "不能打印的照片" not in text and "还没核对的照片" not in text
    pages = len(reader.pages)
    for n in range(1, pages + 1):
        assert re.search(rf"第 {n} 页\s*/?\s*共 {pages} 页", text), n
    fonts = set()
    images = 0
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources["/Font"].values():
            font = font.get_object()
            descriptor = (
                font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            )
            descriptor = descriptor.get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font[
                "/BaseFont"
            ]
            fonts.add(str(font["/BaseFont"]))
        images += len(page.images)
    assert fonts and images == 2  # the two printable photos, no more
    with ctx.db.read() as s:
        audit = s.scalars(select(AuditLog.summary).where(AuditLog.action == "print")).all()
    assert any("打印活动报告" in a and "绘本共读" in a for a in audit)


def test_the_reports_tables_in_excel(ctx: AppContext, world, tmp_path: Path) -> None:
    saved = _report_world(ctx, world, tmp_path)
    rows = acts.export_activity_xlsx(ctx, saved.id, tmp_path / "活动.xlsx")
    sheet = load_workbook(tmp_path / "活动.xlsx").active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert "绘本共读" in values[0][0] and values[1] == ["类别", "项目", "内容", "说明"]
    assert ["出勤", "王子涵", "三年级2班", "出勤"] in values and ["志愿者", "韦小宝", "负责", None] in values
    assert rows == len(values) - 2


def test_a_teacher_prints_their_own_activitys_report(ctx: AppContext, world, tmp_path: Path) -> None:
    saved = from_session(ctx, world["reading"], MON)
    other = from_session(ctx, world["art"], WED)
    wei = teacher(ctx, world["wei"])
    assert acts.write_activity_report(wei, saved.id, tmp_path / "mine.pdf").pages == 1
    with pytest.raises(PermissionDenied):
        acts.write_activity_report(wei, other.id, tmp_path / "theirs.pdf")
    assert not (tmp_path / "theirs.pdf").exists()
