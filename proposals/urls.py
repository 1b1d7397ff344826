from django.urls import path

from proposals import views

app_name = "proposals"

urlpatterns = [
    path(
        "organisations/<int:organisation_pk>/projets/<int:project_pk>/",
        views.propose_change,
        name="propose_change",
    ),
    path("organisations/<int:organisation_pk>/nouveau/", views.propose_new, name="propose_new"),
    path("<int:pk>/", views.proposal_detail, name="detail"),
]
