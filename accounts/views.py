"""Pages of the professional space (``/<language>/espace/…``), all for signed-in people only and
never cached (``never_cache``: private, no-store; the page cache also skips any request with a
session). A record or organisation the person may not see answers 404, whatever its existence."""

import json
from functools import wraps

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.cache import never_cache

from accounts import emails, permissions
from accounts.forms import ClaimForm, DecisionForm, DeleteAccountForm, MembershipRequestForm, space_offer_form_class
from accounts.models import LabelRequestOwnership, Membership, OfferOwnership, Organisation
from forms.models import ExpertiseLabelRequest, PartnershipOffer, StatusChange
from portal import space
from portal.taxonomy import attach_localized_themes

# How the space names a record's status (the reviewers' words are in the admin).
SPACE_STATUS = {
    "submitted": pgettext_lazy("status of a record in the space", "under examination"),
    "under_review": pgettext_lazy("status of a record in the space", "under examination"),
    "published": pgettext_lazy("status of a record in the space", "published"),
    "labelled": pgettext_lazy("status of a record in the space", "labelled"),
    "rejected": pgettext_lazy("status of a record in the space", "not accepted"),
    "archived": pgettext_lazy("status of a record in the space", "archived"),
}


def space_status(status):
    return str(SPACE_STATUS.get(status, status))


def space_view(view):
    """Signed-in only, never cached."""

    @wraps(view)
    @never_cache
    @login_required
    def wrapper(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    return wrapper


def decorate_history(record):
    history = list(record.history())
    for change in history:
        change.space_status = space_status(change.status)
    return history


@space_view
def home(request):
    user = request.user
    memberships = Membership.objects.filter(person=user).select_related("organisation").order_by("organisation__name")
    decidable = Membership.objects.pending().decidable_by(user).select_related("person", "organisation")
    context = {
        "memberships": memberships,
        "pending_decisions": decidable[:50],
        "offers": permissions.visible_offers(user).select_related("country").order_by("-created_at")[:100],
        "label_requests": permissions.visible_label_requests(user).order_by("-created_at")[:100],
        "embassies": permissions.organisations_of_kind(user, Organisation.Kind.EMBASSY),
        "claimable": claimable_records(user),
        "is_ministry": permissions.is_ministry_member(user),
        "sections": space.rendered_sections(request),
    }
    for record in [*context["offers"], *context["label_requests"]]:
        record.space_status = space_status(record.status)
    return render(request, "accounts/home.html", context)


@space_view
def join(request):
    if request.method == "POST":
        form = MembershipRequestForm(request.POST, user=request.user)
        if form.is_valid():
            with transaction.atomic():
                organisation = form.cleaned_data["organisation"]
                if organisation.pk is None:
                    organisation.save()
                membership = Membership.objects.create(
                    person=request.user, organisation=organisation, message=form.cleaned_data.get("message", "")
                )
                emails.queue_request_emails(membership)
            messages.success(
                request, _("Your request has been sent to the managers of %(name)s.") % {"name": organisation.name}
            )
            return redirect("accounts:home")
    else:
        form = MembershipRequestForm(user=request.user)
    return render(request, "accounts/join.html", {"form": form})


@space_view
def organisation_detail(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    if not permissions.can_see_organisation(request.user, organisation):
        raise Http404
    can_manage = permissions.can_manage(request.user, organisation)
    members = organisation.memberships.select_related("person", "decided_by").order_by("status", "person__last_name")
    if not can_manage:
        members = members.filter(status=Membership.Status.APPROVED)
    return render(
        request,
        "accounts/organisation.html",
        {"organisation": organisation, "members": members, "can_manage": can_manage},
    )


@space_view
def decide(request, pk):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    membership = get_object_or_404(
        Membership.objects.decidable_by(request.user).select_related("person", "organisation"), pk=pk
    )
    form = DecisionForm(request.POST)
    if not form.is_valid() or membership.person_id == request.user.pk:
        messages.error(request, _("The decision could not be recorded."))
        return redirect("accounts:organisation", membership.organisation_id)
    with transaction.atomic():
        membership.decide(form.cleaned_data["decision"], request.user, form.cleaned_data.get("role") or None)
        emails.queue_decision_email(membership, translation.get_language())
    messages.success(
        request,
        _("The decision has been recorded; %(name)s is informed by e-mail.")
        % {"name": membership.person.get_full_name() or membership.person.email},
    )
    return redirect("accounts:organisation", membership.organisation_id)


# --- Partnership offers ---------------------------------------------------------------------------
def offer_for(request, reference):
    offer = permissions.visible_offers(request.user).select_related("country", "ownership__organisation")
    offer = offer.filter(reference=reference).first()
    if offer is None:
        raise Http404
    return offer


@space_view
def offer_detail(request, reference):
    offer = offer_for(request, reference)
    attach_localized_themes([offer])
    offer.space_status = space_status(offer.status)
    return render(
        request,
        "accounts/offer_detail.html",
        {
            "offer": offer,
            "history": decorate_history(offer),
            "can_edit": offer.status != PartnershipOffer.Status.ARCHIVED,
            "public_url": offer.get_absolute_url() if offer.is_public else "",
        },
    )


@space_view
def offer_create(request, organisation_pk):
    organisation = get_object_or_404(
        permissions.organisations(request.user, Organisation.Kind.EMBASSY).select_related("country"),
        pk=organisation_pk,
    )
    form_class = space_offer_form_class()
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, organisation=organisation, user=request.user)
        if form.is_valid():
            with transaction.atomic():
                offer = form.save_submission(translation.get_language())
                OfferOwnership.objects.create(offer=offer, organisation=organisation, submitted_by=request.user)
            messages.success(
                request, _("Your offer %(reference)s has been sent to the ministry.") % {"reference": offer.reference}
            )
            return redirect("accounts:offer", offer.reference)
        form.set_autofocus_on_first_error()
    else:
        form = form_class(organisation=organisation, user=request.user)
    return render(request, "accounts/offer_form.html", {"form": form, "organisation": organisation})


@space_view
def offer_edit(request, reference):
    offer = offer_for(request, reference)
    if offer.status == PartnershipOffer.Status.ARCHIVED:
        raise Http404
    organisation = offer.ownership.organisation
    form_class = space_offer_form_class()
    if request.method == "POST":
        form = form_class(request.POST, instance=offer, organisation=organisation, user=request.user, editing=True)
        if form.is_valid():
            previous = PartnershipOffer.objects.values_list("status", flat=True).get(pk=offer.pk)
            with transaction.atomic():
                offer = form.save()
                if previous == PartnershipOffer.Status.SUBMITTED:
                    StatusChange.objects.create(
                        record=offer,
                        status=previous,
                        previous_status=previous,
                        user=request.user,
                        comment=_("Modified by the organisation."),
                    )
                else:
                    offer.change_status(
                        PartnershipOffer.Status.SUBMITTED,
                        user=request.user,
                        comment=_("Modified by the organisation: back to review."),
                    )
            messages.success(request, _("Your changes have been saved; the ministry reviews them."))
            return redirect("accounts:offer", offer.reference)
        form.set_autofocus_on_first_error()
    else:
        form = form_class(instance=offer, organisation=organisation, user=request.user, editing=True)
    return render(request, "accounts/offer_form.html", {"form": form, "organisation": organisation, "offer": offer})


# --- EXPE-CT requests -----------------------------------------------------------------------------
@space_view
def label_request_detail(request, reference):
    record = permissions.visible_label_requests(request.user).filter(reference=reference).first()
    if record is None:
        raise Http404
    attach_localized_themes([record])
    record.space_status = space_status(record.status)
    return render(
        request, "accounts/label_request_detail.html", {"record": record, "history": decorate_history(record)}
    )


# --- Claiming records sent anonymously ------------------------------------------------------------
def verified_addresses(user):
    return list(EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True))


def claimable_records(user):
    """Records sent anonymously from one of the person's verified addresses, owned by nobody,
    with the organisations (of the right kind) that may take them."""
    addresses = [address.lower() for address in verified_addresses(user)]
    if not addresses:
        return []
    result = []
    for model, kind in (
        (PartnershipOffer, Organisation.Kind.EMBASSY),
        (ExpertiseLabelRequest, Organisation.Kind.FRENCH_AUTHORITY),
    ):
        if not permissions.organisations_of_kind(user, kind):
            continue
        organisations = permissions.organisations(user, kind)
        by_address = Q()
        for address in addresses:
            by_address |= Q(contact_email__iexact=address)
        for record in model.objects.filter(by_address, ownership__isnull=True).order_by("-created_at"):
            result.append((record, organisations))
    return result


@space_view
def claim(request, reference):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    found = [(record, allowed) for record, allowed in claimable_records(request.user) if record.reference == reference]
    if not found:
        raise Http404
    [(record, organisations)] = found
    form = ClaimForm(request.POST, organisations=organisations)
    if not form.is_valid():
        messages.error(request, _("Choose one of your organisations."))
        return redirect("accounts:home")
    with transaction.atomic():
        ownership_class, field = (
            (OfferOwnership, "offer")
            if isinstance(record, PartnershipOffer)
            else (LabelRequestOwnership, "label_request")
        )
        ownership_class.objects.create(
            **{field: record},
            organisation=form.cleaned_data["organisation"],
            submitted_by=request.user,
            claimed_at=timezone.now(),
        )
    messages.success(
        request,
        _("%(reference)s now belongs to %(name)s.")
        % {"reference": record.reference, "name": form.cleaned_data["organisation"].name},
    )
    return redirect("accounts:home")


# --- Personal data --------------------------------------------------------------------------------
def personal_data(user):
    def moment(value):
        return timezone.localtime(value).isoformat() if value else None

    offers = OfferOwnership.objects.filter(submitted_by=user).select_related("offer", "organisation")
    label_requests = LabelRequestOwnership.objects.filter(submitted_by=user).select_related(
        "label_request", "organisation"
    )
    return {
        **space.extra_personal_data(user),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": moment(user.date_joined),
            "last_login": moment(user.last_login),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "memberships": [
            {
                "organisation": membership.organisation.name,
                "kind": membership.organisation.kind,
                "role": membership.role,
                "status": membership.status,
                "requested_at": moment(membership.requested_at),
                "decided_at": moment(membership.decided_at),
                "message": membership.message,
            }
            for membership in Membership.objects.filter(person=user).select_related("organisation")
        ],
        "submitted_records": [
            {
                "reference": ownership.offer.reference,
                "title": ownership.offer.title,
                "organisation": ownership.organisation.name,
                "contact_name": ownership.offer.contact_name,
                "contact_email": ownership.offer.contact_email,
                "contact_phone": ownership.offer.contact_phone,
            }
            for ownership in offers
        ]
        + [
            {
                "reference": ownership.label_request.reference,
                "title": ownership.label_request.title,
                "organisation": ownership.organisation.name,
                "contact_name": ownership.label_request.contact_name,
                "contact_email": ownership.label_request.contact_email,
                "contact_phone": ownership.label_request.contact_phone,
            }
            for ownership in label_requests
        ],
    }


@space_view
def download_data(request):
    response = HttpResponse(
        json.dumps(personal_data(request.user), ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="mes-donnees.json"'
    return response


@space_view
def delete_account(request):
    if request.method == "POST":
        form = DeleteAccountForm(request.POST, user=request.user)
        if form.is_valid():
            user = request.user
            logout(request)
            user.delete()
            messages.success(request, _("Your account has been deleted."))
            return redirect(f"/{translation.get_language()}/")
    else:
        form = DeleteAccountForm(user=request.user)
    return render(request, "accounts/delete_account.html", {"form": form})
