"""Which flows run in the cloud: this computer leaves their triggers to the cloud's workers.

A flow runs either in the cloud or on computers, never both (a schedule must not fire twice).
``flowin flows cloud-run NAME on`` turns it on in the cloud account and notes it here; the
runtime does not switch on the triggers of a flow noted here, even when it is active.
"""

from __future__ import annotations

from .store import Store

CLOUD_RUN_SETTING = "cloud_run_flows"


def cloud_run_flows(store: Store) -> frozenset[str]:
    """The ids of the flows that run in the cloud, not on this computer."""
    value = store.get_setting(CLOUD_RUN_SETTING, [])
    return frozenset(str(item) for item in value) if isinstance(value, list) else frozenset()


def note_cloud_run(store: Store, flow_id: str, in_cloud: bool) -> None:
    flows = set(cloud_run_flows(store))
    if in_cloud:
        flows.add(flow_id)
    else:
        flows.discard(flow_id)
    store.set_setting(CLOUD_RUN_SETTING, sorted(flows))


def note_cloud_runs(store: Store, flow_ids: set[str]) -> None:
    """The cloud account's list, as a sync reads it, replaces this computer's."""
    if set(cloud_run_flows(store)) != flow_ids:
        store.set_setting(CLOUD_RUN_SETTING, sorted(flow_ids))
