from django.urls import include, path
from django.utils.translation import pgettext_lazy

from alerts import views

app_name = "alerts"

# Translated segments (/fr/alertes/gerer/…, /es/alertas/gestionar/…), literal for makemessages;
# the tokens follow as untranslated segments.
manage = [
    path("", views.manage, name="manage"),
    path(pgettext_lazy("URL path", "data/"), views.download_data, name="data"),
]

urlpatterns = [
    path(
        pgettext_lazy("URL path", "alerts/"),
        include(
            [
                path("", views.subscribe, name="subscribe"),
                path(pgettext_lazy("URL path", "sent/"), views.sent, name="sent"),
                path(pgettext_lazy("URL path", "space/"), views.space, name="space"),
                path(
                    pgettext_lazy("URL path", "confirm/"),
                    include([path("<str:signed>/", views.confirm, name="confirm")]),
                ),
                path(pgettext_lazy("URL path", "manage/"), include([path("<str:token>/", include(manage))])),
                path(
                    pgettext_lazy("URL path", "unsubscribe/"),
                    include([path("<str:token>/", views.unsubscribe, name="unsubscribe")]),
                ),
            ]
        ),
    ),
]
