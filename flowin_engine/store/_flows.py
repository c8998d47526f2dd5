"""Saved flows and every version of them."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import case, delete, func, select, update
from sqlalchemy.orm import Session

from ..errors import FlowinError, NotFound
from ..events import ExecutionStatus
from ..model import Flow, FlowStatus, utc_now
from ._database import Database
from ._schema import UNFINISHED, ExecutionRow, FlowRow, FlowVersionRow, InboxRow, SyncStateRow


@dataclass(frozen=True, slots=True)
class FlowSummary:
    id: str
    name: str
    status: FlowStatus
    version: int
    updated_at: datetime
    runs_today: int
    success_ratio: float | None  # successful runs / finished runs in the history; None if none


@dataclass(frozen=True, slots=True)
class FlowVersionInfo:
    version: int
    saved_at: datetime


class VersionConflict(FlowinError):
    """The flow was saved elsewhere after this copy of it was loaded."""

    def __init__(self, flow_name: str, loaded: int, latest: int) -> None:
        self.loaded, self.latest = loaded, latest
        super().__init__(
            f"'{flow_name}' was changed elsewhere (version {latest}) after you opened "
            f"version {loaded}; keep your copy or load theirs."
        )


class Flows:
    """The flows saved in the store, each with the versions it went through."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def save(self, flow: Flow, expected_version: int | None = None) -> int:
        """Insert or update a flow; returns its version, which grows only when the flow changed.

        Status and ``updated_at`` are not part of a version: pausing a flow is not an edit.
        With ``expected_version`` (the version the editor loaded), a flow saved since by someone
        else (another window, the command line, a sync) is not overwritten: ``VersionConflict``.
        """
        definition = flow.to_json(indent=None)
        with self._database.writing() as session:
            row = session.get(FlowRow, flow.id)
            if row is not None and expected_version is not None and row.version > expected_version:
                raise VersionConflict(flow.name, expected_version, row.version)
            if row is None:
                row = FlowRow(id=flow.id, version=0, created_at=flow.created_at)
                session.add(row)
                changed = True
            else:
                changed = _comparable(row.definition) != _comparable(definition)
            if changed:
                row.version += 1
                session.add(
                    FlowVersionRow(
                        flow_id=flow.id,
                        version=row.version,
                        definition=definition,
                        saved_at=utc_now(),
                    )
                )
            row.name = flow.name
            row.description = flow.description
            row.status = flow.status.value
            row.definition = definition
            row.updated_at = flow.updated_at
            return row.version

    def get(self, flow_id: str) -> Flow:
        with self._database.reading() as session:
            return _flow_from_row(_require_flow(session, flow_id))

    def find(self, id_or_name: str) -> Flow:
        """The flow with this id or, failing that, this exact name."""
        with self._database.reading() as session:
            row = session.get(FlowRow, id_or_name)
            if row is None:
                rows = session.scalars(select(FlowRow).where(FlowRow.name == id_or_name)).all()
                if not rows:
                    raise NotFound(f"There is no flow with the id or name '{id_or_name}'.")
                if len(rows) > 1:
                    ids = ", ".join(sorted(r.id for r in rows))
                    raise FlowinError(
                        f"{len(rows)} flows are named '{id_or_name}' (ids {ids}); "
                        "use the id of the one you mean."
                    )
                row = rows[0]
            return _flow_from_row(row)

    def summaries(self) -> list[FlowSummary]:
        """Every saved flow, by name, with how its runs went."""
        today = _start_of_today()
        finished = ExecutionRow.status.not_in(UNFINISHED)
        succeeded = ExecutionRow.status == ExecutionStatus.SUCCESS.value
        runs = (
            select(
                ExecutionRow.flow_id,
                func.sum(case((ExecutionRow.started_at >= today, 1), else_=0)).label("today"),
                func.sum(case((finished, 1), else_=0)).label("finished"),
                func.sum(case((succeeded, 1), else_=0)).label("succeeded"),
            )
            .group_by(ExecutionRow.flow_id)
            .subquery()
        )
        query = (
            select(FlowRow, runs.c.today, runs.c.finished, runs.c.succeeded)
            .outerjoin(runs, runs.c.flow_id == FlowRow.id)
            .order_by(func.lower(FlowRow.name), FlowRow.id)
        )
        with self._database.reading() as session:
            return [
                FlowSummary(
                    id=row.id,
                    name=row.name,
                    status=FlowStatus(row.status),
                    version=row.version,
                    updated_at=row.updated_at,
                    runs_today=int(today_count or 0),
                    success_ratio=int(succeeded_count or 0) / int(finished_count)
                    if finished_count
                    else None,
                )
                for row, today_count, finished_count, succeeded_count in session.execute(query)
            ]

    def active_versions(self) -> dict[str, int]:
        """The current version of every active flow, by flow id."""
        query = select(FlowRow.id, FlowRow.version).where(FlowRow.status == FlowStatus.ACTIVE.value)
        with self._database.reading() as session:
            return {flow_id: version for flow_id, version in session.execute(query)}

    def versions(self, flow_id: str) -> list[FlowVersionInfo]:
        """The saved versions of a flow, newest first."""
        with self._database.reading() as session:
            rows = _version_rows(session, flow_id)
            return [FlowVersionInfo(row.version, row.saved_at) for row in rows]

    def current_version(self, flow_id: str) -> int:
        """The number of the flow's latest saved version."""
        with self._database.reading() as session:
            return _require_flow(session, flow_id).version

    def version_history(self, flow_id: str) -> list[tuple[FlowVersionInfo, Flow]]:
        """Every saved version of a flow with its definition, newest first (one query)."""
        with self._database.reading() as session:
            rows = _version_rows(session, flow_id)
            return [
                (FlowVersionInfo(row.version, row.saved_at), Flow.from_json(row.definition))
                for row in rows
            ]

    def get_version(self, flow_id: str, version: int) -> Flow:
        with self._database.reading() as session:
            _require_flow(session, flow_id)
            row = session.get(FlowVersionRow, (flow_id, version))
            if row is None:
                raise NotFound(f"The flow '{flow_id}' has no version {version}.")
            return Flow.from_json(row.definition)

    def delete(self, flow_id: str) -> None:
        """Delete a flow, its versions and all its executions."""
        with self._database.writing() as session:
            _require_flow(session, flow_id)
            session.execute(delete(InboxRow).where(InboxRow.flow_id == flow_id))
            session.execute(delete(ExecutionRow).where(ExecutionRow.flow_id == flow_id))
            session.execute(delete(FlowRow).where(FlowRow.id == flow_id))
            # A flow made again with this id starts again at version 1: what the sync noted of
            # the old one's versions must not pass for the new one's.
            session.execute(
                update(SyncStateRow)
                .where(SyncStateRow.flow_id == flow_id)
                .values(local_version=None)
            )

    def set_status(self, flow_id: str, status: FlowStatus | str) -> None:
        status = FlowStatus(status)
        with self._database.writing() as session:
            row = _require_flow(session, flow_id)
            row.status = status.value
            row.definition = _flow_from_row(row).to_json(indent=None)


def same_version(saved: str, definition: str) -> bool:
    """Whether two flow JSONs are the same version; runs of one flow compare the same texts
    again and again, so their parsed forms are kept (read only)."""
    return saved == definition or _comparable_cached(saved) == _comparable_cached(definition)


def _require_flow(session: Session, flow_id: str) -> FlowRow:
    row = session.get(FlowRow, flow_id)
    if row is None:
        raise NotFound(f"There is no flow with id '{flow_id}'.")
    return row


def _version_rows(session: Session, flow_id: str) -> Any:
    _require_flow(session, flow_id)
    return session.scalars(
        select(FlowVersionRow)
        .where(FlowVersionRow.flow_id == flow_id)
        .order_by(FlowVersionRow.version.desc())
    )


def _flow_from_row(row: FlowRow) -> Flow:
    flow = Flow.from_json(row.definition)
    return flow.model_copy(update={"status": FlowStatus(row.status)})


def _comparable(definition: str) -> dict[str, Any]:
    """A flow's JSON without what does not make a new version (pinned outputs are test data)."""
    data = json.loads(definition)
    data.pop("updated_at", None)
    data.pop("status", None)
    data.pop("pinned", None)
    return data


@functools.lru_cache(maxsize=64)
def _comparable_cached(definition: str) -> dict[str, Any]:
    return _comparable(definition)


def _start_of_today() -> datetime:
    """Local midnight, as the user counts "today"."""
    now = datetime.now().astimezone()
    return now.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)
