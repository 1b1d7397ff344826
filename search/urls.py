from django.urls import path
from django.utils.translation import pgettext_lazy

from search import views

urlpatterns = [
    path(pgettext_lazy("URL path", "search/"), views.search, name="search"),
    path(pgettext_lazy("URL path", "search/suggestions/"), views.autocomplete, name="search_autocomplete"),
]
