from django.urls import path

from applications import views

app_name = "applications"

urlpatterns = [
    path("", views.index, name="index"),
    path("referentiel/collectivites/", views.french_authorities, name="french_authorities"),
    path("referentiel/partenaires/", views.partner_authorities, name="partner_authorities"),
    path("appels/<int:call_pk>/candidater/", views.start, name="start"),
    path("appels/<int:call_pk>/candidatures.xlsx", views.export_xlsx, name="export"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/modifier/", views.edit, name="edit"),
    path("<int:pk>/recepisse/", views.receipt, name="receipt"),
    path("<int:pk>/pieces-jointes/", views.upload_attachment, name="upload_attachment"),
    path("<int:pk>/pieces-jointes/<int:document_pk>/", views.attachment, name="attachment"),
    path("<int:pk>/pieces-jointes/<int:document_pk>/supprimer/", views.remove_attachment, name="remove_attachment"),
    path("<int:pk>/avis/", views.opinion, name="opinion"),
    path("<int:pk>/message/", views.message, name="message"),
    path("<int:pk>/note/", views.note, name="note"),
    path("<int:pk>/pieces/", views.pieces, name="pieces"),
    path("<int:pk>/notation/", views.score, name="score"),
    path("<int:pk>/decision/", views.decision, name="decision"),
]
