"""`flowin flows export` writes a flow anyone may read: no secrets typed into its steps."""

from __future__ import annotations

import json

from flowin_engine.model import Flow, Node

from .test_cli import flowin


def test_export_leaves_out_typed_in_secrets_and_says_which(tmp_path):
    flow = Flow(
        name="Call the shop",
        nodes=[
            Node(type="core.manual_trigger", name="Start"),
            Node(
                type="http.request",
                name="Get orders",
                params={"url": "https://shop.example.com", "token": "shpat_0123456789abcdef"},
            ),
        ],
    )
    source = tmp_path / "shop.json"
    flow.save(source)
    data = tmp_path / "d"
    flowin("flows", "import", str(source), data_dir=data, check=True)

    out = tmp_path / "copy.json"
    done = flowin("flows", "export", "Call the shop", "-o", str(out), data_dir=data, check=True)

    assert "shpat_" not in out.read_text(encoding="utf-8")
    assert json.loads(out.read_text())["nodes"][1]["params"] == {"url": "https://shop.example.com"}
    assert "Get orders → token" in done.stderr
    printed = flowin("flows", "export", "Call the shop", data_dir=data, check=True)
    assert "shpat_" not in printed.stdout
