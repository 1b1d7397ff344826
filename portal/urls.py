from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import page_routing
from portal.admin_pages import create_page
from portal.health import health
from portal.sitemap import LocalizedSitemap
from portal.views import robots_txt


def sitemap_view(request):
    return sitemap(request, sitemaps={"pages": LocalizedSitemap(request)})


urlpatterns = [
    # Wagtail's add view, with a slug taken meanwhile as a form error (portal/admin_pages.py).
    path(
        "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/",
        create_page,
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("captcha/", include("captcha.urls")),
    path("sitemap.xml", sitemap_view, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("health/", health, name="health"),
]

# Every public page lives under its language prefix: /fr/, /en/, /es/, /ar/.
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include("news.urls")),
    path("", include("calls.urls")),
    path("", include("forms.urls")),
    # E-mail alerts (alerts/): /fr/alertes/, /es/alertas/…
    path("", include("alerts.urls")),
    # The professional space and its sign-in (accounts/): /fr/espace/, /fr/espace/compte/login/…
    path("espace/compte/", include("allauth.urls")),
    path("espace/candidatures/", include("applications.urls")),
    path("espace/apd/", include("apd.urls")),
    path("espace/propositions/", include("proposals.urls")),
    path("espace/", include("accounts.urls")),
    # Wagtail's pages, found by portal.page_routing (one query for the whole path).
    path("", include([p for p in wagtail_urls.urlpatterns if getattr(p, "name", None) != "wagtail_serve"])),
    re_path(wagtail_urls.serve_pattern, page_routing.serve, name="wagtail_serve"),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static  # lazy: serving uploads is for development only

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
