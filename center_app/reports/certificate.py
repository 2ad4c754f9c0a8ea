"""The service-hour certificate (志愿服务证明): one A4 page a university files.

It states the centre, the volunteer and their organisation, the period, the approved hours and the number of
sessions, a summary of the sessions (what, how often, how long), the date of issue and the centre's name above a
box for the stamp (盖章处); at the foot, the certificate number and its verification code, in characters and as a
QR code (``reportlab.graphics.barcode.qr``), with how to check it. Plain data in (``IssuedCertificate``).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from center_app.services.volunteers.certificates import IssuedCertificate

QR_MM = 30.0
STAMP_MM = 38.0


def _date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _qr(text: str, size: float) -> Flowable:
    """The QR code as a flowable drawing its modules straight onto the canvas (a ReportLab ``Drawing`` would name
    the non-embedded Helvetica in the page's fonts, even though it draws no text)."""
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Rect
    from reportlab.lib import colors
    from reportlab.platypus import Flowable as Base

    widget = QrCodeWidget(text, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    scale = size / max(x2 - x1, y2 - y1)
    squares = [
        (r.x, r.y, r.width, r.height)
        for r in widget.draw().contents
        if isinstance(r, Rect) and r.fillColor is not None
    ]

    class Code(Base):
        def wrap(self, _width: float, _height: float) -> tuple[float, float]:
            return size, size

        def draw(self) -> None:
            canvas = self.canv
            canvas.saveState()
            canvas.setFillColor(colors.black)
            for x, y, w, h in squares:
                canvas.rect((x - x1) * scale, (y - y1) * scale, w * scale, h * scale, stroke=0, fill=1)
            canvas.restoreState()

    return Code()


class _StampBox:
    """A dashed square with 盖章处 in the middle (a Flowable made lazily: ReportLab is imported on use)."""

    @staticmethod
    def make(size: float) -> Flowable:
        from reportlab.platypus import Flowable as Base

        from center_app.reports import fonts
        from center_app.reports.page import GREY

        class Box(Base):
            def wrap(self, _width: float, _height: float) -> tuple[float, float]:
                return size, size

            def draw(self) -> None:
                canvas = self.canv
                canvas.saveState()
                canvas.setStrokeColor(GREY)
                canvas.setDash(3, 3)
                canvas.circle(size / 2, size / 2, size / 2 - 1)
                canvas.setFillColor(GREY)
                fonts.draw_string(canvas, size / 2, size / 2 - 4, "（盖章处）", 10, align="centre")
                canvas.restoreState()

        return Box()


def certificate_pdf(path: str | os.PathLike[str], certificate: IssuedCertificate) -> Path:
    """Write the certificate to ``path`` (A4 portrait, fonts embedded)."""
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    from center_app.reports import fonts
    from center_app.reports.page import build_pdf, content_width, data_table, para, spacer, styles

    f = certificate.facts
    st = styles()
    big = ParagraphStyle("CertTitle", parent=st.title, fontSize=26, leading=34, spaceAfter=8 * mm)
    body = ParagraphStyle("CertBody", parent=st.body, fontSize=13, leading=24, firstLineIndent=26)
    right = ParagraphStyle("CertRight", parent=st.body, fontSize=13, leading=20, alignment=TA_RIGHT)
    centre = ParagraphStyle("CertCentre", parent=st.small, alignment=TA_CENTER)
    who = f.volunteer_name + (f"（{f.organisation}）" if f.organisation else "")
    story: list[Flowable] = [
        spacer(6),
        para("志愿服务证明", big),
        para(
            f"兹证明 {who} 于 {_date(f.period_from)} 至 {_date(f.period_to)} 在{f.centre_name}参加志愿服务，"
            f"经本中心核定，累计服务时长 {certificate.hours_text}，共 {f.sessions} 次。",
            body,
        ),
    ]
    if certificate.lines:
        story += [
            para("主要服务内容：", st.body),
            data_table(
                ["服务内容", "次数", "时长"],
                [[line.title, str(line.sessions), line.hours_text] for line in certificate.lines],
                weights=[3, 1, 1.6],
                numeric=[1, 2],
            ),
        ]
    story += [spacer(4), para("特此证明。", body), spacer(10)]
    sign = Table(
        [
            ["", para(f.centre_name, right)],
            ["", para(_date(f.issued_on), right)],
            ["", _StampBox.make(STAMP_MM * mm)],
        ],
        colWidths=[content_width() - 70 * mm, 70 * mm],
        hAlign="RIGHT",
    )
    sign.setStyle(TableStyle([("ALIGN", (1, 2), (1, 2), "RIGHT"), ("FONT", (0, 0), (-1, -1), fonts.CJK, 10)]))
    story += [sign, spacer(12)]
    check = Table(
        [
            [
                _qr(certificate.qr_text, QR_MM * mm),
                [
                    para(f"证书编号：{f.number}", st.body),
                    para(f"核验码：{certificate.code}", st.body),
                    para(
                        f"核验方法：请将核验码告知{f.centre_name}，由中心在管理系统中核验"
                        f"（命令：python main.py verify {certificate.code}）。证书所写时长如与中心记录不符，核验不能通过。",
                        st.small,
                    ),
                ],
            ]
        ],
        colWidths=[(QR_MM + 6) * mm, content_width() - (QR_MM + 6) * mm],
        hAlign="LEFT",
    )
    check.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("FONT", (0, 0), (-1, -1), fonts.CJK, 10)])
    )
    story += [check, spacer(2), para("（本证明以中心盖章为准）", centre)]
    return build_pdf(
        path,
        story,
        title=f"志愿服务证明 {f.number}",
        centre_name=f.centre_name,
        printed_on=f.issued_on,
    )
