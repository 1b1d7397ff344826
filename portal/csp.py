"""Content-Security-Policy through django-csp 4: a strict nonce policy for the public site, an
explicit policy of its own for the Wagtail admin.

**Public site** (``CONTENT_SECURITY_POLICY`` in the settings): scripts only from this origin or,
inline, with the request's nonce (``request.csp_nonce``, django-csp's lazy nonce: it is created,
and put in the header, only when a template uses it). The public templates have no inline script;
DSFR's loader receives the nonce (``{% dsfr_js nonce=request.csp_nonce %}``). No inline event
handler (``script-src-attr 'none'``), no plugin, frames only from ``CSP_FRAME_SOURCES``, images
also from the map tile host (read from ``INTAKE_MAP_TILE_URL`` at each request),
``frame-ancestors 'none'``. The page cache (portal/pagecache.py) puts the current request's nonce
in place of the stored one when it replays a page.

**Admin** (``ADMIN_CONTENT_SECURITY_POLICY``): Wagtail 8 still renders inline scripts of its own
whose text depends on the form being shown, so that neither a hash nor a nonce written by Wagtail
covers them: ``InlinePanel`` and ``MultipleChooserPanel`` set-ups (``new InlinePanel(...)``), the
date and time widgets (``initDateChooser("id_…", {...})``), the chooser widgets
(``BaseChooser.render``), the search promotions forms and wagtail-localize's translation editor
(``window.chooserUrls``). The former middleware gave *every* ``<script>`` of an admin response the
nonce, injected ones included, so there the nonce protected nothing while claiming to. The admin
now says what it allows: inline scripts (``'unsafe-inline'``, and no nonce, which would switch it
off), and otherwise what the public site allows: scripts from this origin only, no inline event
handler, no ``eval``, no plugin, no other origin for scripts, styles, fonts or connections,
``base-uri``/``form-action`` 'self', and no framing. Protection against markup injected into the
admin rests, as before, on Wagtail's escaping (tests/test_intake_admin.py checks it for the
submitted records).

**Previews** of pages and snippets in the admin render public templates: they get the public
policy (DSFR's loader carries the nonce, anything else inline is refused), with
``frame-ancestors 'self'`` so that the editor can show them in its preview panel. They are told
apart by Wagtail's dummy preview request, or the ``X-Frame-Options: SAMEORIGIN`` that its preview
views set, which is why this middleware sits above ``XFrameOptionsMiddleware``.
"""

from urllib.parse import urlsplit

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings

ADMIN_PREFIX = "/admin/"


def source_of(url: str) -> str | None:
    """The scheme and host of a URL template such as the map tile URL (``None`` if relative)."""
    parts = urlsplit(url.replace("{s}", "a"))
    if not parts.scheme or not parts.netloc:
        return None
    host = parts.netloc
    if "{s}" in url:
        host = "*." + host.split(".", 1)[1]
    return f"{parts.scheme}://{host}"


def is_preview(request, response) -> bool:
    """Wagtail renders a preview through the whole middleware chain again, with a dummy request
    for the page's public URL (``Page.make_preview_request``); its outer admin view marks the
    response ``X-Frame-Options: SAMEORIGIN``. The policy is set on the inner response, where the
    template's nonce is known, and kept by the outer pass (an existing header is never replaced)."""
    return getattr(request, "is_dummy", False) or response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware choosing the admin's or the public policy for each response."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        configured = settings.CONTENT_SECURITY_POLICY_REPORT_ONLY if report_only else settings.CONTENT_SECURITY_POLICY
        if not configured or parts.config is not None:  # no policy of this kind, or a view's own
            return parts
        replace = dict(parts.replace or {})
        update = dict(parts.update or {})
        preview = is_preview(request, response)
        if request.path_info.startswith(ADMIN_PREFIX) and not preview:
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
            parts.nonce = None
        if preview:
            replace["frame-ancestors"] = [SELF]
        tile_source = source_of(settings.INTAKE_MAP_TILE_URL or "")
        if tile_source:
            update["img-src"] = [*update.get("img-src", []), tile_source]
        parts.replace, parts.update = replace or None, update or None
        return parts
