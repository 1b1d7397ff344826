"""The moderation panel of wagtail-localize's translation editor (portal/translation_moderation.py)."""

from django import template

from portal.translation_moderation import APPROVE, FIELD, REJECT, SUBMIT, moderation_of

register = template.Library()


@register.inclusion_tag("portal/admin/translation_moderation.html", takes_context=True)
def translation_moderation(context, page):
    request = context["request"]
    moderation = moderation_of(page.specific, request.user)
    return {
        **moderation,
        "page": page,
        "field": FIELD,
        "submit": SUBMIT,
        "approve": APPROVE,
        "reject": REJECT,
        "csrf_token": context.get("csrf_token"),
    }
