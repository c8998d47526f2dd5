"""The few words a template needs when a flow becomes one: its name, what it does, and the
category the gallery files it under."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from .texts import categories, category_title


@dataclass(frozen=True)
class TemplateDetails:
    name: str
    description: str
    category: str


class TemplateDetailsDialog(QDialog):
    """Name, description and category for a template made from a flow."""

    def __init__(
        self,
        title: str,
        name: str,
        description: str = "",
        category: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        note = QLabel(
            self.tr(
                "Your template keeps the flow's steps. Accounts, passwords, keys and test data "
                "are left out: whoever uses it connects their own."
            )
        )
        note.setObjectName("help")
        note.setWordWrap(True)
        self.name = QLineEdit(name)
        self.name.textChanged.connect(lambda _: self._update())
        self.description = QPlainTextEdit(description)
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(90)
        self.description.setPlaceholderText(self.tr("What it does, in a sentence or two"))
        self.category = QComboBox()
        for code in categories():
            self.category.addItem(category_title(code), code)
        self.category.setCurrentIndex(max(self.category.findData(category), 0))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Category"), self.category)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.save_button.setEnabled(bool(self.name.text().strip()))

    def details(self) -> TemplateDetails:
        return TemplateDetails(
            self.name.text().strip(),
            self.description.toPlainText().strip(),
            str(self.category.currentData()),
        )
