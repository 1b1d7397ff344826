"""Wagtail's "add a page" view, answering a slug taken in the meantime with the form, not a 500.

The add form checks that the slug is free among the new page's siblings, then saves the page,
whose model checks it again (``Page.full_clean``). Between the two, another request may have
created a sibling with the same slug: a double click on "Save draft" or "Publish", a reload that
posts the form again, two editors at once. Wagtail's view lets the model's ``ValidationError``
through (a 500); here it goes back into the form, which is shown again with the error on the
slug, and nothing is saved. ``BasePage.add_child`` serialises the additions under a parent, so
that the second request sees the first one's page.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.create import CreateView


class CreatePageView(CreateView):
    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages)
            self.page.pk = self.page.id = None  # not saved: the form is for a new page again
            return self.form_invalid(form)


create_page = require_admin_access(never_cache(CreatePageView.as_view()))
