"""The yardstick: a bare PySide6 main window, started and quit the same way as the app's --quit-when-ready."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication([])
window = QMainWindow()
window.resize(1280, 720)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
