"""Which network addresses a step's requests may reach, for whoever runs the flow to decide.

On a user's own computer a step may call anything, the shop's printer at 192.168.1.20 included:
no policy is set. A shared server (Flowin's cloud) sets one, so a flow cannot make the server
call into its own network (its database, its cloud's metadata address at 169.254.169.254): an
SSRF. The check happens where a connection is opened, for every hop of a redirect: the host is
resolved once, every address it resolves to must be public, and the connection is made to an
address that was checked, so a name that resolves differently the second time (DNS rebinding)
gains nothing. TLS still checks the certificate for the name (SNI and the host check use the
URL's host, not the address).

Four doors lead out, and all four go through here: the kit's shared httpx client (every
connector that uses ``service_client`` or ``Service``, HTTP Request among them), httpx clients
an SDK is handed (``http_client_options``, the OpenAI connector), ``requests`` sessions
(``guard_session``, the Twilio SDK), and plain sockets (``open_connection``, SMTP).
"""

from __future__ import annotations

import importlib
import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import PrivateAddressRefused

if TYPE_CHECKING:
    import requests

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
# host, port -> the addresses to try, in order.
Resolver = Callable[[str, int], list[str]]


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to (IPv4 and IPv6), without repeats."""
    found: list[str] = []
    for *_, address in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        ip = str(address[0]).split("%", 1)[0]  # fe80::1%eth0: the zone is not the address
        if ip not in found:
            found.append(ip)
    return found


def is_public(address: str) -> bool:
    """Whether an address is on the public internet: not private (10/8, 172.16/12,
    192.168/16, fc00::/7), loopback, link-local (169.254/16 with the clouds' metadata
    address, fe80::/10), unspecified (0.0.0.0, ::), shared (100.64/10), multicast or reserved;
    an IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address):
        # IPv4 inside IPv6 reaches that IPv4 address: mapped (::ffff:a.b.c.d), 6to4
        # (2002::/16), Teredo (2001::/32) and NAT64 (64:ff9b::/96, a gateway translates it).
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is None and ip in _NAT64:
            inner = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if inner is not None:
            return is_public(str(inner))
    return ip.is_global and not (ip.is_multicast or ip.is_reserved)


@dataclass(frozen=True)
class AddressPolicy:
    """Refuses connections to addresses that are not public.

    ``allowed`` lists (address, port) pairs let through although they are not public (a
    service of the operator's own that flows may call). ``resolver`` turns a host into
    addresses (the system's DNS unless given)."""

    allowed: frozenset[tuple[str, int]] = frozenset()
    resolver: Resolver = field(default=system_resolver)

    def addresses(self, host: str, port: int) -> list[str]:
        """The addresses to connect to for ``host``; raises ``PrivateAddressRefused`` when any
        of them is not public (a name with one private address among public ones is refused
        too: which one a connection gets is not ours to choose), ``OSError`` when the name
        does not resolve."""
        resolved = self.resolver(host, port)
        if not resolved:
            raise socket.gaierror(f"{host} has no address")
        for address in resolved:
            if not is_public(address) and (address, port) not in self.allowed:
                raise PrivateAddressRefused(host)
        return resolved


_policy: AddressPolicy | None = None


def address_policy() -> AddressPolicy | None:
    return _policy


def set_address_policy(policy: AddressPolicy | None) -> None:
    """Sets, for this whole process, where steps' requests may connect (None: anywhere).

    A process that runs other people's flows (a cloud worker) sets it before its first run.
    With a policy, the environment's proxy settings are not used: a proxy would make the
    connection on the step's behalf, past the check."""
    global _policy
    _policy = policy
    from . import _transport

    _transport.forget_shared_client()


def trusts_environment() -> bool:
    """Whether clients may take proxies from the environment (only without a policy)."""
    return _policy is None


def refused_address(error: BaseException) -> PrivateAddressRefused | None:
    """The refusal behind an SDK's own error (the OpenAI SDK wraps whatever its client raised
    in ``APIConnectionError``), if a refusal is what it wraps."""
    seen: BaseException | None = error
    for _ in range(10):  # a cause's chain is short; a loop of causes must not hang
        if seen is None:
            return None
        if isinstance(seen, PrivateAddressRefused):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def open_connection(
    host: str, port: int, timeout: float | None, source_address: tuple[str, int] | None = None
) -> socket.socket:
    """``socket.create_connection`` under the process's address policy: for protocols the
    kit's HTTP clients don't carry (SMTP). TLS on top of it is given ``host`` as the name."""
    policy = _policy
    if policy is None:
        return socket.create_connection((host, port), timeout, source_address)
    failure: OSError | None = None
    for address in policy.addresses(host, port):
        try:
            return socket.create_connection((address, port), timeout, source_address)
        except OSError as error:
            failure = error
    assert failure is not None
    raise failure


# httpx: a network backend that checks where it connects.


def _guarded_backend(plain: Any) -> Any:
    """A network backend like ``plain`` (httpcore's, or the fork's its SDK ships with) that
    connects only to addresses the policy allows."""
    connect_error = importlib.import_module(type(plain).__module__.split(".")[0]).ConnectError

    class GuardedBackend(type(plain)):  # type: ignore[misc]
        def connect_tcp(
            self,
            host: str,
            port: int,
            timeout: float | None = None,
            local_address: str | None = None,
            socket_options: Any = None,
        ) -> Any:
            policy = _policy
            if policy is None:
                return super().connect_tcp(host, port, timeout, local_address, socket_options)
            try:
                addresses = policy.addresses(host, port)
            except OSError as error:
                raise connect_error(str(error)) from error
            failure: Exception | None = None
            for address in addresses:
                try:
                    return super().connect_tcp(
                        address, port, timeout, local_address, socket_options
                    )
                except connect_error as error:
                    failure = error
            assert failure is not None
            raise failure

    return GuardedBackend()


def http_transport(httpx_module: str = "httpx", **options: Any) -> Any:
    """An ``HTTPTransport`` of ``httpx_module`` (``options`` are its own) whose connections
    follow the process's address policy."""
    transport = importlib.import_module(httpx_module).HTTPTransport(**options)
    # httpx has no argument for httpcore's network backend; its pool holds it and reads it for
    # every new connection. tests/engine/test_addresses.py fails if this stops taking effect.
    pool = transport._pool
    pool._network_backend = _guarded_backend(pool._network_backend)
    return transport


def http_client_options(client_class: type | None = None) -> dict[str, Any]:
    """Options for an httpx client an SDK is handed, ``client_class(**options)``: its
    connections follow the process's address policy. ``client_class`` may come from a fork of
    httpx (the OpenAI SDK's ``DefaultHttpxClient`` is an ``httpx2.Client``)."""
    module = "httpx"
    for base in (client_class or object).__mro__:
        root = base.__module__.split(".")[0]
        if root.startswith("httpx"):
            module = root
            break
    return {"transport": http_transport(module), "trust_env": trusts_environment()}


# requests (urllib3): connections that check where they connect.


def guard_session(session: requests.Session) -> requests.Session:
    """Makes a ``requests`` session's connections follow the process's address policy (an
    SDK's session, Twilio's); redirects are checked too, each hop opening its own connection."""
    from requests.adapters import HTTPAdapter

    pools = _guarded_pools()

    class GuardedAdapter(HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = pools

    session.mount("https://", GuardedAdapter())
    session.mount("http://", GuardedAdapter())
    session.trust_env = trusts_environment()
    return session


def _guarded_pools() -> dict[str, Any]:
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
    from urllib3.exceptions import NameResolutionError, NewConnectionError

    class Checked:
        """Connects only to checked addresses; ``host`` (TLS's SNI and certificate check)
        stays the name."""

        def _new_conn(self) -> socket.socket:
            policy = _policy
            if policy is None:
                return super()._new_conn()  # type: ignore[misc]
            name = self._dns_host  # type: ignore[attr-defined]
            try:
                addresses = policy.addresses(name, self.port)  # type: ignore[attr-defined]
            except OSError as error:
                raise NameResolutionError(self.host, self, error) from error  # type: ignore[arg-type,attr-defined]
            failure: Exception | None = None
            for address in addresses:
                self._dns_host = address
                try:
                    return super()._new_conn()  # type: ignore[misc]
                except NewConnectionError as error:
                    failure = error
                finally:
                    self._dns_host = name
            assert failure is not None
            raise failure

    class CheckedHTTP(Checked, HTTPConnection):
        pass

    class CheckedHTTPS(Checked, HTTPSConnection):
        pass

    class HTTPPool(HTTPConnectionPool):
        ConnectionCls = CheckedHTTP

    class HTTPSPool(HTTPSConnectionPool):
        ConnectionCls = CheckedHTTPS

    return {"http": HTTPPool, "https": HTTPSPool}
