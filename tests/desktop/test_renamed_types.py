"""A flow saved before a connector renamed an operation opens in the editor as the new type."""

from __future__ import annotations

from pathlib import Path

import pytest

from flowin_desktop.editor.document import FlowDocument
from flowin_engine.model import Flow
from flowin_engine.registry import Registry, load_connector
from tests.engine.test_registry import NOTE_FLOW, renamed_shop, write_connector


def test_opening_a_flow_with_a_former_type_name_edits_and_saves_the_new_name(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = write_connector(tmp_path, monkeypatch, renamed_shop())
    registry = Registry([load_connector("connectors.core"), load_connector(package)])
    document = FlowDocument(Flow(name="Untitled flow"), registry)

    document.replace(Flow.from_data(NOTE_FLOW))

    assert document.flow.node("note").type == "shop.send_note"
    assert '"type": "shop.send_note"' in document.flow.to_json()
