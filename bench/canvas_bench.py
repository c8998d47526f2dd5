"""How fast the canvas opens a big flow and redraws while panning and zooming.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/canvas_bench.py [nodes]

Builds a flow of N steps (1000 by default) in a grid, chained and branching, then measures
the scene build, fit-to-view, the average frame time over pan and zoom steps, and the minimap. Offscreen
rendering is software rendering, so on a real screen frames are usually faster.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FLOWIN_DATA_DIR", tempfile.mkdtemp(prefix="flowin-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from flowin_desktop.canvas import FlowScene, FlowView
from flowin_desktop.editor.document import FlowDocument, MoveNodes
from flowin_engine.model import Edge, Flow, Node, Position
from flowin_engine.registry import default_registry


def big_flow(count: int) -> Flow:
    columns = 40
    nodes = [Node(type="core.manual_trigger", name="Start", position=Position(x=0, y=0))]
    types = ["core.set_fields", "core.condition", "core.format", "core.no_op", "http.request"]
    for index in range(1, count):
        kind = types[index % len(types)]
        nodes.append(
            Node(
                type=kind,
                name=f"Step {index}",
                params={"url": "https://example.com", "method": "GET"}
                if kind == "http.request"
                else {},
                position=Position(x=(index % columns) * 280.0, y=(index // columns) * 140.0),
            )
        )
    edges = []
    for index in range(1, count):
        source = nodes[index - 1] if index % columns else nodes[index - columns]
        port = "true" if source.type == "core.condition" else "main"
        edges.append(Edge(source=source.id, source_port=port, target=nodes[index].id))
    return Flow(name="Bench", nodes=nodes, edges=edges)


def frame(view: FlowView, image: QImage) -> float:
    started = time.perf_counter()
    painter = QPainter(image)
    view.render(painter)
    painter.end()
    return time.perf_counter() - started


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    app = QApplication.instance() or QApplication(sys.argv)
    registry = default_registry()
    flow = big_flow(count)

    started = time.perf_counter()
    document = FlowDocument(flow, registry)
    scene = FlowScene(document)
    built = time.perf_counter() - started

    view = FlowView(scene)
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    started = time.perf_counter()
    view.fit_to_view()
    app.processEvents()
    fitted = time.perf_counter() - started

    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    first = frame(view, image)
    view.resetTransform()
    view.centerOn(0, 0)
    pans = []
    for _ in range(10):
        view.pan_by(120, 60)
        pans.append(frame(view, image))
    zooms = []
    for step in range(10):
        view.zoom_by(0.8 if step < 5 else 1.25)
        zooms.append(frame(view, image))
    view.fit_to_view()
    overview = [frame(view, image) for _ in range(3)]

    node = flow.nodes[1]
    started = time.perf_counter()
    document.push(MoveNodes(document, {node.id: ((node.position.x, node.position.y), (5.0, 5.0))}))
    edit = time.perf_counter() - started
    started = time.perf_counter()
    view.minimap.grab()  # the first paint after an edit re-reads the flow
    minimap_after_edit = time.perf_counter() - started
    minimap_frames = []
    for _ in range(10):
        view.pan_by(-120, -60)
        started = time.perf_counter()
        view.minimap.grab()
        minimap_frames.append(time.perf_counter() - started)

    ms = 1000
    print(f"Canvas bench: {len(flow.nodes)} steps, {len(flow.edges)} connections")
    print(f"  open (scene build)        {built * ms:8.1f} ms")
    print(f"  fit to view               {fitted * ms:8.1f} ms")
    print(f"  first frame (fitted)      {first * ms:8.1f} ms")
    print(
        f"  pan frame, average        {statistics.mean(pans) * ms:8.1f} ms  (10 steps, zoom 100%)"
    )
    print(f"  zoom frame, average       {statistics.mean(zooms) * ms:8.1f} ms  (10 steps)")
    print(
        f"  whole-flow frame, average {statistics.mean(overview) * ms:8.1f} ms  (all steps visible)"
    )
    print(f"  one undoable edit + sync  {edit * ms:8.1f} ms")
    print(f"  minimap frame, average    {statistics.mean(minimap_frames) * ms:8.1f} ms  (10 pans)")
    print(f"  minimap after an edit     {minimap_after_edit * ms:8.1f} ms  (re-reads the flow)")


if __name__ == "__main__":
    main()
