"""A template's flow before it is used: the picture the build drew of it (``preview.png``), or
the flow drawn live on a small read-only canvas, the same scene the editor uses."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedWidget, QWidget

from flowin_engine.model import Flow
from flowin_engine.registry import Registry

from ..canvas.scene import FlowScene
from ..canvas.view import FlowView
from ..editor.document import FlowDocument
from ..theme import LIGHT, Theme

PREVIEW_FILE = "preview.png"
PREVIEW_SIZE = QSize(880, 300)  # the canvas drawn; the picture has twice the pixels
PICTURE_SCALE = 2  # sharp on a high-density screen, and when the page is wider than the canvas


def preview_file_name(right_to_left: bool) -> str:
    """The picture for a language read left to right, and the mirrored one for Arabic."""
    return "preview-rtl.png" if right_to_left else PREVIEW_FILE


def template_folder(template: Any) -> Path | None:
    """Where a shipped template's files are (None for one that lives only in a file)."""
    for name in ("folder", "path", "directory"):
        value = getattr(template, name, None)
        if isinstance(value, Path | str) and value:
            path = Path(value)
            return path if path.is_dir() else path.parent
    try:
        library = Path(str(resources.files("flowin_engine.templates"))) / "library"
    except (ModuleNotFoundError, TypeError):
        return None
    folder = library / str(getattr(template, "id", ""))
    return folder if folder.is_dir() else None


def preview_picture(template: Any, right_to_left: bool) -> Path | None:
    folder = template_folder(template)
    if folder is None:
        return None
    picture = folder / preview_file_name(right_to_left)
    return picture if picture.is_file() else None


def template_flow(template: Any) -> Flow:
    flow = getattr(template, "flow", None)
    if isinstance(flow, Flow):
        return flow
    folder = template_folder(template)
    if folder is not None and (folder / "flow.json").is_file():
        return Flow.from_json((folder / "flow.json").read_text(encoding="utf-8"))
    return Flow(name=str(getattr(template, "id", "")))


class PreviewCanvas(FlowView):
    """The editor's canvas, shown small: no editing, no minimap, the whole flow in sight."""

    def __init__(self, flow: Flow, registry: Registry, theme: Theme = LIGHT) -> None:
        self.document = FlowDocument(flow.model_copy(deep=True), registry)
        scene = FlowScene(self.document)
        scene.set_theme(theme)
        super().__init__(scene)
        self.document.setParent(self)
        scene.setParent(self)
        self.minimap.enabled_by_user = False
        self.minimap.hide()
        self.setInteractive(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scene.set_right_to_left(QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit_to_view()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.fit_to_view()

    def wheelEvent(self, event: Any) -> None:
        event.ignore()  # the page around it scrolls; a preview does not zoom

    def keyPressEvent(self, event: Any) -> None:
        event.ignore()


def render_flow(
    flow: Flow, registry: Registry, right_to_left: bool = False, theme: Theme = LIGHT
) -> QImage:
    """The flow drawn as the small canvas draws it, at PREVIEW_SIZE (for the build's pictures)."""
    canvas = PreviewCanvas(flow, registry, theme)
    canvas.flow_scene.set_right_to_left(right_to_left)
    canvas.resize(PREVIEW_SIZE)
    canvas.fit_to_view()
    pixmap = QPixmap(PREVIEW_SIZE * PICTURE_SCALE)
    pixmap.setDevicePixelRatio(PICTURE_SCALE)
    pixmap.fill(theme.color("canvas"))
    QWidget.render(canvas, pixmap)  # the widget as shown, not QGraphicsView.render (the scene)
    canvas.deleteLater()
    return pixmap.toImage()


class FlowPreview(QStackedWidget):
    """A template's flow: its built picture when there is one, the live small canvas else."""

    def __init__(self, registry: Registry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.theme: Theme = LIGHT
        self.setObjectName("templatePreview")
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.addWidget(self.picture)
        self.canvas: PreviewCanvas | None = None
        self._pixmap = QPixmap()
        self.setMinimumHeight(220)

    def show_template(self, template: Any) -> None:
        """Show ``template``'s flow; the picture's file when the build made one."""
        rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        # The pictures are drawn in the light theme; the dark one draws the flow live.
        picture = preview_picture(template, rtl) if self.theme.name == LIGHT.name else None
        if picture is not None and self._pixmap.load(str(picture)):
            self._scale_picture()
            self.setCurrentWidget(self.picture)
            return
        if self.canvas is not None:
            self.removeWidget(self.canvas)
            self.canvas.hide()
            self.canvas.setParent(None)  # type: ignore[call-overload]
            self.canvas.deleteLater()
        self.canvas = PreviewCanvas(template_flow(template), self.registry, self.theme)
        self.addWidget(self.canvas)
        self.setCurrentWidget(self.canvas)

    @property
    def shows_picture(self) -> bool:
        return self.currentWidget() is self.picture

    def _scale_picture(self) -> None:
        if not self._pixmap.isNull():
            self.picture.setPixmap(
                self._pixmap.scaled(
                    self.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._scale_picture()
