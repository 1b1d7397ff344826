"""Subscribing, confirming and unsubscribing: what the views and the space share."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from alerts.emails import queue_already_subscribed, queue_confirmation
from alerts.models import Subscription, normalize_address


def subscribe(form, user=None, verified=False):
    """Record a subscription request from ``form`` (a valid ``SubscribeForm``).

    - a new address, or one that unsubscribed: saved as *pending* with its choices and sent the
      confirmation e-mail (double opt-in), unless ``verified`` (a signed-in person's verified
      address), which is active at once;
    - an address waiting for confirmation: its choices are replaced and the e-mail sent again;
    - an active address: nothing changes (the visitor may not own it); its owner is told by
      e-mail how to change their alerts. The visitor sees the same page whatever the case.

    Returns the subscription.
    """
    email = normalize_address(form.cleaned_data["email"])
    try:
        with transaction.atomic():
            subscription = Subscription.objects.select_for_update().filter(email=email).first()
            if subscription and subscription.status == Subscription.Status.ACTIVE and not verified:
                queue_already_subscribed(subscription)
                return subscription
            subscription = subscription or Subscription(email=email)
            if user is not None:
                subscription.user = user
            if subscription.status != Subscription.Status.ACTIVE:
                subscription.status = Subscription.Status.PENDING
                subscription.unsubscribed_at = None
            form.apply(subscription)
            if verified:
                if subscription.status != Subscription.Status.ACTIVE:
                    subscription.confirm()
            else:
                queue_confirmation(subscription)
            return subscription
    except IntegrityError:  # the same address subscribed by a simultaneous request
        return Subscription.objects.get(email=email)


def confirm(subscription):
    """Follow the confirmation link: a pending subscription becomes active (idempotent)."""
    if subscription.status == Subscription.Status.PENDING:
        subscription.confirm(timezone.now())
    return subscription
