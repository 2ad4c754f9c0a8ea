"""The type checker passes: mypy over center_app/, strict for domain/ and services/ (settings in pyproject.toml)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # hundreds of generated files / a whole type check: -m "not slow" skips it

REPO = Path(__file__).resolve().parent.parent


def test_mypy_is_clean(tmp_path: Path) -> None:
    mypy = Path(sys.executable).parent / "mypy"
    command = [str(mypy)] if mypy.exists() else [shutil.which("mypy") or ""]
    if not command[0]:
        pytest.skip("mypy is not installed (it is in the test extra)")
    # Its cache goes to tmp_path: a checkout stays clean, and a stale cache never hides an error.
    result = subprocess.run([*command, "--cache-dir", str(tmp_path / "mypy-cache")], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr
