"""The template gallery: ready-made flows as cards, found by words in English or Arabic or by
category, each opening on its full description and a preview of its flow."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.registry import Registry
from flowin_engine.templates import TemplateLibrary

from ..i18n import connector_name, isolate, number_text
from ..icons import connector_pixmap
from ..theme import LIGHT, Theme
from .preview import FlowPreview
from .texts import categories, category_title, current_language, local, reading_start

CARD_WIDTH = 270  # the narrowest a card gets; the columns share the page's width
CARD_HEIGHT = 170
CARD_SPACING = 16
SHORT_DESCRIPTION = 120  # characters a card shows of a description


def load_library() -> Any:
    """The shipped templates and the user's own, read now."""
    library = TemplateLibrary()
    library.load()
    return library


def library_templates(library: Any, text: str = "", language: str = "en") -> list[Any]:
    """The library's templates matching ``text`` (every one for no text)."""
    if text.strip():
        return list(library.search(text, "ar" if language == "ar" else "en"))
    return list(library.templates)


def short(text: str, length: int = SHORT_DESCRIPTION) -> str:
    """The start of ``text``, cut at a word, for a card."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0].rstrip(",.;:،")
    return cut + "…"


def discard(widget: QWidget) -> None:
    """Take ``widget`` off the page now (deleteLater alone waits for the event loop, and the
    old chips and cards would show until then)."""
    widget.hide()
    widget.setParent(None)  # type: ignore[call-overload]
    widget.deleteLater()


def is_private(template: Any) -> bool:
    return bool(getattr(template, "private", False) or getattr(template, "is_private", False))


# Flowin's own steps (conditions, set fields…): not a service anyone signs up for.
BUILT_IN = {"core"}


def service_ids(template: Any) -> list[str]:
    """The services a template uses, as a shop owner counts them."""
    return [str(s) for s in getattr(template, "services", []) if str(s) not in BUILT_IN]


class ServiceIcons(QWidget):
    """The services a template uses, as their connectors' icons (names in the tooltips)."""

    def __init__(
        self, registry: Registry, services: list[str], size: int = 22, tint: QColor | None = None
    ) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.names: list[str] = []
        for service in services:
            connector = registry.connector(service)
            if connector is None:
                continue
            name = connector_name(connector)
            self.names.append(name)
            icon = QLabel()
            pixmap = connector_pixmap(connector, size, tint)
            if pixmap is not None:
                icon.setPixmap(pixmap)
            else:
                icon.setText(name[:1])
            icon.setToolTip(name)
            icon.setAccessibleName(name)
            layout.addWidget(icon)
        layout.addStretch()


class TemplateCard(QFrame):
    """One template in the gallery: its services, name and the start of its description."""

    chosen = Signal(object)

    def __init__(
        self, template: Any, registry: Registry, language: str, theme: Theme = LIGHT
    ) -> None:
        super().__init__()
        self.template = template
        self.setObjectName("templateCard")
        self.setMinimumSize(CARD_WIDTH, CARD_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        name = local(template.name, language)
        self.setAccessibleName(name)
        self.icons = ServiceIcons(registry, service_ids(template), 22, theme.color("text"))
        self.category = QLabel(category_title(str(template.category)))
        self.category.setObjectName("templateCategory")
        top = QHBoxLayout()
        top.addWidget(self.icons, 1)
        top.addWidget(self.category, 0, Qt.AlignmentFlag.AlignTop)
        self.name = QLabel(name)
        self.name.setObjectName("templateName")
        self.name.setWordWrap(True)
        self.description = QLabel(short(local(template.description, language)))
        self.description.setObjectName("templateDescription")
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | reading_start())
        self.description.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.name.setAlignment(reading_start())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.name)
        layout.addWidget(self.description, 1)
        if is_private(template):
            mine = QLabel(self.tr("Your template"))
            mine.setObjectName("templateMine")
            layout.addWidget(mine)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.chosen.emit(self.template)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.chosen.emit(self.template)
            return
        super().keyPressEvent(event)


class TemplateDetail(QWidget):
    """One template in full: what it does, what it needs, and its flow."""

    use_requested = Signal(object)
    back_requested = Signal()
    export_requested = Signal(object)

    def __init__(self, registry: Registry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.template: Any = None
        self.theme: Theme = LIGHT
        self.back_button = QPushButton()
        self.back_button.setObjectName("link")
        self.back_button.clicked.connect(self.back_requested)
        self.name = QLabel()
        self.name.setObjectName("title")
        self.name.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setObjectName("muted")
        self.use_button = QPushButton()
        self.use_button.setObjectName("primary")
        self.use_button.clicked.connect(lambda: self.use_requested.emit(self.template))
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.template))
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setObjectName("templateLong")
        self.services_title = QLabel()
        self.services_title.setObjectName("sectionTitle")
        self.services = QLabel()
        self.services.setWordWrap(True)
        self.needs = QLabel()
        self.needs.setObjectName("muted")
        self.needs.setWordWrap(True)
        self.icons_row = QHBoxLayout()
        self.icons: ServiceIcons | None = None
        self.preview_title = QLabel()
        self.preview_title.setObjectName("sectionTitle")
        self.preview = FlowPreview(registry)

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.name)
        titles.addWidget(self.facts)
        head.addLayout(titles, 1)
        head.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.use_button, 0, Qt.AlignmentFlag.AlignTop)
        services = QHBoxLayout()
        services.addLayout(self.icons_row)
        services.addWidget(self.services, 1, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.back_button, 0, reading_start())
        layout.addLayout(head)
        layout.addWidget(self.description)
        layout.addSpacing(4)
        layout.addWidget(self.services_title)
        layout.addLayout(services)
        layout.addWidget(self.needs)
        layout.addSpacing(4)
        layout.addWidget(self.preview_title)
        layout.addWidget(self.preview, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("‹ All templates"))
        self.use_button.setText(self.tr("Use template"))
        self.use_button.setToolTip(
            self.tr("Connect your accounts, fill in a few blanks, and the flow is yours.")
        )
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save this template as a file to share"))
        self.services_title.setText(self.tr("Services it uses"))
        self.preview_title.setText(self.tr("What the flow does, step by step"))
        if self.template is not None:
            self.show_template(self.template)

    def show_template(self, template: Any) -> None:
        self.template = template
        language = current_language()
        self.name.setText(local(template.name, language))
        self.name.setAlignment(reading_start())
        facts = [category_title(str(template.category))]
        minutes = getattr(template, "minutes_saved_per_run", None)
        if minutes:
            facts.append(
                self.tr("saves about %1 min each time it runs").replace(
                    "%1", number_text(int(minutes))
                )
            )
        if is_private(template):
            facts.append(self.tr("your own template"))
        self.facts.setText(" · ".join(facts))
        self.description.setText(local(template.description, language))
        self.description.setAlignment(reading_start())
        if self.icons is not None:
            self.icons_row.removeWidget(self.icons)
            discard(self.icons)
        self.icons = ServiceIcons(
            self.registry, service_ids(template), 24, self.theme.color("text")
        )
        self.icons_row.addWidget(self.icons)
        self.services.setText(
            "، ".join(self.icons.names) if language == "ar" else ", ".join(self.icons.names)
        )
        self.services.setAlignment(reading_start())
        self.needs.setAlignment(reading_start())
        self.facts.setAlignment(reading_start())
        blanks = [local(b.label, language) for b in getattr(template, "blanks", [])]
        self.needs.setText(
            self.tr("You will fill in: %1.").replace(
                "%1", ("، " if language == "ar" else ", ").join(isolate(b) for b in blanks)
            )
            if blanks
            else self.tr("Nothing to fill in: connect your accounts and it is ready.")
        )
        self.preview.show_template(template)


class TemplateGallery(QWidget):
    """The gallery page: search, category chips, cards; a card opens the template's detail."""

    back_requested = Signal()
    use_requested = Signal(object)  # a template
    import_requested = Signal()
    export_requested = Signal(object)

    def __init__(
        self,
        registry: Registry,
        load: Callable[[], Any] = load_library,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("templates")
        self.registry = registry
        self.load_library = load
        self.library: Any = None
        self.theme: Theme = LIGHT
        self.category: str | None = None
        self.cards: list[TemplateCard] = []
        self._columns = 0

        self.back_button = QPushButton()
        self.back_button.setObjectName("link")
        self.back_button.clicked.connect(self.back_requested)
        self.title = QLabel()
        self.title.setObjectName("title")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("muted")
        self.subtitle.setWordWrap(True)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.import_requested)
        self.search = QLineEdit()
        self.search.setObjectName("templateSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _: self.show_cards())
        self.chips = QHBoxLayout()
        self.chips.setSpacing(6)
        self.chip_group = QButtonGroup(self)
        self.chip_group.setExclusive(True)
        self.chip_buttons: dict[str | None, QPushButton] = {}

        self.grid_host = QWidget()
        self.grid_host.setObjectName("templateGrid")
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 4, 0, 4)
        self.grid.setSpacing(CARD_SPACING)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("templateScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.grid_host)
        self.scroll.viewport().installEventFilter(self)
        self.nothing = QLabel()
        self.nothing.setObjectName("empty")
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing.setWordWrap(True)

        self.list_page = QWidget()
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        head.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignTop)
        list_layout = QVBoxLayout(self.list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(12)
        list_layout.addWidget(self.back_button, 0, reading_start())
        list_layout.addLayout(head)
        list_layout.addWidget(self.search)
        list_layout.addLayout(self.chips)
        list_layout.addWidget(self.scroll, 1)
        list_layout.addWidget(self.nothing, 1)

        self.detail = TemplateDetail(registry)
        self.detail.back_requested.connect(self.show_list)
        self.detail.use_requested.connect(self.use_requested)
        self.detail.export_requested.connect(self.export_requested)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.list_page)
        self.pages.addWidget(self.detail)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 20, 40, 28)
        layout.addWidget(self.pages)
        self.set_theme(LIGHT)
        self.retranslate()

    # Words and looks.

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("‹ Your flows"))
        self.title.setText(self.tr("Templates"))
        self.subtitle.setText(
            self.tr(
                "Ready-made flows for your shop, clinic or café: pick one, connect your "
                "accounts, fill in a few blanks, and it runs."
            )
        )
        self.import_button.setText(self.tr("Import template…"))
        self.import_button.setToolTip(self.tr("Add a template from a .flowin-template file"))
        self.search.setPlaceholderText(
            self.tr("Search templates, in English or Arabic: WhatsApp, order, تذكير…")
        )
        self.search.setAccessibleName(self.tr("Search templates"))
        self.detail.retranslate()
        if self.library is not None:
            self._build_chips()
            self.show_cards()

    def set_theme(self, theme: Theme) -> None:
        t = theme
        self.setStyleSheet(
            f"""
            #templates {{ background: {t.window}; }}
            QScrollArea#templateScroll, QWidget#templateGrid {{ background: {t.window}; }}
            QFrame#templateCard {{ background: {t.surface}; border: 1px solid {t.border};
                                   border-radius: 10px; }}
            QFrame#templateCard:hover, QFrame#templateCard:focus {{ border-color: {t.accent}; }}
            QLabel#templateName {{ font-size: 14px; font-weight: 600; }}
            QLabel#templateDescription {{ color: {t.muted}; }}
            QLabel#templateCategory {{ color: {t.violet}; font-size: 11px; }}
            QLabel#templateMine {{ color: {t.accent}; font-size: 11px; font-weight: 600; }}
            QLabel#templateLong {{ font-size: 14px; }}
            QPushButton#chip {{ border-radius: 13px; padding: 4px 12px; background: {t.surface}; }}
            QPushButton#chip:checked {{ background: {t.accent}; color: {t.accent_text};
                                        border-color: {t.accent}; }}
            QLineEdit#templateSearch {{ padding: 7px 10px; font-size: 14px; }}
            #templatePreview QGraphicsView, #templatePreview QLabel {{
                border: 1px solid {t.border}; border-radius: 8px; background: {t.canvas}; }}
            """
        )
        self.theme = theme
        self.detail.preview.theme = theme
        self.detail.theme = theme
        if self.library is not None:
            self.show_cards()
            if self.detail.template is not None:
                self.detail.show_template(self.detail.template)

    # Contents.

    def reload(self) -> None:
        """Read the shipped templates and the user's own again (one was saved or imported)."""
        self.library = self.load_library()
        self._build_chips()
        self.show_cards()

    def ensure_loaded(self) -> None:
        if self.library is None:
            self.reload()

    def categories(self) -> list[str]:
        found = [str(c) for c in self.library.categories()] if self.library is not None else []
        known = [c for c in categories() if c in found]
        return known + [c for c in found if c not in known]

    def _build_chips(self) -> None:
        for button in self.chip_buttons.values():
            self.chip_group.removeButton(button)
            self.chips.removeWidget(button)
            discard(button)
        self.chip_buttons.clear()
        while self.chips.count():
            self.chips.takeAt(0)
        for category in [None, *self.categories()]:
            button = QPushButton(self.tr("All") if category is None else category_title(category))
            button.setObjectName("chip")
            button.setCheckable(True)
            button.setChecked(category == self.category)
            button.clicked.connect(lambda _=False, c=category: self.set_category(c))
            self.chip_group.addButton(button)
            self.chips.addWidget(button)
            self.chip_buttons[category] = button
        self.chips.addStretch()

    def set_category(self, category: str | None) -> None:
        """Show only the templates of ``category`` (None: every category)."""
        self.category = category
        button = self.chip_buttons.get(category)
        if button is not None and not button.isChecked():
            button.setChecked(True)
        self.show_cards()

    def shown_templates(self) -> list[Any]:
        if self.library is None:
            return []
        found = library_templates(self.library, self.search.text(), current_language())
        if not self.search.text().strip():
            # Browsing: the categories in the chips' order (a search keeps its best first).
            order = {category: index for index, category in enumerate(self.categories())}
            found.sort(key=lambda t: order.get(str(t.category), len(order)))
        if self.category is not None:
            found = [t for t in found if str(t.category) == self.category]
        return found

    def shown_ids(self) -> list[str]:
        return [card.template.id for card in self.cards]

    def show_cards(self) -> None:
        for card in self.cards:
            self.grid.removeWidget(card)
            discard(card)
        self.cards = []
        language = current_language()
        for template in self.shown_templates():
            card = TemplateCard(template, self.registry, language, self.theme)
            card.chosen.connect(self.show_detail)
            self.cards.append(card)
        self._columns = 0
        self._place_cards()
        text = self.search.text().strip()
        if text:
            nothing = self.tr(
                "No template matches “%1”. Try other words, or start with a blank flow."
            ).replace("%1", isolate(text))
        else:
            nothing = self.tr("No templates in this category yet.")
        self.nothing.setText(nothing)
        self.nothing.setVisible(not self.cards)
        self.scroll.setVisible(bool(self.cards))

    def _place_cards(self) -> None:
        width = self.scroll.viewport().width()
        columns = max(1, (width + CARD_SPACING) // (CARD_WIDTH + CARD_SPACING))
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for row in range(self.grid.rowCount()):
            self.grid.setRowStretch(row, 0)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        for index, card in enumerate(self.cards):
            self.grid.addWidget(card, index // columns, index % columns)
        # The room left goes below the last row, so each row is as tall as its tallest card.
        self.grid.setRowStretch((len(self.cards) + columns - 1) // columns, 1)

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._place_cards()
        return super().eventFilter(watched, event)

    # Pages.

    def show_list(self) -> None:
        self.ensure_loaded()
        self.pages.setCurrentWidget(self.list_page)
        self.search.setFocus()

    def show_detail(self, template: Any) -> None:
        self.detail.show_template(template)
        self.pages.setCurrentWidget(self.detail)

    def show_template(self, template_id: str) -> bool:
        """Open the detail of the template with ``template_id``; whether there is one."""
        self.ensure_loaded()
        for template in library_templates(self.library):
            if template.id == template_id:
                self.show_detail(template)
                return True
        return False
