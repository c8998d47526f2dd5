"""New flow: three ways to begin, each one a click (a template, a sentence for the AI
builder, or an empty canvas)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

BLANK, TEMPLATE, BUILDER = "blank", "template", "builder"


class ChoiceButton(QPushButton):
    """A big button with a title and a line saying what it does."""

    def __init__(self, title: str, explanation: str) -> None:
        super().__init__()
        self.setObjectName("startChoice")
        self.setAccessibleName(title)
        self.setAccessibleDescription(explanation)
        self.title = QLabel(title)
        self.title.setObjectName("sectionTitle")
        self.explanation = QLabel(explanation)
        self.explanation.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        for label in (self.title, self.explanation):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.setMinimumHeight(layout.sizeHint().height())
        self.setMinimumWidth(layout.sizeHint().width())


class NewFlowChoice(QDialog):
    """Start from a template, by describing the flow to the AI builder, or blank."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice: str | None = None
        self.setWindowTitle(self.tr("New flow"))
        self.setMinimumWidth(500)
        title = QLabel(self.tr("How do you want to start?"))
        title.setObjectName("title")
        self.buttons: dict[str, ChoiceButton] = {
            TEMPLATE: ChoiceButton(
                self.tr("Start from a template"),
                self.tr("Ready-made flows for shops, clinics and cafés: connect and fill in."),
            ),
            BUILDER: ChoiceButton(
                self.tr("Describe it to the AI builder"),
                self.tr("Write what should happen, in your own words; it draws the steps."),
            ),
            BLANK: ChoiceButton(
                self.tr("Start blank"),
                self.tr("An empty canvas: add a trigger and the steps yourself."),
            ),
        }
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.setSpacing(10)
        layout.addWidget(title)
        for key, button in self.buttons.items():
            button.clicked.connect(lambda _=False, k=key: self.choose(k))
            layout.addWidget(button)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        layout.addWidget(cancel, 0, Qt.AlignmentFlag.AlignTrailing)
        self.buttons[TEMPLATE].setDefault(True)

    def choose(self, key: str) -> None:
        self.choice = key
        self.accept()
