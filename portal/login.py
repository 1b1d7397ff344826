"""Admin login throttling: after repeated failures an account is locked for a while.

Failures are counted per user name and per client address in the cache (shared through Redis in
production), so neither guessing one account's password nor spraying many accounts from one
address works. A successful login clears the user name's count.

When Redis is unreachable the cache answers as an empty one (portal/cache.py, which logs a
warning): failures are not counted and no account locks, but the password is still checked.
Staff keep access to the admin during an outage rather than being locked out.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

MAX_FAILURES = getattr(settings, "ADMIN_LOGIN_MAX_FAILURES", 5)
LOCK_SECONDS = getattr(settings, "ADMIN_LOGIN_LOCK_SECONDS", 15 * 60)


def keys(request, username):
    address = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    return [f"login-failures:user:{username.strip().lower()}", f"login-failures:ip:{address}"]


def is_locked(request, username):
    """Locked after MAX_FAILURES for one user name, or four times as many from one address
    (several people behind one office gateway may each mistype)."""
    user_key, address_key = keys(request, username)
    counts = cache.get_many([user_key, address_key])
    return counts.get(user_key, 0) >= MAX_FAILURES or counts.get(address_key, 0) >= 4 * MAX_FAILURES


def record_failure(request, username):
    for key in keys(request, username):
        cache.add(key, 0, LOCK_SECONDS)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, LOCK_SECONDS)


class ThrottledLoginForm(LoginForm):
    """Wagtail's login form that refuses to check passwords while an account is locked."""

    error_messages = {
        **LoginForm.error_messages,
        "locked": _("Too many failed attempts: this account is locked for %(minutes)s minutes. Try again later."),
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if is_locked(self.request, username):
            raise ValidationError(self.error_messages["locked"], code="locked", params={"minutes": LOCK_SECONDS // 60})
        try:
            return super().clean()
        except ValidationError:
            record_failure(self.request, username)
            raise


@receiver(user_logged_in)
def clear_failures(sender, request, user, **kwargs):
    cache.delete(keys(request, user.get_username())[0])
