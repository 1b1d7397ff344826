"""The local demo accounts, one per group (``data/accounts.yaml``; the README lists them)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured

from demo.loader import read

# username, password, group (None for the superuser), superuser
DEMO_ACCOUNTS = [
    (account["username"], account["password"], account.get("group"), account.get("superuser", False))
    for account in read("accounts")["accounts"]
]


def ensure_demo_accounts():
    """Create the demo accounts or give them their documented password back. They have public
    passwords: refused in production mode."""
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Demo accounts have public passwords: they are refused in production mode.")
    User = get_user_model()
    for username, password, group_name, is_superuser in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@example.org", "first_name": username.capitalize()},
        )
        user.is_superuser = user.is_staff = is_superuser
        user.set_password(password)
        user.save()
        if group_name:
            user.groups.set([Group.objects.get(name=group_name)])
