"""Rebuild ``HanFallback.ttf``: the Han characters the main font (Droid Sans Fallback) lacks, cut from Hanazono.

Not run by the app or the tests: the built font is committed. Rerun it only to change which characters are in it::

    apt-get install fonts-hanazono fonttools      # HanaMinA/B.ttf and fontTools (pyftsubset, pyftmerge)
    PYTHONPATH=.venv/lib/python3.11/site-packages /usr/bin/python3 resources/fonts/make_han_fallback.py

What goes in (about 18,700 characters, ~10 MB; the whole of Extension B alone would be 22 MB):

* from HanaMinA: every CJK character it has that Droid lacks — Extension B characters of the Japanese and Hong
  Kong standard sets (𠮷 among them), the last unified ideographs of the BMP, compatibility ideographs, radicals;
* from HanaMinB: every Extension B–F character with a Mandarin reading in pypinyin's table (Unihan's readings:
  the characters of Chinese dictionaries, so of Chinese names).

Licence: Hanazono is offered under the Hanazono Font License or the SIL OFL 1.1; this subset is distributed under
the Hanazono Font License (``LICENSE-Hanazono.txt``), which allows modified copies without a renaming rule. The
subset is renamed "Center Han Fallback" anyway, so nobody mistakes it for the full HanaMin fonts.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from fontTools.ttLib import TTFont
from pypinyin.pinyin_dict import pinyin_dict

HERE = Path(__file__).resolve().parent
HANAZONO = Path("/usr/share/fonts/truetype/hanazono")
OUT = HERE / "HanFallback.ttf"
FAMILY = "Center Han Fallback"


def _is_han(code: int) -> bool:
    return 0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF


def main() -> int:
    droid = set(TTFont(HERE / "DroidSansFallbackFull.ttf").getBestCmap())
    a_font, b_font = HANAZONO / "HanaMinA.ttf", HANAZONO / "HanaMinB.ttf"
    a_has = set(TTFont(a_font).getBestCmap())
    b_has = set(TTFont(b_font).getBestCmap())
    from_a = sorted(c for c in a_has if c not in droid and _is_han(c))
    read = {c for c in pinyin_dict if c >= 0x20000}
    from_b = sorted(c for c in read if c in b_has and c not in a_has)
    with tempfile.TemporaryDirectory() as tmp:
        parts = []
        for source, codes, name in ((a_font, from_a, "a"), (b_font, from_b, "b")):
            unicodes = Path(tmp) / f"{name}.txt"
            unicodes.write_text("\n".join(f"U+{c:X}" for c in codes), encoding="ascii")
            part = Path(tmp) / f"{name}.ttf"
            subprocess.run(
                [
                    "pyftsubset",
                    str(source),
                    f"--unicodes-file={unicodes}",
                    f"--output-file={part}",
                    "--no-hinting",
                    "--layout-features=",
                    "--drop-tables+=GSUB,GPOS,GDEF,vhea,vmtx,FFTM",
                    "--name-IDs=",
                    "--notdef-outline",
                ],
                check=True,
            )
            parts.append(str(part))
        merged = Path(tmp) / "merged.ttf"
        subprocess.run(["pyftmerge", *parts, f"--output-file={merged}"], check=True)
        font = TTFont(merged)
        names = font["name"]
        names.names = []
        for name_id, text in (
            (0, "Subset of Hanazono Mincho, copyright 2008-2017 GlyphWiki Project (Hanazono Font License)."),
            (1, FAMILY),
            (2, "Regular"),
            (3, f"{FAMILY} Regular"),
            (4, f"{FAMILY} Regular"),
            (5, "Version 1.0 (HanaMinA/B 2017-09-04)"),
            (6, "CenterHanFallback-Regular"),
        ):
            names.setName(text, name_id, 3, 1, 0x409)
            names.setName(text, name_id, 1, 0, 0)
        font.save(OUT)
    print(f"{OUT}: {len(from_a)} + {len(from_b)} characters, {OUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
