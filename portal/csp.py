"""Content-Security-Policy with a fresh nonce per request.

Django 5.2 has no built-in CSP, so this middleware sets the header itself. Scripts run only from
this origin or, inline, with the request's nonce (``request.csp_nonce``): the public templates
have no inline script at all, and DSFR's loader receives the nonce (``{% dsfr_js nonce=… %}``).

The Wagtail admin still emits a few inline scripts of its own (date pickers, inline panels,
chooser widgets, wagtail-localize screens) without a nonce. For admin HTML responses only, the
middleware gives those server-rendered ``<script>`` elements the request's nonce, so the policy
is the same everywhere and still refuses inline event handlers, ``javascript:`` URLs, eval and
scripts from any other origin (see README, "Security").

``frame-ancestors`` follows ``X-Frame-Options``: ``'none'`` everywhere except the views Wagtail
marks ``SAMEORIGIN`` (the page preview shown inside the editor). This middleware must therefore
sit above ``XFrameOptionsMiddleware`` in ``MIDDLEWARE``.
"""

import re
import secrets
from urllib.parse import urlsplit

from django.conf import settings

ADMIN_PREFIX = "/admin/"
ADMIN_SCRIPT_TAG = re.compile(rb"<script(?![^>]*\bnonce=)(?=[\s>])")


def source_of(url: str) -> str | None:
    """The scheme and host of a URL template such as the map tile URL (``None`` if relative)."""
    parts = urlsplit(url.replace("{s}", "a"))
    if not parts.scheme or not parts.netloc:
        return None
    host = parts.netloc
    if "{s}" in url:
        host = "*." + host.split(".", 1)[1]
    return f"{parts.scheme}://{host}"


def build_policy(nonce: str, frame_ancestors: str) -> str:
    extra_img = [src for src in [source_of(settings.INTAKE_MAP_TILE_URL or "")] if src]
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", f"'nonce-{nonce}'"],
        "script-src-attr": ["'none'"],
        # DSFR, Leaflet and the admin set style attributes; styles cannot run code.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *extra_img],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'self'", *settings.CSP_FRAME_SOURCES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": [frame_ancestors],
    }
    if settings.CSP_REPORT_URI:
        directives["report-uri"] = [settings.CSP_REPORT_URI]
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(18)
        response = self.get_response(request)
        if "Content-Security-Policy" in response:
            return response
        if request.path_info.startswith(ADMIN_PREFIX) and not getattr(response, "streaming", False):
            self.add_nonce_to_admin_scripts(request, response)
        same_origin = response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"
        header = "Content-Security-Policy-Report-Only" if settings.CSP_REPORT_ONLY else "Content-Security-Policy"
        response[header] = build_policy(request.csp_nonce, "'self'" if same_origin else "'none'")
        return response

    @staticmethod
    def add_nonce_to_admin_scripts(request, response):
        """Nonce the admin's own inline scripts: in its HTML pages, and in the HTML its modal
        dialogs receive inside JSON (where the attribute's quotes are escaped)."""
        content_type = response.get("Content-Type", "")
        if content_type.startswith("text/html"):
            attribute = f'<script nonce="{request.csp_nonce}"'
        elif content_type.startswith("application/json"):
            attribute = f'<script nonce=\\"{request.csp_nonce}\\"'
        else:
            return
        replacement = attribute.encode()
        response.content = ADMIN_SCRIPT_TAG.sub(lambda _match: replacement, response.content)
        if response.has_header("Content-Length"):  # set by CommonMiddleware on the way out
            response["Content-Length"] = str(len(response.content))
