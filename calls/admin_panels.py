"""The call editor's "Laureates" panel: how many rows the call has, and the links to edit them.

A call's laureates are edited out of the page editor (``calls/views.py``: their own list, a form
per row, the importer), so that the editor of a call with 500 laureates stays a page of a few
hundred kilobytes rather than 500 inline forms with their choosers.
"""

from django.urls import reverse
from wagtail.admin.panels import Panel


class LaureatesPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "calls/admin/laureates_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["count"] = page.laureates.count() if page.pk else 0
            if page.pk:
                context["list_url"] = reverse("calls_laureates", args=[page.pk])
                context["import_url"] = reverse("calls_import_laureates", args=[page.pk])
            return context
