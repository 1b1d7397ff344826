"""The ministry's follow-up of the APD campaigns in the Wagtail admin (permission
``apd.review_declaration``): who declared and who did not, a declaration with its versions
(validate it, or send a question back to the authority), and the Treasury's export."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from apd import access, exports, followup
from apd.forms import ReviewForm
from apd.models import Campaign, Declaration
from apd.receipts import country_rows
from portal.mail import queue_email

PER_PAGE = 50


def require_reviewer(request):
    if not access.can_review(request.user):
        raise PermissionDenied


def campaigns(request):
    require_reviewer(request)
    return TemplateResponse(request, "apd/admin/campaigns.html", {"campaigns": Campaign.objects.order_by("-year")})


def campaign_followup(request, year):
    require_reviewer(request)
    campaign = get_object_or_404(Campaign, year=year)
    declarations = Declaration.objects.filter(campaign=campaign).select_related("authority", "current_version")
    status = request.GET.get("status", "")
    if status in Declaration.Status.values:
        declarations = declarations.filter(status=status)
    declared = Paginator(declarations.order_by("authority__name", "pk"), PER_PAGE).get_page(request.GET.get("page"))
    missing = Paginator(followup.not_declared(campaign), PER_PAGE).get_page(request.GET.get("missing"))
    return TemplateResponse(
        request,
        "apd/admin/followup.html",
        {
            "campaign": campaign,
            "declared": declared,
            "missing": missing,
            "statuses": Declaration.Status.choices,
            "status": status,
        },
    )


def declaration_review(request, pk):
    require_reviewer(request)
    declaration = get_object_or_404(
        Declaration.objects.select_related("campaign", "authority", "current_version"), pk=pk
    )
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and declaration.current_version is None:
        form.add_error(None, _("This declaration has no version to review."))
    elif request.method == "POST" and form.is_valid():
        if form.cleaned_data["action"] == "validate":
            declaration.validate(request.user)
            messages.success(request, _("Declaration %(reference)s validated.") % {"reference": declaration.reference})
        else:
            with transaction.atomic():
                review = declaration.ask(request.user, form.cleaned_data["message"])
                send_question(declaration, review)
            messages.success(request, _("The question has been sent to the authority."))
        return redirect("apd_followup", year=declaration.campaign.year)
    version = declaration.current_version
    return TemplateResponse(
        request,
        "apd/admin/declaration.html",
        {
            "declaration": declaration,
            "versions": declaration.versions.order_by("-number"),
            "flows": version.flows.select_related("country", "project") if version else [],
            "by_country": country_rows(version.totals_by_country()) if version else [],
            "reviews": declaration.reviews.select_related("by").order_by("-at"),
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


def send_question(declaration, review):
    """Mail the question to the members of the authority who submitted versions."""
    addresses = sorted(
        {
            version.submitted_by.email
            for version in declaration.versions.select_related("submitted_by")
            if version.submitted_by and version.submitted_by.email
        }
    )
    if not addresses:
        return
    with translation.override(declaration.current_version.language or "fr"):
        queue_email(
            to=addresses,
            subject=_("Question about the APD declaration %(reference)s") % {"reference": declaration.reference},
            body=render_to_string(
                "apd/emails/question.txt",
                {
                    "declaration": declaration,
                    "review": review,
                    "url": reverse("apd:declaration", args=[declaration.reference]),
                },
            ),
            reference=declaration.reference,
            kind="apd_question",
        )


def campaign_export(request, year, fmt):
    require_reviewer(request)
    campaign = get_object_or_404(Campaign, year=year)
    validated_only = request.GET.get("validated") == "1"
    if fmt == "xlsx":
        return exports.xlsx_export(campaign, validated_only)
    return exports.csv_export(campaign, validated_only)
