"""The probes measure the screen: a widget scrolled away is not visible, a focus ring is measured."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QScrollArea, QVBoxLayout, QWidget

from tests.realdisplay import probes


def test_a_field_scrolled_out_of_view_is_not_visible_until_scrolled_to(qtbot):
    area = QScrollArea()
    inner = QWidget()
    column = QVBoxLayout(inner)
    column.addWidget(QLineEdit())  # the first box takes focus (focus is scrolled into view)
    column.addSpacing(2000)
    field = QLineEdit()
    column.addWidget(field)
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.resize(400, 300)
    qtbot.addWidget(area)
    probes.show_settled(qtbot, area)
    assert not probes.fully_visible(field)
    area.ensureWidgetVisible(field)
    qtbot.wait(50)
    assert probes.fully_visible(field)


def test_an_outline_focus_ring_is_measured_and_no_ring_is_not(qtbot):
    box = QWidget()
    column = QVBoxLayout(box)
    ringed, plain = QLineEdit(), QLineEdit()
    ringed.setStyleSheet(
        "QLineEdit { border: 1px solid #b1b4b6; padding: 4px; }QLineEdit:focus { border: 3px solid #0b0c0c; }"
    )
    plain.setStyleSheet("QLineEdit, QLineEdit:focus { border: 1px solid #b1b4b6; padding: 4px; }")
    column.addWidget(ringed)
    column.addWidget(plain)
    qtbot.addWidget(box)
    probes.show_settled(qtbot, box)
    assert probes.focus_change(ringed, qtbot.wait).visible
    change = probes.focus_change(plain, qtbot.wait)
    assert not change.visible, change
    assert probes.fit_problems(box) == []


def test_the_clipping_probe_finds_cut_text_and_overlap_and_passes_what_fits(qtbot):
    from PySide6.QtWidgets import QCheckBox, QLabel

    box = QWidget()
    column = QVBoxLayout(box)
    fits = QLabel("Short")
    cut = QLabel("A line far too long for the narrow box it is given")
    cut.setFixedWidth(80)
    wrapped = QLabel("Several words that wrap onto more lines than the height allows " * 3)
    wrapped.setWordWrap(True)
    wrapped.setFixedSize(120, 20)
    check = QCheckBox("A choice whose words run past its box")
    check.setFixedWidth(60)
    for widget in (fits, cut, wrapped, check):
        column.addWidget(widget)
    qtbot.addWidget(box)
    probes.show_settled(qtbot, box)
    found = "\n".join(probes.clipping_problems(box))
    assert "'A line far too long" in found and "'Several words" in found and "'A choice" in found
    assert "'Short'" not in found
    fits.setGeometry(cut.geometry())  # laid over its neighbour
    assert any("overlaps" in p for p in probes.clipping_problems(box))
