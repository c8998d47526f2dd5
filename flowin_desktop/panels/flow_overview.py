"""What the properties panel shows while no step is selected: the flow at a glance (what
starts it, its steps in order, whether it runs on its own), how to try it, and who is told
about it."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.credentials import Connections
from flowin_engine.errors import FlowinError
from flowin_engine.graph import Graph
from flowin_engine.model import Flow, FlowStatus, Node
from flowin_engine.registry import Registry

from ..i18n import fill, number_text
from ..notifications.rules import RuleBook, RuleEditor, rule_summary

log = logging.getLogger(__name__)


class FlowOverview(QObject):
    """Writes the overview of a flow, in the app's language."""

    def text(self, flow: Flow, registry: Registry, in_cloud: bool = False) -> str:
        triggers = [n for n in flow.nodes if (t := registry.find(n.type)) and t.is_trigger]
        lines = [fill(self.tr("This flow: %1"), flow.name), ""]
        if not flow.nodes:
            lines.append(self.tr("It has no steps yet: start with a trigger from the list."))
        elif triggers:
            lines.append(fill(self.tr("Starts with: %1"), triggers[0].name))
        else:
            lines.append(
                self.tr("It has no trigger yet: add one from the list (Start the flow when…).")
            )
        steps = [n for n in _in_order(flow) if n not in triggers]
        if steps:
            count = number_text(len(steps))
            lines.append(self.tr("Steps (%1):").replace("%1", count))
            lines += [fill("  • %1", step.name) for step in steps[:12]]
            if len(steps) > 12:
                lines.append("  …")
        lines.append("")
        if in_cloud:  # whatever this computer's switch says
            lines.append(
                self.tr(
                    "In the cloud: it runs there whenever its trigger fires, also when this "
                    "computer is off."
                )
            )
        elif flow.status == FlowStatus.ACTIVE:
            lines.append(self.tr("Active: it runs on its own whenever its trigger fires."))
        else:
            lines.append(self.tr("Not active: it runs only when you press Test run."))
        if flow.nodes:
            lines.append(self.tr("Press Test run to try it with sample data."))
            lines.append(self.tr("Select a step to see its settings."))
        return "\n".join(lines)


def _in_order(flow: Flow) -> list[Node]:
    """The steps in running order (in the order they were added when a cycle has none)."""
    order = Graph.of(flow).order()
    if order is None:
        return list(flow.nodes)
    by_id = {node.id: node for node in flow.nodes}
    return [by_id[i] for i in order]


class FlowNotifications(QWidget):
    """Under the overview: who is told about this flow. "Use my usual notifications" (the ones
    in Settings) or its own, changed in a dialog."""

    def __init__(
        self,
        rules: RuleBook,
        flow_id: Callable[[], str],
        connections: Callable[[], Connections | None],
        registry: Registry,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("flowNotifications")
        self.rules = rules
        self.flow_id = flow_id
        self.connections = connections
        self.registry = registry
        self.dialog: FlowNotificationsDialog | None = None
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.summary = QLabel()
        self.summary.setObjectName("help")
        self.summary.setWordWrap(True)
        self.change = QPushButton()
        self.change.setObjectName("link")
        self.change.clicked.connect(self.open_dialog)
        row = QHBoxLayout()
        row.addWidget(self.change)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Notifications"))
        self.change.setText(self.tr("Change…"))
        self.show_flow()

    def show_flow(self) -> None:
        try:
            own = self.rules.rule(self.flow_id())
        except FlowinError:
            own = None
        self.summary.setText(
            rule_summary(own)
            if own is not None
            else self.tr("My usual notifications, as set in Settings.")
        )

    def open_dialog(self) -> FlowNotificationsDialog:
        self.dialog = FlowNotificationsDialog(
            self.rules, self.flow_id(), self.connections, self.registry, self.window()
        )
        self.dialog.accepted.connect(self.show_flow)
        self.dialog.open()
        return self.dialog


class FlowNotificationsDialog(QDialog):
    """One flow's notifications: the usual ones, or its own."""

    def __init__(
        self,
        rules: RuleBook,
        flow_id: str,
        connections: Callable[[], Connections | None],
        registry: Registry,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.rules = rules
        self.flow_id = flow_id
        self.usual = QRadioButton()
        self.own = QRadioButton()
        self.editor = RuleEditor(connections, registry, rules.test_channel)
        kept = rules.rule(flow_id)
        self.editor.show_rule(kept if kept is not None else rules.rule(None))
        (self.own if kept is not None else self.usual).setChecked(True)
        self.editor.setEnabled(kept is not None)
        self.own.toggled.connect(self.editor.setEnabled)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        page = QWidget()
        content = QVBoxLayout(page)
        content.setContentsMargins(16, 12, 16, 12)
        content.addWidget(self.usual)
        content.addWidget(self.own)
        content.addWidget(self.editor)
        content.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.setContentsMargins(16, 0, 16, 0)
        self.problem.setContentsMargins(16, 0, 16, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Notifications for this flow"))
        self.usual.setText(self.tr("Use my usual notifications (as set in Settings)"))
        self.own.setText(self.tr("Its own notifications:"))
        self.resize(660, 700)

    def save(self) -> None:
        try:
            self.rules.set_rule(self.flow_id, self.editor.rule() if self.own.isChecked() else None)
        except (FlowinError, ValueError):
            log.warning("A flow's notification settings were not kept", exc_info=True)
            self.problem.setText(
                self.tr("Flowin could not keep these notification settings. Check what you typed.")
            )
            self.problem.show()
            return
        self.accept()
