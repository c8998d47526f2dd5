"""Connector and step icons, read from the icon files each connector ships in its package."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from flowin_engine.registry import Connector, NodeType


@cache
def _icon_bytes(package: str, file_name: str) -> bytes | None:
    try:
        return resources.files(package).joinpath(file_name).read_bytes()
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return None


def connector_pixmap(
    connector: Connector, size: int = 20, tint: QColor | None = None
) -> QPixmap | None:
    """The connector's icon; line icons are tinted to ``tint`` so they read on light and dark."""
    return _pixmap(connector.package, connector.manifest.icon, size, tint)


def step_pixmap(node_type: NodeType, size: int = 20, tint: QColor | None = None) -> QPixmap | None:
    """The step type's own icon (If / else a fork, Delay a clock…), or its connector's."""
    if node_type.manifest.icon:
        own = _pixmap(node_type.connector.package, node_type.manifest.icon, size, tint)
        if own is not None:
            return own
    return connector_pixmap(node_type.connector, size, tint)


def step_icon(node_type: NodeType, tint: QColor | None = None) -> QIcon:
    pixmap = step_pixmap(node_type, 20, tint)
    return QIcon(pixmap) if pixmap is not None else QIcon()


def _pixmap(package: str, name: str | None, size: int, tint: QColor | None) -> QPixmap | None:
    key = (package, name, size, tint.name() if tint else None)
    if key not in _pixmaps:
        _pixmaps[key] = _render(package, name, size, tint)
    return _pixmaps[key]


_pixmaps: dict[tuple[object, ...], QPixmap | None] = {}


def _render(package: str, name: str | None, size: int, tint: QColor | None) -> QPixmap | None:
    if not name:
        return None
    data = _icon_bytes(package, name)
    if data is None:
        return None
    if name.endswith(".svg"):
        renderer = QSvgRenderer(QByteArray(data))
        if not renderer.isValid():
            return None
        image = QImage(size * 2, size * 2, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, size * 2, size * 2))
        # Only line icons (drawn in currentColor) take the theme's colour; a brand's own
        # colours would turn into a solid disc.
        if tint is not None and b"currentColor" in data:
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
            painter.fillRect(image.rect(), tint)
        painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(2.0)
        return pixmap
    pixmap = QPixmap()
    pixmap.loadFromData(data)
    return (
        pixmap.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio)
        if not pixmap.isNull()
        else None
    )


def connector_icon(connector: Connector, tint: QColor | None = None) -> QIcon:
    pixmap = connector_pixmap(connector, 20, tint)
    return QIcon(pixmap) if pixmap is not None else QIcon()
