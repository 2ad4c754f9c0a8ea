"""Language and fonts for the UI.

UI strings are written in Chinese in the source (the product is Chinese first, and a missing translation file
still shows Chinese); ``resources/translations/center_app_en.ts`` translates them to English. Qt's own dialogs
(OK/Cancel…) use Qt's shipped ``qtbase_*.qm``.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TypedDict

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from center_app.config import FONT_FAMILY, font_path, resource_path

log = logging.getLogger(__name__)


class _State(TypedDict):
    language: str
    translators: list[QTranslator]
    font_family: str | None


_state: _State = {"language": "zh_CN", "translators": [], "font_family": None}

WEEKDAYS_ZH = "一二三四五六日"


def install_font(app: QApplication, point_size: int = 11) -> str | None:
    """Register the bundled CJK font and make it the fallback for every widget. Returns its family name."""
    if _state["font_family"]:
        return str(_state["font_family"])
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    if font_id < 0:
        log.error("could not load the bundled font %s", font_path())
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    family = families[0] if families else FONT_FAMILY
    font = QFont(app.font())
    # Latin text keeps the system's UI font; anything it lacks (Chinese) falls back to the bundled font, so the
    # UI renders on a PC without any CJK font. On the offscreen platform the system has no font at all.
    base = font.family()
    font.setFamilies([base, family] if base and base != family else [family])
    font.setPointSize(point_size)
    app.setFont(font)
    _state["font_family"] = family
    return family


def install_language(app: QCoreApplication, language: str) -> str:
    """Install the translators for ``language`` ("zh_CN" or "en"), replacing any installed before."""
    for old in list(_state["translators"]):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_tr = QTranslator(app)
    if qt_tr.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_tr)
        installed.append(qt_tr)
    if language != "zh_CN":
        own = QTranslator(app)
        if own.load(f"center_app_{language}", str(resource_path("translations"))):
            app.installTranslator(own)
            installed.append(own)
        else:
            log.warning("no translation file for %s; showing Chinese", language)
    _state["translators"] = installed
    _state["language"] = language
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        if language == "zh_CN"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    return language


def current_language() -> str:
    return str(_state["language"])


def format_date(day: dt.date | None, *, weekday: bool = False) -> str:
    """2026年11月29日 in Chinese, 29 Nov 2026 in English."""
    if day is None:
        return ""
    if current_language() == "zh_CN":
        text = f"{day.year}年{day.month}月{day.day}日"
        return f"{text} 星期{WEEKDAYS_ZH[day.weekday()]}" if weekday else text
    text = f"{day.day} {day.strftime('%b')} {day.year}"
    return f"{day.strftime('%A')} {text}" if weekday else text
