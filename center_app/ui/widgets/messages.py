"""The one way pages show a result or a refusal under a form: red for errors, green for done."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

ERROR_STYLE = "color: #c0392b;"
OK_STYLE = "color: #1e8449;"


def show_message(label: QLabel, text: str, *, error: bool = True, ok: bool = False) -> None:
    label.setStyleSheet(OK_STYLE if ok or not error else ERROR_STYLE)
    label.setText(text)
