"""The data a step can read, for people: a browsable tree of the trigger's and earlier steps'
fields, readable names for references ("New order › Customer › Phone"), and a line edit that
shows its references as chips while it stores the ``{{ expression }}`` underneath."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPyTextObject,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QStyleOptionFrame,
    QTextEdit,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.model import Flow
from flowin_engine.registry import Registry, TriggerKind

from ..readable import (
    SEPARATOR,
    TEMPLATE,
    humanize,
    readable_reference,
    reference_parts,
    segments,
)
from .references import StepData, reference_root, upstream

__all__ = ["SEPARATOR", "humanize", "reference_parts", "segments"]  # read here by others

CONTEXT = "DataTree"
MAX_DEPTH = 4
REFERENCE_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# Readable names.


@dataclass(frozen=True)
class StepSample:
    """What one earlier step gives, and where that picture of it comes from."""

    title: str  # the step's name
    root: str  # the reference its data is read by: trigger, or steps['Name'].output
    data: Any
    source: str  # "run" (the last test run), "pinned", or "sample" (the connector's example)


def step_samples(
    flow: Flow, node_id: str, registry: Registry, step_data: StepData
) -> list[StepSample]:
    """Each step ``node_id`` can read, nearest first, with its data from the last test run,
    else its pinned output, else the connector's declared example."""
    samples = []
    for node in upstream(flow, node_id):
        if node.id in step_data and not step_data[node.id][2]:
            data, source = step_data[node.id][1], "run"
        elif node.id in flow.pinned:
            data, source = flow.pinned[node.id].output, "pinned"
        else:
            node_type = registry.find(node.type)
            data, source = (node_type.manifest.output_example if node_type else None), "sample"
            if node_type is not None and node_type.trigger_kind == TriggerKind.MANUAL:
                # A run by hand starts with the trigger's own sample data, when it has some.
                data = node.params.get("sample_data") or data
        samples.append(StepSample(node.name, reference_root(node, registry), data, source))
    return samples


def trigger_name(flow: Flow, registry: Registry) -> str | None:
    for node in flow.nodes:
        node_type = registry.find(node.type)
        if node_type is not None and node_type.is_trigger:
            return node.name
    return None


def shown_value(value: Any) -> str:
    """A sample value, short, as a person would read it."""
    if isinstance(value, dict):
        return ""  # its fields are below it
    if isinstance(value, list):
        return _tr("1 item") if len(value) == 1 else _tr("%1 items").replace("%1", str(len(value)))
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _tr("yes") if value else _tr("no")
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"


# The tree.


def _accessor(key: str) -> str:
    return f".{key}" if key.isidentifier() else "['{}']".format(key.replace("'", "\\'"))


class DataTree(QTreeWidget):
    """The trigger's and earlier steps' fields; clicking or dragging one gives its reference."""

    reference_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setObjectName("dataTree")
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(True)
        self.shown_samples: list[StepSample] = []
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels([_tr("Field"), _tr("Example")])
        samples, self.shown_samples = self.shown_samples, []
        self.show_samples(samples)

    def show_samples(self, samples: list[StepSample]) -> None:
        if samples == self.shown_samples and self.topLevelItemCount():
            return  # as it is: an edit elsewhere in the step must not rebuild it under a click
        self.shown_samples = samples
        self.clear()
        sources = {
            "run": _tr("last run"),
            "pinned": _tr("pinned data"),
            "sample": _tr("example data"),
        }
        for sample in samples:
            step = QTreeWidgetItem([sample.title, sources[sample.source]])
            font = step.font(0)
            font.setBold(True)
            step.setFont(0, font)
            # Italic, not a colour: a colour taken now would be wrong after a theme switch.
            source = step.font(1)
            source.setItalic(True)
            step.setFont(1, source)
            step.setFirstColumnSpanned(False)
            self.addTopLevelItem(step)
            self._add_children(step, sample.root, sample.data, 1)
            step.setExpanded(True)

    def _add_children(self, parent: QTreeWidgetItem, path: str, value: Any, depth: int) -> None:
        if depth > MAX_DEPTH:
            return
        if isinstance(value, dict):
            children = [(humanize(str(k)), path + _accessor(str(k)), v) for k, v in value.items()]
        elif isinstance(value, list) and value:
            children = [(_tr("item %1").replace("%1", "1"), f"{path}[0]", value[0])]
        else:
            return
        for label, child_path, child_value in children:
            item = QTreeWidgetItem([label, shown_value(child_value)])
            item.setData(0, REFERENCE_ROLE, child_path)
            item.setToolTip(0, "{{ " + child_path + " }}")
            parent.addChild(item)
            self._add_children(item, child_path, child_value, depth + 1)

    def item_for(self, reference: str) -> QTreeWidgetItem | None:
        """The item that gives ``reference``, for tests and for keyboard users."""
        found = [None]

        def walk(item: QTreeWidgetItem) -> None:
            if item.data(0, REFERENCE_ROLE) == reference:
                found[0] = item
            for i in range(item.childCount()):
                walk(item.child(i))

        walk(self.invisibleRootItem())
        return found[0]

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        reference = item.data(0, REFERENCE_ROLE)
        if reference:
            self.reference_chosen.emit(reference)

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:
        mime = QMimeData()
        references = [item.data(0, REFERENCE_ROLE) for item in items]
        mime.setText(" ".join("{{ " + r + " }}" for r in references if r))
        return mime


class DataPopup(QFrame):
    """The data tree in a pop-up under a field's picker button."""

    def __init__(self, samples: list[StepSample], chosen: Callable[[str], None]) -> None:
        super().__init__(None, Qt.WindowType.Popup)
        self.setObjectName("dataPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.tree = DataTree(self)
        self.tree.show_samples(samples)
        self.tree.reference_chosen.connect(lambda reference: (self.close(), chosen(reference)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree)
        self.resize(380, 300)


# A field that shows its references as chips.


class ReferenceLineEdit(QLineEdit):
    """A line edit holding text with ``{{ references }}``. While it hasn't the focus, each
    reference is drawn as a chip with its readable name; focused, the expression is edited."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trigger_name: Callable[[], str | None] = lambda: None

    def chips(self) -> list[str]:
        """The readable names of the references in the field, as the chips show them."""
        return [text for text, is_reference in self._segments() if is_reference]

    def readable_text(self) -> str:
        return "".join(text for text, _ in self._segments())

    def _segments(self) -> list[tuple[str, bool]]:
        return segments(self.text(), self.trigger_name())

    def setText(self, text: str) -> None:
        super().setText(text)
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        self.setToolTip(self.readable_text() if self.chips() else "")

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self._update_tooltip()
        self.update()

    def dropEvent(self, event: Any) -> None:
        super().dropEvent(event)
        self.editingFinished.emit()

    def paintEvent(self, event: Any) -> None:
        pieces = [] if self.hasFocus() else self._segments()
        if not any(is_reference for _, is_reference in pieces):
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelLineEdit, option, painter, self)
        area = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        area = area.adjusted(2, 1, -2, -1)
        metrics = QFontMetrics(self.font())
        palette = self.palette()
        chip_fill = QColor(palette.color(QPalette.ColorRole.Highlight))
        chip_fill.setAlpha(40)
        chip_edge = QColor(palette.color(QPalette.ColorRole.Highlight))
        chip_edge.setAlpha(120)
        right_to_left = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        x = area.right() if right_to_left else area.left()
        painter.setClipRect(area)
        room = area.width()
        for text, is_reference in pieces:
            padding = 6 if is_reference else 0
            width = metrics.horizontalAdvance(text) + 2 * padding
            if width > room:
                # What doesn't fit ends in "…"; the whole text is in the tooltip.
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room - 2 * padding)
                width = room
            if width <= 2 * padding:
                break
            left = x - width if right_to_left else x
            box = QRectF(left, area.top() + 1, width, area.height() - 2)
            if is_reference:
                path = QPainterPath()
                path.addRoundedRect(box, 8, 8)
                painter.fillPath(path, chip_fill)
                painter.setPen(chip_edge)
                painter.drawPath(path)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            gap = 3 if is_reference else 0
            x = left - gap if right_to_left else left + width + gap
            room -= width + gap


CHIP_OBJECT = int(QTextFormat.ObjectTypes.UserObject) + 1
_EXPRESSION = int(QTextFormat.Property.UserProperty) + 1
_NAME = int(QTextFormat.Property.UserProperty) + 2
CHIP_PADDING = 6


class _ChipPainter(QPyTextObject):
    """Draws a reference kept in a text box as one character: a rounded chip with its name."""

    def intrinsicSize(self, document: QTextDocument, _position: int, format: Any) -> QSizeF:
        metrics = QFontMetricsF(document.defaultFont())
        name = str(format.property(_NAME))
        return QSizeF(metrics.horizontalAdvance(name) + 2 * CHIP_PADDING, metrics.height())

    def drawObject(
        self, painter: QPainter, rect: QRectF, document: QTextDocument, _position: int, format: Any
    ) -> None:
        palette = QApplication.palette()
        fill = QColor(palette.color(QPalette.ColorRole.Highlight))
        fill.setAlpha(40)
        edge = QColor(palette.color(QPalette.ColorRole.Highlight))
        edge.setAlpha(120)
        box = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(box, 8, 8)
        painter.fillPath(path, fill)
        painter.setPen(edge)
        painter.drawPath(path)
        painter.setFont(document.defaultFont())
        # "Step › Field" in the field's direction: an Arabic name's parts read from the right.
        owner = self.parent()
        if isinstance(owner, QWidget):
            painter.setLayoutDirection(owner.layoutDirection())
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(format.property(_NAME)))
        painter.restore()


class ReferenceTextEdit(QTextEdit):
    """A text box whose ``{{ references }}`` are chips with their readable names, as
    ReferenceLineEdit shows them, focused or not: each chip is one character of the text, so
    typing, deleting and moving around it never cut an expression in two; ``text()`` gives the
    text back with its expressions. ``single_line`` keeps it to one line (Enter is the
    dialog's)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, single_line: bool = False) -> None:
        super().__init__(parent)
        self.trigger_name: Callable[[], str | None] = lambda: None
        self.single_line = single_line
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self._painter = _ChipPainter(self)
        self.document().documentLayout().registerHandler(CHIP_OBJECT, self._painter)
        self.textChanged.connect(self.changed.emit)
        if single_line:
            self.setLineWrapMode(QTextEdit.LineWrapMode.NoWrap)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            margins = self.contentsMargins()
            line = QFontMetrics(self.font()).lineSpacing()
            room = int(self.document().documentMargin() * 2)
            self.setFixedHeight(line + room + margins.top() + margins.bottom() + 2)

    # The text, with its expressions.

    def setText(self, text: str) -> None:
        self.clear()
        self._insert_with_chips(QTextCursor(self.document()), text)
        self.moveCursor(QTextCursor.MoveOperation.End)
        self.setCurrentCharFormat(QTextCharFormat())

    def text(self) -> str:
        """What the field holds: its text with each chip's ``{{ expression }}``."""
        return self._expressions_between(0, self.document().characterCount() - 1)

    def chips(self) -> list[str]:
        """The readable names of the references, in order, as the chips show them."""
        return [name for name, is_reference in self._pieces() if is_reference]

    def readable_text(self) -> str:
        """The text as it reads on the screen: each chip's name in place of its expression."""
        return "".join(piece for piece, _ in self._pieces())

    def _pieces(self) -> list[tuple[str, bool]]:
        pieces: list[tuple[str, bool]] = []
        block = self.document().begin()
        while block.isValid():
            if block != self.document().begin():
                pieces.append(("\n", False))
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                form = fragment.charFormat()
                if form.objectType() == CHIP_OBJECT:
                    name = str(form.property(_NAME))
                    pieces.extend((name, True) for _ in fragment.text())
                else:
                    pieces.append((fragment.text(), False))
                iterator += 1
            block = block.next()
        return pieces

    def _expressions_between(self, start: int, end: int) -> str:
        written: list[str] = []
        block = self.document().findBlock(start)
        while block.isValid() and block.position() <= end:
            if block.position() > start:
                written.append("\n")
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                low = max(start, fragment.position())
                high = min(end, fragment.position() + fragment.length())
                if low < high:
                    text = fragment.text()[low - fragment.position() : high - fragment.position()]
                    form = fragment.charFormat()
                    if form.objectType() == CHIP_OBJECT:
                        expression = "{{ " + str(form.property(_EXPRESSION)) + " }}"
                        written.append(expression * len(text))
                    else:
                        written.append(text)
                iterator += 1
            block = block.next()
        return "".join(written)

    def _insert_with_chips(self, cursor: QTextCursor, text: str) -> None:
        plain = QTextCharFormat()
        position = 0
        if self.single_line:
            text = " ".join(text.splitlines())
        for match in TEMPLATE.finditer(text):
            cursor.insertText(text[position : match.start()], plain)
            chip = QTextCharFormat()
            chip.setObjectType(CHIP_OBJECT)
            # On the line's middle, as a chip in a line edit: not standing on the baseline.
            chip.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
            chip.setProperty(_EXPRESSION, match.group(1))
            chip.setProperty(_NAME, readable_reference(match.group(1), self.trigger_name()))
            chip.setToolTip(str(chip.property(_NAME)))
            cursor.insertText("\ufffc", chip)
            position = match.end()
        cursor.insertText(text[position:], plain)

    # Typing around chips.

    def keyPressEvent(self, event: Any) -> None:
        if self.single_line and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # the dialog's default button, as in a line edit
            return
        # Typed after a chip, a letter would take the chip's format and become part of it.
        self.setCurrentCharFormat(QTextCharFormat())
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: Any) -> None:
        self.setCurrentCharFormat(QTextCharFormat())
        super().inputMethodEvent(event)

    def insert(self, text: str) -> None:
        """Put ``text`` at the cursor, its ``{{ references }}`` as chips."""
        self._insert_with_chips(self.textCursor(), text)

    def insertFromMimeData(self, source: QMimeData) -> None:
        self.insert(source.text())

    def createMimeDataFromSelection(self) -> QMimeData:
        cursor = self.textCursor()
        mime = QMimeData()
        mime.setText(self._expressions_between(cursor.selectionStart(), cursor.selectionEnd()))
        return mime


class ReferenceHighlighter(QSyntaxHighlighter):
    """Marks each ``{{ reference }}`` of a multi-line field like a chip: the text stays the
    expression (a text box can't swap it for a name), the readable names go under the field."""

    def highlightBlock(self, text: str) -> None:
        chip = QTextCharFormat()
        fill = QColor(QApplication.palette().color(QPalette.ColorRole.Highlight))
        fill.setAlpha(40)
        chip.setBackground(fill)
        for match in TEMPLATE.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), chip)


def reference_names(text: Any, trigger_name: str | None) -> list[str]:
    """The readable names of the references in ``text``, each once, in order."""
    if not isinstance(text, str):
        return []
    names = [piece for piece, is_reference in segments(text, trigger_name) if is_reference]
    return list(dict.fromkeys(names))


def pick_button(
    samples: Callable[[], list[StepSample]], field: QLineEdit | QPlainTextEdit
) -> QToolButton:
    """A small button beside ``field`` that opens the data tree; a choice goes in at the cursor."""
    button = QToolButton()
    button.setText("{ }")
    button.setObjectName("pickData")
    button.setToolTip(_tr("Insert data from an earlier step"))

    def open_popup() -> None:
        popup = DataPopup(samples(), lambda reference: insert_reference(field, reference))
        popup.setLayoutDirection(button.layoutDirection())
        corner = button.mapToGlobal(QPoint(0, button.height()))
        # Opened over the field the button sits at the end of: leftwards in English,
        # rightwards in Arabic; kept on the screen.
        x = corner.x() if button.isRightToLeft() else corner.x() + button.width() - popup.width()
        screen = button.screen().availableGeometry()
        x = max(screen.left(), min(x, screen.right() - popup.width()))
        popup.move(x, corner.y())
        popup.show()
        button.popup = popup  # type: ignore[attr-defined]  # kept alive while open; tests find it

    button.clicked.connect(open_popup)
    return button


def insert_reference(field: QWidget, reference: str) -> None:
    """Put ``{{ reference }}`` at the field's cursor (replacing a selection) and commit it."""
    text = "{{ " + reference + " }}"
    if isinstance(field, QLineEdit):
        field.insert(text)
        field.editingFinished.emit()
        field.update()
    elif isinstance(field, QPlainTextEdit):
        field.textCursor().insertText(text)
        commit = getattr(field, "commit", None)
        if commit is not None:
            commit()
