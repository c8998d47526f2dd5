"""``Sync``: bring the flows on this computer and in the cloud account to the same state.

Each flow is decided on its own, from three facts: its cloud form here now, what both sides
last agreed (``store.sync``), and the cloud's copy. A flow changed on both sides is a conflict: it
is kept in the store and reported, and nothing changes on either side until the user resolves
it. Flows written here are saved as new versions, so the previous one stays in the history.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from enum import StrEnum

from ..cloud_run import note_cloud_runs
from ..errors import FlowFileError, FlowinError, NotFound
from ..model import Flow, FlowStatus, new_id, utc_now
from ..registry import Registry, default_registry
from ..store import Agreed, Conflict, FlowSummary, Store, VersionConflict
from .client import CloudClient, CloudFlow
from .cloud_form import cloud_form, definition_hash, form_hash, pulled
from .errors import (
    NotOnServer,
    Offline,
    RateLimited,
    RequestRejected,
    RevisionConflict,
    ServerError,
    SignedOut,
    SyncError,
)
from .status import StatusBoard, SyncStatus

log = logging.getLogger(__name__)

# The name of this computer's side of a conflict resolved by keeping both.
COPY_SUFFIX = " (copy from this computer)"
# More flows changed in the cloud than this are read in one list with their definitions.
FETCH_ONE_BY_ONE = 10


class Keep(StrEnum):
    """Which side of a conflict to keep."""

    MINE = "mine"  # this computer's flow goes to the cloud
    THEIRS = "theirs"  # the cloud's flow (or its deletion) comes here
    BOTH = "both"  # theirs under the flow's id, mine as a new flow named with COPY_SUFFIX


@dataclass(frozen=True, slots=True)
class FlowRef:
    id: str
    name: str

    def __str__(self) -> str:
        return self.name


@dataclass(slots=True)
class SyncReport:
    """What one sync did, flow by flow."""

    pushed: list[FlowRef] = field(default_factory=list)
    pulled: list[FlowRef] = field(default_factory=list)
    deleted_here: list[FlowRef] = field(default_factory=list)
    deleted_there: list[FlowRef] = field(default_factory=list)
    # Deleted here but changed in the cloud meanwhile: brought back here rather than lost.
    restored: list[FlowRef] = field(default_factory=list)
    conflicts: list[FlowRef] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def synced(self) -> bool:
        return not self.conflicts and not self.errors


class Sync:
    """Syncs one store with one cloud account. ``run`` and ``resolve`` may be called from a
    background thread while the user edits: one runs at a time, and a flow saved here while
    it runs is left for the next sync rather than overwritten."""

    def __init__(
        self,
        store: Store,
        client: CloudClient,
        status: StatusBoard | None = None,
        registry: Registry | None = None,
    ) -> None:
        self.store = store
        self.client = client
        self.status = status or StatusBoard()
        self._registry = registry
        self._lock = threading.Lock()

    @property
    def registry(self) -> Registry:
        if self._registry is None:
            self._registry = default_registry()
        return self._registry

    def run(self) -> SyncReport:
        """Sync every flow once. Never raises: a network or account problem ends the run, goes
        to ``SyncReport.errors`` and sets the status; a flow that fails alone is reported and
        the others go on."""
        with self._lock:
            report = SyncReport()
            self.status.set(SyncStatus.SYNCING)
            try:
                agreed = self.store.sync.agreed()
                remote = self._remote_flows(agreed)
                # The account's word on where each flow runs: one switched to the cloud on
                # another computer stops here too (its schedule must not fire twice).
                note_cloud_runs(
                    self.store, {f.id for f in remote.values() if f.cloud_run and not f.deleted}
                )
                self._sync_all(remote, agreed, report)
            except SyncError as error:
                report.errors.append(str(error))
                self._show(error)
                return report
            except Exception:
                # A background sync has no caller to raise to: say so, keep the details.
                log.exception("The sync stopped on an unexpected problem")
                report.errors.append(
                    "The sync stopped on an unexpected problem; the details are in Flowin's log."
                )
            self._show_result(report)
            return report

    def conflicts(self) -> list[Conflict]:
        """The conflicts waiting for ``resolve``, oldest first."""
        return sorted(self.store.sync.conflicts().values(), key=lambda c: c.detected_at)

    def resolve(self, flow_id: str, keep: Keep | str) -> None:
        """End a conflict by keeping ``mine``, ``theirs`` or ``both`` (see ``Keep``)."""
        keep = Keep(keep)
        with self._lock:
            conflict = self.store.sync.conflicts().get(flow_id)
            if conflict is None:
                raise FlowinError(f"The flow '{flow_id}' has no sync conflict to resolve.")
            try:
                mine: Flow | None = self.store.flows.get(flow_id)
            except NotFound:
                mine = None
            try:
                if keep is Keep.MINE:
                    self._keep_mine(conflict, mine)
                elif keep is Keep.THEIRS:
                    self._keep_theirs(conflict, mine)
                else:
                    self._keep_both(conflict, mine)
            except SyncError as error:
                self._show(error)
                raise
            remaining = self.store.sync.conflicts()
            self.status.set(SyncStatus.CONFLICT if remaining else SyncStatus.SYNCED)

    # One flow

    def _remote_flows(self, agreed: dict[str, Agreed]) -> dict[str, CloudFlow]:
        """The cloud's flows. Only revisions when few changed there (the usual sync, every
        minute, moves no definitions); definitions in the same answer when many did."""
        listed = self.client.list_flows(include_definitions=False)
        changed_there = [
            flow
            for flow in listed
            if not flow.deleted
            and (flow.id not in agreed or agreed[flow.id].remote_revision != flow.revision)
        ]
        if len(changed_there) > FETCH_ONE_BY_ONE:
            listed = self.client.list_flows()
        return {flow.id: flow for flow in listed}

    def _sync_all(
        self, remote: dict[str, CloudFlow], agreed: dict[str, Agreed], report: SyncReport
    ) -> None:
        local = {summary.id: summary for summary in self.store.flows.summaries()}
        pending = self.store.sync.conflicts()
        for flow_id in sorted(set(local) | set(agreed) | set(remote)):
            try:
                self._sync_one(
                    flow_id,
                    local.get(flow_id),
                    agreed.get(flow_id),
                    remote.get(flow_id),
                    pending.get(flow_id),
                    report,
                )
            except (VersionConflict, NotFound):
                log.info("Flow %s changed here during the sync; next sync takes it", flow_id)
            except (RequestRejected, FlowFileError) as error:
                name = local[flow_id].name if flow_id in local else flow_id
                report.errors.append(f"'{name}' was not synced: {error}")

    def _sync_one(
        self,
        flow_id: str,
        summary: FlowSummary | None,
        agreed: Agreed | None,
        remote: CloudFlow | None,
        conflict: Conflict | None,
        report: SyncReport,
    ) -> None:
        live = remote if remote is not None and not remote.deleted else None
        if summary is None:
            if agreed is not None:
                self._push_deletion(flow_id, agreed, remote, report)
            elif live is not None and conflict is None:
                self._pull(live, None, 0, report.pulled)
            return
        version = summary.version
        if (
            conflict is None
            and agreed is not None
            and live is not None
            and live.revision == agreed.remote_revision
            and agreed.local_version == version
        ):
            return  # neither side changed since they agreed: nothing to read or hash
        # Read after the summary: a save in between only makes the version we expect older.
        mine = self.store.flows.get(flow_id)
        form = cloud_form(mine, self.registry)
        mine_hash = form_hash(form)
        ref = FlowRef(flow_id, mine.name)
        if conflict is not None:
            self._review_conflict(ref, mine_hash, version, conflict, remote, report)
            return
        if agreed is None or remote is None:
            # Never synced (or the cloud lost it): offer it.
            self._push_new(mine, form, version, report)
            return
        changed_here = mine_hash != agreed.synced_hash
        changed_there = remote.revision != agreed.remote_revision
        if remote.deleted:
            if changed_here:
                self._conflict(ref, remote, report)
            elif self._unchanged_since(flow_id, summary.version):
                self.store.flows.delete(flow_id)
                self.store.sync.forget(flow_id)
                report.deleted_here.append(ref)
        elif changed_here and changed_there:
            self._meet(ref, mine_hash, version, remote, report)
        elif changed_here:
            self._push(mine, form, mine_hash, version, agreed, report)
        elif changed_there:
            self._pull(remote, mine, version, report.pulled)
        elif agreed.local_version != version:
            # Saved here without changing what syncs (a secret, pinned data): nothing to send.
            self.store.sync.note_local_version(flow_id, version)

    def _push_new(self, mine: Flow, form: dict, version: int, report: SyncReport) -> None:
        ref, mine_hash = FlowRef(mine.id, mine.name), form_hash(form)
        try:
            created = self.client.create_flow(mine.id, mine.name, form)
        except RevisionConflict as error:  # the account already has a flow with this id
            if error.current is None:
                raise
            self._meet(ref, mine_hash, version, error.current, report)
            return
        self.store.sync.record(mine.id, created.revision, mine_hash, version)
        report.pushed.append(ref)

    def _push(
        self,
        mine: Flow,
        form: dict,
        mine_hash: str,
        version: int,
        agreed: Agreed,
        report: SyncReport,
    ) -> None:
        ref = FlowRef(mine.id, mine.name)
        try:
            updated = self.client.update_flow(mine.id, mine.name, form, agreed.remote_revision)
        except RevisionConflict as error:  # changed in the cloud since the list was read
            if error.current is None:
                raise
            self._meet(ref, mine_hash, version, error.current, report)
            return
        except NotOnServer:
            log.info("Flow %s was deleted in the cloud during the sync", mine.id)
            return
        self.store.sync.record(mine.id, updated.revision, mine_hash, version)
        report.pushed.append(ref)

    def _meet(
        self, ref: FlowRef, mine_hash: str, version: int, theirs: CloudFlow, report: SyncReport
    ) -> None:
        """Both sides changed: the same change is agreement, a different one a conflict."""
        if not theirs.deleted and theirs.definition is None:
            theirs = self.client.get_flow(theirs.id)
        if (
            not theirs.deleted
            and theirs.definition is not None
            and definition_hash(theirs.definition, self.registry) == mine_hash
        ):
            self.store.sync.record(ref.id, theirs.revision, mine_hash, version)
            return
        self._conflict(ref, theirs, report)

    def _conflict(self, ref: FlowRef, theirs: CloudFlow, report: SyncReport) -> None:
        definition = None if theirs.deleted else theirs.definition
        self.store.sync.add_conflict(ref.id, theirs.revision, definition)
        report.conflicts.append(ref)

    def _review_conflict(
        self,
        ref: FlowRef,
        mine_hash: str,
        version: int,
        conflict: Conflict,
        remote: CloudFlow | None,
        report: SyncReport,
    ) -> None:
        """A conflict stays until resolved, but follows the cloud's latest copy, and ends by
        itself if both sides have become the same."""
        if remote is None:
            report.conflicts.append(ref)
            return
        if remote.revision != conflict.their_revision:
            self._meet(ref, mine_hash, version, remote, report)
        elif conflict.their_definition is not None and (
            definition_hash(conflict.their_definition, self.registry) == mine_hash
        ):
            self.store.sync.record(ref.id, remote.revision, mine_hash, version)
        else:
            report.conflicts.append(ref)

    def _pull(
        self, theirs: CloudFlow, mine: Flow | None, version: int | None, into: list[FlowRef]
    ) -> Flow:
        if theirs.definition is None:
            theirs = self.client.get_flow(theirs.id)
        assert theirs.definition is not None
        flow = pulled(theirs.definition, theirs.id, mine, self.registry)
        # A new flow expects version 0: one saved here meanwhile is not overwritten.
        saved = self.store.flows.save(flow, expected_version=version)
        self.store.sync.record(
            flow.id,
            theirs.revision,
            form_hash(cloud_form(flow, self.registry)),
            saved,
        )
        into.append(FlowRef(flow.id, flow.name))
        return flow

    def _push_deletion(
        self, flow_id: str, agreed: Agreed, remote: CloudFlow | None, report: SyncReport
    ) -> None:
        if remote is None or remote.deleted:
            self.store.sync.forget(flow_id)
            return
        if remote.revision == agreed.remote_revision:
            try:
                self.client.delete_flow(flow_id, agreed.remote_revision)
            except NotOnServer:
                self.store.sync.forget(flow_id)
                return
            except RevisionConflict as error:
                if error.current is None or error.current.deleted:
                    raise
                remote = error.current
            else:
                self.store.sync.forget(flow_id)
                report.deleted_there.append(FlowRef(flow_id, remote.name))
                return
        # Changed in the cloud after it was deleted here: nothing is lost, it comes back.
        self._pull(remote, None, 0, report.restored)

    def _unchanged_since(self, flow_id: str, version: int) -> bool:
        try:
            return self.store.flows.current_version(flow_id) == version
        except NotFound:
            return False

    # Resolving

    def _keep_mine(self, conflict: Conflict, mine: Flow | None) -> None:
        if mine is None:
            # Deleted here since: keeping mine means deleting it in the cloud too.
            if conflict.their_definition is not None:
                self.client.delete_flow(conflict.flow_id, conflict.their_revision)
            self.store.sync.forget(conflict.flow_id)
            return
        form = cloud_form(mine, self.registry)
        if conflict.their_definition is None:
            saved = self._recreate(mine, form, conflict.their_revision)
        else:
            saved = self._put_over(mine, form, conflict.their_revision)
        self.store.sync.record(saved.id, saved.revision, form_hash(form))

    def _put_over(self, mine: Flow, form: dict, their_revision: int) -> CloudFlow:
        try:
            return self.client.update_flow(mine.id, mine.name, form, their_revision)
        except RevisionConflict as error:
            if error.current is not None:
                definition = None if error.current.deleted else error.current.definition
                self.store.sync.add_conflict(mine.id, error.current.revision, definition)
            raise SyncError(
                f"'{mine.name}' changed in the cloud again while you were choosing; "
                "look at it again and choose."
            ) from None

    def _recreate(self, mine: Flow, form: dict, tombstone_revision: int) -> CloudFlow:
        """Bring a flow deleted in the cloud back there, from this computer's copy."""
        try:
            return self.client.create_flow(mine.id, mine.name, form)
        except RevisionConflict:
            pass  # the tombstone keeps the id taken
        try:
            return self.client.update_flow(mine.id, mine.name, form, tombstone_revision)
        except NotOnServer:
            pass  # this server does not revive a deleted flow
        # Last resort: the same flow under a new id, which replaces it here.
        copy = mine.model_copy(update={"id": new_id()})
        self.store.flows.save(copy)
        created = self.client.create_flow(copy.id, copy.name, cloud_form(copy, self.registry))
        self.store.flows.delete(mine.id)
        self.store.sync.forget(mine.id)
        return created

    def _keep_theirs(self, conflict: Conflict, mine: Flow | None) -> None:
        if conflict.their_definition is None:
            if mine is not None:
                self.store.flows.delete(mine.id)
            self.store.sync.forget(conflict.flow_id)
            return
        theirs = CloudFlow(
            conflict.flow_id, "", conflict.their_revision, conflict.their_definition, "", False
        )
        self._pull(theirs, mine, None, [])  # the user chose: no version check

    def _keep_both(self, conflict: Conflict, mine: Flow | None) -> None:
        if mine is not None:
            now = utc_now()
            copy = mine.model_copy(
                update={
                    "id": new_id(),
                    "name": mine.name + COPY_SUFFIX,
                    "status": FlowStatus.DRAFT,  # theirs keeps the original's status
                    "created_at": now,
                    "updated_at": now,
                }
            )
            version = self.store.flows.save(copy)
            self._keep_theirs(conflict, mine)
            try:
                self._push_new(copy, cloud_form(copy, self.registry), version, SyncReport())
            except SyncError as error:  # a new flow here: the next sync sends it
                log.info("The copy of %s waits for the next sync: %s", mine.id, error)
            return
        self._keep_theirs(conflict, mine)

    # Status

    def _show(self, error: SyncError) -> None:
        if isinstance(error, SignedOut):
            self.status.set(SyncStatus.SIGNED_OUT, str(error))
        elif isinstance(error, Offline | RateLimited | ServerError):
            self.status.set(SyncStatus.OFFLINE, str(error))
        else:
            self.status.set(SyncStatus.SYNCED, str(error))

    def _show_result(self, report: SyncReport) -> None:
        waiting = self.store.sync.conflicts()
        if waiting:
            count = len(waiting)
            noun = "flow was" if count == 1 else "flows were"
            self.status.set(
                SyncStatus.CONFLICT,
                f"{count} {noun} changed both here and in the cloud; choose which to keep.",
            )
        else:
            self.status.set(SyncStatus.SYNCED, "; ".join(report.errors))
