"""Sync flows with a Flowin cloud account.

The public surface, all importable from ``flowin_engine.sync``:

``Account(store, secrets=None)``
    The account this computer is signed in to. ``register(server, email, password, name=None)``,
    ``sign_in(server, email, password)`` (returns a ``PendingSignIn`` when a two-factor code was
    sent; finish with ``verify_two_factor(pending, code)``), ``sign_out()``, ``signed_in``,
    ``server``, ``email``, and ``client()`` for a ``CloudClient`` of the sign-in. The server and
    e-mail are store settings; the tokens live in the OS keyring (``default_secrets()``: the
    encrypted file store where there is none), never in the database or a log.

``Sync(store, client, status=None, registry=None)``
    ``run() -> SyncReport`` syncs every flow once (a second call waits for the first); ``conflicts()`` lists those waiting for the
    user; ``resolve(flow_id, Keep.MINE | Keep.THEIRS | Keep.BOTH)`` ends one. Both may run on a
    background thread while the user edits; a network or account problem never raises from
    ``run()`` but ends it, lands in ``SyncReport.errors`` and sets the status::

        board = StatusBoard()
        board.subscribe(lambda status, detail: ...)   # called on the sync's thread
        sync = Sync(store, Account(store).client(), board)
        threading.Thread(target=sync.run, daemon=True).start()

    Pass the app's ``registry`` so password fields its steps declare are left out too (by
    default the installed connectors are loaded).

``StatusBoard`` / ``SyncStatus``
    ``synced``, ``syncing``, ``offline`` (also: the server failed or asked to wait),
    ``conflict``, ``signed_out``; with a sentence (``detail``) to show beside it.

``CloudClient`` API keys
    ``list_api_keys()``, ``create_api_key(name, expires_at=None)`` (the whole key only in this
    answer), ``toggle_api_key(id)``, ``delete_api_key(id)``: keys for the cloud's public API.

``CloudClient`` sign-in security
    ``security() -> AccountSecurity``, ``turn_on_two_factor(password)`` and
    ``new_backup_codes(password)`` (the backup codes, shown once), ``turn_off_two_factor(password)``,
    ``send_verification_email()``, ``add_phone(phone)`` and ``verify_phone(code)`` (for codes by
    text message), ``delete_account(password)`` (``Account.delete_account``
    also forgets the sign-in here). A wrong password raises ``WrongPassword``.

``pick_up_runs(store, client, runtime) -> RunsReport``
    Runs queued through the cloud's API (``POST /api/run/{flow id}``): reports those that ended
    here, then claims and starts the queued runs of the flows active on this computer.

Errors are ``SyncError`` (a ``FlowinError``): ``InsecureAddress`` (a cloud address that is not
https:// and not this computer's), ``Offline``, ``SignedOut``, ``SignInRefused``,
``RateLimited`` (``retry_after``), ``ServerError``, ``RequestRejected`` (``TooManyApiKeys``,
``WrongPassword``).

What is synced is a flow's cloud form (``cloud_form``): no secrets typed into steps, no pinned
outputs, no status: each computer decides which flows it runs, and a flow new here arrives as
a draft.
"""

from ..store import Conflict
from .account import Account, PendingSignIn
from .client import (
    CLI_APP,
    DESKTOP_APP,
    AccountSecurity,
    ApiKey,
    AuthenticatorSetup,
    CloudClient,
    CloudFlow,
    CloudRun,
    SignIn,
    Tokens,
    TwoFactorChallenge,
    checked_server,
)
from .cloud_form import cloud_form
from .errors import (
    BadPhoneNumber,
    EmailNotVerified,
    InsecureAddress,
    NotOnServer,
    Offline,
    RateLimited,
    RequestRejected,
    RevisionConflict,
    ServerError,
    SignedOut,
    SignInRefused,
    SyncError,
    TooManyApiKeys,
    WrongCode,
    WrongPassword,
)
from .runs import RunsReport, pick_up_runs
from .status import StatusBoard, SyncStatus
from .sync import COPY_SUFFIX, FlowRef, Keep, Sync, SyncReport

__all__ = [
    "CLI_APP",
    "COPY_SUFFIX",
    "DESKTOP_APP",
    "Account",
    "AccountSecurity",
    "ApiKey",
    "AuthenticatorSetup",
    "BadPhoneNumber",
    "CloudClient",
    "CloudFlow",
    "CloudRun",
    "Conflict",
    "EmailNotVerified",
    "FlowRef",
    "InsecureAddress",
    "Keep",
    "NotOnServer",
    "Offline",
    "PendingSignIn",
    "RateLimited",
    "RequestRejected",
    "RevisionConflict",
    "RunsReport",
    "ServerError",
    "SignIn",
    "SignInRefused",
    "SignedOut",
    "StatusBoard",
    "Sync",
    "SyncError",
    "SyncReport",
    "SyncStatus",
    "Tokens",
    "TooManyApiKeys",
    "TwoFactorChallenge",
    "WrongCode",
    "WrongPassword",
    "checked_server",
    "cloud_form",
    "pick_up_runs",
]
