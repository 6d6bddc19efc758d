"""Settings for the grant-project registry.

One module for every environment: production differs from development only through
environment variables (see README, "Production"). Defaults suit a developer's machine.
"""

import json
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    normalized = value.strip().lower()
    if normalized in {"1", "true", "yes", "on"}:
        return True
    if normalized in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from None


# --- Core -----------------------------------------------------------------------------------

DEBUG = env_bool("DEBUG", default=True)

# Review before publishing: off (the default), only the Publishers group publishes; on, anyone
# who may change projects publishes their own drafts (for small teams).
REGISTRY_SELF_PUBLISHING = env_bool("REGISTRY_SELF_PUBLISHING", default=False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG=0 the registry needs a long random secret key "
            "in the SECRET_KEY environment variable, e.g. "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "django-insecure-local-development-only-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

ROOT_URLCONF = "registry.urls"
WSGI_APPLICATION = "registry.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Apps -----------------------------------------------------------------------------------

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it must come before django.contrib.admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Serve static files with whitenoise in development too, exactly as in production.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "ninja",  # serves the API docs page's assets locally
    "reversion",  # history of records with revert (projects/history.py)
    "axes",  # login throttling and lockout (below)
    "csp",  # Content-Security-Policy (below)
    "projects",
]

# --- Middleware -----------------------------------------------------------------------------

MIDDLEWARE = [
    # First: every later log line of a request carries its id (registry/request_log.py).
    "registry.request_log.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # whitenoise right after SecurityMiddleware, before anything that might touch the session.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # LocaleMiddleware needs the session and must run before CommonMiddleware.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "projects.admin_html.CompactAdminHtmlMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
    {
        # The project page's body (projects/jinja2/; why: projects/jinja_environment.py).
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "projects.jinja_environment.environment",
            "extensions": ["jinja2.ext.i18n"],
        },
    },
]
# Form widgets from Django's own Jinja2 widget templates (projects/form_rendering.py).
FORM_RENDERER = "projects.form_rendering.FastWidgetRenderer"

# --- Database -------------------------------------------------------------------------------
# DATABASE_URL absent: a SQLite file in the project. postgres://user:pass@host:5432/name switches
# to PostgreSQL. Persistent connections with health checks suit gunicorn workers.

CONN_MAX_AGE = env_int("CONN_MAX_AGE", 60)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=CONN_MAX_AGE,
        conn_health_checks=True,
    )
}

# Read replicas (registry/replicas.py): DATABASE_REPLICA_URLS, comma-separated postgres:// URLs
# of streaming replicas of the primary. Public reads go to a replica that answers and lags by
# at most DATABASE_REPLICA_MAX_LAG seconds (each process checks every
# DATABASE_REPLICA_CHECK_SECONDS); writes, the admin, transactions and commands to the primary.
# A browser that wrote reads from the primary for REPLICA_PIN_SECONDS (read-your-writes).
for number, url in enumerate(env_list("DATABASE_REPLICA_URLS", []), start=1):
    replica = dj_database_url.parse(url, conn_max_age=CONN_MAX_AGE, conn_health_checks=True)
    # A replica that is down must cost a request little: it is skipped, not waited for.
    replica.setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
    replica["TEST"] = {"MIRROR": "default"}  # tests read the primary's test database
    DATABASES[f"replica{number}"] = replica
DATABASE_REPLICA_MAX_LAG = env_int("DATABASE_REPLICA_MAX_LAG", 10)
DATABASE_REPLICA_CHECK_SECONDS = env_int("DATABASE_REPLICA_CHECK_SECONDS", 5)
REPLICA_PIN_SECONDS = env_int(
    "REPLICA_PIN_SECONDS", DATABASE_REPLICA_MAX_LAG + DATABASE_REPLICA_CHECK_SECONDS + 15
)
if len(DATABASES) > 1:
    DATABASE_ROUTERS = ["registry.replicas.ReplicaRouter"]
    MIDDLEWARE.insert(1, "registry.replicas.ReplicaMiddleware")

for database in DATABASES.values():
    if database["ENGINE"] == "django.db.backends.postgresql":
        # No JIT compilation: the page aggregates are large queries with row estimates high
        # enough to trigger it, and compiling them took a second each (of 1.8 s) at 100,000
        # projects, every time, for queries that run in milliseconds to a few hundred. A URL
        # that sets ?options=... itself keeps its own.
        database.setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")

# --- Cache and sessions ---------------------------------------------------------------------
# Aggregates (facet counts, charts, maps of whole organisations and places) and anonymous
# visitors' pages are cached, keyed by the data version, so any backend is correct.
# Default: each process's own memory, sessions in the database.
# Several app servers share one Redis (REDIS_URL, or CACHE_URL, e.g. redis://host:6379/1 or
# unix:///run/redis.sock): the cache, the corrections form's rate limit, and sessions (kept in
# Redis and in the database, so a Redis outage logs nobody out). A Redis that does not answer
# degrades to cache misses, logged, never an error (registry/cache.py).
# Any other backend: CACHE_BACKEND and CACHE_LOCATION.

REDIS_URL = os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL", "")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            f"REDIS_URL must start with redis://, rediss:// or unix://, got {REDIS_URL!r}"
        )
    try:
        redis_timeout = float(os.environ.get("REDIS_TIMEOUT_SECONDS") or 0.5)
    except ValueError:
        raise ImproperlyConfigured("REDIS_TIMEOUT_SECONDS must be a number of seconds") from None
    CACHES = {
        "default": {
            "BACKEND": "registry.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "TIMEOUT": env_int("CACHE_TIMEOUT", 3600),
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "registry"),
            "OPTIONS": {
                "socket_connect_timeout": redis_timeout,
                "socket_timeout": redis_timeout,
                "retry_on_timeout": False,
            },
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": os.environ.get(
                "CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"
            ),
            "LOCATION": os.environ.get("CACHE_LOCATION", "registry"),
            "TIMEOUT": env_int("CACHE_TIMEOUT", 3600),
            "OPTIONS": {"MAX_ENTRIES": 2000} if "CACHE_BACKEND" not in os.environ else {},
        }
    }

# --- Logins ---------------------------------------------------------------------------------
# django-axes counts failed logins in the database (shared by every app server): after
# LOGIN_FAILURE_LIMIT failures for one username, or from one client address, logins are refused
# for LOGIN_LOCKOUT_MINUTES with a page in the visitor's language. An admin unlocks at once by
# deleting the account's "access attempts" in the admin (or `manage.py axes_reset_username`).
# Behind a proxy, TRUSTED_PROXY_COUNT is how many proxies append to X-Forwarded-For.

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 60))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "registry.client_ip.client_address"

# --- Passwords ------------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Internationalisation -------------------------------------------------------------------

LANGUAGE_CODE = "ru"
LANGUAGES = [
    ("ru", _("Russian")),
    ("kk", _("Kazakh")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Almaty"
USE_I18N = True
USE_TZ = True

# Content: a field missing in the visitor's language falls back to another language, so a page
# is never empty. Russian first for Kazakh readers (most sources are Russian), then English.
MODELTRANSLATION_DEFAULT_LANGUAGE = "ru"
MODELTRANSLATION_LANGUAGES = ("ru", "kk", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("ru", "en", "kk"),
    "kk": ("ru", "en"),
    "en": ("ru", "kk"),
    "ru": ("kk", "en"),
}

# --- Static files ---------------------------------------------------------------------------

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")  # collectstatic
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Production: compressed files with content-hashed names (cached forever by browsers);
    # needs `collectstatic`. Development and tests: plain files straight from the apps.
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Security -------------------------------------------------------------------------------
# Secure by default when DEBUG is off. Behind a TLS-terminating proxy set
# SECURE_PROXY_SSL_HEADER=1 so Django trusts X-Forwarded-Proto; a proxy that redirects to HTTPS
# itself may set SECURE_SSL_REDIRECT=0.

if env_bool("SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "projects.errors.csrf_failure"  # says what to do, in the page's language
# A pasted press release over the import form's limit gets a form error, not a bare 400: the
# request may carry a few megabytes (the form refuses more than 1 MB of text itself).
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024


# Content-Security-Policy on every response (django-csp): scripts, styles, fonts and requests
# from this site only, no inline script or style, no plugins, no framing (the two embeddable
# widgets allow any site to frame them: projects/embeds.py). Images may also come from the map
# tile server (MAP_TILE_URL, below).
def _origin(url: str) -> list[str]:
    parts = urlsplit(url)
    return [f"{parts.scheme}://{parts.netloc}"] if parts.scheme and parts.netloc else []


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],  # img-src gets the tile server once MAP_TILE_URL is read
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- Logging --------------------------------------------------------------------------------

# One line per record; with LOG_FORMAT=json (the default when DEBUG is off) one JSON object,
# and every line of a request carries its id (registry/request_log.py). ACCESS_LOG=1 (the
# default with JSON logs, whose gunicorn writes none) adds a line per request with its status
# and duration.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be text or json, got {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "registry.request_log.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "registry.request_log.json_formatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # pymorphy3 announces its dictionary at INFO each time a process loads it, django-axes
    # its version; axes' failed logins and lockouts are warnings, and stay.
    "loggers": {
        "pymorphy3": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "registry.access": {
            "level": "INFO" if env_bool("ACCESS_LOG", LOG_FORMAT == "json") else "WARNING"
        },
    },
}

# --- Registry -------------------------------------------------------------------------------

SEEDS_DIR = BASE_DIR / "seeds"
# Press releases written to measure the extractor on, with an editor's reading (devset/README.md).
DEVSET_DIR = BASE_DIR / "devset"

# modeltranslation's tabbed admin would load jQuery UI from a CDN; use the vendored copy.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# Formats Django does not ship (Kazakh numbers and dates).
FORMAT_MODULE_PATH = ["registry.formats"]

# --- Open data ------------------------------------------------------------------------------
# Identifier prefixes of the registry as a publisher. Placeholders until the registry is given
# its own: 360Giving issues "360G-..." prefixes; IATI organisation identifiers are registered.
GIVING360_ID_PREFIX = os.environ.get("GIVING360_ID_PREFIX", "360G-kzgrantregistry")
IATI_REPORTING_ORG_REF = os.environ.get("IATI_REPORTING_ORG_REF", "XX-KZ-GRANT-REGISTRY")
# The public address, for links in files made by commands (exports run outside a request).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# Where `build_open_data` keeps the whole registry's downloads (projects/opendata/prebuilt.py):
# a local folder by default (OPEN_DATA_ROOT), shared by the app servers (a network volume),
# or any Django storage backend (OPEN_DATA_STORAGE, with OPEN_DATA_STORAGE_OPTIONS as JSON),
# such as an S3-compatible bucket.
OPEN_DATA_ROOT = Path(os.environ.get("OPEN_DATA_ROOT") or BASE_DIR / "var" / "open-data")
STORAGES["opendata"] = {
    "BACKEND": os.environ.get("OPEN_DATA_STORAGE", "django.core.files.storage.FileSystemStorage"),
    "OPTIONS": (
        json.loads(os.environ["OPEN_DATA_STORAGE_OPTIONS"])
        if os.environ.get("OPEN_DATA_STORAGE_OPTIONS")
        else {"location": str(OPEN_DATA_ROOT)}
    ),
}

# --- Maps -----------------------------------------------------------------------------------
# Background tiles of the maps; without them (offline, or blocked) the markers and the vendored
# country outlines still show. The attribution is required by the tile provider's licence.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] += _origin(MAP_TILE_URL)
# Empty: the OpenStreetMap credit, in the page's language (maps.tile_attribution).
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "")
