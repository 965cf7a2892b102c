"""Settings for the application, read from environment variables.

Every setting a council may change is an environment variable so that one build
serves development, CI and production. Secrets never live in the repository: in
development a random SECRET_KEY is generated once and kept in ``instance/``.
"""

from __future__ import annotations

import os
import re
import secrets
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent
INSTANCE = ROOT / "instance"


class ConfigError(SystemExit):
    """A setting is wrong: stop at startup with one line that says which and how to fix it.

    A SystemExit rather than an ordinary exception, so that whatever reads the settings
    (``flask``, gunicorn's master, the RQ worker) stops with exit status 1 and this line
    alone, never a traceback in which the message is lost, and never a half-started app
    that fails later, in a request.
    """

    def __init__(self, message: str) -> None:
        super().__init__(f"Configuration error: {message}")


TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})


def _flag(name: str, default: bool) -> bool:
    """Read a yes/no setting; anything but a clear yes or no is an error, never a silent no."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ConfigError(f"{name} must be one of true/false, yes/no, on/off or 1/0, not {value!r}")


#: The fewest days each retention setting may be (services/retention_periods.py says why).
RETENTION_FLOORS = {
    "COMPLAINT_RETENTION_DAYS": 365,
    "SURVEY_CONTACT_RETENTION_DAYS": 30,
    "DRAFT_RETENTION_DAYS": 1,
}


def _int(name: str, default: int, minimum: int, why: str = "") -> int:
    """Read a whole-number setting of at least ``minimum``; ``why`` explains the floor."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {value[:40]!r}") from None
    if number < minimum:
        reason = f": {why}" if why else ""
        raise ConfigError(f"{name} must be at least {minimum}, not {number}{reason}")
    return number


# DATABASE_URL schemes the app has drivers for (psycopg 3 and the standard library).
DATABASE_SCHEMES = {
    "postgres": "postgresql+psycopg",
    "postgresql": "postgresql+psycopg",
    "postgresql+psycopg": "postgresql+psycopg",
    "sqlite": "sqlite",
}


def _database_url() -> str:
    """Read DATABASE_URL; refuse a database the app has no driver for, or a missing folder."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        INSTANCE.mkdir(exist_ok=True)
        return f"sqlite:///{INSTANCE / 'feedback.sqlite3'}"
    scheme, separator, rest = url.partition("://")
    if not separator or scheme.lower() not in DATABASE_SCHEMES:
        # Name only the scheme: the rest of the URL may hold a password.
        raise ConfigError(
            "DATABASE_URL must start with postgresql:// (or postgres://) for PostgreSQL, "
            f"or sqlite:/// for SQLite; {scheme + '://' if separator else 'it'} is not supported"
        )
    # Hosting platforms hand out postgres:// URLs; SQLAlchemy needs the driver named.
    url = f"{DATABASE_SCHEMES[scheme.lower()]}://{rest}"
    if url.startswith("sqlite://"):
        _check_sqlite_folder(url)
    return url


def _check_sqlite_folder(url: str) -> None:
    """Refuse a SQLite path whose folder does not exist: a mistyped path fails at startup.

    (SQLite would otherwise fail on every request. A mistyped file name in a folder that
    exists is refused when the app connects, outside development: services/database.py.)
    """
    from sqlalchemy.engine import make_url

    database = make_url(url).database or ""
    if database in {"", ":memory:"} or database.startswith("file:"):
        return
    folder = Path(database).expanduser().resolve().parent
    if not folder.is_dir():
        raise ConfigError(
            f"DATABASE_URL: the folder {folder} for the SQLite database does not exist"
        )


def hide_password(text: str) -> str:
    """Return ``text`` with the password of every address in it written as ``***``.

    ``redis://:S3cret@redis-host:6379/0`` becomes ``redis://:***@redis-host:6379/0``; a
    mistyped address (``redis:/:S3cret@redis-host``) is masked just the same. For
    anything the app prints or logs that may hold a URL from the settings.
    """
    return _PASSWORD.sub("***", text)


# A password: after a colon, up to the @ that ends it (no slash or space on the way).
_PASSWORD = re.compile(r"(?<=:)[^/@\s]+(?=@)")


def _rate_limit(name: str, default: str) -> str:
    """Read a rate limit such as ``10 per minute``, checked by flask-limiter's own parser.

    flask-limiter would otherwise log an error on every request and let it through: a
    mistyped limit switched rate limiting off without a word.
    """
    value = os.environ.get(name, "").strip() or default
    from limits import parse_many

    try:
        parse_many(value)
    except ValueError:
        raise ConfigError(
            f"{name} must be a rate limit such as '10 per minute' or '100/hour', not {value[:40]!r}"
        ) from None
    return value


#: The storages of flask-limiter (``limits``) whose client is installed: memory and Redis.
RATE_LIMIT_STORAGES = frozenset(
    {"memory", "redis", "rediss", "redis+unix", "redis+sentinel", "redis+cluster"}
)


def _rate_limit_storage() -> str:
    """Read RATELIMIT_STORAGE_URI: a storage flask-limiter knows, such as redis:// or memory://."""
    url = os.environ.get("RATELIMIT_STORAGE_URI", "").strip() or "memory://"
    scheme, separator, _ = url.partition("://")
    if not separator or scheme.lower() not in RATE_LIMIT_STORAGES:
        # The scheme alone: the rest may hold a password.
        raise ConfigError(
            "RATELIMIT_STORAGE_URI must start with redis:// (shared by every worker and "
            "host), rediss:// or memory:// (each worker counts alone), "
            f"not {(scheme + '://') if separator else 'what it does'}"
        )
    if scheme.lower() in {"redis", "rediss", "redis+unix"}:
        _check_redis_address("RATELIMIT_STORAGE_URI", url.replace("redis+unix", "unix", 1))
    return url


REDIS_SCHEMES = ("redis", "rediss", "unix")


def _redis_url() -> str:
    """Read REDIS_URL (the job queue): empty, or an address Redis's client can read."""
    url = os.environ.get("REDIS_URL", "").strip()
    if url:
        _check_redis_address("REDIS_URL", url)
    return url


def _check_redis_address(name: str, url: str) -> None:
    """Refuse a Redis address the client cannot read, naming the setting, never its value
    (which may hold a password)."""
    scheme, separator, rest = url.partition("://")
    example = "redis://:PASSWORD@redis-host:6379/0"
    if not separator or scheme.lower() not in REDIS_SCHEMES:
        raise ConfigError(f"{name} must start with redis://, rediss:// or unix://, like {example}")
    from redis.connection import parse_url

    try:
        parse_url(url)
    except ValueError:
        raise ConfigError(
            f"{name} is not an address Redis can read (check the port); write it like {example}"
        ) from None
    if scheme.lower() == "unix":
        return
    netloc, _, path = rest.partition("/")
    host = netloc.rpartition("@")[2].split(":")[0]
    database = path.split("?")[0]
    if not host or (database and not database.isdigit()):
        raise ConfigError(
            f"{name} needs a host and, after it, a database number if any; write it like {example}"
        )


def _development_secret_key() -> str:
    """Return a secret key kept in instance/ so sessions survive restarts in development."""
    INSTANCE.mkdir(exist_ok=True)
    key_file = INSTANCE / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


class Config:
    """Settings shared by every environment."""

    ENVIRONMENT = os.environ.get("FEEDBACK_ENV", "development")
    SQLALCHEMY_DATABASE_URI = _database_url()
    # hide_parameters: an error message (a log line, a traceback) never carries the values
    # a query was sent, which may be a form token or a parent's words.
    SQLALCHEMY_ENGINE_OPTIONS: dict[str, object] = {"pool_pre_ping": True, "hide_parameters": True}
    # Whether opening a SQLite file that is not there makes it, empty (SQLite's way). Only
    # in development and tests: elsewhere a missing file is refused, and the app says it is
    # missing and how to make it (``flask db upgrade``), which alone may make it
    # (services/database.py).
    CREATE_MISSING_SQLITE_FILE = False
    SECRET_KEY = os.environ.get("SECRET_KEY", "")

    COUNCIL_NAME = os.environ.get("COUNCIL_NAME", "Worcestershire Children First")
    SERVICE_NAME = os.environ.get("SERVICE_NAME", "Have your say about SEND")
    URGENT_HELP_TEXT = os.environ.get(
        "URGENT_HELP_TEXT",
        "If a child is in immediate danger, call 999. If you are worried about a child's "
        "safety, call the Family Front Door on 01905 822666 (out of hours 01905 768020). "
        "For urgent mental health help, call NHS 111 and choose option 2.",
    )
    # The same help in words for children and young people (their start page, their
    # comment question, their confirmation).
    URGENT_HELP_TEXT_YOUNG_PEOPLE = os.environ.get(
        "URGENT_HELP_TEXT_YOUNG_PEOPLE",
        "If you are in danger now, call 999. If you are worried about being safe, tell an "
        "adult you trust or call the Family Front Door on 01905 822666. You can call "
        "Childline free on 0800 1111 at any time.",
    )
    CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "sendfeedback@example.gov.uk")

    SUPPRESSION_THRESHOLD = _int(
        "SUPPRESSION_THRESHOLD", 5, 2, "a smaller base would publish the answers of one family"
    )
    RATELIMIT_ENABLED = _flag("RATELIMIT_ENABLED", True)
    RATELIMIT_STORAGE_URI = _rate_limit_storage()
    # If Redis is down, count in memory for a while rather than refuse every form.
    RATELIMIT_SWALLOW_ERRORS = True
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    # Public forms (a complaint, a resume code) per client address and page.
    RATELIMIT_PUBLIC_POST = _rate_limit("RATELIMIT_PUBLIC_POST", "60 per minute")
    # A school network is one address, and a class of up to 60 answers together. "Start
    # now" is pressed once each, perhaps twice (the other version): 120. Every question
    # shares one page address, so a class of 60 going through 7 questions in about 3
    # minutes sends 140 answers a minute, and two or three times that when the teacher
    # says "next" and they all press Continue at once: 600. An answer only changes the
    # draft of the browser that sent it, so a high limit here risks little; resume codes
    # keep RATELIMIT_PUBLIC_POST, because guessing them is the risk there.
    RATELIMIT_SURVEY_START = _rate_limit("RATELIMIT_SURVEY_START", "120 per minute")
    RATELIMIT_SURVEY_ANSWER = _rate_limit("RATELIMIT_SURVEY_ANSWER", "600 per minute")
    RATELIMIT_SIGN_IN = _rate_limit("RATELIMIT_SIGN_IN", "10 per minute")
    # How many proxies in front of the app append to X-Forwarded-For. 0 trusts none
    # (the header is ignored); behind the documented nginx it is 1, so rate limits count
    # each client's address rather than nginx's 127.0.0.1. Never more than there are:
    # a client could then forge its address.
    TRUSTED_PROXIES = _int("TRUSTED_PROXIES", 0, 0)
    REDIS_URL = _redis_url()

    # Saved survey answers can be resumed for this many hours (SPEC: at least 20).
    RESUME_HOURS = _int("RESUME_HOURS", 72, 20, "families are promised at least 20 hours")
    SIGN_IN_MAX_FAILURES = _int("SIGN_IN_MAX_FAILURES", 5, 1)
    SIGN_IN_LOCKOUT_MINUTES = _int("SIGN_IN_LOCKOUT_MINUTES", 15, 1)
    # How long an emailed "reset your password" link works (once).
    PASSWORD_RESET_MINUTES = _int("PASSWORD_RESET_MINUTES", 60, 1)
    # Where people reach the service, like https://send-feedback.example.gov.uk. Links in
    # emails are built from it; unset, from the request's Host header, which a client
    # chooses: set it in production so a forged Host cannot send a reset link elsewhere.
    PUBLIC_URL = os.environ.get("PUBLIC_URL", "").strip().rstrip("/")

    # Complaint clocks in working days (LGSCO complaint handling code defaults).
    STAGE1_ACKNOWLEDGE_DAYS = _int("STAGE1_ACKNOWLEDGE_DAYS", 5, 1)
    STAGE1_RESPOND_DAYS = _int("STAGE1_RESPOND_DAYS", 10, 1)
    STAGE1_MAX_EXTENSION_DAYS = _int("STAGE1_MAX_EXTENSION_DAYS", 10, 0)
    STAGE2_ACKNOWLEDGE_DAYS = _int("STAGE2_ACKNOWLEDGE_DAYS", 5, 1)
    STAGE2_RESPOND_DAYS = _int("STAGE2_RESPOND_DAYS", 20, 1)
    STAGE2_MAX_EXTENSION_DAYS = _int("STAGE2_MAX_EXTENSION_DAYS", 10, 0)

    # Retention, in days: personal data in complaints after closure, contact details in
    # survey responses after submission, unfinished survey drafts after last change.
    # services/retention_periods.py checks them again, against the same floors, before
    # `flask purge-expired` erases anything (and explains why each floor is what it is).
    COMPLAINT_RETENTION_DAYS = _int(
        "COMPLAINT_RETENTION_DAYS", 6 * 365, RETENTION_FLOORS["COMPLAINT_RETENTION_DAYS"]
    )
    SURVEY_CONTACT_RETENTION_DAYS = _int(
        "SURVEY_CONTACT_RETENTION_DAYS", 365, RETENTION_FLOORS["SURVEY_CONTACT_RETENTION_DAYS"]
    )
    DRAFT_RETENTION_DAYS = _int(
        "DRAFT_RETENTION_DAYS", 30, RETENTION_FLOORS["DRAFT_RETENTION_DAYS"]
    )

    NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
    NOTIFY_BASE_URL = os.environ.get("NOTIFY_BASE_URL", "")
    # One GOV.UK Notify email template with ((subject)) and ((body)) placeholders.
    NOTIFY_TEMPLATE_ID = os.environ.get("NOTIFY_TEMPLATE_ID", "")
    COMPLAINTS_EMAIL = os.environ.get("COMPLAINTS_EMAIL", "")
    SAFEGUARDING_LEAD_EMAIL = os.environ.get("SAFEGUARDING_LEAD_EMAIL", "")

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_HTTPONLY = True
    PERMANENT_SESSION_LIFETIME = 8 * 60 * 60
    # A parent may leave a page open for hours; tokens last as long as the session.
    WTF_CSRF_TIME_LIMIT = None
    WTF_CSRF_HEADERS = ["X-CSRFToken"]
    MAX_CONTENT_LENGTH = 10 * 1024 * 1024
    SEND_FILE_MAX_AGE_DEFAULT = 365 * 24 * 60 * 60  # static URLs carry a content hash
    COMPRESS_MIMETYPES = [
        "text/html",
        "text/css",
        "text/javascript",
        "application/javascript",
        "application/json",
        "text/csv",
        "image/svg+xml",
        "application/atom+xml",
    ]
    COMPRESS_ALGORITHM = ["br", "gzip"]
    BABEL_DEFAULT_LOCALE = "en_GB"
    HSTS = False
    LOG_JSON = _flag("LOG_JSON", False)


class DevelopmentConfig(Config):
    """Local development: a generated secret key and an embedded database."""

    CREATE_MISSING_SQLITE_FILE = True


class TestingConfig(Config):
    """Tests: fixed secret, rate limits off unless a test turns them on."""

    TESTING = True
    SECRET_KEY = "test-secret-key-not-for-production"  # noqa: S105
    RATELIMIT_ENABLED = False
    CREATE_MISSING_SQLITE_FILE = True


class ProductionConfig(Config):
    """Production: secure cookies, HSTS, and a secret key that must be supplied."""

    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    HSTS = True
    TRUSTED_PROXIES = _int("TRUSTED_PROXIES", 1, 0)
    LOG_JSON = _flag("LOG_JSON", True)


#: The RATELIMIT_* environment variables the app reads; any other is a mistyped one.
RATE_LIMIT_SETTINGS = (
    "RATELIMIT_ENABLED",
    "RATELIMIT_STORAGE_URI",
    "RATELIMIT_PUBLIC_POST",
    "RATELIMIT_SURVEY_START",
    "RATELIMIT_SURVEY_ANSWER",
    "RATELIMIT_SIGN_IN",
)


def _check_rate_limit_names() -> None:
    """Refuse a RATELIMIT_* variable the app does not read: a misspelt limit would be
    ignored, leaving the default in force without a word."""
    for name in sorted(os.environ):
        if name.startswith("RATELIMIT_") and name not in RATE_LIMIT_SETTINGS:
            raise ConfigError(
                f"{name} is not a setting; the rate limit settings are "
                f"{', '.join(RATE_LIMIT_SETTINGS)}"
            )


# A GOV.UK Notify API key: its name, then the service id and the secret (two UUIDs).
_UUID = r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"
_NOTIFY_KEY = re.compile(rf".+-{_UUID}-{_UUID}", re.IGNORECASE)


def _check_notify(config: type[Config]) -> None:
    """Refuse GOV.UK Notify settings that would make every email fail: a key without the
    template to send from (or the lead's address to send alerts to), or the other way round.

    Never prints the key.
    """
    key, template = config.NOTIFY_API_KEY.strip(), config.NOTIFY_TEMPLATE_ID.strip()
    base_url = config.NOTIFY_BASE_URL.strip()
    if not key:
        stray = [
            name
            for name, value in (("NOTIFY_TEMPLATE_ID", template), ("NOTIFY_BASE_URL", base_url))
            if value
        ]
        if stray:
            raise ConfigError(
                f"{' and '.join(stray)} {'is' if len(stray) == 1 else 'are'} set but "
                "NOTIFY_API_KEY is not: set the key too to send email through GOV.UK Notify, "
                "or unset them to log messages only"
            )
        return
    if not _NOTIFY_KEY.fullmatch(key):
        raise ConfigError(
            "NOTIFY_API_KEY is not a GOV.UK Notify API key (it ends with two ids, each like "
            "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx): copy the whole key from Notify"
        )
    if not template:
        raise ConfigError(
            "NOTIFY_TEMPLATE_ID must be set with NOTIFY_API_KEY: the id of the Notify email "
            "template whose subject is ((subject)) and body ((body))"
        )
    try:
        uuid.UUID(template)
    except ValueError:
        raise ConfigError(
            f"NOTIFY_TEMPLATE_ID must be a Notify template id such as "
            f"f33517ff-2a88-4f6e-b855-c550268ce08a, not {template[:40]!r}"
        ) from None
    if base_url and not base_url.startswith(("https://", "http://")):
        raise ConfigError(
            "NOTIFY_BASE_URL must start with https:// (or be empty for GOV.UK Notify itself)"
        )
    if "@" not in config.SAFEGUARDING_LEAD_EMAIL:
        raise ConfigError(
            "SAFEGUARDING_LEAD_EMAIL must be set to an email address with NOTIFY_API_KEY: "
            "safeguarding alerts are emailed to it"
        )


CONFIGS: dict[str, type[Config]] = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def load_config(name: str | None = None) -> type[Config]:
    """Pick the settings class for the named environment, defaulting to FEEDBACK_ENV."""
    chosen = (name or os.environ.get("FEEDBACK_ENV", "")).strip().lower() or "development"
    config = CONFIGS.get(chosen)
    if config is None:
        # A typo must not quietly run development settings (no secure cookies, no HSTS).
        raise ConfigError(f"FEEDBACK_ENV must be one of {', '.join(CONFIGS)}, not {chosen[:40]!r}")
    if config is ProductionConfig and not os.environ.get("SECRET_KEY"):
        raise ConfigError("SECRET_KEY must be set in production")
    if config is ProductionConfig and not os.environ.get("PUBLIC_URL", "").startswith("https://"):
        # Links in emails (password resets) would otherwise take the request's Host
        # header, which anyone can forge to point a reset link at their own site.
        raise ConfigError("PUBLIC_URL must be set to the service's https:// address in production")
    _check_rate_limit_names()
    _check_notify(config)
    if config is DevelopmentConfig and not config.SECRET_KEY:
        config.SECRET_KEY = _development_secret_key()
    return config
