"""Settings of the cooperation portal, read from environment variables only.

With nothing set, the portal runs for a first local try: DEBUG on, SQLite in the project folder,
Wagtail's database search backend, e-mails printed on the console.

``DJANGO_ENV=production`` switches on production mode: DEBUG off, a real ``SECRET_KEY`` is
required (the portal refuses to start without one), HTTPS-only cookies and HSTS, so that
``manage.py check --deploy`` passes without warnings.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
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
    "atlas",
    "demo",
    "accounts",
    "applications",
    "alerts",
    "apd",
    "proposals",
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
    "axes",
    "csp",
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
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.csp.PortalCSPMiddleware",  # above XFrameOptionsMiddleware: reads its header
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "portal.bodysize.RequestBodySizeMiddleware",  # before anything reads the body (CSRF does)
    "django.middleware.common.CommonMiddleware",
    "portal.pagecache.PageCacheMiddleware",  # anonymous pages, per language (portal/pagecache.py)
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.mfa.StaffSecondFactorMiddleware",  # TOTP for staff who see personal data
    # Last: turns the response of a login attempt that django-axes refused into the lock-out page.
    "axes.middleware.AxesMiddleware",
]
# SERVER_TIMING=on: each response says its time, SQL queries and template rendering
# (portal/timing.py), for the benchmark; off in production.
if env_bool("SERVER_TIMING", False):
    MIDDLEWARE.insert(0, "portal.timing.ServerTimingMiddleware")

# django-axes first: it refuses every authentication of a locked-out user name and address,
# whichever view asks (Wagtail admin login, private-page login, any later sign-in view).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # The professional space's sign-in by e-mail address (accounts/, django-allauth).
    "allauth.account.auth_backends.AuthenticationBackend",
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
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # `make run` has three processes on one SQLite file (server, task worker, scheduler): write-ahead
    # logging lets readers work beside a writer, and writers wait for the lock (IMMEDIATE
    # transactions, 20 s) instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache -----------------------------------------------------------------------------------
# portal.cache.ResilientRedisCache answers like an empty cache while Redis is unreachable, so a
# stopped Redis never breaks pages (the forms' rate limit then fails open; the login lock-out
# lives in the database and still applies).
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
# Intake attachments hold personal data: readable by the application's user and group only.
# (MEDIA_ROOT keeps Django's default, 0644: the proxy serves its images.)
PRIVATE_MEDIA_PERMISSIONS = int(os.environ.get("PRIVATE_MEDIA_PERMISSIONS", "640"), 8)
PRIVATE_MEDIA_DIRECTORY_PERMISSIONS = int(os.environ.get("PRIVATE_MEDIA_DIRECTORY_PERMISSIONS", "750"), 8)
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
# "Translate this page" creates the translated page as a draft; it is published through the
# moderation workflow like its source (portal/translation_moderation.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Site search (see search/backends/): the database backend, with French/English/Spanish/Arabic
# stemming and accent folding on PostgreSQL; Elasticsearch when ELASTICSEARCH_URL is set, the
# database index then kept up to date too, as the fallback when the engine is unreachable
# (one index and analyzer per language: search.backends.elasticsearch.LANGUAGE_ANALYSIS).
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

# A mail server that stops answering must not hold a task worker forever.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))

# --- Background tasks (django-tasks, see portal/tasks.py) ------------------------------------------
# The database backend stores each task in the same transaction as the record that needs it; the
# worker (`manage.py db_worker`) runs them, the scheduler (`manage.py run_scheduler`) enqueues the
# periodic jobs. TASKS_BACKEND=immediate runs each task at once in the process that queues it
# (after the transaction commits): for the test suite and one-off commands such as `load_demo`.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database").strip().lower()
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be database or immediate, not {TASKS_BACKEND!r}.")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND], "QUEUES": ["default"]}}
# A task that raises portal.tasks.RetryLater (e.g. the mail server is down) runs again after
# TASK_RETRY_DELAY seconds, then twice as long each time, TASK_MAX_ATTEMPTS times in all (8 tries
# from 5 minutes: about 10 hours and a half); then it is failed, shown to staff for a retry.
TASK_RETRY_DELAY = int(os.environ.get("TASK_RETRY_DELAY", "300"))
TASK_MAX_ATTEMPTS = int(os.environ.get("TASK_MAX_ATTEMPTS", "8"))
# Finished task results (and the record of the e-mails they sent) are deleted after this many days.
TASK_RESULT_RETENTION_DAYS = int(os.environ.get("TASK_RESULT_RETENTION_DAYS", "30"))
# /health/ reports the queue as late when a due task has waited longer than this (no worker?), and
# staff may retry a task still "running" after this long (its worker died).
TASK_QUEUE_MAX_DELAY = int(os.environ.get("TASK_QUEUE_MAX_DELAY", "600"))
TASK_STALE_AFTER = int(os.environ.get("TASK_STALE_AFTER", "3600"))

# --- Captcha --------------------------------------------------------------------------------------
CAPTCHA_TEST_MODE = env_bool("CAPTCHA_TEST_MODE", False)
CAPTCHA_FONT_SIZE = 36
CAPTCHA_LETTER_ROTATION = (-20, 20)

# --- django-dsfr ----------------------------------------------------------------------------------
DSFR_USE_INTEGRITY_CHECKSUMS = True

# --- Security -------------------------------------------------------------------------------------
# Behind a reverse proxy, the request header in which the proxy puts the client's address (e.g.
# HTTP_X_REAL_IP): used by the login lock-out and the forms' rate limit (portal/client.py).
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")

# Login lock-out (django-axes, database handler): LOGIN_MAX_FAILURES wrong passwords for one user
# name from one address lock that pair for LOGIN_LOCK_SECONDS, on every login view. Counting the
# pair, not the user name alone, means that a stranger cannot lock a colleague out from elsewhere.
# Attempts are kept in the database, so the lock-out holds while Redis is down.
LOGIN_MAX_FAILURES = int(os.environ.get("LOGIN_MAX_FAILURES", "5"))
LOGIN_LOCK_SECONDS = int(os.environ.get("LOGIN_LOCK_SECONDS", str(15 * 60)))
AXES_FAILURE_LIMIT = LOGIN_MAX_FAILURES
AXES_COOLOFF_TIME = datetime.timedelta(seconds=LOGIN_LOCK_SECONDS)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "portal.client.client_ip"
# The Wagtail login sends a user name, the professional space's an e-mail address: both count
# against the same account (accounts/lockout.py).
AXES_USERNAME_CALLABLE = "accounts.lockout.login_identifier"
AXES_LOCKOUT_CALLABLE = "portal.login.lockout_response"
AXES_RESET_ON_SUCCESS = True
# Only failures are recorded (the lock-out view in the admin); no row per successful login.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False  # staff see the lock-outs in the Wagtail admin (portal/admin_lockouts.py)
AXES_VERBOSE = False

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views set SAMEORIGIN for themselves
SESSION_COOKIE_HTTPONLY = True
# Content-Security-Policy (django-csp 4, portal/csp.py): on the public site, scripts from this
# origin or with the request's nonce; the admin has its own explicit policy. Video embeds may come
# from CSP_FRAME_SOURCES; the map tile host (INTAKE_MAP_TILE_URL) is added to img-src.
CSP_FRAME_SOURCES = env_list(
    "CSP_FRAME_SOURCES",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com,"
    "https://www.dailymotion.com,https://geo.dailymotion.com",
)
_csp_common = {
    "default-src": [SELF],
    "script-src-attr": [NONE],
    # DSFR, Leaflet and the admin set style attributes; styles cannot run code.
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "media-src": [SELF],
    "frame-src": [SELF, *CSP_FRAME_SOURCES],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}
if os.environ.get("CSP_REPORT_URI"):
    _csp_common["report-uri"] = [os.environ["CSP_REPORT_URI"]]
_public_policy = {"DIRECTIVES": {**_csp_common, "script-src": [SELF, NONCE]}}
# The Wagtail admin's inline scripts (see portal/csp.py): allowed, explicitly, without a nonce.
ADMIN_CONTENT_SECURITY_POLICY = {"DIRECTIVES": {**_csp_common, "script-src": [SELF, UNSAFE_INLINE]}}
# CSP_REPORT_ONLY=on sends the same policies as Content-Security-Policy-Report-Only.
if env_bool("CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_REPORT_ONLY = None, _public_policy
else:
    CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_REPORT_ONLY = _public_policy, None
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
        "django_tasks_db": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# --- Error reporting (Sentry) ----------------------------------------------------------------------
# Only when SENTRY_DSN is set. The forms collect personal data: no user, cookie, request body, query
# string or local variable is sent (portal.sentry.scrub_event removes what the options leave).
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:  # lazy: the SDK is loaded only where error reporting is configured
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
# E-mail alerts (alerts/): days before an unsubscribed, disabled or never confirmed address is
# deleted; permanent delivery failures before an address is disabled; days a confirmation link works.
ALERTS_PURGE_DAYS = int(os.environ.get("ALERTS_PURGE_DAYS", "7"))
ALERTS_MAX_FAILURES = int(os.environ.get("ALERTS_MAX_FAILURES", "3"))
ALERTS_CONFIRM_MAX_AGE_DAYS = int(os.environ.get("ALERTS_CONFIRM_MAX_AGE_DAYS", "7"))
INTAKE_MAX_FILE_SIZE = int(os.environ.get("INTAKE_MAX_FILE_SIZE", str(5 * 1024 * 1024)))
INTAKE_MAX_FILES = int(os.environ.get("INTAKE_MAX_FILES", "5"))
# A request whose declared body is larger is refused (413) before being read (portal/bodysize.py):
# the intake forms' files plus their fields, and room for the admin's document uploads. The
# proxy's client_max_body_size must match (README). Form fields without files: 2.5 MB (Django's
# DATA_UPLOAD_MAX_MEMORY_SIZE); uploads above 2.5 MB go to a temporary file, not to memory.
MAX_REQUEST_BODY_SIZE = int(os.environ.get("MAX_REQUEST_BODY_SIZE", str(32 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 2621440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2621440
DATA_UPLOAD_MAX_NUMBER_FILES = 20
# Map tiles of the Bourse map; empty: markers on a blank background (no external request).
INTAKE_MAP_TILE_URL = os.environ.get("INTAKE_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
INTAKE_MAP_ATTRIBUTION = os.environ.get(
    "INTAKE_MAP_ATTRIBUTION", '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
)
# --- Referential of authorities and Atlas ---------------------------------------------------------
# The official geographic code (npm @etalab/decoupage-administratif, installed by `npm ci`).
COG_DATA_DIR = os.environ.get("COG_DATA_DIR", "")

# --- Professional space (accounts/: django-allauth) ------------------------------------------------
# Sign-in by e-mail address, verified before the first sign-in; no user name. Every e-mail goes
# through the task queue (accounts/adapter.py). The lock-out is django-axes' (above): allauth's
# own counter of failed logins is off so that one rule applies everywhere.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "accounts.adapter.SocialAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_RATE_LIMITS = {"login_failed": None}
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:home"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Staff who can see personal data reach the admin only after a TOTP code (accounts/mfa.py).
STAFF_MFA_REQUIRED = env_bool("STAFF_MFA_REQUIRED", PRODUCTION)
MFA_TOTP_ISSUER = "Coopération décentralisée"
# Sign-in through an OpenID Connect provider (the State's ProConnect) when OIDC_SERVER_URL is set.
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
# An address that the provider vouches for (claim email_verified true) signs in to the account
# that already holds it and connects the provider to that account; an address it does not vouch
# for never reaches an existing account (allauth matches verified addresses only).
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True


def openid_connect_providers(environ):
    """allauth's provider settings for the OpenID Connect provider described by the environment
    (empty without OIDC_SERVER_URL). tests/test_accounts_oidc.py builds them the same way."""
    if not environ.get("OIDC_SERVER_URL"):
        return {}
    return {
        "openid_connect": {
            "OAUTH_PKCE_ENABLED": True,
            "APPS": [
                {
                    "provider_id": environ.get("OIDC_PROVIDER_ID", "proconnect"),
                    "name": environ.get("OIDC_PROVIDER_NAME", "ProConnect"),
                    "client_id": environ.get("OIDC_CLIENT_ID", ""),
                    "secret": environ.get("OIDC_CLIENT_SECRET", ""),
                    "settings": {
                        "server_url": environ["OIDC_SERVER_URL"],
                        "token_auth_method": environ.get("OIDC_TOKEN_AUTH_METHOD", "client_secret_post"),
                        "scope": [
                            scope.strip()
                            for scope in environ.get("OIDC_SCOPES", "openid,email,given_name,usual_name").split(",")
                            if scope.strip()
                        ],
                    },
                }
            ],
        }
    }


SOCIALACCOUNT_PROVIDERS = openid_connect_providers(os.environ)

# The captcha offers an audio alternative when flite is installed.
from shutil import which as _which  # noqa: E402

CAPTCHA_FLITE_PATH = os.environ.get("CAPTCHA_FLITE_PATH") or _which("flite")
