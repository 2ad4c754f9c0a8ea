"""PyInstaller runtime hook (installer.spec): runs in the bundled app before ``main.py``.

- The console program's output is UTF-8, so Chinese prints in any Windows console and into a redirected file (a
  Windows PC's own code page — cp1252 on an English Windows — cannot encode it; cp936 would make files that only a
  Chinese Windows reads right).
- The windowed program (``CenterApp.exe``, no console) has no stdout or stderr on Windows: they go to the null
  device, so a message printed at start-up (or a command typed after the GUI program's name) cannot crash it.
"""

import os
import sys


def _utf8_streams() -> None:
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the app
            continue
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


_utf8_streams()
