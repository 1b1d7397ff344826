"""Admin of the intake: listings with filters, search and CSV/XLSX export, a detail view with
the history and the status form, and the private attachments.

Who sees what: the "view" and "change" permissions open the listings and the status form; the
submitters' personal data (contact columns, attachments) needs the
``view_*_personal_data`` permission, which only the "Instructeurs" group has.
"""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale

from forms.forms import StatusChangeForm
from forms.models import ExpertiseLabelRequest, PartnershipOffer, can_see_personal_data
from forms.views import download_attachment
from portal.models import Country, Theme


def default_locale_themes(request):
    return Theme.objects.filter(locale=Locale.get_default())


class RecordFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(label=_("Received"), widget=DateRangePickerWidget)
    themes = django_filters.ModelChoiceFilter(label=_("Theme"), queryset=default_locale_themes)


class OfferFilterSet(RecordFilterSet):
    country = django_filters.ModelChoiceFilter(label=_("Country"), queryset=Country.objects.all())

    class Meta:
        model = PartnershipOffer
        fields = ["status", "country", "themes", "authority_type", "language", "created_at"]


class LabelRequestFilterSet(RecordFilterSet):
    class Meta:
        model = ExpertiseLabelRequest
        fields = ["status", "themes", "authority_type", "language", "created_at"]


class RecordIndexView(IndexView):
    """The listing; personal columns and export fields only for those allowed to see them."""

    public_export = []
    personal_export = ["contact_name", "contact_role", "contact_email", "contact_phone"]

    def get_base_queryset(self):
        return super().get_base_queryset().for_listing()

    @cached_property
    def can_see_personal_data(self):
        return can_see_personal_data(self.request.user, self.model)

    @cached_property
    def list_export(self):
        return self.public_export + (self.personal_export if self.can_see_personal_data else [])

    @cached_property
    def export_headings(self):
        return {
            "get_status_display": _("Status"),
            "get_authority_type_display": _("Type of local authority"),
            "export_themes": _("Fields"),
            "get_language_display": _("Language"),
            "country.name": _("Country"),
        }

    @cached_property
    def list_display(self):
        columns = [
            "reference",
            Column("title", label=_("Title"), accessor="title"),
            "status",
            DateColumn("created_at", label=_("Received"), sort_key="created_at"),
            "language",
        ]
        if self.can_see_personal_data:
            columns.append("contact_email")
        return columns

    def get_edit_url(self, instance):
        # The title links to the detail view, where the history and the status form are.
        return None


class RecordInspectView(InspectView):
    """The detail of a record: its fields (personal ones if allowed), attachments, history, and
    the form to change its status with a comment."""

    template_name = "forms/admin/inspect.html"
    public_fields = []

    @cached_property
    def can_see_personal_data(self):
        return can_see_personal_data(self.request.user, self.model)

    def get_fields(self):
        fields = ["reference", "status", "created_at", "language", *self.public_fields]
        if self.can_see_personal_data:
            fields += [*self.model.PERSONAL_FIELDS, "consent_at"]
        return fields

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        can_change = self.user_has_permission("change")
        if "status_form" not in context and can_change and self.object.allowed_transitions():
            context["status_form"] = StatusChangeForm(record=self.object)
        history = list(self.object.history())
        for change in history:
            change.status_display = self.object.status_label(change.status)
        context["history"] = history
        context["can_see_personal_data"] = self.can_see_personal_data
        context["attachments"] = self.object.attachments.all() if self.can_see_personal_data else []
        context["public_url"] = self.object.get_absolute_url() if self.object.is_public else ""
        return context

    def post(self, request, *args, **kwargs):
        if not self.user_has_permission("change"):
            raise PermissionDenied
        form = StatusChangeForm(request.POST, record=self.object)
        if form.is_valid():
            form.apply(request.user)
            messages.success(
                request,
                _("%(reference)s is now “%(status)s”.")
                % {"reference": self.object.reference, "status": self.object.get_status_display()},
            )
            return redirect(reverse(self.inspect_url_name, args=[self.object.pk]))
        return self.render_to_response(self.get_context_data(status_form=form))

    @cached_property
    def inspect_url_name(self):
        return self.index_url_name.replace(":index", ":inspect")


class OfferIndexView(RecordIndexView):
    public_export = [
        "reference",
        "created_at",
        "get_status_display",
        "published_at",
        "get_language_display",
        "authority_name",
        "get_authority_type_display",
        "country.name",
        "region",
        "population",
        "latitude",
        "longitude",
        "project_title",
        "export_themes",
        "description",
        "partner_sought",
        "working_languages",
        "embassy",
        "embassy_email",
    ]


class LabelRequestIndexView(RecordIndexView):
    public_export = [
        "reference",
        "created_at",
        "get_status_display",
        "published_at",
        "label_valid_until",
        "get_language_display",
        "authority_name",
        "get_authority_type_display",
        "siren",
        "department",
        "partner_organisations",
        "export_themes",
        "competences",
        "supporting_elements",
        "mobilisation_conditions",
    ]


class OfferInspectView(RecordInspectView):
    public_fields = [
        "published_at",
        "project_title",
        "authority_name",
        "authority_type",
        "country",
        "region",
        "population",
        "latitude",
        "longitude",
        "themes",
        "description",
        "partner_sought",
        "working_languages",
        "embassy",
        "embassy_email",
    ]


class LabelRequestInspectView(RecordInspectView):
    public_fields = [
        "published_at",
        "label_valid_until",
        "authority_name",
        "authority_type",
        "siren",
        "department",
        "partner_organisations",
        "themes",
        "competences",
        "supporting_elements",
        "mobilisation_conditions",
    ]


class RecordViewSet(ModelViewSet):
    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None  # the ORM: unpublished records are not in the search index
    add_to_reference_index = False


class OfferViewSet(RecordViewSet):
    model = PartnershipOffer
    name = "partnership_offers"
    icon = "globe"
    menu_label = _("Partnership offers")
    index_view_class = OfferIndexView
    inspect_view_class = OfferInspectView
    filterset_class = OfferFilterSet
    search_fields = ["reference", "authority_name", "project_title", "region", "embassy"]
    export_filename = "offres-partenariat"
    form_fields = [
        "project_title",
        "authority_name",
        "region",
        "population",
        "latitude",
        "longitude",
        "themes",
        "description",
        "partner_sought",
        "working_languages",
        "embassy_email",
    ]


class LabelRequestViewSet(RecordViewSet):
    model = ExpertiseLabelRequest
    name = "label_requests"
    icon = "tick-inverse"
    menu_label = _("EXPE-CT requests")
    index_view_class = LabelRequestIndexView
    inspect_view_class = LabelRequestInspectView
    filterset_class = LabelRequestFilterSet
    search_fields = ["reference", "authority_name", "siren", "competences"]
    export_filename = "demandes-expe-ct"
    form_fields = [
        "authority_name",
        "partner_organisations",
        "themes",
        "competences",
        "supporting_elements",
        "mobilisation_conditions",
        "label_valid_until",
    ]


class IntakeGroup(ViewSetGroup):
    menu_label = _("Intake")
    menu_icon = "form"
    menu_order = 250
    items = (OfferViewSet, LabelRequestViewSet)


@hooks.register("register_admin_viewset")
def register_intake_viewsets():
    return IntakeGroup()


@hooks.register("register_admin_urls")
def register_attachment_url():
    return [path("intake/attachments/<int:pk>/", download_attachment, name="intake_attachment")]
