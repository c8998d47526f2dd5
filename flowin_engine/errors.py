"""Every error Flowin raises on purpose. Each message is a sentence a user can act on."""

from __future__ import annotations


class FlowinError(Exception):
    """Base of all Flowin errors; ``str(error)`` is what the user sees."""

    # The step's setting (a param key) to change to fix it, when one is to blame: the app's
    # "Fix now" opens it.
    setting: str | None = None
    # The message as a template and its values, when the app can show it in another language.
    problem: Problem | None = None


class FlowFileError(FlowinError):
    """A flow file or flow JSON that cannot be read as a flow."""


class Problem:
    """One thing wrong with a flow, pinned to the node and field it concerns.

    ``template`` and ``args`` are the message before formatting, so an app can show it in
    another language: translate the template, then ``template.format(**args)``.
    """

    __slots__ = ("args", "field", "message", "node", "template")

    def __init__(
        self,
        message: str,
        node: str | None = None,
        field: str | None = None,
        *,
        args: dict[str, str] | None = None,
    ) -> None:
        self.template = message
        self.args = args or {}
        self.message = message.format(**args) if args is not None else message
        self.node = node
        self.field = field

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"Problem({self.message!r}, node={self.node!r}, field={self.field!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and (self.message, self.node, self.field) == (
            other.message,
            other.node,
            other.field,
        )

    def __hash__(self) -> int:
        return hash((self.message, self.node, self.field))


class FlowValidationError(FlowinError):
    """A flow that cannot run; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        if len(problems) == 1:
            text = f"This flow can't run: {problems[0]}"
        else:
            text = "This flow can't run:\n" + "\n".join(f"  • {p}" for p in problems)
        super().__init__(text)


class UnknownNodeType(FlowinError):
    pass


class ConnectorError(FlowinError):
    """A connector folder or manifest that cannot be loaded."""


class ConnectorHookError(ConnectorError):
    """A hook a connector's manifest declares (webhook gate, poller, account test, sign-in,
    credential model) that its module lacks or that has the wrong shape, or one it must declare
    and does not. Raised when the registry loads, so a connector author meets it at once."""


class ExpressionError(FlowinError):
    """A ``{{ }}`` template that cannot be rendered."""


class MissingVariable(ExpressionError):
    def __init__(
        self,
        variable: str,
        node: str | None = None,
        field: str | None = None,
        *,
        list_length: int | None = None,
    ) -> None:
        """``list_length`` is given when the variable is an item past the end of a list."""
        self.variable = variable
        self.node = node
        self.field = field
        if list_length is not None:
            self.problem = _missing_item(variable, node, field, list_length)
        elif node is not None and field:
            self.problem = Problem(
                "Missing variable {{{{{variable}}}}} in '{step}' → {title}",
                node,
                field,
                args={"variable": variable, "step": node, "title": field},
            )
        elif node is not None:
            self.problem = Problem(
                "Missing variable {{{{{variable}}}}} in '{step}'",
                node,
                args={"variable": variable, "step": node},
            )
        else:
            self.problem = Problem(
                "Missing variable {{{{{variable}}}}}", args={"variable": variable}
            )
        super().__init__(self.problem.message)


def _missing_item(variable: str, node: str | None, field: str | None, length: int) -> Problem:
    args = {"variable": variable, "step": node or "", "title": field or "", "last": str(length - 1)}
    if node is not None and field:
        if length == 0:
            template = (
                "Missing variable {{{{{variable}}}}} in '{step}' → {title}: the list is empty."
            )
        else:
            template = (
                "Missing variable {{{{{variable}}}}} in '{step}' → {title}: "
                "the list stops at [{last}]."
            )
    elif node is not None:
        if length == 0:
            template = "Missing variable {{{{{variable}}}}} in '{step}': the list is empty."
        else:
            template = (
                "Missing variable {{{{{variable}}}}} in '{step}': the list stops at [{last}]."
            )
    elif length == 0:
        template = "Missing variable {{{{{variable}}}}}: the list is empty."
    else:
        template = "Missing variable {{{{{variable}}}}}: the list stops at [{last}]."
    return Problem(template, node, field, args=args)


class TooMuchWork(ExpressionError):
    """An expression stopped before it took more time or memory than one may; only its step
    fails. Each subclass names what was too much; ``limit`` is the bound it met."""

    template = (
        "This expression in '{step}' → {title} does too much work: "
        "it repeats more than {limit} times."
    )

    def __init__(
        self,
        limit: float,
        node: str | None = None,
        field: str | None = None,
        *,
        title: str | None = None,
    ) -> None:
        """``field`` is what the step's field is called, or, with ``title``, its key."""
        self.limit = limit
        self.node = node
        self.field = field
        shown = f"{limit:,}"
        if node is not None and field:
            self.problem = Problem(
                self.template,
                node,
                field,
                args={"step": node, "title": title or field, "limit": shown},
            )
            message = self.problem.message
        else:
            where = f" in '{node}'" if node is not None else ""
            unplaced = self.template.replace(" in '{step}' → {title}", "{where}")
            message = unplaced.format(where=where, limit=shown)
        super().__init__(message)

    def placed(self, node: str | None, field: str | None, title: str | None = None) -> TooMuchWork:
        """The same error, saying which step and field it happened in."""
        return type(self)(self.limit, node, field, title=title)


class TooBigNumber(TooMuchWork):
    template = (
        "This expression in '{step}' → {title} does too much work: "
        "it would make a number with more than {limit} digits."
    )


class TooLongText(TooMuchWork):
    template = (
        "This expression in '{step}' → {title} does too much work: "
        "it would make a text longer than {limit} characters."
    )


class TooLongList(TooMuchWork):
    template = (
        "This expression in '{step}' → {title} does too much work: "
        "it would make a list longer than {limit} items."
    )


class TooSlow(TooMuchWork):
    template = (
        "This expression in '{step}' → {title} does too much work: "
        "it would take longer than {limit} seconds."
    )


class TooDeep(TooMuchWork):
    template = (
        "This expression in '{step}' → {title} does too much work: "
        "it calls itself too deeply or needs too much memory."
    )


class StepError(FlowinError):
    """A step failed in a way that repeating it would not fix."""

    def __init__(
        self, message: str, *, setting: str | None = None, problem: Problem | None = None
    ) -> None:
        super().__init__(message)
        self.setting = setting
        self.problem = problem


class AccountRejected(StepError):
    """The service refused the step's connected account: a wrong, expired or revoked key."""

    def __init__(self, message: str, *, setting: str = "connection") -> None:
        super().__init__(message, setting=setting)


class RetryableError(StepError):
    """A step failed for a reason that may pass: network trouble, a 5xx, a 429."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class StepTimeout(RetryableError):
    pass


class PrivateAddressRefused(StepError):
    """A step run on a shared server (Flowin's cloud) tried to reach an address inside a
    private network: the server's own, which no flow may call (flowin_engine.kit._addresses)."""

    template = (
        "Flowin's cloud does not call addresses inside private networks: {host}. "
        "Run this flow on your computer to reach it."
    )

    def __init__(self, host: str) -> None:
        self.host = host
        problem = Problem(self.template, args={"host": host})
        super().__init__(problem.message, problem=problem)


class StoppedByFlow(StepError):
    """Raised by the 'Stop with error' node: the flow's author chose to fail the run."""


class NotFound(FlowinError):
    pass
