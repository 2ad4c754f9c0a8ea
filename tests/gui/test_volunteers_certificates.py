"""服务证明 (the volunteers page's certificates tab), driven like a user: choose a volunteer (by pinyin initials) and
a period, read the draft, issue after the inline question, the PDF written and opened with the hours and the code
on it, the certificate listed; the code typed into the verification box is genuine — until the hours are changed
through the service, then it is not; a mistyped code; a teacher; and the fit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from center_app.context import Actor
from center_app.services import settings
from center_app.services import volunteers as vs
from center_app.services.volunteers import SessionInput, VolunteerInput
from center_app.ui.pages.volunteers_certificates import VolunteersCertificatesTab
from tests.gui.test_volunteers_roster import PICTURES, Host, click, fits, show
from tests.reports import all_text
from tests.uitools import ime_type

D = dt.date
DT = dt.datetime
MON = D(2026, 7, 6)
ISSUED_ON = D(2026, 8, 10)


@pytest.fixture
def summer(window) -> dict[str, int]:
    ctx = window.ctx
    settings.save_centre(ctx, settings.CentreInfo("古楼村儿童之家"))
    programme = vs.create_programme(ctx, "2026年暑期", "summer", MON, D(2026, 7, 31))
    room = vs.save_room(ctx, None, "阅览室").id
    mo = vs.create_volunteer(
        ctx,
        VolunteerInput(
            "莫小燕", organisation="贺州学院", kind="student", start_on="2026-07-06", end_on="2026-07-31"
        ),
    ).id
    wei = vs.create_volunteer(ctx, VolunteerInput("韦小宝", organisation="广西师范大学")).id
    reading = vs.save_session(
        ctx,
        SessionInput(
            programme.id, "绘本共读", "08:30", "10:00", weekday=1, volunteer_ids=(mo,), room_id=room
        ),
    ).session.id
    art = vs.save_session(
        ctx, SessionInput(programme.id, "剪纸", "14:30", "16:00", weekday=3, volunteer_ids=(mo, wei))
    ).session.id
    ids = []
    for day in (MON, D(2026, 7, 13), D(2026, 7, 27)):
        ids += [r.id for r in vs.confirm_planned(ctx, reading, day, now=DT(2026, 8, 1))]
    for day in (D(2026, 7, 8), D(2026, 7, 15)):
        ids += [r.id for r in vs.confirm_planned(ctx, art, day, now=DT(2026, 8, 1))]
    vs.approve_hours(ctx, ids)
    vs.confirm_planned(ctx, art, D(2026, 7, 22), now=DT(2026, 8, 1))  # pending: left out of the certificate
    return {"mo": mo, "wei": wei}


def cert_tab(qtbot, ctx) -> Host:
    host = show(qtbot, ctx, VolunteersCertificatesTab, "服务证明")
    tab: VolunteersCertificatesTab = host.tab
    tab.today = lambda: ISSUED_ON
    tab.opened = []  # type: ignore[attr-defined]
    tab.open_file = tab.opened.append  # type: ignore[attr-defined]
    tab.refresh()
    return host


def test_issue_a_certificate_print_it_and_verify_its_code(qtbot, window, summer) -> None:
    ctx = window.ctx
    host = cert_tab(qtbot, ctx)
    tab: VolunteersCertificatesTab = host.tab
    assert tab.objectName() == "volunteersCertificatesTab" and tab.scan_input is None and not tab.stale
    assert tab.search.hasFocus()

    qtbot.keyClicks(tab.search, "mxy")  # 莫小燕 by her initials
    assert tab.current_person() is not None and tab.current_person().name == "莫小燕"
    # Her service dates are the period; the draft says what the certificate would state.
    assert tab.period.period() == (MON, D(2026, 7, 31))
    draft = tab.draft
    assert draft is not None and (draft.facts.minutes, draft.facts.sessions) == (450, 5)
    assert "7 小时 30 分钟" in tab.draft_text.text() and "共 5 次" in tab.draft_text.text()
    titles = [tab.summary.item(n, 0).text() for n in range(tab.summary.rowCount())]
    assert titles == ["绘本共读", "剪纸"]
    assert "1 条（1 小时 30 分钟）待审核" in tab.pending.text()

    # Issue: asked first, in the yellow bar.
    click(qtbot, tab.issue_button)
    assert tab.question.isVisible() and "莫小燕" in tab.question.text.text()
    assert vs.list_certificates(ctx) == []
    click(qtbot, tab.question.ok)
    qtbot.waitUntil(lambda: not tab.busy, timeout=15000)
    (issued,) = vs.list_certificates(ctx)
    assert host.changes == ["volunteers"]
    assert tab.opened == [tab.last_pdf]  # type: ignore[attr-defined]
    pdf = tab.last_pdf
    assert pdf is not None and pdf.exists() and pdf.parent == ctx.data_dir.exports
    assert issued.code in tab.message.text() and pdf.name in tab.message.text()
    text = all_text(pdf).replace(" ", "")
    for part in ("志愿服务证明", "莫小燕", "贺州学院", "7小时30分钟", "绘本共读", "盖章处", issued.code):
        assert part in text, part
    # Listed, newest first.
    assert tab.list.rowCount() == 1 and tab.list.item(0, 4).text() == issued.code

    # The code typed into the verification box: genuine, and what it certified.
    tab.verify_input.setFocus()
    qtbot.keyClicks(tab.verify_input, issued.code.lower().replace("-", " "))
    qtbot.keyClick(tab.verify_input, Qt.Key.Key_Return)
    said = tab.verification_text()
    assert said.startswith("✔ 真实有效") and "志愿者：莫小燕（贺州学院）" in said
    assert "服务时长：7 小时 30 分钟，共 5 次" in said

    # The hours changed afterwards through the service: the same code is no longer genuine.
    record = next(
        r for r in vs.list_hours(ctx, volunteer_id=summer["mo"], status="approved") if r.description == "剪纸"
    )
    vs.correct_hours(ctx, record.id, 60, "提前离开")
    click(qtbot, tab.verify_button)
    said = tab.verification_text()
    assert said.startswith("✘ 证书与现在的记录不符") and "签发后服务时长被修改过" in said
    assert "现在核定的时长：7 小时" in said

    # Asked again for the same period, the question says one was issued already.
    click(qtbot, tab.issue_button)
    assert "已为这段期间开过 2026-0001" in tab.question.text.text()
    click(qtbot, tab.question.cancel)
    assert len(vs.list_certificates(ctx)) == 1

    # Printed again from the list.
    tab.list.selectRow(0)
    click(qtbot, tab.print_button)
    qtbot.waitUntil(lambda: not tab.busy, timeout=15000)
    assert len(tab.opened) == 2 and tab.opened[1] != tab.opened[0]  # type: ignore[attr-defined]


def test_a_mistyped_or_unknown_code_and_a_period_without_hours(qtbot, window, summer) -> None:
    host = cert_tab(qtbot, window.ctx)
    tab: VolunteersCertificatesTab = host.tab
    qtbot.keyClicks(tab.verify_input, "12345")
    click(qtbot, tab.verify_button)
    assert "12 位" in tab.verification_text()
    tab.verify_input.clear()
    qtbot.keyClicks(tab.verify_input, "ABCD-EFGH-JKMN")
    qtbot.keyClick(tab.verify_input, Qt.Key.Key_Return)
    assert tab.verification_text().startswith("✘") and "本中心没有签发过" in tab.verification_text()

    ime_type(tab.search, "韦小宝")
    assert tab.current_person() is not None and tab.current_person().name == "韦小宝"
    click(qtbot, tab.period.presets["month"])  # August: nothing approved
    assert tab.period.period() == (D(2026, 8, 1), D(2026, 8, 31))
    assert "没有已核定的服务时长" in tab.pending.text() and not tab.issue_button.isEnabled()
    click(qtbot, tab.period.presets["summer"])
    assert tab.draft is not None and tab.draft.facts.minutes == 180 and tab.issue_button.isEnabled()
    # A period beginning after the date of issue is refused by the rule, said where the draft is.
    tab.period.set_period(D(2026, 9, 1), D(2026, 9, 30))
    assert "不能晚于今天" in tab.draft_text.text() and not tab.issue_button.isEnabled()


def test_a_teacher_sees_their_own_certificates_only(qtbot, window, summer) -> None:
    from center_app.context import open_store

    vs.issue_certificate(window.ctx, summer["mo"], MON, D(2026, 7, 31), issued_on=ISSUED_ON)
    vs.issue_certificate(window.ctx, summer["wei"], MON, D(2026, 7, 31), issued_on=ISSUED_ON)
    actor = Actor(username="moxy", role="teacher", display_name="莫小燕", volunteer_id=summer["mo"])
    ctx = open_store(window.ctx.data_dir, actor=actor)
    try:
        host = cert_tab(qtbot, ctx)
        tab: VolunteersCertificatesTab = host.tab
        assert tab.list.rowCount() == 1 and tab.list.item(0, 1).text() == "莫小燕"
        assert not tab.issue_button.isEnabled() and not tab.volunteer.isEnabled()
        assert not tab.verify_input.isEnabled() and "无权" in tab.verify_result.text()
        host.close()
    finally:
        ctx.close()


def test_the_tab_fits_the_school_pc_and_looks_right(qtbot, window, summer) -> None:
    host = cert_tab(qtbot, window.ctx)
    tab: VolunteersCertificatesTab = host.tab
    issued = vs.issue_certificate(window.ctx, summer["wei"], MON, D(2026, 7, 31), issued_on=ISSUED_ON)
    tab.refresh()
    tab.choose_volunteer(summer["mo"])
    qtbot.keyClicks(tab.verify_input, issued.code)
    click(qtbot, tab.verify_button)
    result = tab.verify_result
    qtbot.waitUntil(lambda: result.height() >= result.heightForWidth(result.width()))  # laid out again
    problems = fits(qtbot, host, "draft and verified")
    PICTURES.mkdir(parents=True, exist_ok=True)
    host.grab().save(str(PICTURES / "certificates.png"))
    click(qtbot, tab.issue_button)
    problems += fits(qtbot, host, "question")
    host.grab().save(str(PICTURES / "certificates_question.png"))
    assert problems == []


def test_nothing_is_written_before_the_answer(qtbot, window, summer, tmp_path: Path) -> None:
    host = cert_tab(qtbot, window.ctx)
    tab: VolunteersCertificatesTab = host.tab
    tab.choose_volunteer(summer["mo"])
    click(qtbot, tab.issue_button)
    qtbot.keyClick(tab.question.cancel, Qt.Key.Key_Escape)
    assert not tab.question.isVisible() and vs.list_certificates(window.ctx) == []
    assert host.changes == [] and tab.opened == []  # type: ignore[attr-defined]
