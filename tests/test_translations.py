"""Every UI string has its English, and the committed .qm is built from the committed .ts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TS = REPO / "resources" / "translations" / "center_app_en.ts"
QM = REPO / "resources" / "translations" / "center_app_en.qm"
sys.path.insert(0, str(TS.parent))
import update as translations  # noqa: E402


def _sources(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {(ctx.findtext("name") or "", m.findtext("source") or "") for ctx in root.iter("context")
            for m in ctx.iter("message") if (m.find("translation").get("type") or "") not in ("obsolete", "vanished")}


def test_no_untranslated_strings() -> None:
    assert translations.untranslated(TS) == []


def test_ts_covers_every_string_in_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    subprocess.run([translations.tool("pyside6-lupdate"), *translations.sources(), "-no-obsolete",
                    "-source-language", "zh_CN", "-target-language", "en", "-ts", str(fresh)],
                   check=True, cwd=REPO, capture_output=True)
    new = _sources(fresh) - _sources(TS)
    assert not new, f"run resources/translations/update.py and translate: {sorted(new)}"


def test_committed_qm_is_up_to_date(tmp_path: Path) -> None:
    built = tmp_path / "built.qm"
    subprocess.run([translations.tool("pyside6-lrelease"), str(TS), "-qm", str(built)], check=True,
                   capture_output=True)
    assert built.read_bytes() == QM.read_bytes(), "run resources/translations/update.py and commit the .qm"


@pytest.mark.parametrize("text", ["首页", "设置", "今天是 %1"])
def test_translator_loads(qapp, text: str) -> None:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(QM))
    contexts = {"首页": "MainWindow", "设置": "MainWindow", "今天是 %1": "OverviewPage"}
    assert translator.translate(contexts[text], text) not in ("", text)
