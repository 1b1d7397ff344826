"""A second factor (TOTP, django-allauth's mfa) is mandatory for staff who can see personal data.

Staff holding a ``view_*_personal_data`` permission of the intake (the "Instructeurs"), and
superusers, reach the Wagtail admin only when their session was opened with a TOTP code: without
an authenticator they are sent to set one up; with one but signed in by password alone (the
Wagtail login form), they are signed out and sent to the space's sign-in, which asks for the
code. On when ``STAFF_MFA_REQUIRED`` is (by default in production).
"""

from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from forms.models import PERSONAL_DATA_PERMISSIONS

OPEN_ADMIN_PATHS = ("/admin/login/", "/admin/logout/", "/admin/password_reset/")


def needs_second_factor(user):
    if not user.is_authenticated:
        return False
    return user.is_superuser or any(user.has_perm(permission) for permission in PERSONAL_DATA_PERMISSIONS.values())


def has_totp(user):
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def signed_in_with_second_factor(request):
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            getattr(settings, "STAFF_MFA_REQUIRED", False)
            and request.path_info.startswith("/admin/")
            and not request.path_info.startswith(OPEN_ADMIN_PATHS)
            and needs_second_factor(request.user)
        ):
            if not has_totp(request.user):
                messages.warning(
                    request,
                    _("Your account can see personal data: set up a second factor (TOTP) to open the admin."),
                )
                return redirect(reverse("mfa_activate_totp"))
            if not signed_in_with_second_factor(request):
                logout(request)
                return redirect(reverse("account_login") + "?" + urlencode({"next": request.get_full_path()}))
        return self.get_response(request)
