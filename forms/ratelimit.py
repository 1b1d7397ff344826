"""Per-IP rate limit of the public forms, counted in Django's cache (shared through Redis in
production, per process with the local-memory cache).

When Redis is unreachable the cache answers as an empty one (portal/cache.py, which logs a
warning): every count is 1 and every submission goes through. Failing open is deliberate: a
submission is never refused because the counter is away; the captcha and honeypot still apply."""

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse


def client_ip(request):
    """The client's address: REMOTE_ADDR, or the proxy's header when INTAKE_CLIENT_IP_HEADER is set."""
    header = settings.INTAKE_CLIENT_IP_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


def hit(request, scope="intake"):
    """Count one submission from this client; True when it goes over the limit."""
    key = f"ratelimit:{scope}:{client_ip(request)}"
    window = settings.INTAKE_RATE_LIMIT_WINDOW
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > settings.INTAKE_RATE_LIMIT


def too_many_requests(request, context=None):
    """The translated 429 page, with the delay after which the client may try again."""
    minutes = max(1, settings.INTAKE_RATE_LIMIT_WINDOW // 60)
    response = TemplateResponse(
        request, "forms/rate_limited.html", {**(context or {}), "retry_minutes": minutes}, status=429
    )
    response["Retry-After"] = str(settings.INTAKE_RATE_LIMIT_WINDOW)
    return response
