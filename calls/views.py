"""Public views of the calls (served by the pages' routes) and the admin laureate import."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from calls.filters import CallFilterForm, LaureateFilterForm
from calls.importer import ImportForm, import_laureates
from calls.models import CallPage, Laureate, LaureatesPage
from portal.models import Country, Theme

CALLS_PER_PAGE = 12
LAUREATES_PER_PAGE = 50


class localized_names:  # noqa: N801 - used like a function
    """Names of themes and countries in a locale, looked up by translation key (two queries).

    A call or a laureate may point at the French theme (wagtail-localize keeps relations to the
    source snippet); visitors should read the name in their language.
    """

    def __init__(self, locale_id):
        self.locale_id = locale_id
        self._themes = self._countries = None

    def theme(self, theme):
        if theme is None:
            return ""
        if self._themes is None:
            self._themes = dict(Theme.objects.filter(locale_id=self.locale_id).values_list("translation_key", "name"))
        return self._themes.get(theme.translation_key, theme.name)

    def country(self, country):
        if country is None:
            return ""
        if self._countries is None:
            self._countries = dict(
                Country.objects.filter(locale_id=self.locale_id).values_list("translation_key", "name")
            )
        return self._countries.get(country.translation_key, country.name)


def with_labels(calls, locale_id):
    """Attach localized theme labels to each call (themes prefetched)."""
    names = localized_names(locale_id)
    for call in calls:
        call.theme_labels = [names.theme(theme) for theme in call.themes.all()]
    return calls


def call_index(request, index):
    """The call list: open calls first (closing soonest), then upcoming, then closed; filters."""
    base = index.calls()
    years = sorted(set(base.values_list("edition_year", flat=True)), reverse=True)
    form = CallFilterForm(request.GET, locale_id=index.locale_id, years=years)
    calls = form.filter(base).with_results_flag().by_status_order().prefetch_related("themes")
    page_obj = Paginator(calls, CALLS_PER_PAGE).get_page(request.GET.get("page"))
    with_labels(page_obj.object_list, index.locale_id)
    return index.render(
        request,
        context_overrides={
            "form": form,
            "page_obj": page_obj,
            "calls": page_obj.object_list,
            "is_filtered": bool(form.valid_data()),
            "query": request.GET.urlencode(),
            "laureates_page": LaureatesPage.objects.child_of(index).live().public().first(),
        },
    )


def filtered_laureates(request, laureates_page):
    index = laureates_page.get_parent().specific
    calls = index.calls().order_by("-edition_year", "title")
    years = sorted({call.edition_year for call in calls}, reverse=True)
    form = LaureateFilterForm(request.GET, locale_id=laureates_page.locale_id, years=years, calls=calls)
    laureates = (
        Laureate.objects.filter(page__in=index.calls())
        .select_related("page", "country", "theme")
        .order_by("-page__edition_year", "page__title", "sort_order", "pk")
    )
    return form, form.filter(laureates)


def laureates_index(request, laureates_page):
    """Every laureate of every call of the locale, filterable by year, country, theme and call."""
    form, laureates = filtered_laureates(request, laureates_page)
    page_obj = Paginator(laureates, LAUREATES_PER_PAGE).get_page(request.GET.get("page"))
    names = localized_names(laureates_page.locale_id)
    for laureate in page_obj.object_list:
        laureate.country_label = names.country(laureate.country)
        laureate.theme_label = names.theme(laureate.theme)
    return laureates_page.render(
        request,
        context_overrides={
            "form": form,
            "page_obj": page_obj,
            "laureates": page_obj.object_list,
            "query": request.GET.urlencode(),
        },
    )


def import_laureates_view(request, page_id):
    """Admin: replace or extend a call's laureates from a CSV or XLSX file.

    The whole file is checked first; on any error nothing is saved and every faulty row is
    listed. A good file becomes a new revision of the page (published if the page is live and
    the editor may publish), so the page editor never resurrects the old list.
    """
    page = get_object_or_404(CallPage, pk=page_id).specific
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    can_publish = permissions.can_publish()
    errors = []
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            result = import_laureates(
                page,
                form.cleaned_data["file"],
                replace=form.cleaned_data["replace"],
                user=request.user,
                publish=can_publish and page.live,
            )
            if result.errors:
                errors = result.errors
                messages.error(request, _("The file was not imported: correct the rows below and try again."))
            else:
                messages.success(
                    request,
                    _("%(count)s laureates imported into “%(title)s”.") % {"count": result.count, "title": page.title},
                )
                return redirect("wagtailadmin_pages:edit", page.pk)
    else:
        form = ImportForm()
    return TemplateResponse(
        request,
        "calls/admin/import_laureates.html",
        {"page": page, "form": form, "errors": errors, "can_publish": can_publish},
    )
