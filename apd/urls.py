from django.urls import path

from apd import views

app_name = "apd"

urlpatterns = [
    path("", views.home, name="home"),
    path("<int:authority_pk>/<int:year>/", views.declare, name="declare"),
    path("declarations/<str:reference>/", views.declaration_detail, name="declaration"),
    path("declarations/<str:reference>/<int:number>/recu.pdf", views.receipt, name="receipt"),
]
