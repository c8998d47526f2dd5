"""Bounds at the door: JSON nested too deep, and validation errors that never echo secrets."""

from __future__ import annotations

import json
import uuid

from flowin_cloud.schemas import MAX_JSON_DEPTH


def nested(depth: int) -> object:
    """JSON objects and arrays nested ``depth`` levels deep around one number."""
    value: object = 1
    for level in range(depth):
        value = {"a": value} if level % 2 else [value]
    return value


def post_json(client, path, body, headers):
    # json.dumps recurses; built by hand so any depth can be sent.
    return client.post(path, content=body, headers={**headers, "Content-Type": "application/json"})


def test_json_nested_deeper_than_the_limit_is_refused_and_reads_keep_working(client, alice):
    headers = alice.headers
    flow = client.post(
        "/api/flows",
        json={"name": "Deep", "definition": {"deepest": nested(MAX_JSON_DEPTH - 1)}},
        headers=headers,
    )
    assert flow.status_code == 201, flow.text
    flow_id = flow.json()["id"]
    run = client.post(
        f"/api/run/{flow_id}", json={"input": nested(MAX_JSON_DEPTH)}, headers=headers
    )
    assert run.status_code == 202, run.text
    assert run.json()["input"] == nested(MAX_JSON_DEPTH)

    for depth in (MAX_JSON_DEPTH + 1, 300, 900):
        deep = '{"a":' * depth + "1" + "}" * depth
        refusals = [
            post_json(client, "/api/flows", f'{{"name":"x","definition":{deep}}}', headers),
            client.put(
                f"/api/flows/{flow_id}",
                content=f'{{"name":"x","definition":{deep}}}',
                headers={**headers, "Content-Type": "application/json"},
            ),
            post_json(client, f"/api/run/{flow_id}", f'{{"input":{deep}}}', headers),
        ]
        for refused in refusals:
            assert refused.status_code == 422, (depth, refused.text)
            assert f"more than {MAX_JSON_DEPTH} levels deep" in refused.text

    # Nothing deep was kept: the account's lists and the flow read as before.
    listed = client.get("/api/flows?include_definitions=true", headers=headers)
    assert listed.status_code == 200
    assert [f["definition"] for f in listed.json()["flows"]] == [
        {"deepest": nested(MAX_JSON_DEPTH - 1)}
    ]
    runs = client.get("/api/executions", headers=headers)
    assert runs.status_code == 200
    assert [r["input"] for r in runs.json()["executions"]] == [nested(MAX_JSON_DEPTH)]
    assert json.loads(client.get(f"/api/flows/{flow_id}", headers=headers).text)["revision"] == 1


def test_request_bodies_are_limited_per_route_before_they_are_read(client, alice):
    # Sign-in and account routes take small bodies: 100 KB with a Content-Length is refused.
    padded = {"email": "a@example.com", "password": "x", "padding": "x" * 100_000}
    refused = client.post("/auth/login", json=padded)
    assert refused.status_code == 413
    assert "larger than the 64 KB" in refused.json()["detail"]

    # Without a Content-Length (chunked) the body is counted as it comes (that the rest is
    # left unread is seen on the real server: test_server_hardening.py).
    def endless_body():
        for _ in range(1000):
            yield b" " * 16_384

    streamed = client.post(
        "/auth/register", content=endless_body(), headers={"Content-Type": "application/json"}
    )
    assert streamed.status_code == 413
    assert "larger than the 64 KB" in streamed.json()["detail"]

    # Flows take large bodies: a 1 MB definition is kept, a 20 MB body is refused unread.
    big = {"name": "Big", "definition": {"text": "x" * 1_000_000}}
    assert client.post("/api/flows", json=big, headers=alice.headers).status_code == 201
    huge = client.post(
        "/api/flows",
        content=b"x" * 20_000_000,
        headers={**alice.headers, "Content-Type": "application/json"},
    )
    assert huge.status_code == 413
    assert "larger than the" in huge.json()["detail"]


def test_validation_errors_never_echo_passwords_tokens_or_codes(client, alice):
    secret = f"s3cret-{uuid.uuid4().hex}"
    long_secret = secret * 10
    refused = [
        # A field of the body is missing: pydantic quotes the whole body.
        client.post("/auth/login", json={"password": secret}),
        # The secret itself is wrong: too long, too short, or not text.
        client.post("/auth/register", json={"email": "a@example.com", "password": long_secret}),
        client.post("/auth/reset-password", json={"token": long_secret, "password": secret}),
        client.post("/auth/reset-password", json={"token": secret, "password": "q9Zx!"}),
        client.post("/auth/2fa/verify", json={"challenge": secret, "code": long_secret}),
        client.post("/auth/verify/email/confirm", json={"token": long_secret}),
        client.post("/auth/refresh", json={"refresh_token": long_secret}),
        client.post("/auth/oauth/token", json={"code": long_secret, "code_verifier": secret}),
        client.post(
            "/auth/delete-account", json={"password": ["secret", secret]}, headers=alice.headers
        ),
    ]
    for response in refused:
        assert response.status_code == 422, response.text
        assert secret not in response.text and "q9Zx!" not in response.text
        assert response.json()["detail"][0]["loc"][0] == "body"
    # Other fields are still quoted, to help whoever sent them.
    quoted = client.post("/auth/login", json={"email": "not-an-address", "password": secret})
    assert quoted.json()["detail"][0]["input"] == "not-an-address"
    assert secret not in quoted.text
