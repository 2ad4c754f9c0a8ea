"""Photos users bring in (an activity's, from a phone or a camera): read, turned upright, shrunk, written as JPEG.

Why here and with Pillow: services never import Qt (so ``QImage`` is out), and Pillow is already installed with
the app — ReportLab requires it (``Requires-Dist: pillow``) and uses it to put photos into PDFs — so reading a
photo costs no new dependency. Like the spreadsheet readers beside it, this module knows files, not the database.

What :func:`prepare_photo` guarantees about the copy it writes:

- **upright**: a phone's photo stores its rotation in EXIF; the copy is rotated as it is shown, so it prints
  the right way up;
- **small**: at most :data:`MAX_SIDE` pixels on the long side, JPEG quality :data:`JPEG_QUALITY` — a few hundred
  KB instead of 5 MB, so a year of activities fits a USB backup and a report with photos builds fast on the old PC;
- **nothing else from the camera**: EXIF (GPS position of the children's village, the phone's owner) is dropped;
- **all or nothing**: written under a temporary name and renamed, so a failure leaves no half file;
- a file that is not a photo, a damaged one or a huge one is refused with a Chinese sentence, never a traceback.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from center_app.domain.errors import DomainError

if TYPE_CHECKING:  # Pillow is imported when a photo is read, never at start-up
    from PIL import Image

MAX_SIDE: Final = 1600
JPEG_QUALITY: Final = 85
MAX_SOURCE_BYTES: Final = 60 * 1024 * 1024
MAX_SOURCE_PIXELS: Final = 120_000_000  # a 12,000 × 10,000 scan; more is a decompression bomb
SUFFIXES: Final = (".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".tif", ".tiff")
FILE_DIALOG_FILTER: Final = "照片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)"


@dataclass(frozen=True)
class PreparedPhoto:
    path: Path
    width: int
    height: int
    size: int  # bytes written


def prepare_photo(
    source: str | os.PathLike[str], target: str | os.PathLike[str], *, max_side: int = MAX_SIDE
) -> PreparedPhoto:
    """Write ``source`` as an upright JPEG of at most ``max_side`` pixels a side to ``target`` (replaced whole)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    src, dest = Path(source), Path(target)
    name = src.name
    if not src.is_file():
        raise DomainError(f"找不到照片“{name}”，它可能已被移走或删除。")
    if src.stat().st_size > MAX_SOURCE_BYTES:
        raise DomainError(f"照片“{name}”太大（超过 {MAX_SOURCE_BYTES // 1024 // 1024} MB），请换一张。")
    try:
        with Image.open(src) as opened:
            width, height = opened.size
            if width * height > MAX_SOURCE_PIXELS:
                raise DomainError(f"照片“{name}”的像素太多（{width}×{height}），请换一张。")
            if opened.format == "JPEG":
                opened.draft("RGB", (max_side, max_side))  # decode a big JPEG at a fraction of its size: fast
            image = ImageOps.exif_transpose(opened) or opened
            image.load()
            image = _flattened(image)
            image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
            dest.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.stem}-", suffix=".jpg.tmp", dir=dest.parent)
            os.close(fd)
            tmp = Path(tmp_name)
            try:
                image.save(tmp, "JPEG", quality=JPEG_QUALITY, optimize=True)
                with open(tmp, "rb+") as fh:
                    os.fsync(fh.fileno())
                os.replace(tmp, dest)
            finally:
                tmp.unlink(missing_ok=True)
            return PreparedPhoto(dest, image.width, image.height, dest.stat().st_size)
    except UnidentifiedImageError as exc:
        raise DomainError(
            f"“{name}”不是能识别的照片文件（请选 JPG 或 PNG 照片）。", details=str(exc)
        ) from exc
    except Image.DecompressionBombError as exc:
        raise DomainError(f"照片“{name}”的像素太多，请换一张。", details=str(exc)) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        if isinstance(exc, OSError) and dest.parent.exists() and not os.access(dest.parent, os.W_OK):
            raise DomainError(
                f"无法把照片存进数据文件夹（{dest.parent}）：没有写入权限。", details=str(exc)
            ) from exc
        raise DomainError(f"照片“{name}”已损坏或不完整，无法读取，请换一张。", details=str(exc)) from exc


def _flattened(image: Image.Image) -> Image.Image:
    """RGB: a transparent PNG goes onto white (not black), a palette or grey photo becomes colour."""
    from PIL import Image as PILImage

    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = PILImage.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB") if image.mode != "RGB" else image
