"""The one-folder app built by ``installer.spec``, tested as the centre's PC gets it (issue 14).

Built once per run with PyInstaller into a folder whose path has Chinese, a space and ``#`` (as under
``C:\\Users\\张老师\\…``), then its programs run offscreen on fresh data folders: the window starts and is ready, the
self-test visits every page, a donation list is imported and counted, a report is printed with its fonts
embedded, and nothing the app does not use is in it.
``CENTER_APP_BUNDLE=<dist/CenterApp>`` tests a bundle built before instead of building one.

Marked ``packaging``: left out of the everyday run (pyproject's addopts); ``.ci/package`` runs it after the suite.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

pytestmark = [pytest.mark.packaging, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "tests" / "data"
EXE = ".exe" if sys.platform == "win32" else ""
#: the folder's size on Linux, where Qt carries ICU (37 MiB) that Windows' Qt does not; QtPdf (the reports' preview,
#: with the QtNetwork library it links) adds about 20 MiB. The Windows build is estimated at about 125 MiB.
SIZE_BUDGET_MIB = 185 if sys.platform.startswith("linux") else 150
BUILD_TIMEOUT_S = 1200
RUN_TIMEOUT_S = 300


def _version() -> str:
    return tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "CENTER_APP_"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("CENTER_APP_BUNDLE")
    if given:
        return Path(given)
    where = tmp_path_factory.mktemp("打包 测试 #1")
    done = subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", str(REPO / "installer.spec"), "--noconfirm",
            "--distpath", str(where / "dist"), "--workpath", str(where / "build"),
        ],
        cwd=REPO, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=BUILD_TIMEOUT_S,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-4000:]
    return where / "dist" / "CenterApp"


def run(bundle: Path, program: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(bundle / f"{program}{EXE}"), *args], capture_output=True, timeout=RUN_TIMEOUT_S, env=_env()
    )


def cli(bundle: Path, folder: Path, *args: str) -> subprocess.CompletedProcess:
    """``center-app --data-dir FOLDER …``: the console program, as a script or a person at cmd.exe runs it."""
    return run(bundle, "center-app", "--data-dir", str(folder), *args)


def text(output: bytes) -> str:
    return output.decode("utf-8")  # the console program writes UTF-8 (tools/pyi_rth_center_app.py), always


def test_the_bundle_holds_what_the_app_needs_and_nothing_it_does_not(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert (bundle / f"CenterApp{EXE}").is_file() and (bundle / f"center-app{EXE}").is_file()
    files = [p for p in internal.rglob("*") if p.is_file()]
    names = {p.relative_to(internal).as_posix() for p in files}
    for needed in (
        "LICENSE",
        "VERSION",
        "resources/fonts/DroidSansFallbackFull.ttf",
        "resources/fonts/Vera.ttf",
        "resources/translations/center_app_en.qm",
        "resources/icons/center_app_256.png",
        "center_app/db/migrations/env.py",
    ):
        assert needed in names, needed
    fonts = REPO / "resources" / "fonts"
    for source in sorted(fonts.glob("*.ttf")) + sorted(fonts.glob("LICENSE*")):  # the fallback too; licences
        assert f"resources/fonts/{source.name}" in names, source.name
    for revision in sorted((REPO / "center_app" / "db" / "migrations" / "versions").glob("*.py")):
        assert f"center_app/db/migrations/versions/{revision.name}" in names, revision.name
    assert (internal / "VERSION").read_text("utf-8").strip() == _version()

    unwanted = re.compile(
        r"Qt6?(Quick|Qml|WebEngine|Svg|Multimedia|3D|Designer|OpenGL|VirtualKeyboard|Wayland)"
        r"|tkinter|_tkinter|libtk|libtcl|(^|/)(pytest|hypothesis|mypy|pip|setuptools)/",
        re.IGNORECASE,
    )
    assert not sorted(n for n in names if unwanted.search(n))
    qt_translations = {p.name for p in files if p.suffix == ".qm" and "PySide6" in p.parts}
    assert qt_translations <= {"qtbase_zh_CN.qm", "qtbase_en.qm"} and "qtbase_zh_CN.qm" in qt_translations
    platforms = {p.name.split(".")[0].removeprefix("lib") for p in files if p.parent.name == "platforms"}
    assert {"qoffscreen", "qminimal"} <= platforms
    assert ("qwindows" if sys.platform == "win32" else "qxcb") in platforms

    size_mib = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20
    print(f"\nbundle size: {size_mib:.1f} MiB ({len(files)} files)")
    assert size_mib <= SIZE_BUDGET_MIB


def test_version(bundle: Path) -> None:
    done = run(bundle, "center-app", "--version")
    assert done.returncode == 0
    assert text(done.stdout).strip() == f"center-app {_version()}"


def test_the_window_starts_and_the_selftest_passes_on_a_fresh_folder(bundle: Path, tmp_path: Path) -> None:
    folder = tmp_path / "新的中心 #1"
    started = run(bundle, "CenterApp", "--data-dir", str(folder), "--quit-when-ready")
    assert started.returncode == 0, text(started.stderr)
    assert (folder / "center.db").is_file()  # created and migrated by the bundled Alembic scripts

    other = tmp_path / "自检 #2"
    selftest = cli(bundle, other, "selftest")
    assert selftest.returncode == 0, text(selftest.stdout) + text(selftest.stderr)
    out = text(selftest.stdout)
    assert "自检通过" in out and "✗" not in out
    check = cli(bundle, other, "check")
    assert check.returncode == 0, text(check.stdout) + text(check.stderr)


def test_a_donation_list_is_imported_by_the_bundle(bundle: Path, tmp_path: Path) -> None:
    folder = tmp_path / "图书 导入 #3"
    gbk = cli(bundle, folder, "import", "books", str(SAMPLES / "donation_sample_gbk.csv"))
    assert gbk.returncode == 0, text(gbk.stdout) + text(gbk.stderr)
    assert "已导入" in text(gbk.stdout)
    stats = cli(bundle, folder, "stats", "--json")
    assert stats.returncode == 0, text(stats.stderr)
    counts = json.loads(text(stats.stdout))
    assert counts["titles"] == 10 and counts["copies"] == 10

    # An Excel list through openpyxl, its bad row reported by number and the good rows taken.
    xlsx = cli(bundle, folder, "import", "books", str(SAMPLES / "donation_sample.xlsx"), "--skip-invalid")
    assert xlsx.returncode == 0, text(xlsx.stdout) + text(xlsx.stderr)
    assert re.search(r"第\d+行", text(xlsx.stdout) + text(xlsx.stderr))
    after = json.loads(text(cli(bundle, folder, "stats", "--json").stdout))
    assert after["titles"] > counts["titles"]


def test_a_report_is_printed_with_its_fonts_embedded_by_the_bundle(bundle: Path, tmp_path: Path) -> None:
    """ReportLab, the bundled fonts (Chinese and the Latin companion) and openpyxl, from inside the bundle."""
    import pypdf

    folder = tmp_path / "演示 中心 #4"
    demo = cli(bundle, folder, "demo-data")
    assert demo.returncode == 0, text(demo.stderr)
    pdf, xlsx = tmp_path / "活动报告 #1.pdf", tmp_path / "活动报告 #1.xlsx"
    done = cli(bundle, folder, "report", "activity", "--id", "1", "--out", str(pdf), "--xlsx", str(xlsx))
    assert done.returncode == 0, text(done.stdout) + text(done.stderr)
    reader = pypdf.PdfReader(pdf)
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    assert any("DroidSansFallback" in f for f in fonts) and any("Vera" in f for f in fonts), fonts
    assert "活动报告" in reader.pages[0].extract_text()
    assert xlsx.stat().st_size > 0


def test_chinese_output_survives_a_console_without_utf8(bundle: Path, tmp_path: Path) -> None:
    """An English Windows console is cp1252; here the C locale stands in for it."""
    env = dict(_env(), LC_ALL="C", LANG="C")
    done = subprocess.run(
        [str(bundle / f"center-app{EXE}"), "--data-dir", str(tmp_path / "无此文件夹"), "stats"],
        capture_output=True, timeout=RUN_TIMEOUT_S, env=env,
    )  # fmt: skip
    assert done.returncode == 1
    assert "不存在" in text(done.stderr)
