"""The AI builder's journal: every proposal, one JSON line each, in the data folder's logs.

Generated flows are marked ``"review": true`` here as on the proposal, so what the builder
proposed (and from which sentence) can be looked at later, whether or not it was applied. The
journal is a file rather than a logger because the desktop app logs only warnings.
"""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..paths import data_dir
from .proposal import Proposal

_lock = threading.Lock()


def journal_path() -> Path:
    return data_dir() / "logs" / "ai-builder.jsonl"


def record(sentence: str, proposal: Proposal, path: Path | None = None) -> None:
    """Append one line for ``proposal``; a journal that can't be written never stops a build."""
    path = path or journal_path()
    entry: dict[str, Any] = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "sentence": sentence,
        "language": proposal.language,
        "source": proposal.source,
        "review": proposal.review,
        "flow": proposal.flow.model_dump(mode="json") if proposal.flow else None,
        "not_understood": proposal.not_understood,
        "missing": [m.model_dump() for m in proposal.missing],
        "question": proposal.question,
        "refused": proposal.refused,
        "notice": proposal.notice,
    }
    line = json.dumps(entry, ensure_ascii=False)
    with _lock:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as journal:
            journal.write(line + "\n")


def entries(path: Path | None = None) -> list[dict[str, Any]]:
    """Everything the journal holds, oldest first."""
    path = path or journal_path()
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as journal:
        return [json.loads(line) for line in journal if line.strip()]
