"""Certificates and printed timetables: issue (facts stored, audited), verify (genuine; a changed number fails; a
forged code fails; the secret never leaves the database), the certificate PDF and the timetable PDFs (text,
A4, fonts embedded, page numbers, the QR code)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select, update

from center_app.context import Actor, AppContext
from center_app.db.models import AuditLog, CentreSecret, Certificate
from center_app.domain import certificates as certs
from center_app.domain.errors import PermissionDenied, ValidationError
from center_app.services import settings
from center_app.services import volunteers as vs
from center_app.services.volunteers import SessionInput, VolunteerInput
from tests.reports import all_text, assert_a4, assert_fonts_embedded

D = dt.date
DT = dt.datetime
MON = D(2026, 7, 6)


@pytest.fixture
def summer(ctx: AppContext):
    settings.save_centre(ctx, settings.CentreInfo("古楼村儿童之家"))
    programme = vs.create_programme(ctx, "2026年暑期", "summer", MON, D(2026, 7, 31))
    rooms = {n: vs.save_room(ctx, None, n).id for n in ("阅览室", "美术室")}
    wei = vs.create_volunteer(ctx, VolunteerInput("韦小宝", organisation="广西师范大学")).id
    qin = vs.create_volunteer(ctx, VolunteerInput("覃思琪", organisation="广西师范大学")).id
    reading = vs.save_session(
        ctx,
        SessionInput(
            programme.id,
            "绘本共读",
            "08:30",
            "10:00",
            weekday=1,
            volunteer_ids=(wei,),
            room_id=rooms["阅览室"],
            group="1-3年级",
        ),
    ).session.id
    art = vs.save_session(
        ctx,
        SessionInput(
            programme.id,
            "剪纸",
            "14:30",
            "16:00",
            weekday=3,
            volunteer_ids=(qin, wei),
            room_id=rooms["美术室"],
            group="4-6年级",
        ),
    ).session.id
    vs.save_session(
        ctx,
        SessionInput(programme.id, "观星", "21:00", "01:00", on_date=D(2026, 7, 10), volunteer_ids=(qin,)),
    )
    vs.cancel_occurrence(ctx, reading, D(2026, 7, 20), "台风")
    ids = []
    for day in (MON, D(2026, 7, 13), D(2026, 7, 27)):
        ids += [r.id for r in vs.confirm_planned(ctx, reading, day, now=DT(2026, 8, 1))]
    for day in (D(2026, 7, 8), D(2026, 7, 15)):
        ids += [r.id for r in vs.confirm_planned(ctx, art, day, now=DT(2026, 8, 1))]
    vs.approve_hours(ctx, ids)
    return programme, rooms, {"wei": wei, "qin": qin}


def test_issue_and_verify_a_certificate(ctx: AppContext, summer, tmp_path: Path) -> None:
    _programme, _rooms, people = summer
    draft = vs.draft_certificate(ctx, people["wei"], MON, D(2026, 7, 31), issued_on=D(2026, 8, 10))
    assert (draft.facts.minutes, draft.facts.sessions) == (450, 5)
    issued = vs.issue_certificate(
        ctx, people["wei"], MON, D(2026, 7, 31), issued_on=D(2026, 8, 10), pdf_path=tmp_path / "证明.pdf"
    )
    assert issued.facts.number == "2026-0001" and issued.hours_text == "7 小时 30 分钟"
    assert [(x.title, x.sessions, x.minutes) for x in issued.lines] == [
        ("绘本共读", 3, 270),
        ("剪纸", 2, 180),
    ]
    assert len(issued.code) == 14 and issued.code.count("-") == 2
    result = vs.verify_certificate(ctx, issued.code.lower().replace("-", " "))
    assert result.genuine and result.reason.startswith("真实有效")
    assert (
        "志愿者：韦小宝（广西师范大学）" in result.lines()
        and "服务时长：7 小时 30 分钟，共 5 次" in result.lines()
    )
    second = vs.issue_certificate(ctx, people["qin"], MON, D(2026, 7, 31), issued_on=D(2026, 8, 10))
    assert second.facts.number == "2026-0002" and second.code != issued.code
    assert [c.facts.number for c in vs.list_certificates(ctx)] == ["2026-0002", "2026-0001"]
    entry = [e for e in _audit(ctx, "certificate") if e.action == "create"][0]
    assert "开具志愿服务证明 2026-0001" in entry.summary and json.loads(entry.changes)["minutes"] == [
        None,
        450,
    ]


def test_a_certificate_whose_hours_changed_fails(ctx: AppContext, summer) -> None:
    _programme, _rooms, people = summer
    issued = vs.issue_certificate(ctx, people["wei"], MON, D(2026, 7, 31), issued_on=D(2026, 8, 10))
    record = next(r for r in vs.list_hours(ctx, volunteer_id=people["wei"]) if r.description == "剪纸")
    vs.correct_hours(ctx, record.id, 60, "提前离开")
    result = vs.verify_certificate(ctx, issued.code)
    assert not result.genuine and "签发后服务时长被修改过" in result.reason
    assert result.current_minutes == 420 and "现在核定的时长：7 小时" in result.lines()
    vs.correct_hours(ctx, record.id, 90, "改回")
    assert vs.verify_certificate(ctx, issued.code).genuine


def test_a_changed_number_in_the_stored_facts_fails(ctx: AppContext, summer) -> None:
    _programme, _rooms, people = summer
    issued = vs.issue_certificate(ctx, people["wei"], MON, D(2026, 7, 31), issued_on=D(2026, 8, 10))
    with ctx.db.session() as s:  # someone edits the database by hand: 7.5 hours become 75
        s.execute(update(Certificate).values(minutes=4500))
    result = vs.verify_certificate(ctx, issued.code)
    assert not result.genuine and "与核验码不符" in result.reason


def test_a_forged_or_mistyped_code_fails(ctx: AppContext, summer) -> None:
    _programme, _rooms, people = summer
    issued = vs.issue_certificate(ctx, people["wei"], MON, D(2026, 7, 31), issued_on=D(2026, 8, 10))
    other_centre = certs.code_for(b"another centre's secret" * 2, issued.facts)
    for code in (other_centre, "ABCD-EFGH-JKMN", issued.code[:-1] + ("0" if issued.code[-1] != "0" else "1")):
        result = vs.verify_certificate(ctx, code)
        assert not result.genuine and "本中心没有签发过" in result.reason and result.certificate is None
    assert not vs.verify_certificate(ctx, "12345").genuine
    assert "12 位" in vs.verify_certificate(ctx, "12345").reason


def test_the_secret_stays_in_the_database(ctx: AppContext, summer, tmp_path: Path) -> None:
    _programme, _rooms, people = summer
    issued = vs.issue_certificate(
        ctx, people["wei"], MON, D(2026, 7, 31), issued_on=D(2026, 8, 10), pdf_path=tmp_path / "out" / "c.pdf"
    )
    with ctx.db.read() as s:
        secret = s.scalars(select(CentreSecret)).one().value
    assert len(secret) == 64
    out = tmp_path / "out"
    vs.export_volunteers(ctx, out / "v.csv")
    vs.export_hours_xlsx(ctx, out / "h.xlsx", MON, D(2026, 7, 31), by="records")
    for path in out.iterdir():
        assert secret.encode() not in path.read_bytes(), path.name
    with ctx.db.read() as s:
        assert not [e for e in s.scalars(select(AuditLog)) if secret in (e.summary + e.changes)]
    logs = ctx.data_dir.logs
    for log in logs.glob("*") if logs.exists() else []:
        assert secret not in log.read_text(encoding="utf-8", errors="ignore")
    assert issued.code


def test_issuing_needs_approved_hours_and_staff(ctx: AppContext, summer) -> None:
    _programme, _rooms, people = summer
    with pytest.raises(ValidationError, match="没有已核定的服务时长"):
        vs.issue_certificate(ctx, people["wei"], D(2026, 8, 1), D(2026, 8, 31), issued_on=D(2026, 9, 1))
    teacher = AppContext(ctx.data_dir, ctx.db, Actor("t", role="teacher", volunteer_id=people["wei"]))
    with pytest.raises(PermissionDenied):
        vs.issue_certificate(teacher, people["wei"], MON, D(2026, 7, 31))
    with pytest.raises(PermissionDenied):
        vs.verify_certificate(teacher, "ABCD-EFGH-JKMN")
    vs.issue_certificate(ctx, people["wei"], MON, D(2026, 7, 31), issued_on=D(2026, 8, 10))
    assert [c.facts.volunteer_name for c in vs.list_certificates(teacher)] == ["韦小宝"]


def test_the_certificate_pdf(ctx: AppContext, summer, tmp_path: Path) -> None:
    _programme, _rooms, people = summer
    target = tmp_path / "志愿服务证明 #1.pdf"
    issued = vs.issue_certificate(
        ctx, people["wei"], MON, D(2026, 7, 31), issued_on=D(2026, 8, 10), pdf_path=target
    )
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    assert_a4(reader)
    assert_fonts_embedded(reader)
    text = all_text(target).replace(" ", "")
    for part in (
        "志愿服务证明",
        "古楼村儿童之家",
        "韦小宝",
        "广西师范大学",
        "2026年7月6日",
        "2026年7月31日",
        "7小时30分钟",
        "绘本共读",
        "剪纸",
        "盖章处",
        "2026-0001",
        issued.code,
        "第1页/共1页",
    ):
        assert part in text, part
    assert any(e.action == "print" and "2026-0001" in e.summary for e in _audit(ctx, "certificate"))


def test_printed_timetables(ctx: AppContext, summer, tmp_path: Path) -> None:
    programme, rooms, people = summer
    centre = vs.write_timetable_pdf(ctx, programme.id, tmp_path / "全中心.pdf")
    reader = PdfReader(centre)
    assert_a4(reader, landscape=True)
    assert_fonts_embedded(reader)
    text = all_text(centre)
    for part in (
        "2026年暑期课表",
        "古楼村儿童之家",
        "周一",
        "周三",
        "上午一",
        "绘本共读",
        "剪纸",
        "阅览室",
        "韦小宝",
        "第 1 页 / 共 1 页",
    ):
        assert part in text, part
    flat = text.replace(" ", "").replace("\n", "")
    assert "7月10日（周五）21:00–次日01:00“观星”" in flat  # the once-only session, across midnight
    assert "7月20日（周一）08:30–10:00“绘本共读”停课：台风" in flat
    one = all_text(vs.write_timetable_pdf(ctx, programme.id, tmp_path / "覃.pdf", "volunteer", people["qin"]))
    assert "覃思琪" in one and "剪纸" in one and "绘本共读" not in one
    room = all_text(vs.write_timetable_pdf(ctx, programme.id, tmp_path / "室.pdf", "room", rooms["美术室"]))
    assert "美术室" in room and "剪纸" in room and "绘本共读" not in room
    klass = all_text(vs.write_timetable_pdf(ctx, programme.id, tmp_path / "班.pdf", "class", "1-3年级"))
    assert "绘本共读" in klass and "剪纸" not in klass
    each = PdfReader(vs.write_timetable_pdf(ctx, programme.id, tmp_path / "每人.pdf", "volunteer"))
    assert len(each.pages) == 2 and "第 2 页 / 共 2 页" in each.pages[1].extract_text()
    teacher = AppContext(ctx.data_dir, ctx.db, Actor("t", role="teacher", volunteer_id=people["wei"]))
    vs.write_timetable_pdf(teacher, programme.id, tmp_path / "我的.pdf", "volunteer", people["wei"])
    with pytest.raises(PermissionDenied):
        vs.write_timetable_pdf(teacher, programme.id, tmp_path / "全.pdf")
    empty = vs.create_programme(ctx, "空课表", "weekly", D(2026, 9, 1), D(2027, 1, 20))
    with pytest.raises(ValidationError, match="还没有课"):
        vs.write_timetable_pdf(ctx, empty.id, tmp_path / "空.pdf")


def _audit(ctx: AppContext, entity: str) -> list[AuditLog]:
    with ctx.db.read() as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.entity == entity).order_by(AuditLog.id)))


def test_the_demo_centres_timetables_are_clash_free_and_its_certificates_verify(ctx: AppContext) -> None:
    from center_app.demo import fill_demo

    fill_demo(ctx, today=D(2026, 11, 29))
    programmes = vs.list_programmes(ctx)
    assert programmes and all(p.sessions for p in programmes)
    assert all(vs.programme_clashes(ctx, p.id) == [] for p in programmes)
    issued = vs.list_certificates(ctx)
    assert issued and all(vs.verify_certificate(ctx, c.code).genuine for c in issued)
