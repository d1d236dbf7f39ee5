"""Which URLs citebot may fetch: http(s) only, and never a private, loopback or link-local
address (server-side request forgery) unless the operator allows it.

The check is made on the addresses a name resolves to, not on the name: `localhost`, a
decimal `2130706433` or a public-looking name pointed at 10.0.0.1 are all caught. The
caller connects to the very address returned here, so a name that resolves differently
a moment later (DNS rebinding) cannot slip through.
"""

from __future__ import annotations

import ipaddress
import socket

import httpx

from .shared.errors import FetchError


def parse_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise FetchError("not a valid URL") from exc
    if parsed.scheme not in ("http", "https"):
        raise FetchError("only http and https URLs can be fetched")
    if not parsed.host:
        raise FetchError("the URL has no host name")
    return parsed


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is loopback too
    return ip.is_global and not ip.is_multicast


def resolve(host: str, port: int, allow_private: bool) -> str:
    """The IP to connect to. Every address the name resolves to must be public: a name
    with one public and one private address could otherwise be steered to the private one."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"the host name {host} does not resolve", transient=True) from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not allow_private:
        for address in addresses:
            if not is_public(address):
                raise FetchError(
                    f"{host} is a private, loopback or link-local address ({address}); "
                    "refused (CITEBOT_ALLOW_PRIVATE_URLS=1 allows it)"
                )
    return addresses[0]
