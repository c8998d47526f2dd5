"""Trello: start flows when a card is created, moved to a list or passes its due date; create
cards, move them and comment on them (REST API 1, api.trello.com/1).

Calls carry the API key and the user's token as the ``key`` and ``token`` query parameters and
their fields as query parameters too, as Trello's description gives them. Trello errors are
plain text ("invalid id") or ``{"message": ...}``.

Webhooks belong to a token and watch one model (a board here): ``POST /tokens/{token}/webhooks``
with ``callbackURL`` and ``idModel``. Trello first sends a HEAD request to the address and keeps
the webhook only if it answers 200. Each delivery is ``{"action": {...}, "model": {...}}`` signed
in ``X-Trello-Webhook``: the base64 HMAC-SHA1 of the raw body followed by the callback address
exactly as registered, keyed with the application's secret (developer.atlassian.com/cloud/
trello/guides/rest-api/webhooks, "Webhook Signatures"). The action's id names the delivery.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field, ValidationError

from flowin_engine.kit import (
    SECRET,
    AccountRejected,
    ExpressionError,
    GateContext,
    PollContext,
    PolledItem,
    PollResult,
    Service,
    StepContext,
    StepError,
    Text,
    WebhookReply,
    WebhookRequest,
    account_field,
    require_signature,
    to_datetime,
    trigger_secret,
)

if TYPE_CHECKING:
    import httpx

DEFAULT_BASE_URL = "https://api.trello.com/1"
TEST_TIMEOUT = 15.0
BAD_TOKEN = (
    "Trello didn't accept the API key and token; create a token again at "
    "trello.com/power-ups/admin (your Power-Up › API key › Token) and copy both into the account."
)
# The actions that bring a new card onto a board.
CREATING = frozenset({"createCard", "copyCard", "convertToCardFromCheckItem", "emailCard"})
_TRELLO_ID = re.compile(r"^[0-9a-fA-F]{24}$")
_SHORT_LINK = re.compile(r"trello\.com/[bc]/([A-Za-z0-9]{8})")

TRELLO = Service(
    "Trello", host="api.trello.com", message_at=("message", "error"), rejected=BAD_TOKEN
)


class TrelloAccount(BaseModel):
    """An API key and a token of the user's, and the application's secret for webhooks."""

    key: str = Field(
        title="API key",
        description="From trello.com/power-ups/admin: your Power-Up › API key.",
        json_schema_extra=SECRET,
    )
    token: str = Field(
        title="Token",
        description="Made on the same page with the Token link, after you allow access.",
        json_schema_extra=SECRET,
    )
    app_secret: str = Field(
        "",
        title="Secret (for triggers)",
        description="The Secret shown under the API key; Flowin refuses deliveries Trello "
        "didn't sign with it.",
        json_schema_extra=trigger_secret("card_created", "card_moved"),
    )
    base_url: str = Field(DEFAULT_BASE_URL, title="API address")


def _account() -> Any:
    return account_field("trello", "The connected Trello account.")


def _board() -> Any:
    return Field(title="Board", description="The board's link (https://trello.com/b/…) or its ID.")


class CardEventInput(BaseModel):
    connection: str | None = _account()
    list_name: Text = Field(
        "",
        title="Only in list",
        description="A list's name or ID; empty for cards in any list.",
    )


class CardOverdueInput(BaseModel):
    connection: str | None = _account()
    board: Text = _board()
    poll_interval: float = Field(300, title="Check every (seconds)", ge=60)


class CreateCardInput(BaseModel):
    connection: str | None = _account()
    board: Text = Field(
        "",
        title="Board",
        description="The board's link or ID; needed when the list is given by its name.",
    )
    list_name: Text = Field(title="List", description="The list's name (e.g. To do) or its ID.")
    name: Text = Field(title="Card title")
    description: Text = Field("", title="Description")
    due: Text = Field(
        "",
        title="Due",
        description="A date, or a date and time, e.g. 2026-12-05T17:00:00+03:00; empty for none.",
    )
    labels: Text = Field(
        "",
        title="Labels",
        description="Label names or IDs of the board, separated by commas.",
    )
    members: Text = Field(
        "", title="Members", description="Member IDs of the board, separated by commas."
    )
    position: Literal["bottom", "top"] = Field("bottom", title="Place in the list")


class MoveCardInput(BaseModel):
    connection: str | None = _account()
    card: Text = Field(
        title="Card", description="The card's link or ID, e.g. {{ trigger.card_id }}."
    )
    list_name: Text = Field(
        title="To list", description="The list's name (on the card's board) or its ID."
    )
    position: Literal["top", "bottom"] = Field("top", title="Place in the list")


class AddCommentInput(BaseModel):
    connection: str | None = _account()
    card: Text = Field(
        title="Card", description="The card's link or ID, e.g. {{ trigger.card_id }}."
    )
    text: Text = Field(title="Comment")


class WatchBoardInput(BaseModel):
    connection: str | None = _account()
    board: Text = _board()
    address: Text = Field(
        title="Trigger's address",
        description="The live address shown on the Trello trigger of the flow to start.",
    )


def test_account(secret: TrelloAccount) -> str:
    me = _call(secret, "GET", "members/me", TEST_TIMEOUT)
    return f"Connected as {me.get('fullName') or me.get('username') or 'your Trello member'}."


# Triggers: webhooks.


def card_created(params: CardEventInput, ctx: StepContext) -> dict[str, Any]:
    """The card Trello announced, with its list and board."""
    return _card_event(ctx.trigger_data)


def card_moved(params: CardEventInput, ctx: StepContext) -> dict[str, Any]:
    """The card and the list it left, besides the list it is in now."""
    return _card_event(ctx.trigger_data)


def card_created_webhook(
    params: CardEventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    return _gate("card_created", params, request, ctx)


def card_moved_webhook(
    params: CardEventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    return _gate("card_moved", params, request, ctx)


def _gate(
    trigger: str, params: CardEventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    if request.method == "HEAD":
        # Trello keeps a new webhook only if its address answers this check with 200.
        return WebhookReply(200)
    secret = ctx.credential(params.connection).get("app_secret")
    require_signature(
        secret,
        request.body + request.url.encode(),
        request.header("x-trello-webhook"),
        service="Trello",
        algorithm="sha1",
        encoding="base64",
    )
    action = (request.json() or {}).get("action") or {}
    kind = action.get("type")
    data = action.get("data") or {}
    if trigger == "card_created":
        wanted = kind in CREATING
        lists = [data.get("list") or {}]
    else:
        wanted = kind == "updateCard" and bool(data.get("listAfter"))
        lists = [data.get("listAfter") or {}]
    wanted = wanted and _in_list(lists[0], params.list_name)
    if not wanted:
        # 200: Trello counts any other answer as a failure and drops a failing webhook.
        return WebhookReply(200, {"ignored": kind})
    return None


def _in_list(found: dict[str, Any], wanted: str) -> bool:
    wanted = wanted.strip()
    if not wanted:
        return True
    return wanted == found.get("id") or wanted.casefold() == str(found.get("name", "")).casefold()


def _card_event(data: Any) -> dict[str, Any]:
    body = data.get("body") if isinstance(data, dict) and "body" in data else data
    action = body.get("action") if isinstance(body, dict) else None
    if not isinstance(action, dict):
        raise StepError("Trello: the webhook carried no action; was it sent by Trello?")
    event = action.get("data") or {}
    card = event.get("card") or {}
    now_in = event.get("listAfter") or event.get("list") or {}
    before = event.get("listBefore") or {}
    board = event.get("board") or {}
    short = card.get("shortLink")
    return {
        "card_id": card.get("id"),
        "card_name": card.get("name"),
        "card_url": f"https://trello.com/c/{short}" if short else "",
        "list_id": now_in.get("id"),
        "list_name": now_in.get("name"),
        "from_list_id": before.get("id"),
        "from_list_name": before.get("name"),
        "board_id": board.get("id"),
        "board_name": board.get("name"),
        "by": (action.get("memberCreator") or {}).get("fullName"),
        "at": action.get("date"),
        "type": action.get("type"),
        "action": action,
    }


# Trigger: polling.


def card_overdue(params: CardOverdueInput, ctx: StepContext) -> Any:
    return ctx.trigger_data


def card_overdue_poll(params: CardOverdueInput, ctx: PollContext) -> PollResult:
    """Cards of the board whose due time has passed and that aren't marked complete, each once
    for its due time: a card given a new due time that passes too comes again. The cursor is
    the overdue cards already told, so a card done or archived leaves it."""
    account = _account_from(ctx.credential(params.connection))
    board = _model_id(params.board, "board")
    cards = _call(account, "GET", f"boards/{board}/cards", ctx.timeout, what="board")
    now = datetime.now(UTC)
    listed = cards if isinstance(cards, list) else []
    overdue = {
        f"{card['id']}@{card['due']}": card
        for card in listed
        if isinstance(card, dict) and _is_overdue(card, now)
    }
    told = set(ctx.cursor or [])
    new = [key for key in overdue if key not in told]
    names: dict[str, str] = {}
    if new:
        lists = _call(account, "GET", f"boards/{board}/lists", ctx.timeout, what="board")
        names = {lst.get("id"): lst.get("name") for lst in lists if isinstance(lst, dict)}
    items = [PolledItem(key=key, data=_card(overdue[key], names)) for key in new]
    return PollResult(items=items, cursor=sorted(overdue))


def _is_overdue(card: dict[str, Any], now: datetime) -> bool:
    if not card.get("due") or card.get("dueComplete") or card.get("closed"):
        return False
    try:
        return to_datetime(card["due"]) < now
    except ExpressionError:
        return False


# Actions.


def create_card(params: CreateCardInput, ctx: StepContext) -> dict[str, Any]:
    account = _account_from(ctx.credential(params.connection))
    if not params.name.strip():
        raise StepError("Trello needs a title for the new card.")
    board = _model_id(params.board, "board") if params.board.strip() else None
    list_id = _list_id(account, params.list_name, board, ctx)
    query: dict[str, Any] = {"idList": list_id, "name": params.name, "pos": params.position}
    if params.description.strip():
        query["desc"] = params.description
    if params.due.strip():
        query["due"] = _due(params.due)
    labels = _names(params.labels)
    if labels:
        query["idLabels"] = ",".join(_label_ids(account, labels, board, ctx))
    members = _names(params.members)
    if members:
        query["idMembers"] = ",".join(members)
    card = _call(account, "POST", "cards", ctx.remaining, params=query, sends=True)
    return _card(card, {})


def move_card(params: MoveCardInput, ctx: StepContext) -> dict[str, Any]:
    """PUT sets the card's list: sent twice, the card ends in the same place."""
    account = _account_from(ctx.credential(params.connection))
    card = _model_id(params.card, "card")
    board = None
    if not _TRELLO_ID.match(params.list_name.strip()):
        found = _call(
            account,
            "GET",
            f"cards/{card}",
            ctx.remaining,
            params={"fields": "idBoard"},
            what="card",
        )
        board = found.get("idBoard")
    list_id = _list_id(account, params.list_name, board, ctx)
    moved = _call(
        account,
        "PUT",
        f"cards/{card}",
        ctx.remaining,
        params={"idList": list_id, "pos": params.position},
        what="card",
    )
    return _card(moved, {})


def add_comment(params: AddCommentInput, ctx: StepContext) -> dict[str, Any]:
    account = _account_from(ctx.credential(params.connection))
    if not params.text.strip():
        raise StepError("Trello: the comment is empty; write its text.")
    card = _model_id(params.card, "card")
    action = _call(
        account,
        "POST",
        f"cards/{card}/actions/comments",
        ctx.remaining,
        params={"text": params.text},
        sends=True,
        what="card",
    )
    return {
        "id": action.get("id"),
        "card_id": card,
        "text": ((action.get("data") or {}).get("text")) or params.text,
        "date": action.get("date"),
    }


def watch_board(params: WatchBoardInput, ctx: StepContext) -> dict[str, Any]:
    """Asks Trello to send the board's changes to a trigger's address (Trello has no screen for
    it). Trello checks the address with a HEAD request first: the flow must be switched on."""
    account = _account_from(ctx.credential(params.connection))
    board = _call(
        account,
        "GET",
        f"boards/{_model_id(params.board, 'board')}",
        ctx.remaining,
        params={"fields": "name"},
        what="board",
    )
    hook = _call(
        account,
        "POST",
        f"tokens/{account.token.strip()}/webhooks",
        ctx.remaining,
        params={
            "callbackURL": params.address.strip(),
            "idModel": board.get("id"),
            "description": f"Flowin: {board.get('name') or 'board'}",
        },
        sends=True,
    )
    return {"id": hook.get("id"), "board_id": board.get("id"), "address": params.address.strip()}


# Values.


def _card(card: dict[str, Any], list_names: dict[str, str]) -> dict[str, Any]:
    labels = card.get("labels") or []
    return {
        "card_id": card.get("id"),
        "name": card.get("name"),
        "description": card.get("desc") or "",
        "due": card.get("due"),
        "url": card.get("shortUrl") or card.get("url") or "",
        "list_id": card.get("idList"),
        "list_name": list_names.get(card.get("idList") or "", ""),
        "board_id": card.get("idBoard"),
        "labels": [
            label.get("name") or label.get("color") if isinstance(label, dict) else label
            for label in labels
        ],
        "members": list(card.get("idMembers") or []),
        "card": card,
    }


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _due(text: str) -> str:
    try:
        moment = to_datetime(text.strip())
    except ExpressionError:
        raise StepError(
            f"Trello: '{text}' is not a date Flowin can read; write it like 2026-12-05 or "
            "2026-12-05T17:00:00+03:00."
        ) from None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _model_id(text: str, what: str) -> str:
    """An ID, or the short code of a card's or board's link, which Trello takes as its ID."""
    text = text.strip()
    found = _SHORT_LINK.search(text)
    if found:
        return found.group(1)
    if not text or "/" in text:
        raise StepError(f"Trello needs the {what}'s link (https://trello.com/…) or its ID.")
    return text


def _list_id(account: TrelloAccount, wanted: str, board: str | None, ctx: StepContext) -> str:
    wanted = wanted.strip()
    if _TRELLO_ID.match(wanted):
        return wanted
    if not wanted:
        raise StepError("Trello needs the list: its name or its ID.")
    if not board:
        raise StepError(
            f"Trello: to find the list '{wanted}' by its name, give the board too (or the list's "
            "ID)."
        )
    lists = _call(account, "GET", f"boards/{board}/lists", ctx.remaining, what="board")
    for found in lists if isinstance(lists, list) else []:
        if str(found.get("name", "")).strip().casefold() == wanted.casefold():
            return str(found["id"])
    names = ", ".join(str(found.get("name")) for found in lists if isinstance(found, dict))
    raise StepError(f"Trello: the board has no list called '{wanted}'; its lists are {names}.")


def _label_ids(
    account: TrelloAccount, labels: list[str], board: str | None, ctx: StepContext
) -> list[str]:
    if all(_TRELLO_ID.match(label) for label in labels):
        return labels
    if not board:
        raise StepError("Trello: to find labels by their names, give the board too.")
    found = _call(account, "GET", f"boards/{board}/labels", ctx.remaining, what="board")
    listed = found if isinstance(found, list) else []
    by_name = {
        str(label.get(key) or "").casefold(): label["id"]
        for label in listed
        for key in ("color", "name")
        if isinstance(label, dict) and label.get(key)
    }
    ids = []
    for label in labels:
        if _TRELLO_ID.match(label):
            ids.append(label)
        elif label.casefold() in by_name:
            ids.append(by_name[label.casefold()])
        else:
            raise StepError(f"Trello: the board has no label called '{label}'.")
    return ids


# Calls.


def _account_from(secret: dict[str, Any]) -> TrelloAccount:
    try:
        return TrelloAccount.model_validate(secret)
    except ValidationError:
        # pydantic's message would quote the stored fields, the token included.
        raise StepError(
            "Trello: the connected account lacks its key or token; reconnect it."
        ) from None


def _call(
    account: TrelloAccount,
    method: str,
    path: str,
    timeout: float,
    *,
    params: dict[str, Any] | None = None,
    sends: bool = False,
    what: str = "",
) -> Any:
    query = {**(params or {}), "key": account.key.strip(), "token": account.token.strip()}
    url = f"{account.base_url.rstrip('/')}/{path}"
    response = TRELLO.send(
        method,
        url,
        params=query,
        headers={"Accept": "application/json"},
        timeout=timeout,
        sends=sends,
    )
    if response.status_code < 300:
        try:
            return response.json()
        except ValueError:
            return {}
    raise _failure(response, sends, what)


def _failure(response: httpx.Response, sends: bool, what: str) -> StepError:
    status = response.status_code
    message = TRELLO.message(response)
    if message == response.reason_phrase and response.text.strip():
        message = response.text.strip()[:300]  # Trello often answers in plain text
    if status == 401:
        return AccountRejected(BAD_TOKEN)
    if status == 404 or (status == 400 and "invalid id" in message.lower()):
        return StepError(
            f"Trello: the {what or 'card, list or board'} wasn't found ({message}); check its "
            "link or ID, and that the account's member can see it."
        )
    return TRELLO.failure(response, sends=sends, message=message)
