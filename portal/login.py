"""The page shown when django-axes refuses a login attempt (``AXES_LOCKOUT_CALLABLE``).

django-axes (settings: ``AXES_*``) counts failed logins per user name *and* client address
(portal/client.py) in the database, whichever view authenticates: the Wagtail admin login, the
private-page login (``/<language>/_util/login/``) or any sign-in view added later, since it is an
authentication backend and a signal receiver, not a form. Once ``LOGIN_MAX_FAILURES`` is reached
for a pair, that pair is refused for ``LOGIN_LOCK_SECONDS``, even with the right password; a
success before that clears the count. Staff see the lock-outs in the admin (Settings → Login
lock-outs) and lift one there or with ``manage.py axes_reset_username`` (README, "Security").
"""

from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    """The translated lock-out page (HTTP 429), in the language of the request."""
    minutes = max(1, settings.LOGIN_LOCK_SECONDS // 60)
    # Rendered at once: it replaces the login view's response on the way out (axes' middleware).
    response = render(request, "login_locked.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(settings.LOGIN_LOCK_SECONDS)
    return response
