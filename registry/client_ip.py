"""The client's address, as the login lockout and the corrections form's rate limit count it.

Behind TRUSTED_PROXY_COUNT proxies (a load balancer, nginx), each of them appends the address
it received the request from to X-Forwarded-For, so the client's address is the entry the
outermost trusted proxy appended: the TRUSTED_PROXY_COUNT-th from the right. Entries to its
left came from the client and can be anything. With no trusted proxy, or a header shorter than
the proxies, it is REMOTE_ADDR.

(django-axes would ask django-ipware, which is not installed: without it, axes counts
REMOTE_ADDR, the proxy's address, so one visitor's failed logins locked every visitor out, and
the corrections limit was shared by all.)
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def client_address(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR") or None
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [item.strip() for item in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [item for item in forwarded if item]
    if len(forwarded) < proxies:
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote  # not an address: a proxy that does not append what we expect
