"""The server's settings, read from FLOWIN_CLOUD_* environment variables (or given in code)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class ConfigurationError(ValueError):
    """A setting the server refuses to start with; the message says what to change."""


def default_data_dir() -> Path:
    """The cloud's folder inside Flowin's data folder (FLOWIN_DATA_DIR when set)."""
    configured = os.environ.get("FLOWIN_DATA_DIR")
    base = Path(configured) if configured else Path(user_data_dir("Flowin", "Flowin"))
    return base / "cloud"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FLOWIN_CLOUD_", extra="ignore")

    # SQLite in the data folder when not given; any SQLAlchemy URL otherwise
    # (PostgreSQL: postgresql+psycopg://user:password@host/database).
    database_url: str | None = None
    data_dir: Path = Field(default_factory=default_data_dir)
    # Development mode: e-mails and SMS are written to the log instead of being sent.
    dev: bool = False
    # The address of the web page that opens links from e-mails (password reset, verification).
    public_url: str = "http://127.0.0.1:8800"

    # When not given, one is generated and kept in data_dir/jwt-secret so restarts keep sessions.
    jwt_secret: SecretStr | None = None
    access_token_minutes: int = Field(default=15, ge=1)
    refresh_token_days: int = Field(default=30, ge=1)
    # The longest a sign-in lasts, however often it is refreshed; then its owner signs in again.
    sign_in_days: int = Field(default=30, ge=1)
    # Encrypts authenticator-app secrets in the database; kept in data_dir/data-key when not
    # given. Losing it turns those apps off for sign-in: their owners use a backup code.
    data_key: SecretStr | None = None
    bcrypt_rounds: int = Field(default=12, ge=4, le=31)

    api_keys_per_user: int = Field(default=5, ge=1)
    max_flow_bytes: int = Field(default=2 * 1024 * 1024, ge=1024)

    # Rate limits in the `limits` notation ("10/minute", "100/hour"), moving windows.
    # Sign-ins: attempts from one client address (at any account), and at one account from one
    # client address. Tight, yet the owner is held back only if the guesses come from their
    # own address.
    login_limit_per_email: str = "10/minute"
    login_limit_per_ip: str = "60/minute"
    # Attempts at one account from all the client addresses that have not signed in to it
    # (OWASP ASVS: at most 100 failed guesses an hour per account). An address that signed in
    # with the password in the last LOGIN_KNOWN_PLACE_DAYS has a budget of its own, so guesses
    # from elsewhere cannot lock the owner out where they sign in.
    login_guesses_per_email: str = "100/hour"
    # Password reset, verification and 2FA codes: per address/phone/account and per client address.
    code_limit_per_target: str = "5/minute"
    code_limit_per_ip: str = "30/minute"
    # Text messages cost money: per account, how many verification texts a day, and to how
    # many different numbers.
    sms_limit_per_account: str = "10/day"
    sms_numbers_per_account_per_day: int = Field(default=5, ge=1)
    # "Someone tried to sign up with your address" mails, per address: more would flood it.
    signup_notice_limit_per_address: str = "1/hour"
    # The public API (/api/*), per account, whether called with an access token or API key.
    api_limit_per_account: str = "600/minute"
    # Notifications the desktop app e-mails to the account's own address (a flow failed), per
    # account: a flow failing in a loop must not flood the mailbox or the server's mail quota.
    notification_mail_limit_per_account: str = "30/hour"
    # Where the counts are kept, as a `limits` storage URI: "memory://" counts in this process;
    # servers of several processes share one store, e.g. "redis://host:6379" (pip install
    # "limits[redis]"), so each process does not count only its own attempts.
    rate_limit_storage: str = "memory://"

    # The newest desktop version, which apps asking GET /api/version are told about (they only
    # inform their user); when not given, the version this server was released with.
    latest_desktop_version: str | None = None

    # The webhook relay (docs/relay.md): public addresses for the webhook triggers of the
    # computers signed in to an account. The base of those addresses as senders reach them
    # (PUBLIC_URL when not given).
    relay_public_url: str | None = None
    # The largest request body a public address takes; a larger one is answered 413 unread.
    relay_max_body_bytes: int = Field(default=1024 * 1024, ge=1024)
    # Requests to all of one account's addresses, in the `limits` notation.
    relay_limit_per_account: str = "600/minute"
    # Requests kept for an account's computer while it is away; beyond, 429 with Retry-After.
    relay_max_waiting: int = Field(default=10_000, ge=1)
    relay_full_retry_seconds: int = Field(default=60, ge=1)
    # How long a request to a "respond when done" trigger waits for the computer's answer
    # before it gets 202 (senders such as WhatsApp and Slack give up after a few seconds).
    relay_answer_seconds: float = Field(default=5, ge=0, le=30)
    # How long a request waits for its computer at most; then it is deleted, delivered or not.
    relay_retention_hours: float = Field(default=72, gt=0)
    # How often each server process deletes the requests kept longer than that.
    relay_sweep_seconds: float = Field(default=60, gt=0)
    # The longest a long poll (GET /relay/events?wait=) may wait for an event.
    relay_poll_seconds: int = Field(default=25, ge=1, le=120)
    # Events sent on one WebSocket and not yet acknowledged, at most.
    relay_in_flight: int = Field(default=100, ge=1)
    # How often an open WebSocket tells the database its computer is connected and re-checks
    # the sign-in it was opened with.
    relay_heartbeat_seconds: float = Field(default=10, gt=0)

    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = True
    mail_from: str = "Flowin <no-reply@flowin.app>"

    twilio_account_sid: str | None = None
    twilio_auth_token: SecretStr | None = None
    twilio_from: str | None = None
    # Twilio's API (https://api.twilio.com) when not given; another address is for a stand-in,
    # such as the tests' local server.
    twilio_base_url: str | None = None

    # "Sign in with Google/GitHub": a provider is offered once its client id and secret are set.
    # The endpoints are the providers' own; other addresses are for stand-ins such as the tests'.
    google_client_id: str | None = None
    google_client_secret: SecretStr | None = None
    google_authorize_url: str = "https://accounts.google.com/o/oauth2/v2/auth"
    google_token_url: str = "https://oauth2.googleapis.com/token"
    google_userinfo_url: str = "https://openidconnect.googleapis.com/v1/userinfo"
    github_client_id: str | None = None
    github_client_secret: SecretStr | None = None
    github_authorize_url: str = "https://github.com/login/oauth/authorize"
    github_token_url: str = "https://github.com/login/oauth/access_token"
    github_api_url: str = "https://api.github.com"
    # Seconds to wait for a provider's token and user endpoints before giving up.
    oauth_timeout_seconds: float = Field(default=10, gt=0)

    # Flows that run in the cloud (flowin_cloud/runner): Celery workers fed through Redis.
    broker_url: str = "redis://127.0.0.1:6379/0"
    # How often a cloud-run flow's polling trigger asks its service for new items, when the
    # trigger does not say (as the desktop: once a minute).
    poll_seconds: float = Field(default=60, gt=0)
    # Put before every key the runner writes in Redis, so several clouds (or test runs) can
    # share one Redis server without taking each other's runs.
    broker_key_prefix: str = ""
    # The longest one cloud run may take; then it stops with an error (a soft limit inside the
    # run, and the worker child is killed a little after it if a step does not let go).
    run_time_limit_seconds: int = Field(default=300, ge=1)
    # A run whose worker vanished (killed, machine lost) goes to another worker after this many
    # seconds. It must be longer than the time limit, or a run still going would be handed out
    # twice (the second copy would wait for the first: runs hold a lock in the database).
    run_redelivery_seconds: int | None = Field(default=None, ge=1)
    # A worker child that has grown past this many megabytes is replaced after its run.
    worker_max_memory_mb: int = Field(default=512, ge=32)
    # Runs of one account going at once, across all workers; more wait in line, so one
    # account's flood cannot take every worker.
    account_concurrency: int = Field(default=2, ge=1)
    # How long a run that found its account's places taken waits before trying again: twice
    # as long each time, up to the longest wait, so a flood of one account's runs does not
    # keep the workers busy asking.
    account_wait_seconds: float = Field(default=1.0, gt=0)
    account_wait_max_seconds: float = Field(default=30.0, gt=0)
    # Accounts are spread over this many queues, which workers take from in turn.
    run_queues: int = Field(default=16, ge=1, le=1024)
    # Wraps the data key of each connected account uploaded for cloud runs (envelope
    # encryption): 32 bytes as URL-safe base64. Kept in data_dir/master-key when not given; a
    # KMS takes its place by implementing runner.vault.MasterKey.
    master_key: SecretStr | None = None
    # Steps run by the workers may call addresses inside private networks (127.0.0.1, 10/8,
    # 169.254.169.254, ...). Off: a flow must not reach the cloud's own network (an SSRF); on
    # only for a cloud tried out on one machine, or tests whose stand-ins listen on 127.0.0.1.
    runner_allow_private_addresses: bool = False

    def redelivery_seconds(self) -> int:
        return self.run_redelivery_seconds or self.run_time_limit_seconds + 60

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{self.data_dir / 'flowin-cloud.db'}"

    def relay_base_url(self) -> str:
        return (self.relay_public_url or self.public_url).rstrip("/")
