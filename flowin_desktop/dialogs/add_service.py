"""Add a service from its API description (an OpenAPI file): its operations become steps in the
palette, as a built-in service's are. The reading happens off the window's thread (a large
description takes a few seconds); the answer is one sentence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from flowin_engine.errors import FlowinError
from flowin_engine.openapi_import import (
    Imported,
    import_description,
    is_imported,
    load_imported,
)
from flowin_engine.registry import Registry

from ..i18n import problem_text
from ..work import BackgroundCalls


class AddService(QObject):
    """``choose_and_add`` asks for a description file and adds its service to ``registry``;
    ``added`` carries the sentence to show, ``failed`` the reason it could not be added."""

    added = Signal(str)
    failed = Signal(str)

    def __init__(self, registry: Registry, window: QWidget) -> None:
        super().__init__(window)
        self.registry = registry
        self.window = window
        # Behind attributes so tests can answer them without opening a dialog.
        self.choose_file: Callable[[], str | None] = self._choose_with_dialog
        self.show_problem: Callable[[str], None] = self._show_problem_dialog
        self.calls = BackgroundCalls(self)
        self.calls.finished.connect(self._finished)
        self.failed.connect(lambda text: self.show_problem(text))

    def choose_and_add(self) -> None:
        path = self.choose_file()
        if path:
            self.add(Path(path))

    def add(self, path: Path) -> None:
        built_in = [c.id for c in self.registry.connectors if not is_imported(c)]
        self.calls.start(lambda: import_description(path, taken=built_in))

    def _finished(self, _ticket: int, result: object, error: object) -> None:
        if error is not None:
            if isinstance(error, FlowinError):
                problem = error.problem
                self.failed.emit(problem_text(problem) if problem is not None else str(error))
            else:
                self.failed.emit(
                    self.tr("Flowin couldn't read this file ({error}).").format(
                        error=type(error).__name__
                    )
                )
            return
        assert isinstance(result, Imported)
        try:
            connector = load_imported(result.connector_id)
            self.registry.add(connector, replace=True)
        except FlowinError as problem:
            self.failed.emit(str(problem))
            return
        text = self.tr(
            "Added {name} with {count} steps: find them under Imported in the steps list, and "
            "connect an account under Accounts."
        ).format(name=result.name, count=len(result.operations))
        if result.skipped:
            text += " " + self.tr(
                "{count} operations were left out: see README.md in {folder}."
            ).format(count=len(result.skipped), folder=str(result.folder))
        self.added.emit(text)

    def _choose_with_dialog(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Add a service from its API description"),
            "",
            self.tr("API descriptions (OpenAPI) (*.json *.yaml *.yml)"),
        )
        return path or None

    def _show_problem_dialog(self, text: str) -> None:
        QMessageBox.warning(self.window, self.tr("The service wasn't added"), text)
