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


class ExpressionError(FlowinError):
    """A ``{{ }}`` template that cannot be rendered."""


class MissingVariable(ExpressionError):
    def __init__(self, variable: str, node: str | None = None, field: str | None = None) -> None:
        self.variable = variable
        self.node = node
        self.field = field
        if node is not None and field:
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


class StoppedByFlow(StepError):
    """Raised by the 'Stop with error' node: the flow's author chose to fail the run."""


class NotFound(FlowinError):
    pass
