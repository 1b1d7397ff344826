"""Settings of the cooperation portal, read from environment variables only.

With nothing set, the portal runs for a first local try: DEBUG on, SQLite in the project folder,
Wagtail's database search backend, e-mails printed on the console.

``DJANGO_ENV=production`` switches on production mode: DEBUG off, a real ``SECRET_KEY`` is
required (the portal refuses to start without one), HTTPS-only cookies and HSTS, so that
``manage.py check --deploy`` passes without warnings.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = os.environ.get("DJANGO_ENV", "development").strip().lower() == "production"
DEBUG = env_bool("DEBUG", not PRODUCTION)

# The development key is public (it is in this file): production mode refuses it.
DEVELOPMENT_SECRET_KEY = "django-insecure-development-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if PRODUCTION:
    if not SECRET_KEY or SECRET_KEY == DEVELOPMENT_SECRET_KEY or SECRET_KEY.startswith("django-insecure"):
        raise ImproperlyConfigured(
            "DJANGO_ENV=production needs a SECRET_KEY environment variable holding a long random value "
            '(python -c "import secrets; print(secrets.token_urlsafe(64))").'
        )
    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured("SECRET_KEY is too short: use at least 50 random characters.")
elif not SECRET_KEY:
    SECRET_KEY = DEVELOPMENT_SECRET_KEY

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so that their templates and translations win.
    "portal",
    "home",
    "news",
    "calls",
    "forms",
    "search",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "captcha",
    "dsfr",
    "widget_tweaks",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.csp.ContentSecurityPolicyMiddleware",  # above XFrameOptionsMiddleware: reads its header
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.pagecache.PageCacheMiddleware",  # anonymous pages, per language (portal/pagecache.py)
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.portal",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# DATABASE_URL selects PostgreSQL (postgres://user:password@host:5432/name); SQLite otherwise.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
USING_POSTGRESQL = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache -----------------------------------------------------------------------------------
# portal.cache.ResilientRedisCache answers like an empty cache while Redis is unreachable, so a
# stopped Redis never breaks pages (the forms' rate limit and the login throttle then fail open).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "portal",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous pages are kept this long at most (0 switches the page cache off); publishing
# invalidates them at once (portal/pagecache.py). Off by default with DEBUG, so that template
# changes show at once while developing.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0" if DEBUG else "300"))

# --- Passwords and sessions --------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ----------------------------------------------------------------------------------
# French is the default and the source language of content; every locale has its own URL prefix.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", "Français"),
    ("en", "English"),
    ("es", "Español"),
    ("ar", "العربية"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français"), ("en", "English"), ("es", "Español"), ("ar", "العربية")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Paris"

# --- Static and media files -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "portal" / "static_src"] if (BASE_DIR / "portal" / "static_src").exists() else []
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Files sent through the intake forms never go to MEDIA_ROOT: they are served only through a
# permission-checked view.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# --- Wagtail -------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Coopération décentralisée"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "xlsx", "zip"]
# Documents are downloaded, never displayed inline from the public domain.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Site search (see search/backends/): the database backend, with French/English/Spanish/Arabic
# stemming and accent folding on PostgreSQL; Elasticsearch when ELASTICSEARCH_URL is set, the
# database index then kept up to date too, as the fallback when the engine is unreachable
# (French analysis settings: search.backends.elasticsearch.FRENCH_ANALYSIS).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
if os.environ.get("ELASTICSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": env_list("ELASTICSEARCH_URL"),
            "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "portal_"),
            "TIMEOUT": int(os.environ.get("ELASTICSEARCH_TIMEOUT", "5")),
        },
        "database": {"BACKEND": "search.backends.database"},
    }
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The admin login locks an account (and an address) after repeated failures: see portal/login.py.
WAGTAILADMIN_USER_LOGIN_FORM = "portal.login.ThrottledLoginForm"
ADMIN_LOGIN_MAX_FAILURES = int(os.environ.get("ADMIN_LOGIN_MAX_FAILURES", "5"))
ADMIN_LOGIN_LOCK_SECONDS = int(os.environ.get("ADMIN_LOGIN_LOCK_SECONDS", str(15 * 60)))

# --- E-mail ---------------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Coopération décentralisée <no-reply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# --- Captcha --------------------------------------------------------------------------------------
CAPTCHA_TEST_MODE = env_bool("CAPTCHA_TEST_MODE", False)
CAPTCHA_FONT_SIZE = 36
CAPTCHA_LETTER_ROTATION = (-20, 20)

# --- django-dsfr ----------------------------------------------------------------------------------
DSFR_USE_INTEGRITY_CHECKSUMS = True

# --- Security -------------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views set SAMEORIGIN for themselves
SESSION_COOKIE_HTTPONLY = True
# Content-Security-Policy (portal/csp.py): scripts from this origin or with the request's nonce.
# Video embeds may come from these origins; the map tile host is added from INTAKE_MAP_TILE_URL.
CSP_FRAME_SOURCES = env_list(
    "CSP_FRAME_SOURCES",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com,"
    "https://www.dailymotion.com,https://geo.dailymotion.com",
)
CSP_REPORT_ONLY = env_bool("CSP_REPORT_ONLY", False)
CSP_REPORT_URI = os.environ.get("CSP_REPORT_URI", "")
# No request from the admin to outside services (avatars, Wagtail's release check).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if env_bool("BEHIND_HTTPS_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Logging ----------------------------------------------------------------------------------------
# LOG_FORMAT=json (the default in production): one JSON object per line (portal/logging.py);
# text otherwise. Django's own loggers, the development server's included, go through the same
# handler.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json" if PRODUCTION else "text").strip().lower()
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "portal.logging.JSONFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Replace the handlers of Django's default logging (which would print some records a
        # second time, unformatted): everything propagates to the root handler.
        "django": {"handlers": [], "propagate": True},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # Wagtail runs its index and reference updates as tasks; their progress is noise.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# --- Error reporting (Sentry) ----------------------------------------------------------------------
# Only when SENTRY_DSN is set. The forms collect personal data: no user, cookie, request body, query
# string or local variable is sent (portal.sentry.scrub_event removes what the options leave).
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    from portal.sentry import scrub_event

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT") or os.environ.get("DJANGO_ENV", "development"),
        release=os.environ.get("SENTRY_RELEASE") or None,
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE") or 0),
        integrations=[DjangoIntegration()],
        before_send=scrub_event,
        before_send_transaction=scrub_event,
    )

PORTAL_SERVICE_NAME = _("Decentralised cooperation")

# --- Intake forms (forms app: partnership offers and EXPE-CT requests) -----------------------------
# Personal data of rejected and archived records is purged after this many days
# (manage.py purge_intake_personal_data, run daily).
INTAKE_RETENTION_DAYS = int(os.environ.get("INTAKE_RETENTION_DAYS", "730"))
# At most INTAKE_RATE_LIMIT form submissions per client IP address in INTAKE_RATE_LIMIT_WINDOW seconds.
INTAKE_RATE_LIMIT = int(os.environ.get("INTAKE_RATE_LIMIT", "10"))
INTAKE_RATE_LIMIT_WINDOW = int(os.environ.get("INTAKE_RATE_LIMIT_WINDOW", "3600"))
# Behind a reverse proxy, the request header holding the client address (e.g. HTTP_X_REAL_IP).
INTAKE_CLIENT_IP_HEADER = os.environ.get("INTAKE_CLIENT_IP_HEADER", "")
INTAKE_MAX_FILE_SIZE = int(os.environ.get("INTAKE_MAX_FILE_SIZE", str(5 * 1024 * 1024)))
INTAKE_MAX_FILES = int(os.environ.get("INTAKE_MAX_FILES", "5"))
# Map tiles of the Bourse map; empty: markers on a blank background (no external request).
INTAKE_MAP_TILE_URL = os.environ.get("INTAKE_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
INTAKE_MAP_ATTRIBUTION = os.environ.get(
    "INTAKE_MAP_ATTRIBUTION", '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
)
# The captcha offers an audio alternative when flite is installed.
from shutil import which as _which  # noqa: E402

CAPTCHA_FLITE_PATH = os.environ.get("CAPTCHA_FLITE_PATH") or _which("flite")
