"""django-allauth adapters: every e-mail of the sign-in (address verification, password reset,
notices) goes through the portal's task queue (``portal.mail.queue_email``), so it is retried
while the mail server is down and sent once, after the transaction commits."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import user_field
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.core.mail import EmailMultiAlternatives
from django.db import transaction

from portal.mail import is_single_address, queue_email


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        from allauth.core import context as allauth_context

        request = allauth_context.request
        from django.contrib.sites.shortcuts import get_current_site

        ctx = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        message = self.render_mail(template_prefix, email, ctx)
        html = ""
        if isinstance(message, EmailMultiAlternatives):
            html = next((content for content, mime in message.alternatives if mime == "text/html"), "")
        if message.content_subtype == "html":
            html, body = message.body, ""
        else:
            body = message.body
        recipients = [address for address in message.to if is_single_address(address)]
        if not recipients:
            return
        with transaction.atomic():
            queue_email(
                to=recipients,
                subject=str(message.subject),
                body=body,
                html_body=html,
                kind=template_prefix.rsplit("/", 1)[-1][:40],
            )


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Accounts from the OpenID Connect provider (ProConnect): the provider vouches for the
    address, so the person signs in at once; membership still needs an approval."""

    def is_open_for_signup(self, request, sociallogin):
        return True

    def populate_user(self, request, sociallogin, data):
        """ProConnect gives the family name as ``usual_name`` (standard OpenID Connect providers
        as ``family_name``, which allauth reads)."""
        user = super().populate_user(request, sociallogin, data)
        if not user.last_name:
            extra = sociallogin.account.extra_data or {}
            claims = extra.get("userinfo") or extra.get("id_token") or {}
            user_field(user, "last_name", claims.get("usual_name") or "")
        return user
