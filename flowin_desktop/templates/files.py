"""Templates and files: a flow saved as one of the user's own templates, a template written to
a ``.flowin-template`` file to share, and one read back. Every failure is a sentence to act on;
nothing half-read is kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from flowin_engine.errors import FlowinError
from flowin_engine.registry import Registry
from flowin_engine.store import Store
from flowin_engine.templates import (
    Template,
    export_template,
    import_template,
    save_as_template,
)

from ..i18n import isolate, problem_text
from .save_dialog import TemplateDetails, TemplateDetailsDialog
from .texts import FILE_SUFFIX, local

FILE_FILTER = f"*{FILE_SUFFIX}"


class TemplateFiles(QObject):
    """Save as template, export and import, with their dialogs behind attributes (a test
    answers them without leaving a dialog open)."""

    saved = Signal(object)  # a template now among the user's own
    message = Signal(str)  # what happened, for the status line

    def __init__(self, store: Store, registry: Registry, parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        self.registry = registry
        self.window = parent
        self.ask_details: Callable[[str, str], TemplateDetails | None] = self._ask_with_dialog
        self.choose_import_file: Callable[[], str | None] = self._choose_import_file
        self.choose_export_file: Callable[[str], str | None] = self._choose_export_file
        self.show_problem: Callable[[str, str, str], None] = self._show_problem_dialog

    # A flow becomes a template.

    def _template_from_flow(self, flow_id: str, title: str) -> Template | None:
        flow = self.store.flows.get(flow_id)
        details = self.ask_details(title, flow.name)
        if details is None:
            return None
        try:
            return save_as_template(
                flow,
                details.name,
                details.description,
                details.category,
                registry=self.registry,
            )
        except (FlowinError, OSError) as error:
            self.show_problem(
                self.tr("Couldn't save the template"),
                self.tr("Flowin couldn't make a template of '%1'.").replace(
                    "%1", isolate(flow.name)
                ),
                str(error),
            )
            return None

    def save_flow_as_template(self, flow_id: str) -> Template | None:
        """Ask the template's name, description and category; save it among the user's own."""
        template = self._template_from_flow(flow_id, self.tr("Save as template"))
        if template is not None:
            self.saved.emit(template)
            self.message.emit(
                self.tr("Saved '%1' as a template: find it in Templates, under your own.").replace(
                    "%1", isolate(local(template.name))
                )
            )
        return template

    def export_flow_as_template(self, flow_id: str) -> Path | None:
        """Make a template of the flow and write it to a file to share."""
        template = self._template_from_flow(flow_id, self.tr("Export as template"))
        if template is None:
            return None
        self.saved.emit(template)
        return self.export_template(template)

    # Files.

    def export_template(self, template: Template) -> Path | None:
        chosen = self.choose_export_file(_file_name(local(template.name)))
        if not chosen:
            return None
        path = Path(chosen)
        if not path.name.endswith(FILE_SUFFIX):
            path = path.with_name(path.name + FILE_SUFFIX)
        try:
            export_template(template, path)
        except (FlowinError, OSError) as error:
            self.show_problem(
                self.tr("Couldn't export the template"),
                self.tr("Flowin couldn't write '%1'.").replace("%1", isolate(str(path))),
                getattr(error, "strerror", None) or str(error),
            )
            return None
        self.message.emit(
            self.tr("Exported the template '%1' to %2.")
            .replace("%1", isolate(local(template.name)))
            .replace("%2", isolate(str(path)))
        )
        return path

    def import_chosen_file(self) -> Template | None:
        path = self.choose_import_file()
        return self.import_file(path) if path else None

    def import_file(self, path: str | Path) -> Template | None:
        """Add the template in ``path`` to the user's own; None (and a message) when the file
        isn't one."""
        path = Path(path)
        try:
            template = import_template(path)
        except FlowinError as error:
            why = problem_text(error.problem) if error.problem is not None else str(error)
            self.show_problem(
                self.tr("Couldn't import the template"),
                why + "\n" + self.tr("Nothing was imported."),
                "",
            )
            return None
        except OSError as error:
            self.show_problem(
                self.tr("Couldn't import the template"),
                self.tr("Flowin couldn't read '%1'.").replace("%1", isolate(path.name))
                + "\n"
                + self.tr("Nothing was imported."),
                error.strerror or str(error),
            )
            return None
        self.saved.emit(template)
        self.message.emit(
            self.tr("Imported the template '%1'.").replace("%1", isolate(local(template.name)))
        )
        return template

    # Dialogs.

    def _ask_with_dialog(self, title: str, name: str) -> TemplateDetails | None:
        dialog = TemplateDetailsDialog(title, name, parent=self.window)
        if dialog.exec() != TemplateDetailsDialog.DialogCode.Accepted:
            return None
        return dialog.details()

    def _choose_import_file(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import a template"),
            str(Path.home()),
            self.tr("Flowin templates (%1)").replace("%1", FILE_FILTER),
        )
        return path or None

    def _choose_export_file(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export the template"),
            str(Path.home() / suggested),
            self.tr("Flowin templates (%1)").replace("%1", FILE_FILTER),
        )
        return path or None

    def _show_problem_dialog(self, title: str, text: str, details: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window
        )
        if details:
            box.setDetailedText(details)
        box.exec()


def _file_name(name: str) -> str:
    kept = "".join(c if c.isalnum() or c in " -_" else " " for c in name)
    return (" ".join(kept.split()) or "template") + FILE_SUFFIX
