"""Per-address rate limit of the public forms, counted in Django's cache (shared through Redis in
production, per process with the local-memory cache).

What counts is what costs or abuses: an accepted submission and a wrong captcha answer (someone
guessing captchas). A post refused for a missing or invalid field is not counted, so that a few
junk posts from a shared address (an embassy, a town hall) never block the colleague who then
fills the form in properly. The address is the project's one ``portal.client.client_ip``.

When Redis is unreachable the cache answers as an empty one (portal/cache.py, which logs a
warning): nothing is counted and every submission goes through. Failing open is deliberate: a
submission is never refused because the counter is away; the captcha and honeypot still apply."""

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse

from portal.client import client_ip


def key(request, scope):
    return f"ratelimit:{scope}:{client_ip(request)}"


def is_limited(request, scope="intake"):
    """True when this client already used up its submissions of the window."""
    return (cache.get(key(request, scope)) or 0) >= settings.INTAKE_RATE_LIMIT


def count(request, scope="intake"):
    """Count one accepted submission or one failed captcha from this client."""
    name = key(request, scope)
    window = settings.INTAKE_RATE_LIMIT_WINDOW
    cache.add(name, 0, timeout=window)
    try:
        cache.incr(name)
    except ValueError:  # expired between add and incr (or Redis is down)
        cache.set(name, 1, timeout=window)


def too_many_requests(request, context=None):
    """The translated 429 page, with the delay after which the client may try again."""
    minutes = max(1, settings.INTAKE_RATE_LIMIT_WINDOW // 60)
    response = TemplateResponse(
        request, "forms/rate_limited.html", {**(context or {}), "retry_minutes": minutes}, status=429
    )
    response["Retry-After"] = str(settings.INTAKE_RATE_LIMIT_WINDOW)
    return response
