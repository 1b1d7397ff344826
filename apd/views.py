"""The declaration in the professional space (``/<language>/espace/apd/…``): signed-in members of
an authority only, never cached; anything else answers 404 (see ``apd.access``).

The form has two steps: the flows are checked and their totals by country and by sector shown
(``preview``), then confirmed (``confirm``: the checked data travel signed in a hidden field and
are checked again). Outside the campaign's window the form is closed with a message (403 for a
POST), unless the ministry reopened it for the authority.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from apd import access, services
from apd.forms import DeclarationForm, FlowFormSet, flows_check
from apd.models import Campaign, Declaration, DeclarationVersion, Receipt
from apd.purpose_codes import label as purpose_label
from apd.purpose_codes import label_language
from apd.receipts import country_rows
from portal.authorities import FrenchAuthority

SIGNING_SALT = "apd.declaration"


def space_view(view):
    @wraps(view)
    @never_cache
    @login_required
    def wrapper(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    return wrapper


def own_authority(user, pk):
    authority = access.declarable_authorities(user).filter(pk=pk).first()
    if authority is None:
        raise Http404
    return authority


def own_declaration(user, reference):
    declaration = (
        Declaration.objects.select_related("campaign", "authority", "current_version")
        .filter(reference=reference, authority__in=access.declarable_authorities(user))
        .first()
    )
    if declaration is None:
        raise Http404
    return declaration


@space_view
def home(request):
    authorities = list(access.declarable_authorities(request.user).order_by("name"))
    campaigns = list(Campaign.objects.order_by("-year")[:3])
    declarations = {
        (d.campaign_id, d.authority_id): d
        for d in Declaration.objects.filter(authority__in=authorities, campaign__in=campaigns)
    }
    rows = [
        {
            "authority": authority,
            "campaigns": [
                {
                    "campaign": campaign,
                    "open": campaign.is_open_for(authority),
                    "declaration": declarations.get((campaign.pk, authority.pk)),
                }
                for campaign in campaigns
            ],
        }
        for authority in authorities
    ]
    return render(request, "apd/home.html", {"rows": rows, "crumb": _("APD declarations")})


def initial_data(declaration):
    """The flows of the current version, as the formset's initial data (a correction)."""
    version = declaration.current_version if declaration else None
    if version is None:
        return {}, []
    flows = [
        {
            "country": flow.country.iso_code if flow.country_id else "ZZ",
            "project": flow.project_id,
            "proposed_project": flow.proposed_project,
            "amount": flow.amount,
            "purpose_code": flow.purpose_code,
            "channel": flow.channel,
            "cofinancing": flow.cofinancing,
        }
        for flow in version.flows.select_related("country")
    ]
    return {"nothing_to_declare": version.nothing_to_declare}, flows


def totals_of(flows):
    by_country, by_sector = {}, {}
    for flow in flows:
        key = flow["country"].pk if flow["country"] else None
        by_country[key] = by_country.get(key, 0) + flow["amount"]
        by_sector[flow["purpose_code"]] = by_sector.get(flow["purpose_code"], 0) + flow["amount"]
    countries = country_rows(sorted(by_country.items(), key=lambda pair: -pair[1]))
    sectors = [
        (f"{code} — {purpose_label(code)}", total, label_language(code))
        for code, total in sorted(by_sector.items(), key=lambda p: -p[1])
    ]
    return countries, sectors, sum((flow["amount"] for flow in flows), 0)


@space_view
def declare(request, authority_pk, year):
    authority = own_authority(request.user, authority_pk)
    campaign = get_object_or_404(Campaign, year=year)
    declaration = Declaration.objects.filter(campaign=campaign, authority=authority).first()
    context = {"authority": authority, "campaign": campaign, "declaration": declaration, "crumb": _("APD declarations")}
    if not campaign.is_open_for(authority):
        status = 403 if request.method == "POST" else 200
        return render(request, "apd/closed.html", context, status=status)

    action = request.POST.get("action", "") if request.method == "POST" else ""
    data = None
    if action == "confirm":
        try:
            data = QueryDict(mutable=True)
            for key, values in signing.loads(request.POST.get("payload", ""), salt=SIGNING_SALT).items():
                data.setlist(key, values)
        except signing.BadSignature:
            return render(request, "apd/bad_request.html", context, status=400)
    elif request.method == "POST":
        data = request.POST.copy()
        if action == "add":
            try:
                total = int(data.get("form-TOTAL_FORMS", "0"))
            except ValueError:
                total = 0
            data["form-TOTAL_FORMS"] = str(min(max(total, 0) + 1, FlowFormSet.max_num))

    if data is None:
        initial, flows_initial = initial_data(declaration)
        form = DeclarationForm(initial=initial)
        formset = FlowFormSet(initial=flows_initial, authority=authority)
    else:
        form = DeclarationForm(data)
        formset = FlowFormSet(data, authority=authority)
    context |= {"form": form, "formset": formset}
    if data is None or action == "add":
        return render(request, "apd/declare.html", context)

    try:
        valid = form.is_valid() & formset.is_valid()
    except Exception:  # a tampered management form
        return render(request, "apd/bad_request.html", context, status=400)
    flows = flows_check(form, formset) if valid else []
    if not valid or form.errors:
        return render(request, "apd/declare.html", context | {"has_errors": True}, status=400)

    nothing = form.cleaned_data["nothing_to_declare"]
    if action == "confirm":
        version = services.submit(campaign, authority, request.user, nothing_to_declare=nothing, flows=flows)
        messages.success(
            request,
            _("Your declaration has been received under the reference %(reference)s.")
            % {"reference": version.reference},
        )
        return redirect("apd:declaration", reference=version.declaration.reference)

    keep = {key: data.getlist(key) for key in data if key not in ("csrfmiddlewaretoken", "action", "payload")}
    countries, sectors, total = totals_of(flows)
    context |= {
        "nothing": nothing,
        "flows": flows,
        "by_country": countries,
        "by_sector": sectors,
        "total": total,
        "payload": signing.dumps(keep, salt=SIGNING_SALT),
    }
    return render(request, "apd/preview.html", context)


@space_view
def declaration_detail(request, reference):
    declaration = own_declaration(request.user, reference)
    versions = list(
        DeclarationVersion.objects.filter(declaration=declaration)
        .select_related("submitted_by", "receipt")
        .order_by("-number")
    )
    current = declaration.current_version
    flows = list(current.flows.select_related("country", "project")) if current else []
    return render(
        request,
        "apd/declaration.html",
        {
            "declaration": declaration,
            "versions": versions,
            "current": current,
            "flows": flows,
            "by_country": country_rows(current.totals_by_country()) if current else [],
            "questions": declaration.reviews.filter(action="question").order_by("-at"),
            "is_open": declaration.campaign.is_open_for(declaration.authority),
            "declare_url": reverse("apd:declare", args=[declaration.authority_id, declaration.campaign.year]),
            "crumb": _("APD declarations"),
        },
    )


@space_view
def receipt(request, reference, number):
    declaration = own_declaration(request.user, reference)
    receipt = Receipt.objects.filter(version__declaration=declaration, version__number=number).first()
    if receipt is None:
        raise Http404
    response = HttpResponse(bytes(receipt.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{declaration.reference}-V{number}.pdf"'
    return response


def authority_of(pk):
    return FrenchAuthority.objects.filter(pk=pk).first()
