"""Run the benchmarks: ``python -m bench [--json] [NAME ...]`` from the repository root.

Each prints JSON rows {name, value, target, unit}; results are recorded in docs/performance.md.
"""

from __future__ import annotations

import argparse
import importlib

SUITES = [
    "startup",
    "search",
    "checkout",
    "desk",
    "book_import",
    "attendance",
    "equipment",
    "equipment_desk",
    "equipment_stocktake",
    "volunteers",
    "volunteers_grid",
    "reports",
]


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("names", nargs="*", help=f"which suites (default all): {', '.join(SUITES)}")
    args = parser.parse_args()
    unknown = set(args.names) - set(SUITES)
    if unknown:
        parser.error(f"unknown suite(s): {', '.join(sorted(unknown))}")
    from bench.common import emit

    for name in args.names or SUITES:
        module = importlib.import_module(f"bench.{name}")
        emit(module.run(), as_json=args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
