"""Runs queued through the API and reported back by the desktop."""

from __future__ import annotations


def add_flow(account, flow_id="greet"):
    response = account.client.post(
        "/api/flows",
        json={"id": flow_id, "name": "Greet", "definition": {}},
        headers=account.headers,
    )
    assert response.status_code == 201


def queue(account, flow_id="greet", payload=None):
    return account.client.post(
        f"/api/run/{flow_id}", json=payload or {"input": {"order": 7}}, headers=account.headers
    )


def test_running_a_flow_queues_a_record_with_its_input(alice):
    add_flow(alice)
    response = queue(alice)
    assert response.status_code == 202
    run = response.json()
    assert run["status"] == "queued"
    assert run["input"] == {"order": 7}
    assert run["flow_id"] == "greet"
    assert run["started_at"] is None and run["finished_at"] is None and run["error"] is None
    assert alice.client.get(f"/api/executions/{run['id']}", headers=alice.headers).json() == run


def test_running_without_a_body_queues_with_no_input(alice):
    add_flow(alice)
    response = alice.client.post("/api/run/greet", headers=alice.headers)
    assert response.status_code == 202
    assert response.json()["input"] is None


def test_running_a_missing_or_deleted_flow_is_404(alice):
    assert queue(alice, "nope").status_code == 404
    add_flow(alice)
    alice.client.delete("/api/flows/greet", headers=alice.headers)
    assert queue(alice).status_code == 404


def test_the_desktop_reports_running_then_success(alice):
    add_flow(alice)
    run = queue(alice).json()
    running = alice.client.patch(
        f"/api/executions/{run['id']}", json={"status": "running"}, headers=alice.headers
    )
    assert running.json()["status"] == "running"
    assert running.json()["started_at"] is not None
    done = alice.client.patch(
        f"/api/executions/{run['id']}", json={"status": "success"}, headers=alice.headers
    )
    assert done.json()["status"] == "success"
    assert done.json()["finished_at"] is not None


def test_only_one_computer_can_claim_a_queued_run(alice):
    add_flow(alice)
    run = queue(alice).json()
    claims = [
        alice.client.patch(
            f"/api/executions/{run['id']}", json={"status": "running"}, headers=alice.headers
        )
        for _ in range(2)
    ]
    assert [claim.status_code for claim in claims] == [200, 409]
    assert "already picked up" in claims[1].json()["detail"]


def test_an_error_report_keeps_the_error(alice):
    add_flow(alice)
    run = queue(alice).json()
    failed = alice.client.patch(
        f"/api/executions/{run['id']}",
        json={"status": "error", "error": "Sheet not found"},
        headers=alice.headers,
    )
    assert failed.json()["error"] == "Sheet not found"


def test_a_report_with_an_unknown_status_is_422(alice):
    add_flow(alice)
    run = queue(alice).json()
    response = alice.client.patch(
        f"/api/executions/{run['id']}", json={"status": "done"}, headers=alice.headers
    )
    assert response.status_code == 422


def test_the_list_filters_by_status_newest_first(alice):
    add_flow(alice)
    first = queue(alice).json()
    second = queue(alice).json()
    alice.client.patch(
        f"/api/executions/{first['id']}", json={"status": "running"}, headers=alice.headers
    )
    queued = alice.client.get("/api/executions?status=queued", headers=alice.headers).json()[
        "executions"
    ]
    assert [run["id"] for run in queued] == [second["id"]]
    everything = alice.client.get("/api/executions", headers=alice.headers).json()["executions"]
    assert [run["id"] for run in everything] == [second["id"], first["id"]]


def test_reading_another_users_execution_is_404(alice, bob):
    add_flow(alice)
    run = queue(alice).json()
    assert bob.client.get(f"/api/executions/{run['id']}", headers=bob.headers).status_code == 404
    assert bob.client.get("/api/executions", headers=bob.headers).json()["executions"] == []


def test_reporting_on_another_users_execution_is_404_and_changes_nothing(alice, bob):
    add_flow(alice)
    run = queue(alice).json()
    response = bob.client.patch(
        f"/api/executions/{run['id']}", json={"status": "error"}, headers=bob.headers
    )
    assert response.status_code == 404
    assert (
        alice.client.get(f"/api/executions/{run['id']}", headers=alice.headers).json()["status"]
        == "queued"
    )


def test_running_another_users_flow_is_404(alice, bob):
    add_flow(alice)
    assert queue(bob).status_code == 404


def test_the_profile_counts_flows_and_runs(alice):
    add_flow(alice)
    queue(alice)
    queue(alice)
    stats = alice.client.get("/auth/me", headers=alice.headers).json()["statistics"]
    assert stats == {"flows_count": 1, "executions_count": 2}
