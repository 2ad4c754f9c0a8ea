"""Draw the app's icon: a child reading an open book, on a green rounded square.

Writes ``resources/icons/``: ``center_app.svg`` (the drawing), ``center_app_<N>.png`` for N in :data:`SIZES`
(the window's icon; Qt picks the size it needs) and ``center_app.ico`` with every size (the Windows exe's icon,
used by ``installer.spec``). The PNGs are rendered from the SVG by Qt, the .ico is put together by Pillow
(ReportLab's dependency, so always installed); each small size is drawn by the renderer at that size, not shrunk
from the big one. Run it again after changing the drawing, and commit what it writes::

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icon.py
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)

# 256 × 256 user units. A child (head and shoulders, warm yellow) behind an open book (two white pages and a
# spine), on the centre's green. Kept to a few big shapes so that 16 px still reads as "a book and a person".
SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <rect x="8" y="8" width="240" height="240" rx="52" fill="#2E7D5B"/>
  <circle cx="128" cy="74" r="34" fill="#FFD166"/>
  <path d="M70 168 Q70 114 128 114 Q186 114 186 168 Z" fill="#FFD166"/>
  <path d="M26 146 Q80 124 128 152 L128 226 Q80 200 26 216 Z" fill="#FFFFFF"/>
  <path d="M230 146 Q176 124 128 152 L128 226 Q176 200 230 216 Z" fill="#F1ECDD"/>
  <path d="M128 152 L128 226" stroke="#1F5A41" stroke-width="6" stroke-linecap="round"/>
  <path d="M46 168 Q80 156 110 170 M46 186 Q80 174 110 188" stroke="#9DB8AA" stroke-width="6" fill="none"
        stroke-linecap="round"/>
</svg>
"""


def render_png(svg: bytes, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def main() -> int:
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt's painting needs one
    ICONS.mkdir(parents=True, exist_ok=True)
    svg = SVG.encode("utf-8")
    (ICONS / "center_app.svg").write_bytes(svg)
    images = []
    for size in SIZES:
        png = render_png(svg, size)
        (ICONS / f"center_app_{size}.png").write_bytes(png)
        images.append(Image.open(io.BytesIO(png)).convert("RGBA"))
    biggest = images[-1]
    biggest.save(
        ICONS / "center_app.ico",
        format="ICO",
        sizes=[(s, s) for s in SIZES],
        append_images=images[:-1],  # each size as drawn, not resized from 256 px
    )
    print(f"wrote {len(SIZES)} PNGs, center_app.svg and center_app.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
