"""What the properties panel shows while no step is selected: the flow at a glance (what
starts it, its steps in order, whether it runs on its own) and how to try it."""

from __future__ import annotations

from PySide6.QtCore import QObject

from flowin_engine.graph import Graph
from flowin_engine.model import Flow, FlowStatus, Node
from flowin_engine.registry import Registry

from ..i18n import fill, number_text


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
            lines.append(self.tr("It has no trigger yet: add one from the list (Triggers)."))
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
