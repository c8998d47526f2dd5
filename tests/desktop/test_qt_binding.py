import sys

from PySide6.QtWidgets import QLabel


def test_qt_calls_keep_the_reference_count_of_none(qtbot):
    # PySide6 6.12.0 on Python 3.11 lost a reference to None on every call returning nothing,
    # and the app died after a few thousand redraws; pyproject keeps that version out.
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        label.setText("x")
    assert abs(sys.getrefcount(None) - before) < 100
