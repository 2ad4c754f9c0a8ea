"""Run as a subprocess by test_equipment_stocktake.py, which SIGKILLs it in the middle of a stocktake.

    python tests/equipment_crash_worker.py DATA_DIR STOCKTAKE_ID CODES_FILE

Scans each code of CODES_FILE (one a line) into the open stocktake, printing "ok CODE" after each scan's commit.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from center_app.config import DataDir  # noqa: E402
from center_app.context import Actor, open_store  # noqa: E402


def main() -> int:
    data_dir, stocktake_id, codes = DataDir(Path(sys.argv[1])), int(sys.argv[2]), Path(sys.argv[3])
    ctx = open_store(data_dir, actor=Actor.command_line())
    from center_app.services import equipment

    print("ready", flush=True)
    for code in codes.read_text(encoding="utf-8").split():
        equipment.record_scan(ctx, stocktake_id, code)  # one small transaction each
        print(f"ok {code}", flush=True)
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
