"""The client's address, the one way the whole project reads it.

Behind a reverse proxy every request comes from the proxy's address (``REMOTE_ADDR``), so the
per-address limits (the login lock-out of django-axes, the intake forms' rate limit) would put
every visitor in one bucket. ``CLIENT_IP_HEADER`` names the request header that the proxy sets to
the address it saw (``HTTP_X_REAL_IP`` with nginx's ``proxy_set_header X-Real-IP $remote_addr``,
or ``HTTP_X_FORWARDED_FOR``). The header is trusted only as far as the proxy sets it:

- for a list such as ``X-Forwarded-For: <what the client sent>, <what the proxy saw>``, the
  right-most entry is taken, the one the proxy appended (a client can write anything on the
  left, and would otherwise pick a new address for each guess);
- a value that is not an IP address is ignored (``REMOTE_ADDR`` is used);
- the application must only be reachable through the proxy (bind gunicorn to 127.0.0.1 or a
  private network), otherwise anyone can send the header themselves.

Without ``CLIENT_IP_HEADER`` the header is ignored and ``REMOTE_ADDR`` is the address.
"""

import ipaddress

from django.conf import settings


def meta_key(header: str) -> str:
    """``X-Real-IP``, ``x_real_ip`` or ``HTTP_X_REAL_IP``: the ``request.META`` key."""
    key = header.strip().upper().replace("-", "_")
    if key and key != "REMOTE_ADDR" and not key.startswith("HTTP_"):
        key = f"HTTP_{key}"
    return key


def valid_address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The client's address: the trusted proxy header's when configured, else ``REMOTE_ADDR``
    (``None`` only for a request without one, which no real server sends)."""
    header = meta_key(getattr(settings, "CLIENT_IP_HEADER", "") or "")
    if header:
        entries = [entry for entry in request.META.get(header, "").split(",") if entry.strip()]
        if entries:
            address = valid_address(entries[-1])
            if address:
                return address
    return request.META.get("REMOTE_ADDR") or None
