"""ui/operations.py: a page's one path to a use case — announce on success, say a refusal, show a bug's dialog."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QLabel

from center_app.domain.errors import DomainError, ValidationError
from center_app.ui.errors import last_error_dialog
from center_app.ui.events import Area, DataEvents
from center_app.ui.operations import Operations
from center_app.ui.pages.base import Page


@pytest.fixture
def recorded(qapp, ctx):
    events = DataEvents()
    heard: list[str] = []
    events.data_changed.connect(heard.append)
    return Operations(ctx, events.announce), heard


def test_success_announces_each_area_once_and_returns_the_value(qtbot, recorded) -> None:
    ops, heard = recorded
    label = QLabel()
    done = ops.run(lambda: 42, changes=(Area.LOANS, Area.BOOKS, Area.LOANS), refused=label)
    assert done.ok and done.value == 42 and not done.refused
    assert heard == ["loans", "books"]
    assert label.text() == ""
    assert ops.run(lambda: None, changes=Area.SETTINGS, refused=label).ok
    assert heard[-1] == "settings" and len(heard) == 3


def test_changed_false_announces_nothing(qtbot, recorded) -> None:
    ops, heard = recorded
    done = ops.run(lambda: "already", changes=Area.ATTENDANCE, refused=QLabel(), changed=lambda v: v != "already")
    assert done.ok and heard == []


def test_a_refusal_is_shown_and_nothing_is_announced(qtbot, recorded) -> None:
    ops, heard = recorded
    label = QLabel()

    def refuse() -> None:
        raise ValidationError("书名不能为空。")

    done = ops.run(refuse, changes=Area.BOOKS, refused=label)
    assert not done.ok and done.refused and isinstance(done.error, ValidationError)
    assert label.text() == "书名不能为空。" and "c0392b" in label.styleSheet()  # red, as show_message says it
    assert heard == []
    said: list[DomainError] = []
    ops.run(refuse, changes=Area.BOOKS, refused=said.append)  # or the page's own way of saying it
    assert [e.message for e in said] == ["书名不能为空。"] and heard == []
    assert last_error_dialog() is None or not last_error_dialog().isVisible()


def test_an_unwritable_file_is_a_refusal_naming_it(qtbot, recorded, tmp_path) -> None:
    ops, heard = recorded
    label = QLabel()
    target = tmp_path / "考勤表.xlsx"

    def write() -> None:
        raise PermissionError(13, "Permission denied")

    assert not ops.run(write, changes=Area.CHILDREN, refused=label, writes=target).ok
    assert str(target) in label.text() and "请先关闭再试" in label.text()
    assert heard == []


def test_an_unexpected_error_opens_the_error_dialog_and_is_logged(
    qtbot, recorded, caplog, expected_error_dialogs
) -> None:
    ops, heard = recorded
    label = QLabel()

    def broken() -> None:
        raise RuntimeError("意外的错误")

    with caplog.at_level(logging.ERROR, logger="center_app.ui.operations"):
        done = ops.run(broken, changes=Area.BOOKS, refused=label)
    assert not done.ok and not done.refused and isinstance(done.error, RuntimeError)
    assert heard == [] and label.text() == ""
    assert any("RuntimeError: 意外的错误" in r.getMessage() for r in caplog.records)
    box = last_error_dialog()
    assert box is not None and box.isVisible() and "意外错误" in box.text()
    assert "Traceback" in box.detailedText()
    box.close()


def test_changes_without_a_way_to_announce_them_is_a_mistake(qtbot, ctx) -> None:
    with pytest.raises(TypeError):
        Operations(ctx).run(lambda: 1, changes=Area.BOOKS, refused=QLabel())


def test_a_page_that_shows_its_own_change_does_not_reload_for_it(qtbot, ctx) -> None:
    events = DataEvents()

    class Counting(Page):
        areas = (Area.LOANS,)
        reloads_on_own_changes = False

        def __init__(self) -> None:
            super().__init__(ctx, events)
            self.refreshed = 0

        def refresh(self) -> None:
            self.refreshed += 1
            super().refresh()

    page = Counting()
    qtbot.addWidget(page)
    page.show()
    assert page.ops.run(lambda: None, changes=Area.LOANS, refused=QLabel()).ok
    assert page.refreshed == 0  # its own announcement
    events.announce(Area.LOANS)  # another page's
    assert page.refreshed == 1
