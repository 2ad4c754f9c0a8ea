"""Service-hour certificates (志愿服务证明) and their verification codes. Pure: no Qt, no SQLAlchemy.

A certificate states facts: the centre, the volunteer and their organisation, the period, the approved minutes in
it, how many sessions, the date and number of issue. Its **verification code** is an HMAC-SHA256 of those facts in
one canonical line (``canonical``), keyed with the centre's own secret (kept in its database, never printed or
exported), cut to 60 bits and written as 12 characters of Crockford's base 32 in three groups: ``7KQ2-M9XD-4HTR``.
Crockford's alphabet has no I, L, O or U, so a code read aloud over the phone or typed from paper survives the
usual slips: ``normalise_code`` reads ``o`` as 0, ``i``/``l`` as 1, ignores case, spaces and dashes.

Someone without the secret cannot make a code that matches facts (60 bits: a forger guessing has one chance in
10^18), and a code names facts that cannot be changed afterwards without the check failing: verifying recomputes the
code from the stored facts *and* compares the stored minutes with the volunteer's approved minutes now.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from center_app.domain.errors import ValidationError

ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32
CODE_LENGTH: Final = 12  # 60 bits
GROUP: Final = 4
FORMAT_VERSION: Final = "v1"
_READ_AS: Final = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-_–—·.]+")


@dataclass(frozen=True)
class CertificateFacts:
    """What a certificate certifies (every field is printed on it)."""

    number: str  # 证书编号, e.g. 2026-0007
    centre_name: str
    volunteer_id: int
    volunteer_name: str
    organisation: str
    period_from: dt.date
    period_to: dt.date
    minutes: int
    sessions: int
    issued_on: dt.date


def canonical(facts: CertificateFacts) -> bytes:
    """The facts as one line of UTF-8, fields separated by a character none of them can hold."""
    fields = (
        FORMAT_VERSION,
        facts.number,
        facts.centre_name,
        str(facts.volunteer_id),
        facts.volunteer_name,
        facts.organisation,
        facts.period_from.isoformat(),
        facts.period_to.isoformat(),
        str(int(facts.minutes)),
        str(int(facts.sessions)),
        facts.issued_on.isoformat(),
    )
    return "\x1f".join(unicodedata.normalize("NFC", f.replace("\x1f", " ")) for f in fields).encode("utf-8")


def _base32(data: bytes, length: int) -> str:
    number = int.from_bytes(data, "big")
    bits = len(data) * 8
    chars = []
    for i in range(length):
        shift = bits - 5 * (i + 1)
        chars.append(ALPHABET[(number >> shift) & 31])
    return "".join(chars)


def code_for(secret: bytes, facts: CertificateFacts) -> str:
    """The 12-character code (no dashes) that ``secret`` gives these facts."""
    if not secret:
        raise ValueError("a certificate code needs the centre's secret")
    digest = hmac.new(secret, canonical(facts), hashlib.sha256).digest()
    return _base32(digest, CODE_LENGTH)


def grouped(code: str) -> str:
    """``7KQ2M9XD4HTR`` → ``7KQ2-M9XD-4HTR`` (how it is printed and shown)."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalise_code(text: str) -> str:
    """What someone typed → the 12 characters to look up; ValidationError (Chinese) when it cannot be a code."""
    cleaned = _SEPARATORS.sub("", unicodedata.normalize("NFKC", text or "")).upper().translate(_READ_AS)
    if not cleaned:
        raise ValidationError("请输入证书上的核验码（12 位，如 7KQ2-M9XD-4HTR）。")
    wrong = sorted({ch for ch in cleaned if ch not in ALPHABET})
    if wrong:
        raise ValidationError(
            f"核验码里有不会出现的字符：{' '.join(wrong)}。核验码只有数字和字母（没有 I、L、O、U）。"
        )
    if len(cleaned) != CODE_LENGTH:
        raise ValidationError(
            f"核验码应为 {CODE_LENGTH} 位，输入的是 {len(cleaned)} 位。请对照证书重新输入。"
        )
    return cleaned


def matches(secret: bytes, facts: CertificateFacts, code: str) -> bool:
    """True when ``code`` is what ``secret`` gives ``facts`` (compared in constant time)."""
    return hmac.compare_digest(code_for(secret, facts), code)


def check_period(period_from: dt.date, period_to: dt.date, today: dt.date) -> None:
    problems = []
    if period_to < period_from:
        problems.append("证明的结束日期不能早于开始日期")
    if period_from > today:
        problems.append("证明的开始日期不能晚于今天")
    if problems:
        raise ValidationError("；".join(problems) + "。", problems)


def number_for(year: int, sequence: int) -> str:
    """``2026-0007``: the year of issue and the certificate's place in it."""
    return f"{year}-{sequence:04d}"
