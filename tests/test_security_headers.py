"""Security headers on public pages, and what production mode turns on."""

import subprocess
import sys

import pytest

pytestmark = pytest.mark.django_db


def test_public_pages_send_security_headers(client, site_tree):
    response = client.get("/fr/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "sessionid" not in response.cookies  # anonymous visitors get no session cookie


def test_production_mode_turns_on_https_only_settings():
    code = (
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY)"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DJANGO_ENV": "production",
            "ALLOWED_HOSTS": "portal.example.org",
            "SECRET_KEY": "k3y-" + "x9Q!z" * 12,
        },
        capture_output=True,
        text=True,
    )
    assert result.stdout.split() == ["False", "True", "31536000", "True", "True", "True"], result.stderr
