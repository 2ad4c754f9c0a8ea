from __future__ import annotations

import pytest

from center_app.domain.pinyin import matches, normalise, person_name_keys, pinyin_keys, sort_key


@pytest.mark.parametrize(("text", "full", "initials"), [
    ("西游记", "xi you ji", "xyj"),
    ("王子涵", "wang zi han", "wzh"),
    ("3D打印", "3d da yin", "3dy"),
    ("", "", ""),
])
def test_pinyin_keys(text: str, full: str, initials: str) -> None:
    assert pinyin_keys(text) == (full, initials)


@pytest.mark.parametrize(("name", "full", "initials"), [
    ("覃思琪", "qin si qi", "qsq"),
    ("曾小红", "zeng xiao hong", "zxh"),
    ("单田芳", "shan tian fang", "stf"),
    ("令狐冲", "ling hu chong", "lhc"),
    ("黄芳", "huang fang", "hf"),
])
def test_surnames_read_as_surnames(name: str, full: str, initials: str) -> None:
    assert person_name_keys(name) == (full, initials)


def test_search_by_full_pinyin_initials_and_fullwidth() -> None:
    assert matches("xyj", "西游记") and matches("xiyouji", "西游记") and matches("西游", "西游记")
    assert matches("XI YOU", "西游记")
    assert not matches("hlm", "西游记")
    assert normalise("ＡＢＣ１２３") == "abc123"


def test_chinese_sorts_by_pinyin() -> None:
    assert sorted(["草房子", "阿凡提的故事", "白雪公主"], key=sort_key) == ["阿凡提的故事", "白雪公主", "草房子"]
