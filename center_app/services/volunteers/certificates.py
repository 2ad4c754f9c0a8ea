"""Service-hour certificates (志愿服务证明): draft, issue (stored with the facts it states, audited), print,
list, and verify a code.

The code is ``domain.certificates.code_for(secret, facts)``; the secret is this centre's, made on first use and kept
in its database (``centre_secret``) — never exported, printed, logged or shown. Verifying a code finds the
certificate, checks that the stored facts still give that code (a changed record fails), and recomputes the
volunteer's approved minutes and records in the period from the hours as they are now: if an approved record was
corrected, added or withdrawn since, the certificate is reported as no longer matching (re-issue one). A code this
centre never issued is "not found" — a forged code finds nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import Centre, CentreSecret, Certificate, ServiceHours, User, utcnow
from center_app.domain import certificates as rules
from center_app.domain.actor import Actor
from center_app.domain.certificates import CertificateFacts
from center_app.domain.errors import NotFound, ValidationError
from center_app.domain.permissions import READ, require
from center_app.domain.states import HoursStatus
from center_app.domain.volunteers import hours_text
from center_app.services import audit
from center_app.services.volunteers.common import (
    AREA,
    date_text,
    load_volunteer,
    require_see,
    require_write,
    to_local,
    visible_volunteer,
    write_audited_file,
)
from center_app.services.volunteers.hours import approved_in

SECRET_NAME = "certificate_hmac"
SUMMARY_LINES = 12  # the session summary printed: the 12 largest titles, then "其他"


@dataclass(frozen=True, slots=True)
class SummaryLine:
    title: str
    sessions: int
    minutes: int

    @property
    def hours_text(self) -> str:
        return hours_text(self.minutes)


@dataclass(frozen=True, slots=True)
class CertificateDraft:
    """What a certificate for the period would state (nothing stored yet), and the pending hours it leaves out."""

    facts: CertificateFacts
    lines: tuple[SummaryLine, ...]
    pending_minutes: int
    pending_records: int


@dataclass(frozen=True, slots=True)
class IssuedCertificate:
    id: int
    code: str  # grouped: 7KQ2-M9XD-4HTR
    facts: CertificateFacts
    lines: tuple[SummaryLine, ...]
    issued_by: str
    issued_at: dt.datetime | None  # local time

    @property
    def hours_text(self) -> str:
        return hours_text(self.facts.minutes)

    @property
    def qr_text(self) -> str:
        """What the QR code holds: readable by any phone, checkable by the centre."""
        f = self.facts
        return (
            f"志愿服务证明 {f.number} {f.volunteer_name} {self.hours_text} 核验码 {self.code} {f.centre_name}"
        )


@dataclass(frozen=True, slots=True)
class Verification:
    genuine: bool
    code: str  # as normalised and grouped ("" when it could not be read)
    reason: str  # one Chinese sentence: why genuine, or why not
    certificate: IssuedCertificate | None = None
    current_minutes: int | None = None

    def lines(self) -> list[str]:
        """What ``verify`` prints and the dialog shows."""
        if self.certificate is None:
            return [self.reason]
        f = self.certificate.facts
        return [
            self.reason,
            f"证书编号：{f.number}",
            f"签发单位：{f.centre_name}",
            f"志愿者：{f.volunteer_name}" + (f"（{f.organisation}）" if f.organisation else ""),
            f"服务期间：{date_text(f.period_from)} 至 {date_text(f.period_to)}",
            f"服务时长：{hours_text(f.minutes)}，共 {f.sessions} 次",
            f"签发日期：{date_text(f.issued_on)}",
        ] + (
            [f"现在核定的时长：{hours_text(self.current_minutes)}"]
            if self.current_minutes is not None and self.current_minutes != f.minutes
            else []
        )


# --- the secret -----------------------------------------------------------------------------------------------------


def centre_secret(s: Session) -> bytes:
    """The centre's certificate key, made (256 random bits) the first time a certificate is issued."""
    row = s.get(CentreSecret, SECRET_NAME)
    if row is None:
        row = CentreSecret(name=SECRET_NAME, value=secrets.token_hex(32))
        s.add(row)
        s.flush()
    return bytes.fromhex(row.value)


def demo_secret(s: Session, seed: str, created_at: dt.datetime) -> None:
    """The demo centre's key, derived from its seed so that the same seed gives the same centre, certificates
    included. A demo's certificates certify nothing; clearing the demo (``demo_reset``) deletes this key with the
    rest, and the real centre then makes its own random one on its first certificate."""
    if s.get(CentreSecret, SECRET_NAME) is None:
        value = hashlib.sha256(f"demo centre {seed}".encode()).hexdigest()
        s.add(CentreSecret(name=SECRET_NAME, value=value, created_at=created_at))
        s.flush()


def _existing_secret(s: Session) -> bytes | None:
    row = s.get(CentreSecret, SECRET_NAME)
    return bytes.fromhex(row.value) if row is not None else None


# --- building blocks --------------------------------------------------------------------------------------------


def summarise(records: Sequence[ServiceHours]) -> tuple[SummaryLine, ...]:
    """The records by what was done (``绘本共读 12 次 18 小时``), largest first; beyond a dozen, one 其他 line."""
    by_title: dict[str, list[int]] = {}
    for r in records:
        entry = by_title.setdefault(r.description or "其他", [0, 0])
        entry[0] += 1
        entry[1] += r.minutes
    lines = sorted(
        (SummaryLine(t, n, m) for t, (n, m) in by_title.items()), key=lambda x: (-x.minutes, x.title)
    )
    if len(lines) > SUMMARY_LINES:
        rest = lines[SUMMARY_LINES - 1 :]
        lines = [
            *lines[: SUMMARY_LINES - 1],
            SummaryLine("其他", sum(x.sessions for x in rest), sum(x.minutes for x in rest)),
        ]
    return tuple(lines)


def _centre_name(s: Session) -> str:
    from center_app.services.settings import DEFAULT_CENTRE_NAME

    return s.scalar(select(Centre.name).order_by(Centre.id).limit(1)) or DEFAULT_CENTRE_NAME


def _next_number(s: Session, year: int) -> str:
    taken = s.scalars(select(Certificate.number).where(Certificate.number.like(f"{year}-%")))
    last = max((int(n.split("-", 1)[1]) for n in taken if n.split("-", 1)[1].isdigit()), default=0)
    return rules.number_for(year, last + 1)


def _facts(row: Certificate) -> CertificateFacts:
    return CertificateFacts(
        number=row.number,
        centre_name=row.centre_name,
        volunteer_id=row.volunteer_id,
        volunteer_name=row.volunteer_name,
        organisation=row.organisation,
        period_from=row.period_from,
        period_to=row.period_to,
        minutes=row.minutes,
        sessions=row.sessions,
        issued_on=row.issued_on,
    )


def _lines(row: Certificate) -> tuple[SummaryLine, ...]:
    try:
        data = json.loads(row.summary) if row.summary else []
        return tuple(SummaryLine(str(d["title"]), int(d["sessions"]), int(d["minutes"])) for d in data)
    except (ValueError, KeyError, TypeError):
        return ()


def _issued(s: Session, row: Certificate) -> IssuedCertificate:
    issuer = s.get(User, row.issued_by) if row.issued_by is not None else None
    return IssuedCertificate(
        id=row.id,
        code=rules.grouped(row.verification_code),
        facts=_facts(row),
        lines=_lines(row),
        issued_by=(issuer.display_name or issuer.username) if issuer else "",
        issued_at=to_local(row.issued_at) if row.issued_at else None,
    )


def draft_in(
    s: Session, volunteer_id: int, period_from: dt.date, period_to: dt.date, issued_on: dt.date
) -> CertificateDraft:
    volunteer = load_volunteer(s, volunteer_id)
    records = approved_in(s, volunteer_id, period_from, period_to)
    pending = list(
        s.scalars(
            select(ServiceHours.minutes).where(
                ServiceHours.volunteer_id == volunteer_id,
                ServiceHours.status == HoursStatus.PENDING,
                ServiceHours.on_date >= period_from,
                ServiceHours.on_date <= period_to,
            )
        )
    )
    facts = CertificateFacts(
        number="",
        centre_name=_centre_name(s),
        volunteer_id=volunteer.id,
        volunteer_name=volunteer.name,
        organisation=volunteer.organisation,
        period_from=period_from,
        period_to=period_to,
        minutes=sum(r.minutes for r in records),
        sessions=len(records),
        issued_on=issued_on,
    )
    return CertificateDraft(facts, summarise(records), sum(pending), len(pending))


def issue_in(
    s: Session,
    actor: Actor,
    volunteer_id: int,
    period_from: dt.date,
    period_to: dt.date,
    issued_on: dt.date,
    *,
    record: bool = True,
    issued_at: dt.datetime | None = None,
) -> IssuedCertificate:
    """Issue inside the caller's session (the demo centre uses it too): number, facts, code, and the audit entry
    (``record=False``: none — the demo centre's fill is audited as a whole)."""
    rules.check_period(period_from, period_to, issued_on)
    draft = draft_in(s, volunteer_id, period_from, period_to, issued_on)
    if draft.facts.minutes <= 0:
        raise ValidationError(
            f"{draft.facts.volunteer_name} 在 {date_text(period_from)} 至 {date_text(period_to)} 没有已核定的服务时长，"
            "不能开具证明。请先审核服务时长。"
        )
    facts = CertificateFacts(**{**draft.facts.__dict__, "number": _next_number(s, issued_on.year)})
    code = rules.code_for(centre_secret(s), facts)
    row = Certificate(
        volunteer_id=facts.volunteer_id,
        number=facts.number,
        centre_name=facts.centre_name,
        volunteer_name=facts.volunteer_name,
        organisation=facts.organisation,
        issued_on=facts.issued_on,
        period_from=facts.period_from,
        period_to=facts.period_to,
        minutes=facts.minutes,
        sessions=facts.sessions,
        summary=json.dumps(
            [{"title": x.title, "sessions": x.sessions, "minutes": x.minutes} for x in draft.lines],
            ensure_ascii=False,
        ),
        verification_code=code,
        issued_by=actor.user_id,
        issued_at=issued_at or utcnow(),
    )
    s.add(row)
    s.flush()
    if not record:
        return _issued(s, row)
    audit.record(
        s,
        actor,
        "create",
        "certificate",
        row.id,
        f"开具志愿服务证明 {facts.number}：{facts.volunteer_name}，{date_text(period_from)}–{date_text(period_to)}，"
        f"{hours_text(facts.minutes)}",
        {
            "number": [None, facts.number],
            "volunteer_id": [None, facts.volunteer_id],
            "period": [None, f"{period_from}–{period_to}"],
            "minutes": [None, facts.minutes],
            "sessions": [None, facts.sessions],
            "code": [None, rules.grouped(code)],
        },
    )
    return _issued(s, row)


# --- use cases ----------------------------------------------------------------------------------------------------


def draft_certificate(
    ctx: AppContext,
    volunteer_id: int,
    period_from: dt.date,
    period_to: dt.date,
    *,
    issued_on: dt.date | None = None,
) -> CertificateDraft:
    """What a certificate for the period would say — before issuing it (nothing is stored)."""
    require_write(ctx.actor)
    day = issued_on or dt.date.today()
    rules.check_period(period_from, period_to, day)
    with ctx.db.read() as s:
        return draft_in(s, volunteer_id, period_from, period_to, day)


def issue_certificate(
    ctx: AppContext,
    volunteer_id: int,
    period_from: dt.date,
    period_to: dt.date,
    *,
    issued_on: dt.date | None = None,
    pdf_path: str | Path | None = None,
) -> IssuedCertificate:
    """Issue a certificate of the volunteer's approved hours in the period (stored and audited), and print it to
    ``pdf_path`` if given (after the certificate is committed: a failed print leaves it issued, to print again)."""
    require_write(ctx.actor)
    with ctx.db.session() as s:
        issued = issue_in(s, ctx.actor, volunteer_id, period_from, period_to, issued_on or dt.date.today())
    if pdf_path is not None:
        write_certificate_pdf(ctx, issued.id, pdf_path)
    return issued


def write_certificate_pdf(ctx: AppContext, certificate_id: int, path: str | Path) -> Path:
    """Print an issued certificate (A4, the stamp box, the code in words and as a QR code); audited."""
    from center_app.reports.certificate import certificate_pdf

    require_write(ctx.actor)
    with ctx.db.read() as s:
        row = s.get(Certificate, certificate_id)
        if row is None:
            raise NotFound(f"找不到这份证明（编号 {certificate_id}）。")
        issued = _issued(s, row)
    return write_audited_file(
        ctx,
        path,
        lambda target: certificate_pdf(target, issued),
        action="print",
        entity="certificate",
        what=f"打印志愿服务证明 {issued.facts.number}（{issued.facts.volunteer_name}）",
        rows=1,
    )


def list_certificates(ctx: AppContext, volunteer_id: int | None = None) -> list[IssuedCertificate]:
    """Issued certificates, the newest first; a teacher's own only."""
    require_see(ctx.actor)
    only = visible_volunteer(ctx.actor, volunteer_id)
    with ctx.db.read() as s:
        query = select(Certificate).order_by(Certificate.issued_on.desc(), Certificate.id.desc())
        if only is not None:
            query = query.where(Certificate.volunteer_id == only)
        return [_issued(s, row) for row in s.scalars(query)]


def verify_certificate(ctx: AppContext, code: str) -> Verification:
    """Is the certificate with this code genuine, and what did it certify? (Staff, and the ``verify`` command.)"""
    require(ctx.actor, AREA, READ)  # not a teacher's: it shows whose certificate a code is
    try:
        wanted = rules.normalise_code(code)
    except ValidationError as exc:
        return Verification(False, "", f"无法核验：{exc.message}")
    shown = rules.grouped(wanted)
    with ctx.db.read() as s:
        row = s.scalar(select(Certificate).where(Certificate.verification_code == wanted))
        secret = _existing_secret(s)
        if row is None or secret is None:
            return Verification(
                False, shown, f"不是真实的证书：本中心没有签发过核验码为 {shown} 的志愿服务证明。"
            )
        issued = _issued(s, row)
        facts = issued.facts
        if not rules.matches(secret, facts, wanted):
            return Verification(
                False,
                shown,
                "不是真实的证书：证书记录与核验码不符（记录可能被改动过）。请联系中心核实。",
                issued,
            )
        records = approved_in(s, facts.volunteer_id, facts.period_from, facts.period_to)
    minutes, sessions = sum(r.minutes for r in records), len(records)
    if (minutes, sessions) != (facts.minutes, facts.sessions):
        return Verification(
            False,
            shown,
            f"证书与现在的记录不符：证书写的是 {hours_text(facts.minutes)}（{facts.sessions} 次），"
            f"现在核定的是 {hours_text(minutes)}（{sessions} 次）——签发后服务时长被修改过。请联系中心重新开具。",
            issued,
            minutes,
        )
    return Verification(
        True, shown, f"真实有效：这是 {facts.centre_name} 签发的志愿服务证明。", issued, minutes
    )
