"""Two computers signed in to one account on a real ``flowin-cloud``, for the sync tests.

Each computer is a data folder of its own: a SQLite store and an encrypted secrets file.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import httpx
from click.testing import CliRunner, Result

from flowin_engine.cli import main
from flowin_engine.credentials import EncryptedFileSecrets
from flowin_engine.model import Flow
from flowin_engine.store import Store
from flowin_engine.sync import Account, Keep, Sync, SyncReport, SyncStatus
from tests.cloud_server import DEFAULT_PASSWORD, CloudServer

from .builders import make_flow


class Computer:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)  # exists when a computer starts again
        self.folder = folder
        self.database = folder / "flowin.db"
        self.store = Store(self.database)
        self.secrets = EncryptedFileSecrets(folder)
        self.account = Account(self.store, self.secrets)
        self.last_status: SyncStatus | None = None

    def sign_in(self, server: str, email: str) -> None:
        assert self.account.sign_in(server, email, DEFAULT_PASSWORD) is None

    def sync(self) -> SyncReport:
        with self.account.client() as client:
            syncer = Sync(self.store, client)
            report = syncer.run()
            self.last_status = syncer.status.status
            return report

    def resolve(self, flow_id: str, keep: Keep | str) -> None:
        with self.account.client() as client:
            Sync(self.store, client).resolve(flow_id, keep)

    def conflicts(self) -> list[str]:
        with self.account.client() as client:
            return [conflict.flow_id for conflict in Sync(self.store, client).conflicts()]

    def save(self, flow: Flow) -> int:
        return self.store.flows.save(flow)

    def flow(self, flow_id: str) -> Flow:
        return self.store.flows.get(flow_id)

    def has(self, flow_id: str) -> bool:
        return any(summary.id == flow_id for summary in self.store.flows.summaries())

    def names(self) -> list[str]:
        return [summary.name for summary in self.store.flows.summaries()]

    def edit(self, flow_id: str, text: str) -> Flow:
        """Change the greeting's text, as the editor would, and save it."""
        flow = self.flow(flow_id)
        flow.node("greet").params["fields"][0]["value"] = text
        self.save(flow)
        return flow

    def close(self) -> None:
        self.store.close()


def new_email() -> str:
    return f"{uuid.uuid4().hex[:10]}@example.com"


def register(server: CloudServer, email: str, verified: bool = False) -> None:
    """A new account; ``verified``: its address verified with the link "sent"."""
    response = httpx.post(
        server.url + "/auth/register", json={"email": email, "password": DEFAULT_PASSWORD}
    )
    response.raise_for_status()
    if verified:
        token = server.last_token("verify-email", email)
        confirmed = httpx.post(server.url + "/auth/verify/email/confirm", json={"token": token})
        confirmed.raise_for_status()


def server_copy(server: CloudServer, email: str, flow_id: str) -> dict[str, Any] | None:
    """The cloud's copy of a flow as the API gives it; None when it has none (or deleted)."""
    login = httpx.post(
        server.url + "/auth/login", json={"email": email, "password": DEFAULT_PASSWORD}
    )
    login.raise_for_status()
    response = httpx.get(f"{server.url}/api/flows/{flow_id}", headers=server.bearer(login.json()))
    if response.status_code == 404:
        return None
    response.raise_for_status()
    return response.json()


def greeting(name: str = "Greet a customer", text: str = "Hello {{ trigger.name }}") -> Flow:
    return make_flow(
        [
            ("Start", "core.manual_trigger", {}),
            ("Greet", "core.set_fields", {"fields": [{"name": "text", "value": text}]}),
        ],
        ["Start -> Greet"],
        name=name,
    )


def greeting_text(flow: Flow | dict[str, Any]) -> str:
    data = flow if isinstance(flow, dict) else flow.model_dump()
    greet = next(node for node in data["nodes"] if node["id"] == "greet")
    return greet["params"]["fields"][0]["value"]


def turn_on_two_factor(server: CloudServer, email: str) -> None:
    """Verify the e-mail address with the link "sent", then turn on codes by e-mail."""
    token = server.last_token("verify-email", email)
    httpx.post(server.url + "/auth/verify/email/confirm", json={"token": token}).raise_for_status()
    tokens = server.sign_up(email)
    httpx.post(
        server.url + "/auth/2fa/enable",
        json={"method": "email", "password": DEFAULT_PASSWORD},
        headers=server.bearer(tokens),
    ).raise_for_status()


def flowin(data_dir: Path, *args: str, input: str | None = None) -> Result:
    """The ``flowin`` command line on this data folder."""
    return CliRunner().invoke(main, ["--data-dir", str(data_dir), *args], input=input)


def sign_in_from_cli(data_dir: Path, server: str, email: str, register: bool = False) -> None:
    """``flowin account [register and] login`` with the default password, typed as a person
    would (piped for register)."""
    if register:
        registered = flowin(
            data_dir, "account", "register", "--server", server, "--email", email,
            "--password-stdin", input=DEFAULT_PASSWORD + "\n",
        )  # fmt: skip
        assert registered.exit_code == 0, registered.output
    login = flowin(
        data_dir, "account", "login", "--server", server, "--email", email,
        input=DEFAULT_PASSWORD + "\n",
    )  # fmt: skip
    assert login.exit_code == 0, login.output
    assert f"Signed in to {server} as {email}" in login.output
    assert DEFAULT_PASSWORD not in login.output
