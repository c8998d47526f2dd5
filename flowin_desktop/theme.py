"""Colours and the application style sheet: calm blue and violet over neutral greys."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from .resources import font_files, resource_path


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    surface: str
    surface_alt: str
    border: str
    text: str
    muted: str
    accent: str
    accent_text: str
    violet: str
    canvas: str
    grid: str
    success: str
    failure: str
    running: str
    skipped: str
    retrying: str

    def color(self, key: str) -> QColor:
        return QColor(getattr(self, key))


# Text colours (text, muted, the states, accent_text on accent) reach WCAG AA, 4.5:1, on the
# window and panel backgrounds; tests/desktop/test_theme.py checks every pair.
LIGHT = Theme(
    name="light",
    window="#f4f6fa",
    surface="#ffffff",
    surface_alt="#eef1f7",
    border="#d7dce6",
    text="#1f2533",
    muted="#5f6778",
    accent="#2563eb",
    accent_text="#ffffff",
    violet="#6a45f5",
    canvas="#f7f8fc",
    grid="#e3e7ef",
    success="#147a50",
    failure="#c8302f",
    running="#2563eb",
    skipped="#6b7385",
    retrying="#8a5c00",
)

DARK = Theme(
    name="dark",
    window="#171a21",
    surface="#20242d",
    surface_alt="#272c37",
    border="#363c49",
    text="#e6e9f0",
    muted="#9aa3b5",
    accent="#5b9bff",
    accent_text="#0d1117",
    violet="#9b87ff",
    canvas="#1b1e26",
    grid="#252a34",
    success="#3ccf8e",
    failure="#ff6b6f",
    running="#5b9bff",
    skipped="#8b93a5",
    retrying="#f5c04a",
)

THEMES = {LIGHT.name: LIGHT, DARK.name: DARK}


def style_sheet(theme: Theme, rtl: bool = False) -> str:
    t = theme
    start = "right" if rtl else "left"
    end = "left" if rtl else "right"
    chevron = resource_path("chevron-down.svg").as_posix()
    chevron_up = resource_path("chevron-up.svg").as_posix()
    return f"""
    QWidget {{ color: {t.text}; font-size: 13px; }}
    QMainWindow, QStackedWidget, #home {{ background: {t.window}; }}
    QToolBar {{ background: {t.surface}; border: none; border-bottom: 1px solid {t.border};
               padding: 6px; spacing: 8px; }}
    QMenuBar {{ background: {t.surface}; }}
    QMenuBar::item:selected, QMenu::item:selected {{ background: {t.surface_alt}; }}
    QMenu {{ background: {t.surface}; border: 1px solid {t.border}; }}
    QDockWidget {{ titlebar-close-icon: none; }}
    QDockWidget::title {{ background: {t.surface_alt}; padding: 6px 8px; }}
    QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QDoubleSpinBox, QComboBox, QTreeView,
    QListWidget, QTableWidget {{
        background: {t.surface}; border: 1px solid {t.border}; border-radius: 6px; padding: 4px 6px;
        selection-background-color: {t.accent}; selection-color: {t.accent_text};
    }}
    QComboBox::drop-down {{ border: none; width: 22px; }}
    QComboBox::down-arrow {{ image: url({chevron}); width: 12px; height: 12px; }}
    QSpinBox, QDoubleSpinBox {{ padding-{end}: 22px; }}
    QSpinBox::up-button, QDoubleSpinBox::up-button, QSpinBox::down-button,
    QDoubleSpinBox::down-button {{ subcontrol-origin: border; width: 20px; border: none;
        background: transparent; }}
    QSpinBox::up-button, QDoubleSpinBox::up-button {{ subcontrol-position: top {end}; }}
    QSpinBox::down-button, QDoubleSpinBox::down-button {{ subcontrol-position: bottom {end}; }}
    QSpinBox::up-arrow, QDoubleSpinBox::up-arrow {{ image: url({chevron_up}); width: 10px;
        height: 10px; }}
    QSpinBox::down-arrow, QDoubleSpinBox::down-arrow {{ image: url({chevron}); width: 10px;
        height: 10px; }}
    QSpinBox::up-button:hover, QDoubleSpinBox::up-button:hover, QSpinBox::down-button:hover,
    QDoubleSpinBox::down-button:hover {{ background: {t.surface_alt}; border-radius: 4px; }}
    QScrollBar:vertical {{ background: transparent; width: 10px; margin: 2px; }}
    QScrollBar:horizontal {{ background: transparent; height: 10px; margin: 2px; }}
    QScrollBar::handle {{ background: {t.border}; border-radius: 3px; min-height: 24px; min-width: 24px; }}
    QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
    QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
    QComboBox QAbstractItemView {{ background: {t.surface}; border: 1px solid {t.border}; }}
    QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus {{ border: 1px solid {t.accent}; }}
    QLineEdit#flowName {{ font-size: 15px; font-weight: 600; border-color: transparent;
                          background: transparent; min-width: 220px; }}
    QLineEdit#flowName:hover {{ border-color: {t.border}; }}
    QPushButton, QToolButton {{ background: {t.surface_alt}; border: 1px solid {t.border};
        border-radius: 6px; padding: 5px 12px; }}
    QPushButton:hover, QToolButton:hover {{ border-color: {t.accent}; }}
    QPushButton:checked {{ background: {t.surface}; color: {t.success};
                           border: 1px solid {t.success}; font-weight: 600; }}
    QPushButton#primary {{ background: {t.accent}; color: {t.accent_text}; border: none;
                           font-weight: 600; }}
    QPushButton#primary:disabled {{ background: {t.border}; color: {t.muted}; }}
    QPushButton#danger {{ color: {t.failure}; border-color: {t.failure}; }}
    QPushButton#link {{ background: transparent; border: none; color: {t.accent}; padding: 2px 0; }}
    QPushButton#link:hover {{ text-decoration: underline; }}
    QListWidget#flowList {{ padding: 6px; }}
    QListWidget#flowList::item {{ padding: 10px 12px; border-bottom: 1px solid {t.surface_alt}; }}
    QListWidget#flowList::item:selected {{ background: {t.surface_alt}; color: {t.text};
        border-{start}: 3px solid {t.accent}; }}
    QLineEdit#flowName {{ max-width: 420px; }}
    QLabel#flowRowName {{ font-size: 14px; font-weight: 600; }}
    QLabel#flowState_draft, QLabel#flowState_paused, QLabel#flowStatCaption,
    QLabel#flowStat_none, QLabel#notice {{ color: {t.muted}; }}
    QLabel#flowState_active {{ color: {t.success}; font-weight: 600; }}
    QLabel#flowState_cloud {{ color: {t.accent}; font-weight: 600; }}
    QLabel#flowState_archived {{ color: {t.skipped}; }}
    QLabel#flowStatCaption {{ font-size: 11px; }}
    QLabel#flowStat_plain, QLabel#flowStat_none, QLabel#flowStat_good, QLabel#flowStat_fair,
    QLabel#flowStat_bad {{ font-size: 17px; font-weight: 600; }}
    QLabel#flowStat_good {{ color: {t.success}; }}
    QLabel#flowStat_fair {{ color: {t.retrying}; }}
    QLabel#flowStat_bad {{ color: {t.failure}; }}
    QLabel#muted, QLabel#saveState {{ color: {t.muted}; }}
    QToolButton#syncStatus[state="synced"] {{ color: {t.success}; }}
    QToolButton#syncStatus[state="offline"] {{ color: {t.muted}; }}
    QToolButton#syncStatus[state="signed_out"] {{ color: {t.accent}; }}
    QToolButton#syncStatus[state="conflict"] {{ color: {t.failure}; font-weight: 600;
        border-color: {t.failure}; }}
    QLabel#title {{ font-size: 22px; font-weight: 600; }}
    QLabel#empty {{ color: {t.muted}; font-size: 15px; padding: 40px; }}
    QLabel#flowOverview {{ color: {t.muted}; font-size: 13px; padding: 16px 14px; }}
    QToolButton#moreButton::menu-indicator {{ image: none; width: 0; }}
    QToolButton#addStepButton {{ color: {t.accent}; font-weight: 600; padding: 8px 4px; }}
    QToolButton#foldSteps {{ background: transparent; border: none; padding: 2px 6px; }}
    QLabel#sectionTitle {{ font-weight: 600; font-size: 14px; }}
    QLabel#required {{ color: {t.violet}; }}
    QLabel#problem {{ color: {t.retrying}; font-size: 12px; }}
    QLabel#help {{ color: {t.muted}; font-size: 11px; }}
    QFrame#signInRow {{ background: {t.surface}; border: 1px solid {t.border}; border-radius: 6px; }}
    QTreeWidget, QTreeView {{ background: {t.surface}; border: none; }}
    QFrame#ruleRow, QFrame#ruleGroup {{ background: {t.surface_alt}; border-radius: 8px; }}
    QFrame#ruleGroup {{ border: 1px dashed {t.border}; }}
    QToolButton#pickData, QToolButton#removeRow, QToolButton#matchCase {{
        padding: 2px 6px; min-width: 18px; }}
    QToolButton#removeRow {{ background: transparent; border-color: transparent; color: {t.muted}; }}
    QToolButton#removeRow:hover {{ color: {t.failure}; border-color: {t.failure}; }}
    QToolButton#matchCase:checked {{ color: {t.accent}; border-color: {t.accent}; font-weight: 600; }}
    QPushButton#addRow {{ background: transparent; color: {t.accent}; border: 1px dashed {t.border};
        padding: 4px 10px; }}
    QFrame#dataPopup {{ background: {t.surface}; border: 1px solid {t.border}; }}
    QTabWidget::pane {{ border: none; }}
    QTabBar::tab {{ background: transparent; padding: 6px 12px; color: {t.muted}; }}
    QTabBar::tab:selected {{ color: {t.text}; border-bottom: 2px solid {t.accent}; }}
    QScrollArea {{ border: none; background: {t.surface}; }}
    #panel {{ background: {t.surface}; }}
    QStatusBar {{ background: {t.surface}; color: {t.muted}; }}
    QHeaderView::section {{ background: {t.surface_alt}; border: none; padding: 4px; }}
    QFrame#notificationCentre {{ background: {t.surface}; border: 1px solid {t.border};
        border-radius: 8px; }}
    QFrame#notificationCentre QScrollArea, QWidget#notificationList {{ background: {t.surface}; }}
    QFrame#notificationRow {{ border-radius: 6px; }}
    QFrame#notificationRow[unread="true"] {{ background: {t.surface_alt}; }}
    QFrame#notificationRow:hover, QFrame#notificationRow:focus {{ border: 1px solid {t.accent}; }}
    QFrame#notificationRow[unread="true"] QLabel#notificationTitle {{ font-weight: 700; }}
    QLabel#notificationTitle {{ font-size: 13px; }}
    QLabel#notificationText {{ font-size: 12px; }}
    QLabel#unreadDot {{ color: {t.accent}; font-size: 10px; }}
    QToolButton#bell {{ padding: 0; }}
    QLabel#testResult {{ font-size: 12px; color: {t.muted}; }}
    QLabel#testResult[ok="true"] {{ color: {t.success}; }}
    QLabel#testResult[ok="false"] {{ color: {t.failure}; }}
    """


def load_fonts() -> list[str]:
    """Register the shipped fonts with Qt (once); the families that loaded."""
    global _font_families
    if _font_families is None:
        loaded: set[str] = set()
        for font_file in font_files():
            font_id = QFontDatabase.addApplicationFontFromData(font_file.read_bytes())
            loaded.update(QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else [])
        _font_families = sorted(loaded)
    return _font_families


_font_families: list[str] | None = None


def ui_font(rtl: bool) -> QFont:
    """Inter for English, Cairo for Arabic, each falling back to the other for the odd glyph."""
    load_fonts()
    families = ["Cairo", "Inter"] if rtl else ["Inter", "Cairo"]
    # Both: style sheets rebuild widget fonts from the family alone.
    font = QFont(families[0])
    font.setFamilies(families)
    return font


def apply_theme(app: QApplication, theme: Theme, rtl: bool = False) -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, theme.color("window"))
    palette.setColor(QPalette.ColorRole.WindowText, theme.color("text"))
    palette.setColor(QPalette.ColorRole.Base, theme.color("surface"))
    palette.setColor(QPalette.ColorRole.AlternateBase, theme.color("surface_alt"))
    palette.setColor(QPalette.ColorRole.Text, theme.color("text"))
    palette.setColor(QPalette.ColorRole.Button, theme.color("surface_alt"))
    palette.setColor(QPalette.ColorRole.ButtonText, theme.color("text"))
    palette.setColor(QPalette.ColorRole.Highlight, theme.color("accent"))
    palette.setColor(QPalette.ColorRole.HighlightedText, theme.color("accent_text"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, theme.color("muted"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, theme.color("surface"))
    palette.setColor(QPalette.ColorRole.ToolTipText, theme.color("text"))
    app.setPalette(palette)
    app.setStyleSheet(style_sheet(theme, rtl))
    # After the style sheet: a font set before it is lost on widgets built since.
    app.setFont(ui_font(rtl))
