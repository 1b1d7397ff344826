"""The alerts' part of the professional space (``portal/space.py``)."""

from django.template.loader import render_to_string

from alerts.views import account_subscription
from alerts.views import personal_data as subscription_data


def render_section(request):
    """The space home's "E-mail alerts" section: the account's subscription, or an invitation."""
    subscription = account_subscription(request.user)
    return render_to_string("alerts/space_section.html", {"subscription": subscription}, request=request)


def personal_data(user):
    subscription = account_subscription(user)
    return subscription_data(subscription) if subscription else None
