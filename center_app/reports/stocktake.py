"""An equipment stocktake's result (器材盘点结果) on A4: title, summary, then one ruled table — short lines first, then
more than expected, then what matched — with the header repeated on every page, the centre's name and page numbers
(``page.build_pdf``). Plain data in (the rows the xlsx export writes too); nothing is queried here."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from center_app.domain.errors import ValidationError


@dataclass(frozen=True)
class StocktakeSheet:
    title: str
    summary: str
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]  # 结果, 名称, 编号, 存放位置, 应有, 清点, 差数, 单位, 说明


def stocktake_pdf(
    path: str | os.PathLike[str],
    sheet: StocktakeSheet,
    *,
    centre_name: str,
    printed_on: dt.date | None = None,
) -> Path:
    """Write the sheet to ``path`` (A4 portrait, fonts embedded, "第 N 页 / 共 M 页"). Refuses an empty result."""
    from center_app.reports.page import build_pdf, data_table, para, spacer, styles

    if not sheet.rows:
        raise ValidationError("这次盘点没有可以打印的内容。")
    s = styles()
    story = [
        para(sheet.title, s.title),
        para(sheet.summary, s.body),
        spacer(2),
        data_table(
            sheet.headers,
            sheet.rows,
            weights=(1.0, 3.2, 1.8, 2.0, 0.9, 0.9, 0.9, 0.8, 3.0),
            numeric=(4, 5, 6),
            centred=(0, 7),
            font_size=8.5,
        ),
        spacer(6),
        para("盘点人：__________　　复核人：__________　　日期：__________", s.body),
    ]
    return build_pdf(path, story, title="器材盘点结果", centre_name=centre_name, printed_on=printed_on)
