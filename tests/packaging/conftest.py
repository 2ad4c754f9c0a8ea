"""The packaging tests build the app with PyInstaller (minutes): they run only when asked for by their marker —
``pytest -m packaging tests/packaging`` (what ``.ci/package`` does) — never in the everyday run, whatever other
``-m`` expression that run gives."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    expression = config.getoption("markexpr") or ""
    asked = "packaging" in expression and "not packaging" not in expression
    if asked:
        return
    skip = pytest.mark.skip(reason="builds the bundle (minutes): run with -m packaging, as .ci/package does")
    for item in items:
        if "packaging" in item.keywords:
            item.add_marker(skip)
