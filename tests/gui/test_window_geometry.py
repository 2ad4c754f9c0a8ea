"""Where the main window opens: maximized on the school PC's 1366×768 screen, elsewhere where it was last closed
(``window.ini`` in the data folder), and at 1280×720 in the middle of the screen when what was remembered is
damaged or on no screen any more. The screens are plain rectangles passed in: no real screen is needed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize

from center_app.config import DataDir
from center_app.ui import window_geometry as wg
from center_app.ui.window_geometry import Placement, Remembered, choose_placement

# Available geometries (the screen less the taskbar), as Windows reports them.
SCHOOL_PC = QRect(0, 0, 1366, 728)  # 1366×768
OLD_SQUARE_LCD = QRect(0, 0, 1280, 984)  # 1280×1024
LAPTOP_1600 = QRect(0, 0, 1600, 860)  # 1600×900
FULL_HD = QRect(0, 0, 1920, 1040)  # 1920×1080
SECOND_FULL_HD = QRect(1920, 0, 1920, 1080)  # a second monitor to the right, no taskbar


def centred(size: QSize, screen: QRect) -> QRect:
    rect = QRect(QPoint(0, 0), size)
    rect.moveCenter(screen.center())
    return rect


# --- the choice ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("screen", [SCHOOL_PC, OLD_SQUARE_LCD, QRect(0, 0, 1024, 728)])
def test_a_small_screen_opens_the_window_maximized(screen: QRect) -> None:
    placement = choose_placement(None, [screen])
    assert placement.maximized
    # Un-maximizing gives 1280×720 (or what the screen has room for) in the middle.
    assert placement.geometry == centred(QSize(1280, 720).boundedTo(screen.size()), screen)
    assert screen.contains(placement.geometry)


def test_a_small_screen_opens_maximized_even_when_a_normal_window_was_remembered() -> None:
    remembered = Remembered(QRect(40, 30, 1100, 650), maximized=False)
    assert choose_placement(remembered, [SCHOOL_PC]) == Placement(QRect(40, 30, 1100, 650), maximized=True)


@pytest.mark.parametrize("screen", [LAPTOP_1600, FULL_HD])
def test_a_bigger_screen_with_nothing_remembered_opens_1280_by_720_in_the_middle(screen: QRect) -> None:
    assert choose_placement(None, [screen]) == Placement(centred(QSize(1280, 720), screen), maximized=False)


def test_a_bigger_screen_opens_the_window_where_it_was_closed() -> None:
    normal = Remembered(QRect(120, 90, 1400, 800), maximized=False)
    assert choose_placement(normal, [FULL_HD]) == Placement(QRect(120, 90, 1400, 800), maximized=False)
    maximized = Remembered(QRect(120, 90, 1400, 800), maximized=True)
    assert choose_placement(maximized, [FULL_HD]) == Placement(QRect(120, 90, 1400, 800), maximized=True)


def test_a_window_left_on_a_second_monitor_opens_there_and_back_on_the_first_once_it_is_gone() -> None:
    on_second = Remembered(QRect(2100, 100, 1300, 760), maximized=False)
    assert choose_placement(on_second, [FULL_HD, SECOND_FULL_HD]) == Placement(on_second.geometry, False)
    assert choose_placement(on_second, [FULL_HD]) == Placement(centred(QSize(1280, 720), FULL_HD), False)


@pytest.mark.parametrize(
    "rect",
    [
        QRect(5000, 3000, 1280, 720),  # far off every screen
        QRect(-1250, 100, 1280, 720),  # only 30 px of it still on the screen: nothing to drag it back by
        QRect(100, 1030, 1280, 720),  # its title bar under the taskbar
        QRect(100, 100, 0, 720),  # no width
    ],
)
def test_a_window_remembered_where_no_screen_shows_it_opens_in_the_middle(rect: QRect) -> None:
    placement = choose_placement(Remembered(rect, maximized=False), [FULL_HD])
    assert placement == Placement(centred(QSize(1280, 720), FULL_HD), maximized=False)


def test_a_window_bigger_than_the_screen_now_or_hanging_over_its_edge_is_fitted_onto_it() -> None:
    # Remembered on a 2560×1440 monitor, opened on a full-HD one.
    placement = choose_placement(Remembered(QRect(300, 200, 2400, 1300), maximized=False), [FULL_HD])
    assert placement.geometry == FULL_HD
    # Half of it past the right edge: moved back, same size.
    placement = choose_placement(Remembered(QRect(1500, 100, 1280, 720), maximized=False), [FULL_HD])
    assert placement.geometry == QRect(640, 100, 1280, 720)


def test_no_screen_at_all_still_gives_a_window() -> None:
    assert choose_placement(None, []) == Placement(QRect(0, 0, 1280, 720), maximized=False)


# --- the file in the data folder ---------------------------------------------------------------------------------


@pytest.fixture
def awkward_data_dir(tmp_path: Path) -> DataDir:
    """tmp_path already holds Chinese, a space, '#', '%' and "'"; one more level of them for the ini file."""
    return DataDir(tmp_path / "李老师 #2 50% 's 数据").ensure()


def test_what_is_saved_is_what_is_loaded_in_a_folder_with_chinese_spaces_hash_percent_and_quote(
    qtbot, awkward_data_dir: DataDir
) -> None:
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setGeometry(QRect(150, 110, 1300, 760))
    wg.save(awkward_data_dir, widget)
    assert wg.settings_path(awkward_data_dir).is_file()
    assert wg.load(awkward_data_dir) == Remembered(QRect(150, 110, 1300, 760), maximized=False)


def test_nothing_saved_yet_loads_nothing(awkward_data_dir: DataDir) -> None:
    assert wg.load(awkward_data_dir) is None


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff\xfe garbage \x89PNG\r\n\x1a\n" * 20,  # not text at all
        b"[mainWindow]\nx=abc\ny=10\nwidth=1280\nheight=720\nmaximized=false\n",  # not a number
        b"[mainWindow]\nx=10\ny=10\nwidth=-5\nheight=720\nmaximized=false\n",  # a negative size
        b"[mainWindow]\nx=10\ny=10\nwidth=1280\nheight=720\nmaximized=perhaps\n",  # not a yes or no
        b"[mainWindow]\nx=10\ny=10\nwidth=99999999999999999999\nheight=720\nmaximized=false\n",  # absurd
        b"[mainWindow]\nx=10\ny=10\n",  # cut short (a power cut while it was written)
        b"",  # empty
    ],
)
def test_a_damaged_file_loads_nothing_and_the_window_opens_in_the_middle(
    awkward_data_dir: DataDir, content: bytes
) -> None:
    wg.settings_path(awkward_data_dir).write_bytes(content)
    assert wg.load(awkward_data_dir) is None
    placement = choose_placement(wg.load(awkward_data_dir), [FULL_HD])
    assert placement == Placement(centred(QSize(1280, 720), FULL_HD), maximized=False)


# --- the real window ---------------------------------------------------------------------------------------------


def test_on_the_school_pc_the_window_opens_maximized(window) -> None:
    data_dir = window.ctx.data_dir
    placement = wg.show_main_window(window, data_dir, screens=[SCHOOL_PC])
    assert placement.maximized and window.isMaximized()


def test_on_a_big_screen_the_window_opens_where_it_was_closed(qtbot, window) -> None:
    from center_app.app import open_main_window
    from tests.gui.conftest import ADMIN

    data_dir = window.ctx.data_dir
    assert not wg.show_main_window(window, data_dir, screens=[FULL_HD]).maximized
    assert window.geometry() == centred(QSize(1280, 720), FULL_HD)  # nothing remembered yet

    window.setGeometry(QRect(200, 150, 1400, 820))  # the user moves and enlarges it, then closes the app
    window.close()
    assert wg.load(data_dir) == Remembered(QRect(200, 150, 1400, 820), maximized=False)

    again = open_main_window(data_dir, user=ADMIN)
    qtbot.addWidget(again)
    assert not wg.show_main_window(again, data_dir, screens=[FULL_HD]).maximized
    assert again.geometry() == QRect(200, 150, 1400, 820)

    again.showMaximized()  # maximized this time: the next start is maximized, un-maximizing gives the size back
    qtbot.waitUntil(again.isMaximized, timeout=2000)
    again.close()
    assert wg.load(data_dir) == Remembered(QRect(200, 150, 1400, 820), maximized=True)

    third = open_main_window(data_dir, user=ADMIN)
    qtbot.addWidget(third)
    assert wg.show_main_window(third, data_dir, screens=[FULL_HD]).maximized
    assert third.isMaximized() and third.normalGeometry() == QRect(200, 150, 1400, 820)
    third.close()
