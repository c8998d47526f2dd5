"""The cloud form of a flow: what leaves this computer, and how a pulled flow lands here."""

from __future__ import annotations

from datetime import timedelta

import pytest

from flowin_engine.model import FlowStatus, PinnedOutput
from flowin_engine.sync import cloud_form
from flowin_engine.sync.cloud_form import definition_hash, form_hash, pulled

from .builders import make_flow


@pytest.fixture
def flow():
    built = make_flow(
        [
            ("Start", "core.manual_trigger", {}),
            (
                "Call",
                "http.request",
                {
                    "url": "https://shop:hunter2@example.com/orders?api_key=k-42&page=1",
                    "headers": {"Authorization": "Bearer t-99", "Accept": "json"},
                    "api_key": "sk-typed-in",
                    "body": "{{ trigger.order }}",
                },
            ),
        ],
        ["Start -> Call"],
        name="Orders",
    )
    built.status = FlowStatus.ACTIVE
    built.pinned = {"call": PinnedOutput(output={"rows": 3})}
    return built


def test_the_cloud_form_holds_no_typed_in_secret_no_pins_and_no_status(flow):
    form = cloud_form(flow)

    text = str(form)
    assert "hunter2" not in text and "k-42" not in text
    assert "t-99" not in text and "sk-typed-in" not in text
    assert "status" not in form and "pinned" not in form
    params = form["nodes"][1]["params"]
    assert params["headers"] == {"Authorization": "", "Accept": "json"}
    assert params["body"] == "{{ trigger.order }}"


def test_status_pins_and_times_do_not_change_the_hash(flow):
    before = form_hash(cloud_form(flow))

    flow.status = FlowStatus.PAUSED
    flow.pinned = {}
    flow.updated_at += timedelta(hours=1)
    flow.created_at -= timedelta(days=1)

    assert form_hash(cloud_form(flow)) == before


def test_an_edit_changes_the_hash(flow):
    before = form_hash(cloud_form(flow))

    flow.nodes[1].params["url"] = "https://example.com/customers"

    assert form_hash(cloud_form(flow)) != before


def test_a_definition_from_the_cloud_hashes_like_the_flow_it_came_from(flow):
    form = cloud_form(flow)
    sparse = {key: value for key, value in form.items() if key != "sticky_notes"}

    assert definition_hash(sparse) == form_hash(form)


def test_a_pulled_flow_keeps_the_local_status_pins_and_secrets(flow):
    theirs = cloud_form(flow)
    theirs["nodes"][1]["params"]["headers"]["Accept"] = "xml"

    landed = pulled(theirs, flow.id, flow)

    params = landed.node("call").params
    assert params["headers"] == {"Authorization": "Bearer t-99", "Accept": "xml"}
    assert params["api_key"] == "sk-typed-in"
    assert params["url"] == "https://shop:hunter2@example.com/orders?api_key=k-42&page=1"
    assert landed.status is FlowStatus.ACTIVE
    assert landed.pinned == flow.pinned
    assert form_hash(cloud_form(landed)) == form_hash(cloud_form(pulled(theirs, flow.id, None)))


def test_a_secret_replaced_in_the_cloud_is_not_put_back(flow):
    theirs = cloud_form(flow)
    theirs["nodes"][1]["params"]["headers"]["Authorization"] = "{{ vars.token }}"

    landed = pulled(theirs, flow.id, flow)

    assert landed.node("call").params["headers"]["Authorization"] == "{{ vars.token }}"


def test_a_flow_new_here_arrives_as_a_draft_without_secrets(flow):
    landed = pulled(cloud_form(flow), flow.id, None)

    assert landed.status is FlowStatus.DRAFT
    assert landed.pinned == {}
    assert "api_key" not in landed.node("call").params
