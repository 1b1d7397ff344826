"""Sign-in to the professional space through an OpenID Connect provider (ProConnect's place),
against a real provider: django-oauth-toolkit with OpenID Connect on, served by the live server
(tests/oidc_provider.py). The portal is configured from the same environment variables as in
production (``portal.settings.openid_connect_providers``); discovery, the token exchange and
userinfo go over HTTP to the provider, the person's browser is a test client on each
side."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.utils import translation
from oauth2_provider.models import get_application_model

from portal.settings import openid_connect_providers
from tests import oidc_provider
from tests.factories.accounts import PASSWORD, person

LOGIN = "/fr/espace/compte/login/"
SPACE = "/fr/espace/"
PROVIDER_LOGIN = "/fr/espace/compte/oidc/proconnect/login/"
CALLBACK = "http://testserver/fr/espace/compte/oidc/proconnect/login/callback/"
CLIENT_ID = "portail-cncd"
CLIENT_SECRET = "secret-du-portail-pour-les-tests"
PROVIDER_PASSWORD = "mot-de-passe-chez-le-fournisseur"


@pytest.fixture
def provider(live_server, settings):
    """The provider, its client registration for the portal, and the portal configured for it."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    settings.ROOT_URLCONF = "tests.oidc_provider"
    settings.OAUTH2_PROVIDER = {
        "OIDC_ENABLED": True,
        "OIDC_RSA_PRIVATE_KEY": key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode(),
        "OAUTH2_VALIDATOR_CLASS": "tests.oidc_provider.ClaimsValidator",
        "PKCE_REQUIRED": True,
        "SCOPES": {
            "openid": "OpenID Connect",
            "email": "Adresse électronique",
            "given_name": "Prénom",
            "usual_name": "Nom d’usage",
        },
    }
    Application = get_application_model()
    Application.objects.create(
        name="Portail de la coopération décentralisée",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=CALLBACK,
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=True,
    )
    settings.SOCIALACCOUNT_PROVIDERS = openid_connect_providers(
        {
            "OIDC_SERVER_URL": live_server.url + "/test-oidc/o",
            "OIDC_CLIENT_ID": CLIENT_ID,
            "OIDC_CLIENT_SECRET": CLIENT_SECRET,
        }
    )
    oidc_provider.CLAIMS.clear()
    yield live_server
    oidc_provider.CLAIMS.clear()


def provider_person(username, **claims):
    """Someone the provider knows, with the claims it vouches for."""
    get_user_model().objects.create_user(username=username, password=PROVIDER_PASSWORD)
    oidc_provider.CLAIMS[username] = claims


def sign_in_through_provider(client, username):
    """Follow "ProConnect" on the space's sign-in page, sign in at the provider, come back.
    Returns the portal's answer to the callback."""
    with translation.override("fr"):
        page = client.get(LOGIN)
    assert page.status_code == 200
    link = re.search(r'<a class="fr-btn[^"]*" href="([^"]+)">Se connecter avec ProConnect</a>', page.content.decode())
    assert link is not None
    assert link.group(1).startswith(PROVIDER_LOGIN)
    confirm = client.get(link.group(1).replace("&amp;", "&"))
    assert confirm.status_code == 200
    to_provider = client.post(PROVIDER_LOGIN)
    assert to_provider.status_code == 302
    authorize = urlsplit(to_provider["Location"])
    assert authorize.path == "/test-oidc/o/authorize/"
    query = parse_qs(authorize.query)
    assert query["client_id"] == [CLIENT_ID]
    assert query["redirect_uri"] == [CALLBACK]
    assert query["code_challenge_method"] == ["S256"]

    # The person's browser at the provider: not signed in there yet, sent to its sign-in page.
    at_provider = Client()
    authorize_path = f"{authorize.path}?{authorize.query}"
    asked = at_provider.get(authorize_path)
    assert asked.status_code == 302
    assert asked["Location"].startswith("/test-oidc/login/")
    signed_in = at_provider.post(asked["Location"], {"username": username, "password": PROVIDER_PASSWORD})
    assert signed_in.status_code == 302
    back = at_provider.get(signed_in["Location"])
    assert back.status_code == 302
    callback = urlsplit(back["Location"])
    assert f"http://testserver{callback.path}" == CALLBACK
    assert "code" in parse_qs(callback.query)

    # Back at the portal: allauth exchanges the code with the provider (HTTP) and signs in.
    return client.get(f"{callback.path}?{callback.query}")


def signed_in_user(client):
    return get_user_model().objects.filter(pk=client.session.get("_auth_user_id")).first()


def test_a_person_signs_in_with_the_provider_and_comes_back_to_the_same_account(provider, client):
    provider_person(
        "awa.diop",
        email="awa.diop@mairie-exemple.fr",
        email_verified=True,
        given_name="Awa",
        usual_name="Diop",
    )
    answer = sign_in_through_provider(client, "awa.diop")
    assert answer.status_code == 302
    assert answer["Location"] == SPACE
    user = signed_in_user(client)
    assert user is not None
    assert (user.email, user.first_name, user.last_name) == ("awa.diop@mairie-exemple.fr", "Awa", "Diop")
    address = EmailAddress.objects.get(user=user)
    assert (address.email, address.verified, address.primary) == ("awa.diop@mairie-exemple.fr", True, True)
    account = SocialAccount.objects.get(user=user)
    assert account.provider == "proconnect"
    # The id_token was read and checked (issuer, audience), the claims came from userinfo.
    assert account.extra_data["id_token"]["iss"] == provider.url + "/test-oidc/o"
    assert account.extra_data["id_token"]["aud"] == CLIENT_ID
    assert account.extra_data["userinfo"]["usual_name"] == "Diop"
    with translation.override("fr"):
        space = client.get(SPACE)
    assert space.status_code == 200
    assert "Connecté en tant que Awa Diop" in space.content.decode()

    # A second sign-in, from a fresh browser, reaches the same account.
    again = Client()
    answer = sign_in_through_provider(again, "awa.diop")
    assert answer.status_code == 302
    assert answer["Location"] == SPACE
    assert signed_in_user(again) == user
    assert get_user_model().objects.filter(email="awa.diop@mairie-exemple.fr").count() == 1
    assert SocialAccount.objects.filter(provider="proconnect").count() == 1


def test_an_address_the_provider_vouches_for_reaches_the_existing_account(provider, client):
    existing = person("agent@ambafrance-exemple.org")
    provider_person("lea.martin", email="agent@ambafrance-exemple.org", email_verified=True, given_name="Léa")
    answer = sign_in_through_provider(client, "lea.martin")
    assert answer.status_code == 302
    assert signed_in_user(client) == existing
    assert SocialAccount.objects.get(provider="proconnect").user == existing
    assert get_user_model().objects.filter(email__iexact="agent@ambafrance-exemple.org").count() == 1
    # The account keeps working with its password.
    assert Client().post(LOGIN, {"login": "agent@ambafrance-exemple.org", "password": PASSWORD}).status_code == 302


def test_an_address_the_provider_does_not_vouch_for_never_reaches_an_existing_account(provider, client):
    existing = person("agent@ambafrance-exemple.org")
    provider_person("usurpateur", email="agent@ambafrance-exemple.org", email_verified=False)
    with translation.override("fr"):
        answer = sign_in_through_provider(client, "usurpateur")
    assert signed_in_user(client) is None
    assert not SocialAccount.objects.filter(user=existing).exists()
    # No account is created or signed in; the person is told to check the address, and its
    # owner receives allauth's "this account already exists" notice (no enumeration).
    assert answer.status_code == 302
    with translation.override("fr"):
        page = client.get(answer["Location"])
    assert "Vérifiez votre adresse e-mail" in page.content.decode()
    assert signed_in_user(client) is None
    assert not SocialAccount.objects.exists()
    assert get_user_model().objects.filter(email__iexact="agent@ambafrance-exemple.org").count() == 1
    assert [(message.to, message.subject) for message in mail.outbox] == [
        (["agent@ambafrance-exemple.org"], "Ce compte existe déjà")
    ]


def test_a_new_address_the_provider_does_not_vouch_for_is_verified_first(provider, client):
    provider_person("nouvel.agent", email="nouvel.agent@prefecture-exemple.gouv.fr", email_verified=False)
    answer = sign_in_through_provider(client, "nouvel.agent")
    assert answer.status_code == 302
    assert signed_in_user(client) is None
    address = EmailAddress.objects.get(email="nouvel.agent@prefecture-exemple.gouv.fr")
    assert not address.verified
    assert [message.to for message in mail.outbox] == [["nouvel.agent@prefecture-exemple.gouv.fr"]]
    # The link of the e-mail verifies the address, then the provider signs the person in.
    link = re.search(r"http://testserver(/fr/espace/compte/confirm-email/[^\s]+)", mail.outbox[0].body).group(1)
    assert client.post(link).status_code == 302
    answer = sign_in_through_provider(Client(), "nouvel.agent")
    assert answer["Location"] == SPACE


def test_a_portal_that_the_provider_does_not_recognise_signs_nobody_in(provider, client, settings):
    provider_person("awa.diop", email="awa.diop@mairie-exemple.fr", email_verified=True)
    settings.SOCIALACCOUNT_PROVIDERS = openid_connect_providers(
        {
            "OIDC_SERVER_URL": provider.url + "/test-oidc/o",
            "OIDC_CLIENT_ID": CLIENT_ID,
            "OIDC_CLIENT_SECRET": "pas-le-bon-secret",
        }
    )
    with translation.override("fr"):
        answer = sign_in_through_provider(client, "awa.diop")
    # The provider refuses the token request (wrong client secret): allauth's error page, a 4xx.
    assert answer.status_code == 401
    assert "Échec de la connexion via réseau social" in answer.content.decode()
    assert signed_in_user(client) is None
    assert not get_user_model().objects.filter(email="awa.diop@mairie-exemple.fr").exists()
