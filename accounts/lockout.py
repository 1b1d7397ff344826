"""One lock-out for every login path (django-axes, settings ``AXES_*``).

The Wagtail admin and private pages send a user name (``username``); the professional space's
sign-in (django-allauth) sends an e-mail address (``email`` in the credentials, ``login`` in the
form). Both are brought back to the account's user name when the account exists, so that failed
attempts on either path count together against the same account and address, and a lock-out
applies to both.
"""

from django.contrib.auth import get_user_model


def submitted_identifier(request, credentials):
    if credentials:
        for key in ("username", "email", "login"):
            if credentials.get(key):
                return str(credentials[key])
    data = getattr(request, "POST", None) or {}
    for key in ("username", "login", "email"):
        if data.get(key):
            return str(data[key])
    return ""


def login_identifier(request, credentials):
    """The user name that the attempt aims at (``AXES_USERNAME_CALLABLE``)."""
    identifier = submitted_identifier(request, credentials).strip()
    if "@" in identifier:
        users = get_user_model().objects.filter(email__iexact=identifier).order_by("pk")
        username = users.values_list("username", flat=True).first()
        return username or identifier.lower()
    return identifier
