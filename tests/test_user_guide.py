"""docs/user-guide.md shows only pictures that exist (tools/user_guide_screenshots.py makes them), and every picture
the tool made is in the guide — no GUI needed."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "docs" / "user-guide.md"
PICTURES = REPO / "docs" / "user-guide"
IMAGE_LINK = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")


def linked_images() -> list[tuple[str, str]]:
    return IMAGE_LINK.findall(GUIDE.read_text(encoding="utf-8"))


def test_every_linked_image_exists_and_has_a_caption() -> None:
    links = linked_images()
    assert links, "the guide links no screenshots"
    missing = [target for _caption, target in links if not (GUIDE.parent / target).is_file()]
    assert missing == [], f"docs/user-guide.md links pictures that do not exist: {missing}"
    uncaptioned = [target for caption, target in links if not caption.strip()]
    assert uncaptioned == [], f"pictures without a caption: {uncaptioned}"


def test_every_screenshot_is_in_the_guide_and_small() -> None:
    linked = {(GUIDE.parent / target).resolve() for _caption, target in linked_images()}
    pictures = sorted(PICTURES.glob("*.png"))
    unused = [p.name for p in pictures if p.resolve() not in linked]
    assert unused == [], f"screenshots the guide does not show: {unused}"
    big = [p.name for p in pictures if p.stat().st_size > 300 * 1024]
    assert big == [], f"screenshots over 300 KB: {big}"
    assert sum(p.stat().st_size for p in pictures) < 6 * 1024 * 1024
