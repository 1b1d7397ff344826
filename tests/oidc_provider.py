"""A real OpenID Connect provider for the tests (django-oauth-toolkit), standing in for ProConnect.

Only the tests mount it: `tests/test_accounts_oidc.py` switches ROOT_URLCONF to this module, which
serves the provider under /test-oidc/ next to the portal's own URLs, on pytest-django's live
server. The people it knows and the claims it vouches for are in ``CLAIMS`` (user name at the
provider → claims), so the provider's users never share an e-mail address with the portal's.
"""

from django.contrib.auth import authenticate, login
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import include, path
from django.utils.http import url_has_allowed_host_and_scheme
from oauth2_provider.oauth2_validators import OAuth2Validator
from oauth2_provider.views import AuthorizationView

from portal.urls import urlpatterns as portal_urlpatterns

PREFIX = "/test-oidc/"
CLAIMS: dict[str, dict] = {}


class ClaimsValidator(OAuth2Validator):
    # Every claim is released (ProConnect's given_name and usual_name are scopes of their own).
    oidc_claim_scope = None

    def get_additional_claims(self, request):
        return CLAIMS.get(request.user.get_username(), {})


class ProviderAuthorizationView(AuthorizationView):
    login_url = PREFIX + "login/"


def provider_login(request):
    """The provider's own sign-in page (user name and password)."""
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = PREFIX
    if request.method == "POST":
        user = authenticate(request, username=request.POST.get("username"), password=request.POST.get("password"))
        if user is not None:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return HttpResponseRedirect(next_url)
        return HttpResponse("Identifiants incorrects", status=401)
    return HttpResponse(
        '<form method="post"><input name="username"><input name="password" type="password">'
        "<button>Se connecter</button></form>"
    )


urlpatterns = [
    path("test-oidc/login/", provider_login, name="test_oidc_login"),
    path("test-oidc/o/authorize/", ProviderAuthorizationView.as_view()),
    path("test-oidc/o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
    *portal_urlpatterns,
]
