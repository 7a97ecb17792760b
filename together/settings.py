"""Settings for Together, read from the environment (see .env.example for every variable)."""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"
NODE_MODULES = BASE_DIR / "node_modules"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# development (the default), demo (development with the demo accounts printed) or production.
TOGETHER_ENV = env.str("TOGETHER_ENV", default="development")
if TOGETHER_ENV not in {"development", "demo", "production"}:
    raise ImproperlyConfigured(
        f"TOGETHER_ENV must be development, demo or production, not {TOGETHER_ENV!r}."
    )
PRODUCTION = TOGETHER_ENV == "production"

DEBUG = env.bool("DJANGO_DEBUG", default=False)

_INSECURE_DEV_KEY = "django-insecure-together-local-development-only-never-use-in-production"
if PRODUCTION:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Production needs a long random secret: "
            "python -c 'import secrets; print(secrets.token_urlsafe(64))'"
        )
    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure"):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is too weak: use at least 50 random characters "
            "(python -c 'import secrets; print(secrets.token_urlsafe(64))')."
        )
    # Keys being retired (docs/operations.md, "Rotating the secret key"): what they signed
    # still checks until they are removed.
    SECRET_KEY_FALLBACKS = env.list("DJANGO_SECRET_KEY_FALLBACKS", default=[])
    ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "DJANGO_ALLOWED_HOSTS is not set. List the host names the service answers to, "
            "separated by commas."
        )
    if DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_DEBUG is on in production. Debug pages show secrets and children's "
            "records to anyone who causes an error: set DJANGO_DEBUG=false."
        )
else:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default=_INSECURE_DEV_KEY)
    ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
    _public = [
        h for h in ALLOWED_HOSTS if h not in {"127.0.0.1", "localhost", "[::1]", "testserver"}
    ]
    if DEBUG and _public:
        raise ImproperlyConfigured(
            "DJANGO_DEBUG is on while DJANGO_ALLOWED_HOSTS names public hosts "
            f"({', '.join(_public)}). "
            "Debug pages must only ever be served on this machine."
        )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",  # trigram lookups for finding a child (children.search)
    "django.forms",
    "axes",
    "csp",
    "together.core",
    "together.accounts",
    "together.organisation",
    "together.audit",
    "together.language",
    "together.children",
    "together.proceedings",
    "together.documents",
    "together.plans",
    "together.letters",
    "together.storyboards",
    "together.courtwork",
    "together.feedback",
    "together.quality",
    "together.scorecard",
    "together.supervision",
    "together.home",
    "together.demo",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "together.core.middleware.RequestIdMiddleware",
    "together.core.middleware.PrivatePagesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "together.accounts.middleware.IdleTimeoutMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "together.urls"
WSGI_APPLICATION = "together.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "together" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "together.core.context_processors.service",
                "together.home.context_processors.navigation",
            ],
        },
    },
]

# Widgets render through the project's templates, so components/ can hold GOV.UK widget markup.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'together.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the demo server and a management command work side by side.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
else:
    # PostgreSQL, through psycopg 3, with the options Django documents for it.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if env.bool("DATABASE_POOL", default=False):
        # psycopg's connection pool (psycopg-pool), one per process. Off by default: gunicorn's
        # sync workers serve one request at a time, and persistent connections already spare
        # them a connect per request. The pool keeps the connections open, so Django must not:
        # it refuses a pool with CONN_MAX_AGE above 0.
        options.setdefault(
            "pool",
            {
                "min_size": env.int("DATABASE_POOL_MIN_SIZE", default=2),
                "max_size": env.int("DATABASE_POOL_MAX_SIZE", default=4),
                "timeout": env.float("DATABASE_POOL_TIMEOUT", default=10.0),
            },
        )
        DATABASES["default"]["CONN_MAX_AGE"] = 0
    else:
        DATABASES["default"].setdefault(
            "CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60)
        )
    if not env.bool("DATABASE_JIT", default=False):
        # PostgreSQL's just-in-time compilation of queries (on by default from PostgreSQL 12) is
        # made for long analytical queries, but the scorecard's wide conditional counts spent
        # more time compiling than running (6.2 s of 14.9 s for a month's run of children seen,
        # 661 functions), and the pages' short queries never gain from it. Off for this
        # connection (a libpq option, so no server setting is changed).
        options["options"] = " ".join(filter(None, [options.get("options", ""), "-c jit=off"]))
    if env.bool("DATABASE_SERVER_SIDE_BINDING", default=True):
        # Values travel apart from the SQL, and psycopg prepares a statement on the server once
        # it has run prepare_threshold times on a connection, so PostgreSQL plans it once
        # (planning the child's query with its access question took longer than running it).
        # Switch it off behind a pooler in transaction mode that cannot keep prepared
        # statements (PgBouncer before 1.21).
        options["server_side_binding"] = True
        options.setdefault("prepare_threshold", env.int("DATABASE_PREPARE_THRESHOLD", default=5))

# Reports read from a replica when REPORTING_DATABASE_URL names one (a read-only copy of the
# primary, such as a PostgreSQL streaming replica): the scorecard, the quality reports and the
# exports read through the "reporting" alias inside core.reporting.reporting_reads(). Without
# it they read the primary, on the same connection as everything else.
if env.str("REPORTING_DATABASE_URL", default=""):
    DATABASES["reporting"] = env.db("REPORTING_DATABASE_URL")
    for _key in ("CONN_MAX_AGE", "CONN_HEALTH_CHECKS", "OPTIONS"):
        if _key in DATABASES["default"]:
            DATABASES["reporting"].setdefault(_key, DATABASES["default"][_key])
    TOGETHER_REPORTING_DATABASE = "reporting"
else:
    # The alias still exists (tests point it at the primary's test database, as a replica
    # would be), but reports read the primary itself.
    DATABASES["reporting"] = {**DATABASES["default"]}
    TOGETHER_REPORTING_DATABASE = "default"
DATABASES["reporting"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["together.core.reporting.ReportingRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background work (PDF batches): django-tasks with its database backend; `manage.py db_worker`
# runs the tasks. Tests run them at once with the immediate backend.
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Shared by every app server and worker: rate limits and kept figures must agree between them.
# The database cache by default (`manage.py createcachetable` makes its table: make demo and
# make serve run it); Redis when CACHE_URL names it, e.g. redis://127.0.0.1:6379/1.
CACHES = {"default": env.cache("CACHE_URL", default="dbcache://together_cache")}
# django-ratelimit counts in that shared cache.
RATELIMIT_USE_CACHE = "default"

# --- Signing in -------------------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        # Staff have a given and a family name, not Django's first_name and last_name.
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ["email", "given_name", "family_name"]},
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "home:home"
LOGOUT_REDIRECT_URL = "accounts:signed-out"

# A session ends after this long without a request (the idle timeout), and in any case when the
# browser closes or after SESSION_COOKIE_AGE.
IDLE_TIMEOUT = timedelta(minutes=env.int("TOGETHER_IDLE_MINUTES", default=30))
# How exactly the idle time is measured: the time of the last request is written into the
# session at most this often, so a person clicking through pages writes their session once a
# minute rather than on every request. A session is never ended early for it: it ends between
# IDLE_TIMEOUT and IDLE_TIMEOUT + IDLE_PRECISION after the last request (accounts.middleware).
IDLE_PRECISION = min(timedelta(minutes=1), IDLE_TIMEOUT / 30)
SESSION_COOKIE_AGE = 60 * 60 * 12
# Sessions are kept in the database. With a cache of their own (Redis, when CACHE_URL names it)
# they are read from the cache and written to both ("cached_db": a session survives the cache
# being emptied), which saves a database query on every signed-in request. With the database
# cache that would only move the query to another table, so the plain database store is used.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.db"
    if CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    else "django.contrib.sessions.backends.cached_db"
)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_NAME = "together_session"
CSRF_COOKIE_NAME = "together_csrftoken"
CSRF_FAILURE_VIEW = "together.core.views.csrf_failure"

# django-axes: lock an account (not an office's shared IP address) after repeated wrong passwords.
AXES_FAILURE_LIMIT = env.int("TOGETHER_LOCKOUT_ATTEMPTS", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("TOGETHER_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username"]
# Staff share office addresses, so locking by address would lock out a whole office.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "together.accounts.views.axes_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "together.accounts.views.locked_out"
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = False

# --- Password reset and email -----------------------------------------------------------------

# The only email the service sends is a link to choose a password: asked for on the sign-in page,
# sent by a system administrator, or for a new account. A link works once, for this long.
PASSWORD_RESET_TIMEOUT = 60 * env.int("TOGETHER_PASSWORD_RESET_MINUTES", default=60)
# How many links one email address may be sent (django-ratelimit's rate syntax); past that the page
# answers the same but sends nothing, so nobody can fill a colleague's inbox.
TOGETHER_PASSWORD_RESET_RATE = env.str("TOGETHER_PASSWORD_RESET_RATE", default="5/h")

# EMAIL_URL names the mail server (django-environ: smtp+tls://user:password@host:587, or
# consolemail:// to write emails to the log). Without it, outside production, emails are kept in
# an outbox in the database (accounts.OutboxEmail) that system administrators read in the admin
# site; production refuses to start without it, so a reset link is never silently lost.
if env.str("EMAIL_URL", default=""):
    _email = env.email_url("EMAIL_URL")
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST = _email.get("EMAIL_HOST") or "localhost"
    EMAIL_PORT = _email.get("EMAIL_PORT") or 25
    EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER") or ""
    EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD") or ""
    EMAIL_USE_TLS = bool(_email.get("EMAIL_USE_TLS"))
    EMAIL_USE_SSL = bool(_email.get("EMAIL_USE_SSL"))
elif PRODUCTION:
    raise ImproperlyConfigured(
        "EMAIL_URL is not set. Production sends password reset links by email: set EMAIL_URL to "
        "the mail server, for example smtp+tls://user:password@smtp.example.org:587 (with "
        "special characters in the password percent-encoded), or to consolemail:// to write "
        "emails to the log instead."
    )
else:
    EMAIL_BACKEND = "together.accounts.outbox.OutboxBackend"
EMAIL_TIMEOUT = 10
# Who the emails come from: by default no-reply at the first host name the service answers to.
_mail_host = ALLOWED_HOSTS[0].lstrip(".") if PRODUCTION else "localhost"
DEFAULT_FROM_EMAIL = env.str(
    "DJANGO_DEFAULT_FROM_EMAIL", default=f"Together <no-reply@{_mail_host}>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security headers -------------------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    # A load balancer probes the app servers over plain HTTP: the health checks answer it there.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# How many reverse proxies sit in front of the app. The client's address is read from
# X-Forwarded-For only when this is more than 0, so it cannot be forged on a direct connection.
TOGETHER_TRUSTED_PROXIES = env.int("TOGETHER_TRUSTED_PROXIES", default=1 if PRODUCTION else 0)
AXES_CLIENT_IP_CALLABLE = "together.core.middleware.client_ip"

# --- Language, time and static files ----------------------------------------------------------

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
# The service is in English only: Django's translation machinery stays off, as its settings
# reference advises when it is not used (measured: about 0.5 ms less CPU a page, issue 13). Dates
# still read the British way: en-gb's formats are used whether or not it is on.
USE_I18N = False
USE_TZ = True

# GOV.UK Frontend's compiled CSS points at /assets/fonts and /assets/images, so static files are
# served from /assets/ and its assets folder sits at the root of the static tree.
STATIC_URL = "/assets/"
# Collected only for production (make serve); elsewhere files are served from their folders.
STATIC_ROOT = VAR_DIR / "static" if PRODUCTION else None
STATICFILES_DIRS = [
    BASE_DIR / "together" / "static",
    NODE_MODULES / "govuk-frontend" / "dist" / "govuk" / "assets",
    NODE_MODULES / "@ministryofjustice" / "frontend" / "moj" / "assets",
    ("govuk", NODE_MODULES / "govuk-frontend" / "dist" / "govuk"),
    ("moj", NODE_MODULES / "@ministryofjustice" / "frontend" / "moj"),
    ("htmx", NODE_MODULES / "htmx.org" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        ),
    },
}
# Outside production, serve straight from the source folders so no collectstatic is needed.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG

# --- Logging ----------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "{asctime} {levelname} {name} {message}", "style": "{"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("TOGETHER_LOG_LEVEL", default="WARNING")},
}
if PRODUCTION:
    # One JSON object a line, with the request id and no personal data (core.logs), and an access
    # line for every request but the health checks: method, URL pattern, status and duration.
    LOGGING["formatters"]["json"] = {"()": "together.core.logs.JsonFormatter"}
    LOGGING["handlers"]["console"]["formatter"] = "json"
    if env.bool("TOGETHER_ACCESS_LOG", default=True):
        LOGGING["loggers"] = {"together.access": {"level": "INFO"}}

# --- Together's own settings ------------------------------------------------------------------

TOGETHER_SERVICE_NAME = "Together"
TOGETHER_PHASE = env.str("TOGETHER_PHASE", default="Alpha")
# How often one person may call the language-check API (django-ratelimit's rate syntax).
# The address the public reaches the service at, for the short links and QR codes printed on
# letters and shared plans (they must work from a phone, so not a relative address).
TOGETHER_PUBLIC_URL = env.str("TOGETHER_PUBLIC_URL", default="http://127.0.0.1:8000").rstrip("/")
# How long a feedback link printed on a letter or shared plan keeps working, in days.
TOGETHER_FEEDBACK_DAYS = env.int("TOGETHER_FEEDBACK_DAYS", default=120)
# How many answers one address may post to the public feedback form (counted in the cache: with
# several servers CACHE_URL must point at a shared cache for the limit to hold across them).
TOGETHER_FEEDBACK_RATE = env.str("TOGETHER_FEEDBACK_RATE", default="30/m")
# How many short codes (printed on letters for a child to type) one address may try, counted the
# same way: every try counts, so codes cannot be guessed in bulk.
TOGETHER_FEEDBACK_CODE_RATE = env.str("TOGETHER_FEEDBACK_CODE_RATE", default="10/m")
# How many working days before the first hearing the safeguarding letter is due with the court.
TOGETHER_SAFEGUARDING_LETTER_WORKING_DAYS = env.int(
    "TOGETHER_SAFEGUARDING_LETTER_WORKING_DAYS", default=2
)

TOGETHER_LANGUAGE_API_RATE = env.str("TOGETHER_LANGUAGE_API_RATE", default="60/m")
# Routes used only by the benchmarks in bench/ (a bare page for the floor measurement).
TOGETHER_BENCH_ROUTES = env.bool("TOGETHER_BENCH_ROUTES", default=False)
# How many working days after a hearing the child should be told what the judge decided.
TOGETHER_TELL_CHILD_WORKING_DAYS = env.int("TOGETHER_TELL_CHILD_WORKING_DAYS", default=10)
