"""The tables: accounts, sign-ins, one-time codes, API keys, and each account's flows and runs."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Times in UTC, read back time-zone aware also from SQLite (which forgets the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("Times stored in the cloud database must carry a time zone.")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def _owner() -> Mapped[str]:
    return mapped_column(String(36), ForeignKey("users.id", ondelete="CASCADE"), index=True)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    # None for an account made by "Sign in with Google/GitHub" until a password is set by reset.
    password_hash: Mapped[str | None] = mapped_column(String(100))
    name: Mapped[str | None] = mapped_column(String(200))
    image: Mapped[str | None] = mapped_column(String(2000))
    plan: Mapped[str] = mapped_column(String(20), default="free")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login: Mapped[datetime | None] = mapped_column(UTCDateTime)
    email_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    phone_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # None when 2FA is off; "email", "sms" or "totp" (an authenticator app) when on.
    two_factor_method: Mapped[str | None] = mapped_column(String(10))
    # What its e-mails and SMS are written in: the language of the app it last signed in with.
    language: Mapped[str] = mapped_column(String(8), default="en", server_default="en")
    # Second-factor codes tried since the last pause or sign-in, across all challenges; the
    # number of pauses so far (each is longer); and when the current pause ends.
    second_factor_tries: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    second_factor_pauses: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    second_factor_locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The authenticator app's secret, encrypted with the server's data key (security.SecretBox);
    # set while the app is being set up and while two_factor_method is "totp".
    totp_secret: Mapped[str | None] = mapped_column(String(500))
    # The newest time step whose code was accepted: a code works once, and no older one after it.
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)


class RefreshToken(Base):
    """One refresh token of a sign-in (a family); each use replaces it with a new one."""

    __tablename__ = "refresh_tokens"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = _owner()
    family_id: Mapped[str] = mapped_column(String(36), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When the sign-in began, the same on every token of the family: refreshing never carries
    # a sign-in past Settings.sign_in_days from it.
    signed_in_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # What the account's list of sign-ins shows: the app's User-Agent and the client address
    # of the sign-in or its latest refresh.
    user_agent: Mapped[str | None] = mapped_column(String(300))
    ip_address: Mapped[str | None] = mapped_column(String(45))


class OneTimeCode(Base):
    """A password-reset or verification token, or a 6-digit code, stored only as a hash."""

    __tablename__ = "one_time_codes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = _owner()
    purpose: Mapped[str] = mapped_column(String(20))
    # The e-mail address or phone number the code was sent to.
    target: Mapped[str] = mapped_column(String(320))
    secret_hash: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)


class LoginChallenge(Base):
    """A sign-in waiting for its second factor: the password was right, a code was sent."""

    __tablename__ = "login_challenges"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = _owner()
    challenge_hash: Mapped[str] = mapped_column(String(64), unique=True)
    method: Mapped[str] = mapped_column(String(10))
    code_hash: Mapped[str] = mapped_column(String(64))
    code_expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class OAuthSignIn(Base):
    """A desktop's "Sign in with Google/GitHub": first waiting for the provider's answer, then a
    grant the desktop exchanges once for tokens, proving with its PKCE verifier that it asked."""

    __tablename__ = "oauth_sign_ins"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    provider: Mapped[str] = mapped_column(String(20))
    # The state the cloud gave the provider, hashed: it is all the callback has to find this row.
    state_hash: Mapped[str] = mapped_column(String(64), unique=True)
    redirect_uri: Mapped[str] = mapped_column(String(2000))
    client_state: Mapped[str] = mapped_column(String(500))
    code_challenge: Mapped[str] = mapped_column(String(43))
    # The cloud's own PKCE verifier toward the provider; sent in the code exchange, so not hashed.
    provider_verifier: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    # Set when the provider's answer came back: a state works once.
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    user_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    grant_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    grant_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    grant_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class OAuthIdentity(Base):
    """A Google or GitHub account that signs in to a Flowin account. Found by the provider's
    own id for the person, so a changed e-mail address there still reaches the same account."""

    __tablename__ = "oauth_identities"
    __table_args__ = (UniqueConstraint("provider", "subject"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = _owner()
    provider: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class BackupCode(Base):
    __tablename__ = "backup_codes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = _owner()
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ApiKey(Base):
    __tablename__ = "api_keys"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = _owner()
    name: Mapped[str] = mapped_column(String(100))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # What the list shows: the first 8 and the last 4 characters of the key.
    key_start: Mapped[str] = mapped_column(String(8))
    key_end: Mapped[str] = mapped_column(String(4))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CloudFlow(Base):
    """A flow kept in the cloud; ids come from the desktop, so they are unique per owner only."""

    __tablename__ = "flows"

    owner_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    revision: Mapped[int] = mapped_column(Integer)
    # The flow JSON as the engine writes it, kept as text.
    definition: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # Runs in the cloud (Celery workers) instead of on the owner's computers; never both.
    cloud_run: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Execution(Base):
    """A run asked for through the API or a cloud trigger: a flow that runs on computers is
    picked up by the desktop runtime, which reports on it; a cloud-run flow's run is done by a
    worker (flowin_cloud.runner), which writes its steps to ``execution_steps``."""

    __tablename__ = "executions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner_id: Mapped[str] = _owner()
    flow_id: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(10), default="queued")
    input: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    error: Mapped[str | None] = mapped_column(Text)
    # "computer" or "cloud": where the run happens (the app marks cloud runs).
    runs_in: Mapped[str] = mapped_column(String(10), default="computer", server_default="computer")
    # How many times a worker took the run up: more than one after a worker was lost mid-run.
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The worker that took it up last (its host name and process).
    worker: Mapped[str | None] = mapped_column(String(200))


class ExecutionStep(Base):
    """One attempt of one step of a cloud run, written as it starts and when it ends, so a run
    taken over by another worker carries on after its last finished step."""

    __tablename__ = "execution_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    execution_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("executions.id", ondelete="CASCADE"), index=True
    )
    owner_id: Mapped[str] = _owner()
    node_id: Mapped[str] = mapped_column(String(200))
    node_name: Mapped[str] = mapped_column(String(500))
    node_type: Mapped[str] = mapped_column(String(200))
    # The loop iteration the step ran in; None outside loops.
    iteration: Mapped[int | None] = mapped_column(Integer)
    attempt: Mapped[int] = mapped_column(Integer, default=1)
    # running, success, failed, retrying, skipped, reused (the engine's StepStatus).
    status: Mapped[str] = mapped_column(String(10))
    port: Mapped[str | None] = mapped_column(String(200))
    input: Mapped[str | None] = mapped_column(Text)
    output: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CloudConnection(Base):
    """A connected account uploaded, with its owner's consent, for cloud-run flows. The secret
    is encrypted with a data key of its own, which is kept wrapped by the server's master key
    (envelope encryption, flowin_cloud.runner.vault); only a worker running a step opens it."""

    __tablename__ = "cloud_connections"

    owner_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    # The connection's id on the desktop, which flows name in their steps.
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    connector: Mapped[str] = mapped_column(String(100))
    label: Mapped[str] = mapped_column(String(500))
    # Which master key wrapped the data key ("local:…" or a KMS key's id), and the wrapped key.
    key_id: Mapped[str] = mapped_column(String(200))
    wrapped_key: Mapped[str] = mapped_column(Text)
    ciphertext: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RunJob(Base):
    """A run a trigger started in the cloud, written in the same transaction as what started it
    (a webhook request, a schedule's tick, a polled item): the outbox. The relay hands each
    row to the workers once its transaction is committed, and notes when it did."""

    __tablename__ = "run_jobs"
    __table_args__ = (
        # The relay's question, "what is not handed over yet, oldest first", reads only those.
        Index(
            "ix_run_jobs_waiting",
            "created_at",
            postgresql_where=text("sent_at IS NULL"),
            sqlite_where=text("sent_at IS NULL"),
        ),
    )

    # The run's id: the execution the worker writes, and the Celery task's id.
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner_id: Mapped[str] = _owner()
    flow_id: Mapped[str] = mapped_column(String(200))
    # webhook / schedule / polling
    source: Mapped[str] = mapped_column(String(20))
    # What the trigger step receives, as JSON text.
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CloudTrigger(Base):
    """Where a cloud-run flow's schedule or polling trigger is: when it is next due, and for
    polling the cursor its service handed back last time."""

    __tablename__ = "cloud_triggers"

    owner_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    flow_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    node_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    # schedule / polling
    kind: Mapped[str] = mapped_column(String(20))
    # The flow's revision these settings were read from: a new one is read again.
    flow_revision: Mapped[int] = mapped_column(Integer)
    settings: Mapped[str] = mapped_column(Text)
    next_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    last_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Polling: the service's cursor as JSON text, and whether the first check (which only notes
    # what is already there) was made.
    cursor: Mapped[str | None] = mapped_column(Text)
    polled: Mapped[bool] = mapped_column(Boolean, default=False)


class ScheduleTick(Base):
    """A schedule's firing at one planned moment: the primary key lets only one transaction
    write it, however many schedulers run."""

    __tablename__ = "schedule_ticks"

    owner_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    flow_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    node_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    planned_at: Mapped[datetime] = mapped_column(UTCDateTime, primary_key=True)
    job_id: Mapped[str] = mapped_column(String(36))


class PolledItem(Base):
    """An item a cloud polling trigger saw: each starts one run, once."""

    __tablename__ = "polled_items"

    owner_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    flow_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    node_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    item_key: Mapped[str] = mapped_column(String(500), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RelayHook(Base):
    """A public address of the webhook relay (docs/relay.md): one per account, flow and trigger,
    kept when the trigger is switched off so it comes back at the same address."""

    __tablename__ = "relay_hooks"
    __table_args__ = (UniqueConstraint("user_id", "flow_id", "node_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = _owner()
    flow_id: Mapped[str] = mapped_column(String(200))
    node_id: Mapped[str] = mapped_column(String(200))
    wait_for_answer: Mapped[bool] = mapped_column(Boolean, default=False)
    # Listed by the computer's latest registration; an inactive hook's address answers 404.
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The computer (its sign-in) that listed the hook last: its events go to that computer's
    # connections only, and its other registrations leave the hook alone, so two computers of
    # one account neither run an event twice nor switch off each other's addresses. None:
    # listed with an API key, which names no computer; any connection of the account takes it.
    computer: Mapped[str | None] = mapped_column(String(36))
    # The address's token encrypted with the server's data key (security.SecretBox), and its
    # keyed hash, by which a request finds the hook.
    token_sealed: Mapped[str] = mapped_column(String(500))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    rotated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class RelayEvent(Base):
    """A request to a public address, kept until its computer acknowledges it (then only what
    identifies it stays, until the retention ends)."""

    __tablename__ = "relay_events"
    __table_args__ = (Index("ix_relay_events_waiting", "user_id", "delivered_at", "seq"),)

    # Increases with each accepted request: the order of delivery.
    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    id: Mapped[str] = mapped_column(String(36), unique=True)
    user_id: Mapped[str] = mapped_column(String(36), ForeignKey("users.id", ondelete="CASCADE"))
    hook_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("relay_hooks.id", ondelete="CASCADE"), index=True
    )
    flow_id: Mapped[str] = mapped_column(String(200))
    node_id: Mapped[str] = mapped_column(String(200))
    method: Mapped[str] = mapped_column(String(20))
    path: Mapped[str] = mapped_column(Text)
    # The raw query string, the headers as a JSON list of [name, value], the raw body and the
    # public URL: emptied once the computer acknowledges the event.
    query: Mapped[str | None] = mapped_column(Text)
    headers: Mapped[str | None] = mapped_column(Text)
    body: Mapped[bytes | None] = mapped_column(LargeBinary)
    url: Mapped[str | None] = mapped_column(Text)
    body_bytes: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # While the sender waits for the computer's answer; the answer is kept until it is sent.
    awaiting_answer: Mapped[bool] = mapped_column(Boolean, default=False)
    answer_status: Mapped[int | None] = mapped_column(Integer)
    answer_headers: Mapped[str | None] = mapped_column(Text)
    answer_body: Mapped[bytes | None] = mapped_column(LargeBinary)


class RelayPresence(Base):
    """Until when an account's computer counts as connected to the relay (a WebSocket open or
    a long poll made lately), for every server process to see."""

    __tablename__ = "relay_presence"

    user_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    connected_until: Mapped[datetime] = mapped_column(UTCDateTime)


# Every table with rows of one account, which deleting the account empties.
OWNED_BY_ACCOUNT: tuple[type[Base], ...] = (
    RelayEvent,
    RelayHook,
    RelayPresence,
    CloudFlow,
    CloudConnection,
    ExecutionStep,  # before the runs its rows belong to
    Execution,
    RunJob,
    CloudTrigger,
    ScheduleTick,
    PolledItem,
    ApiKey,
    BackupCode,
    LoginChallenge,
    OneTimeCode,
    RefreshToken,
    OAuthSignIn,
    OAuthIdentity,
)
