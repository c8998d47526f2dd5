"""Where a step's requests may connect when whoever runs the flow sets an address policy (the
cloud's workers do: no private network). Real servers on 127.0.0.1 record what reaches them;
the policy is the one the cloud sets, except that some tests let one (address, port) pair
through as if it were public, to stand for a public server that redirects inward, and one
test passes its own resolver, to stand for a public name."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from connectors.email import operations as email_connector
from connectors.openai import operations as openai_connector
from connectors.twilio import operations as twilio_connector
from flowin_engine.errors import PrivateAddressRefused
from flowin_engine.kit import AddressPolicy, is_public, set_address_policy, system_resolver
from flowin_engine.model import Flow, Node
from flowin_engine.oauth import OAuthApp, refresh
from flowin_engine.registry import default_registry
from flowin_engine.steps import StepContext


def refusal(host: str) -> str:
    return (
        f"Flowin's cloud does not call addresses inside private networks: {host}. "
        "Run this flow on your computer to reach it."
    )


@pytest.fixture
def policy() -> Iterator[Any]:
    """Sets a policy for this process and takes it away after the test."""
    yield set_address_policy
    set_address_policy(None)


@pytest.fixture
def other_server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1")
    server.start()
    yield server
    server.clear()
    server.stop()


def call(url: str) -> dict[str, Any]:
    """HTTP Request as the runner runs it."""
    nt = default_registry().get("http.request")
    params = {"method": "GET", "url": url}
    node = Node(name="Call API", type="http.request", params=params)
    ctx = StepContext(execution_id="t", flow=Flow(nodes=[node]), node=node, attempt=1, timeout=10)
    return nt.function(nt.input_model.model_validate(params), ctx)


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.0.0.8", "172.16.4.1", "192.168.1.20", "169.254.169.254", "0.0.0.0",
     "100.64.0.1", "224.0.0.251", "240.0.0.1", "::1", "fd00:ec2::254", "fe80::1", "::",
     "::ffff:127.0.0.1", "ff02::1"],
)  # fmt: skip
def test_private_loopback_link_local_and_reserved_addresses_are_not_public(address):
    assert not is_public(address)


def test_public_addresses_are_public():
    assert is_public("93.184.215.14") and is_public("2606:4700:4700::1111")
    # IPv4 carried in IPv6 is judged as the IPv4 address it reaches.
    assert is_public("64:ff9b::5db8:d70e") and not is_public("64:ff9b::a00:1")
    assert not is_public("2002:a00:1::") and not is_public("2002:7f00:1::1")


def test_without_a_policy_a_step_reaches_local_addresses_as_on_a_users_computer(httpserver):
    httpserver.expect_request("/printer").respond_with_data("ready")
    assert call(httpserver.url_for("/printer"))["body"] == "ready"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "2130706433", "[::ffff:7f00:1]"])
def test_a_request_to_a_private_address_or_a_name_for_one_never_leaves(host, policy, httpserver):
    """127.0.0.1 written as a number (2130706433) or as IPv6 is refused too: what is checked is
    where the name resolves, not how it is written."""
    policy(AddressPolicy())
    with pytest.raises(PrivateAddressRefused) as refused:
        call(f"http://{host}:{httpserver.port}/admin")
    assert str(refused.value) == refusal(host.strip("[]"))
    assert refused.value.problem.template.startswith("Flowin's cloud does not call")
    assert httpserver.log == []


def test_a_redirect_from_a_public_address_to_a_private_one_is_refused_at_that_hop(
    policy, httpserver, other_server
):
    httpserver.expect_request("/go").respond_with_data(
        status=302, headers={"Location": other_server.url_for("/secret")}
    )
    policy(AddressPolicy(allowed=frozenset({("127.0.0.1", httpserver.port)})))
    with pytest.raises(PrivateAddressRefused):
        call(httpserver.url_for("/go"))
    assert len(httpserver.log) == 1  # the first hop, let through as public
    assert other_server.log == []


def test_the_connection_goes_to_the_address_checked_under_the_name_asked_for(policy, httpserver):
    """One lookup per connection, and the connection is made to what it gave (a second lookup
    could give another address: DNS rebinding); the server still sees the name in Host."""
    httpserver.expect_request("/orders").respond_with_data("[]")
    lookups: list[str] = []

    def shop_api(host: str, port: int) -> list[str]:
        lookups.append(host)
        # The first answer is the checked one; any later lookup would point inward.
        return ["127.0.0.1"] if len(lookups) == 1 else ["10.0.0.1"]

    policy(AddressPolicy(allowed=frozenset({("127.0.0.1", httpserver.port)}), resolver=shop_api))
    assert call(f"http://api.shop.example:{httpserver.port}/orders")["body"] == "[]"
    assert lookups == ["api.shop.example"]
    assert httpserver.log[0][0].headers["Host"] == f"api.shop.example:{httpserver.port}"


def test_a_name_with_one_private_address_among_public_ones_is_refused():
    def mixed(host: str, port: int) -> list[str]:
        return ["93.184.215.14", "10.0.0.5"]

    with pytest.raises(PrivateAddressRefused):
        AddressPolicy(resolver=mixed).addresses("mixed.example", 443)
    assert system_resolver("localhost", 80)  # the default resolver answers for a known name


def test_the_openai_and_twilio_sdks_are_held_to_the_policy_too(policy, httpserver):
    """Both SDKs send through clients of their own (httpx for OpenAI, requests for Twilio);
    a refused call is the refusal, not "can't reach, try again"."""
    policy(AddressPolicy())
    openai_account = openai_connector.OpenAIAccount(
        api_key="sk-test", base_url=f"http://127.0.0.1:{httpserver.port}/v1"
    )
    with pytest.raises(PrivateAddressRefused) as refused:
        openai_connector.test_account(openai_account)
    assert str(refused.value) == refusal("127.0.0.1")
    twilio_account = twilio_connector.TwilioAccount(
        account_sid="AC" + "0" * 32,
        auth_token="token",
        base_url=f"http://127.0.0.1:{httpserver.port}",
    )
    with pytest.raises(PrivateAddressRefused):
        twilio_connector.test_account(twilio_account)
    assert httpserver.log == []


@pytest.mark.parametrize("security", ["none", "ssl"])
def test_an_smtp_server_inside_a_private_network_is_not_connected_to(policy, security):
    """E-mail speaks SMTP over a socket of its own: held to the policy as well."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.setblocking(False)
        policy(AddressPolicy())
        smtp = email_connector.EmailAccount(
            host="localhost", port=listener.getsockname()[1], security=security
        )
        with pytest.raises(PrivateAddressRefused) as refused:
            email_connector.test_account(smtp)
        assert str(refused.value) == refusal("localhost")
        with pytest.raises(BlockingIOError):  # no connection is waiting to be accepted
            listener.accept()


def test_a_token_refresh_at_a_private_address_is_refused(policy, httpserver):
    """A Google account's token address is its own setting; refreshing the token is a request
    the step makes, held to the policy too."""
    policy(AddressPolicy())
    app = OAuthApp(
        client_id="id", client_secret="secret", authorize_url="https://accounts.example/auth",
        token_url=f"http://127.0.0.1:{httpserver.port}/token",
    )  # fmt: skip
    with pytest.raises(PrivateAddressRefused):
        refresh(app, "refresh-token")
    assert httpserver.log == []
