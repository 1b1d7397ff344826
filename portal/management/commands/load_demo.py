"""Build the demo site: French tree from the documents' facts, translations, demo accounts.

Idempotent: pages, snippets and accounts that exist are kept (accounts get their documented
password back). Each app adds its own content through its ``demo.load(home)``, which returns
its index pages by role (``calls``, ``news``, ``bourse``, ``expect``) for the home page tiles.
"""

import importlib

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from home import demo as home_demo
from portal.demo import DEMO_ACCOUNTS, TRANSLATED_LANGUAGES, T, ensure_demo_accounts, ensure_locales, translate
from portal.models import NavigationMenu, PortalSettings

# Apps that add demo content, in order. Each module has ``load(home) -> dict[str, Page]``.
APP_LOADERS = ["news.demo", "calls.demo", "forms.demo"]


REFERENCE_MENU_LABEL = T("Comprendre l’AECT", en="About AECT", es="Entender la AECT", ar="فهم العمل الخارجي")
CONTACT_MENU_LABEL = T("Contact", en="Contact", es="Contacto", ar="اتصل بنا")


class Command(BaseCommand):
    help = "Load the demo content (French tree, translations, demo accounts)."

    def add_arguments(self, parser):
        parser.add_argument("--without-accounts", action="store_true", help="Do not create the demo accounts.")

    def handle(self, *args, **options):
        with_accounts = not options["without_accounts"]
        if settings.PRODUCTION and with_accounts:
            raise CommandError(
                "Demo accounts have public passwords and are refused in production mode "
                "(use --without-accounts to load the demo pages only)."
            )
        ensure_locales()
        call_command("setup_roles", stdout=self.stdout)
        # No transaction around the whole load: wagtail-localize publishes each translation
        # on commit, and a translated parent published after its children were added would
        # get a stale tree (its children would vanish from routing).
        call_command("seed_taxonomy", stdout=self.stdout)
        home, roles = home_demo.load()
        index_pages = {}
        for module_name in APP_LOADERS:
            index_pages |= importlib.import_module(module_name).load(home) or {}
        home_demo.set_entry_points(home, index_pages)
        home_demo.translate_tree(home)
        self.build_menus(home, index_pages, roles)
        self.set_footer_pages(roles)
        if with_accounts:
            ensure_demo_accounts()
            accounts = ", ".join(f"{username} / {password}" for username, password, _, _ in DEMO_ACCOUNTS)
            self.stdout.write(f"Demo accounts (admin at /admin/): {accounts}")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def build_menus(self, home, index_pages, roles):
        """The main menu: the apps' index pages, a drop-down of the reference pages, the contact
        page; translated into every locale (links follow the visitor's language)."""
        menu = NavigationMenu.objects.filter(placement="main", locale=home.locale).first()
        if menu is None:
            link = lambda page, label="": {"page": page, "url": "", "label": label}  # noqa: E731
            contact = roles.get("contact")
            reference = [p for p in home.get_children().live().in_menu() if not contact or p.pk != contact.pk]
            items = [link(index_pages[key]) for key in ("calls", "news", "bourse", "expect") if key in index_pages]
            items.append(link(None, REFERENCE_MENU_LABEL.fr) | {"children": [link(p) for p in reference]})
            if contact:
                items.append(link(contact, CONTACT_MENU_LABEL.fr))
            menu = NavigationMenu.objects.create(
                placement="main", locale=home.locale, items=[("link", item) for item in items]
            )
        for code in TRANSLATED_LANGUAGES:
            translate(menu, code, [REFERENCE_MENU_LABEL, CONTACT_MENU_LABEL])

    def set_footer_pages(self, roles):
        portal_settings = PortalSettings.load()
        for role in ("legal_notice", "accessibility", "personal_data", "site_map"):
            if role in roles and getattr(portal_settings, f"{role}_page_id") is None:
                setattr(portal_settings, f"{role}_page", roles[role])
        portal_settings.save()
