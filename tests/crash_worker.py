"""Run as a subprocess by test_crash_safety.py, which SIGKILLs it at random moments.

    python tests/crash_worker.py DATA_DIR burst N     # N single writes, printing "ok i" after each commit
    python tests/crash_worker.py DATA_DIR long        # one long transaction (the demo centre fill)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from center_app.config import DataDir  # noqa: E402
from center_app.context import Actor, open_store  # noqa: E402


def main() -> int:
    data_dir, mode = DataDir(Path(sys.argv[1])), sys.argv[2]
    ctx = open_store(data_dir, actor=Actor.command_line())  # writes as the administrator, said so
    print("ready", flush=True)
    if mode == "burst":
        from center_app.services import settings

        start = int(settings.get_setting(ctx, "crash_next", 0))
        for i in range(start, start + int(sys.argv[3])):
            with ctx.db.session() as s:  # one operation = one transaction with two writes
                settings.write_setting(s, ctx, f"crash_{i}", i)
                settings.write_setting(s, ctx, "crash_next", i + 1)
            print(f"ok {i}", flush=True)
    elif mode == "long":
        from center_app import demo

        demo.fill_demo(ctx, progress=lambda p, _m: print(f"progress {p}", flush=True))
        print("done", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
