"""The public alert pages, under ``/<lang>/alertes/``: subscribe, confirm, manage, unsubscribe,
download one's data; and the space's own subscription page.

The manage and unsubscribe pages are reached from the e-mails without signing in: the
subscription's secret token in the address is the credential. The unsubscribe address answers
a POST without a CSRF token (RFC 8058 one-click: the mail client posts
``List-Unsubscribe=One-Click`` to the ``List-Unsubscribe`` address); that POST can only remove
the alerts of the token's holder.
"""

import json

from allauth.account.models import EmailAddress
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from alerts import subscriptions
from alerts.emails import subscription_for_confirmation
from alerts.forms import PreferencesForm, SubscribeForm
from alerts.models import Subscription, normalize_address
from forms import ratelimit

RATE_SCOPE = "alerts"


def by_token(token):
    subscription = Subscription.objects.filter(token=token).first()
    if subscription is None:
        raise Http404
    return subscription


@never_cache
def subscribe(request):
    """A visitor's subscription form; nothing is sent but the confirmation e-mail."""
    if request.user.is_authenticated:
        return redirect("alerts:space")
    if request.method == "POST":
        if ratelimit.is_limited(request, RATE_SCOPE):
            return ratelimit.too_many_requests(request)
        form = SubscribeForm(request.POST)
        if form.is_valid():
            subscriptions.subscribe(form)
            ratelimit.count(request, RATE_SCOPE)
            return redirect("alerts:sent")
        if form.has_error("captcha"):
            ratelimit.count(request, RATE_SCOPE)
        status = 400
    else:
        form = SubscribeForm()
        status = 200
    return render(request, "alerts/subscribe.html", {"form": form}, status=status)


@never_cache
def sent(request):
    return render(request, "alerts/sent.html")


@never_cache
def confirm(request, signed):
    """The link of the confirmation e-mail: a page with a button (mail scanners that follow
    links do not confirm anything), the subscription active once it is pressed."""
    subscription = subscription_for_confirmation(signed)
    if subscription is None or subscription.status in (Subscription.Status.UNSUBSCRIBED, Subscription.Status.DISABLED):
        return render(request, "alerts/invalid_link.html", status=400)
    if request.method == "POST":
        subscriptions.confirm(subscription)
        return redirect("alerts:manage", subscription.token)
    return render(request, "alerts/confirm.html", {"subscription": subscription})


@never_cache
def manage(request, token):
    """See and change one's alerts, unsubscribe, download one's data."""
    subscription = by_token(token)
    if subscription.status == Subscription.Status.UNSUBSCRIBED:
        return render(request, "alerts/unsubscribed.html", {"subscription": subscription})
    saved = False
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            form.apply(subscription)
            saved = True
            form = PreferencesForm(initial=PreferencesForm.initial_for(subscription))
    else:
        form = PreferencesForm(initial=PreferencesForm.initial_for(subscription))
    status = 400 if form.errors else 200
    context = {"form": form, "subscription": subscription, "saved": saved}
    return render(request, "alerts/manage.html", context, status=status)


@csrf_exempt
@never_cache
def unsubscribe(request, token):
    """GET: a page with a button. POST (that button, or a mail client's RFC 8058 one-click
    request, without a CSRF token): the alerts stop at once."""
    subscription = by_token(token)
    if request.method == "POST":
        subscription.unsubscribe(timezone.now())
        return render(request, "alerts/unsubscribed.html", {"subscription": subscription})
    if subscription.status == Subscription.Status.UNSUBSCRIBED:
        return render(request, "alerts/unsubscribed.html", {"subscription": subscription})
    return render(request, "alerts/unsubscribe.html", {"subscription": subscription})


def personal_data(subscription):
    """What the portal holds about a subscriber (the manage page's download, the space's file)."""
    moment = lambda value: value.isoformat() if value else None  # noqa: E731
    return {
        "email": subscription.email,
        "status": subscription.status,
        "language": subscription.language,
        "frequency": subscription.frequency,
        "topics": [str(topic) for topic in subscription.topics()],
        "themes": "all" if subscription.all_themes else [theme.slug for theme in subscription.themes.all()],
        "countries": "all"
        if subscription.all_countries
        else [country.iso_code for country in subscription.countries.all()],
        "created_at": moment(subscription.created_at),
        "confirmed_at": moment(subscription.confirmed_at),
        "unsubscribed_at": moment(subscription.unsubscribed_at),
        "emails_sent": [
            {"run": run, "sent_at": moment(sent_at)}
            for run, sent_at in subscription.emails.filter(status="sent").values_list("run", "sent_at")
        ],
    }


@never_cache
def download_data(request, token):
    subscription = by_token(token)
    response = HttpResponse(
        json.dumps(personal_data(subscription), ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="alertes.json"'
    return response


def account_subscription(user):
    """The person's subscription, else the one of their address (one query for both)."""
    condition = Q(user=user)
    if user.email:
        condition |= Q(email=normalize_address(user.email))
    found = list(Subscription.objects.filter(condition).order_by("-created_at"))
    return next((s for s in found if s.user_id == user.pk), None) or next(iter(found), None)


def has_verified_address(user):
    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


@never_cache
@login_required
def space(request):
    """Subscribing from the professional space: the account's address, active at once when it
    is verified (it always is with the portal's sign-up); an existing subscription of the
    address is managed instead."""
    subscription = account_subscription(request.user)
    if subscription is not None and subscription.status in (Subscription.Status.ACTIVE, Subscription.Status.PENDING):
        if subscription.user_id is None:
            Subscription.objects.filter(pk=subscription.pk).update(user=request.user)
        if subscription.status == Subscription.Status.ACTIVE:
            return redirect("alerts:manage", subscription.token)
    data = request.POST.copy() if request.method == "POST" else None
    if data is not None:
        data["email"] = request.user.email
    form = SubscribeForm(data, with_captcha=False, initial={"email": request.user.email})
    form.fields["email"].disabled = True
    if data is not None and form.is_valid():
        subscription = subscriptions.subscribe(form, user=request.user, verified=has_verified_address(request.user))
        if subscription.status == Subscription.Status.ACTIVE:
            return redirect("alerts:manage", subscription.token)
        return redirect("alerts:sent")
    status = 400 if form.errors else 200
    return render(request, "alerts/subscribe.html", {"form": form, "in_space": True}, status=status)
