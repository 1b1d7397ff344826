from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.home, name="home"),
    path("organisations/rejoindre/", views.join, name="join"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation"),
    path("adhesions/<int:pk>/decision/", views.decide, name="decide"),
    path("organisations/<int:organisation_pk>/offres/nouvelle/", views.offer_create, name="offer_create"),
    path("offres/<str:reference>/", views.offer_detail, name="offer"),
    path("offres/<str:reference>/modifier/", views.offer_edit, name="offer_edit"),
    path("expe-ct/<str:reference>/", views.label_request_detail, name="label_request"),
    path("reclamer/<str:reference>/", views.claim, name="claim"),
    path("mes-donnees/", views.download_data, name="download_data"),
    path("supprimer-mon-compte/", views.delete_account, name="delete_account"),
]
