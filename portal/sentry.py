"""What the portal lets Sentry send: errors without the visitors' personal data.

The intake forms collect names, e-mail addresses and phone numbers, and the reviewers search
records by name in the admin: neither request bodies, query strings, cookies nor identifying
headers leave the server. settings.py also turns off ``send_default_pii``, request body capture
and local variables in stack frames.
"""

# Headers that say what kind of request failed without saying who sent it.
SAFE_HEADERS = frozenset({"accept", "accept-language", "content-length", "content-type", "host", "user-agent"})


def scrub_event(event, hint):
    """Sentry's ``before_send``: remove the request's body, query string, cookies, environment and
    headers other than SAFE_HEADERS, and any user information."""
    request = event.get("request")
    if isinstance(request, dict):
        for field in ("data", "query_string", "cookies", "env"):
            request.pop(field, None)
        headers = request.get("headers")
        if isinstance(headers, dict):
            request["headers"] = {name: value for name, value in headers.items() if name.lower() in SAFE_HEADERS}
    event.pop("user", None)
    return event
