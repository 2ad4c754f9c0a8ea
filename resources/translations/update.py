"""Refresh the translation sources and build the .qm files.

    .venv/bin/python resources/translations/update.py          # lupdate + lrelease
    .venv/bin/python resources/translations/update.py --check  # exit 1 if any string is untranslated
    .venv/bin/python resources/translations/update.py --tracked  # only files git tracks

UI strings are written in Chinese in the code; ``center_app_en.ts`` holds their English. After adding strings, run
this, translate the new entries (Qt Linguist: ``pyside6-linguist resources/translations/center_app_en.ts``, or edit
the XML), run it again, and commit both the .ts and the .qm.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
LANGUAGES = ["en"]


def tool(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def sources(*, tracked_only: bool = False) -> list[str]:
    """Every module of the app; with ``tracked_only``, only those git knows (leaves work in progress out)."""
    if tracked_only:
        listed = subprocess.run(["git", "ls-files", "center_app/*.py", "center_app/**/*.py"], cwd=REPO,
                                capture_output=True, text=True, check=True).stdout.split()
        return sorted(set(listed))
    return sorted(str(p.relative_to(REPO)) for p in (REPO / "center_app").rglob("*.py"))


def untranslated(ts: Path) -> list[str]:
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "unfinished"
        if kind == "obsolete" or kind == "vanished":
            continue
        if translation is None or kind == "unfinished" or not (translation.text or "").strip():
            missing.append(message.findtext("source") or "")
    return missing


def main(argv: list[str]) -> int:
    for lang in LANGUAGES:
        ts = HERE / f"center_app_{lang}.ts"
        if "--check" not in argv:
            subprocess.run([tool("pyside6-lupdate"), *sources(tracked_only="--tracked" in argv), "-no-obsolete", "-source-language", "zh_CN",
                            "-target-language", lang, "-ts", str(ts)], check=True, cwd=REPO)
            subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(HERE / f"center_app_{lang}.qm")],
                           check=True, cwd=REPO)
        missing = untranslated(ts)
        for text in missing:
            print(f"untranslated ({lang}): {text}")
        if missing and "--check" in argv:
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
