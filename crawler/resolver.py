"""Name resolution for the crawler, with the private-address guard applied to the very
addresses Scrapy connects to (pinned resolution).

`PrivateNetworkMiddleware` resolves a host name to refuse non-public targets early and
with a clear message; but the connection resolves the name again, and a DNS server that
answers a public address first and 127.0.0.1 second (DNS rebinding) would get past a
check made on the first answer alone. `GuardedResolver` (TWISTED_DNS_RESOLVER) therefore
checks every address handed to the connector: public addresses pass, a non-public one
passes only when the middleware approved that very address for that host (a source whose
catalogue entry lists the network in `allowed_networks`), or when the test-only switch
TROOPWATCH_ALLOW_PRIVATE_NETWORKS is on. Refused addresses are never connected to.

TROOPWATCH_DNS_SERVERS (host:port, comma-separated) sends both lookups to those DNS
servers instead of the system resolver (a filtering resolver, or a test's own server).
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Sequence
from typing import Any

from twisted.internet import defer
from twisted.internet.address import IPv4Address, IPv6Address
from twisted.internet.error import DNSLookupError
from twisted.internet.interfaces import IHostnameResolver, IHostResolution, IResolutionReceiver
from twisted.internet.threads import deferToThread
from zope.interface import implementer

log = logging.getLogger(__name__)

NAT64 = ipaddress.ip_network("64:ff9b::/96")


def forbidden_reason(address: str | ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an IP address must not be fetched ("loopback", "private", ...), or None when
    it is a public unicast address. IPv4 addresses embedded in IPv6 are checked too."""
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return forbidden_reason(embedded)
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("non-public", not ip.is_global),
    )
    return next((name for name, hit in checks if hit), None)


def is_forbidden_address(address: str | ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return forbidden_reason(address) is not None


# host -> non-public addresses PrivateNetworkMiddleware let through for it (per process:
# Scrapy installs one resolver on the reactor for every crawler of the process).
_approved: dict[str, set[str]] = {}


# host -> why the connection refused its addresses last time (for a clear log line).
_refused: dict[str, str] = {}


def refused_at_connect(host: str) -> str | None:
    """Why the resolver last refused every address of `host` at connect time, or None."""
    return _refused.get(host.lower().rstrip("."))


def approve(host: str, address: str) -> None:
    """Let connections to `host` use the non-public `address` (a source allows its network)."""
    _approved.setdefault(host.lower().rstrip("."), set()).add(_bare(address))


def is_approved(host: str, address: str) -> bool:
    return _bare(address) in _approved.get(host.lower().rstrip("."), ())


def _bare(address: str) -> str:
    return str(ipaddress.ip_address(address.split("%", 1)[0]))


def parse_servers(value: str | Sequence[str] | None) -> list[tuple[str, int]]:
    """`["10.0.0.53:53", "[::1]:5353"]` or "a:53,b" -> [(host, port)]; port 53 by default."""
    items = value.split(",") if isinstance(value, str) else list(value or [])
    servers = []
    for item in (i.strip() for i in items):
        if not item:
            continue
        host, sep, port = item.rpartition(":")
        if not sep or host.count(":") and not host.startswith("["):
            host, port = item, "53"
        servers.append((host.strip("[]"), int(port)))
    return servers


def lookup(
    host: str, port: int, servers: list[tuple[str, int]], reactor: Any = None
) -> defer.Deferred:
    """Every address `host` resolves to (a Deferred firing with a sorted list of strings);
    fails with DNSLookupError when there is none."""
    try:
        return defer.succeed([_bare(host)])  # an IP literal is its own answer
    except ValueError:
        pass
    if servers:
        if reactor is None:
            from twisted.internet import reactor
        return defer.ensureDeferred(_lookup_dns(host, servers, reactor))

    def system() -> list[str]:
        try:
            infos = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise DNSLookupError(f"{host}: {exc}") from exc
        return sorted({info[4][0] for info in infos})

    return deferToThread(system)


_dns_clients: dict[tuple, Any] = {}


async def _lookup_dns(host: str, servers: list[tuple[str, int]], reactor: Any) -> list[str]:
    from twisted.names import client, dns
    from twisted.names.error import DNSNameError, DomainError

    # No answer cache on purpose: every lookup asks the server, as the connection's would.
    key = tuple(servers)
    resolver = _dns_clients.get(key)
    if resolver is None:
        resolver = _dns_clients[key] = client.Resolver(servers=servers, reactor=reactor)
    addresses: set[str] = set()
    for query in (resolver.lookupAddress, resolver.lookupIPV6Address):
        try:
            answers, _, _ = await query(host, timeout=(5,))
        except (DNSNameError, DomainError):
            continue
        for record in answers:
            if record.type == dns.A:
                addresses.add(record.payload.dottedQuad())
            elif record.type == dns.AAAA:
                addresses.add(socket.inet_ntop(socket.AF_INET6, record.payload.address))
    if not addresses:
        raise DNSLookupError(f"{host} does not resolve")
    return sorted(addresses)


@implementer(IHostResolution)
class _Resolution:
    def __init__(self, name: str):
        self.name = name

    def cancel(self) -> None:
        pass


@implementer(IHostnameResolver)
class GuardedResolver:
    """Resolves names and hands the connector only the addresses it may connect to."""

    def __init__(self, reactor: Any, servers: list[tuple[str, int]], allow_all: bool):
        self.reactor = reactor
        self.servers = servers
        self.allow_all = allow_all

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> GuardedResolver:
        # Scrapy passes the CrawlerProcess here: only its settings are read.
        settings = crawler.settings
        return cls(
            reactor,
            parse_servers(settings.get("TROOPWATCH_DNS_SERVERS")),
            settings.getbool("TROOPWATCH_ALLOW_PRIVATE_NETWORKS"),
        )

    def install_on_reactor(self) -> None:
        self.reactor.installNameResolver(self)

    def refusal(self, host: str, address: str) -> str | None:
        """Why `host` must not be reached at `address`, or None."""
        if self.allow_all or is_approved(host, address):
            return None
        return forbidden_reason(address.split("%", 1)[0])

    def resolveHostName(
        self,
        resolutionReceiver: IResolutionReceiver,
        hostName: str,
        portNumber: int = 0,
        addressTypes: Sequence[type] | None = None,
        transportSemantics: str = "TCP",
    ) -> IHostResolution:
        resolution = _Resolution(hostName)
        resolutionReceiver.resolutionBegan(resolution)
        d = lookup(hostName, portNumber, self.servers, self.reactor)

        def deliver(addresses: list[str]) -> None:
            refused = []
            for address in addresses:
                reason = self.refusal(hostName, address)
                if reason:
                    refused.append(f"{address}, a {reason} address")
                    continue
                kind = IPv6Address if ":" in address else IPv4Address
                if addressTypes is None or kind in addressTypes:
                    resolutionReceiver.addressResolved(kind("TCP", address, portNumber))
            key = hostName.lower().rstrip(".")
            if refused:
                _refused[key] = f"{hostName} resolved to {'; '.join(refused)}, at connect time"
                log.warning("refused to connect to %s at %s", hostName, "; ".join(refused))
            else:
                _refused.pop(key, None)

        def failed(failure) -> None:
            _refused.pop(hostName.lower().rstrip("."), None)  # not a refusal this time
            log.debug("cannot resolve %s: %s", hostName, failure.getErrorMessage())

        d.addCallbacks(deliver, failed)
        d.addBoth(lambda _: resolutionReceiver.resolutionComplete())
        return resolution
