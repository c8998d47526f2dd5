"""`flowin` answers at once: asking for help loads none of the heavy libraries."""

from __future__ import annotations

import json
import subprocess
import sys

import click

from flowin_engine.cli import LAZY_COMMANDS, main

HEAVY = ("openai", "twilio", "sqlalchemy", "aiohttp", "apscheduler", "jinja2", "httpx", "requests")


def test_flowin_help_does_not_load_the_heavy_libraries():
    probe = (
        "import sys\n"
        "from flowin_engine.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(set({HEAVY!r}) & {{m.split('.')[0] for m in sys.modules}}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert "Commands:" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"


# Each takes from a few hundred milliseconds (requests) to seconds (openai) to import.
VENDOR_SDKS = ("openai", "twilio", "requests", "cryptography", "jwt")


def loaded_vendor_sdks(code: str) -> list[str]:
    """The vendor SDKs a fresh Python has imported after running ``code``."""
    probe = (
        f"import json, sys\n{code}\n"
        f"print(json.dumps(sorted(set({VENDOR_SDKS!r}) & {{m.split('.')[0] for m in sys.modules}})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_loading_the_connectors_loads_no_vendor_sdk_yet_every_input_model():
    """The palette, validation and the AI builder read input models at start; the SDK behind a
    step is imported when the step runs."""
    code = (
        "from flowin_engine.registry import default_registry\n"
        "registry = default_registry()\n"
        "for node_type in registry.node_types:\n"
        "    node_type.json_schema()\n"
        "for connector in registry.connectors:\n"
        "    if connector.credential_model is not None:\n"
        "        connector.credential_model.model_json_schema()\n"
        "assert 'openai.generate_text' in registry and 'twilio.send_sms' in registry\n"
    )
    assert loaded_vendor_sdks(code) == []


def test_the_flow_builder_loads_the_openai_sdk_only_when_a_model_is_asked():
    # The desktop imports the builder at start, for its panel.
    assert loaded_vendor_sdks("import flowin_engine.builder") == []


def test_the_help_of_a_command_loaded_later_is_its_own():
    context = click.Context(main)
    for name, (_, _, short_help) in LAZY_COMMANDS.items():
        command = main.get_command(context, name)
        assert command is not None
        assert command.get_short_help_str(1000) == short_help
