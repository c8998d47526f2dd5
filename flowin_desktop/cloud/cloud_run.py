"""Where a flow runs, under its overview in the editor: this computer, or the Flowin cloud
(it keeps running when this computer is off).

Choosing the cloud names, in words, each connected account the flow uses and asks before they
are uploaded; choosing this computer again says the cloud deletes its copies. The work is the
engine's (``flowin_engine.cloud_switch``, as the command line does it), on a worker thread.
Signed out, the choice says a cloud account is needed and offers the sign-in."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.cloud_run import cloud_run_flows
from flowin_engine.cloud_switch import (
    AccountNotHere,
    CloudRunPlan,
    NeededAccount,
    NotInCloudAccount,
    cloud_run_plan,
    turn_cloud_run_off,
    turn_cloud_run_on,
)
from flowin_engine.data_folder import DataFolder
from flowin_engine.sync import EmailNotVerified, Offline

from ..i18n import isolate
from ..work import BackgroundCalls
from .service import CloudSync, error_text

log = logging.getLogger(__name__)

CLOUD_MARK = "☁"
TEXT_WIDTH = 480  # the questions' text, in pixels


def _tr(text: str) -> str:
    return QCoreApplication.translate("CloudRun", text)


def in_cloud_tooltip() -> str:
    """What the cloud mark beside a flow means, wherever it shows."""
    return _tr(
        "Runs in your Flowin cloud account, also when this computer is off. This computer "
        "leaves it to the cloud."
    )


def account_text(account: NeededAccount) -> str:
    """A connected account as its owner knows it: 'Your WhatsApp Business number “Shop”'."""
    phrases = {
        "whatsapp": _tr("Your WhatsApp Business number “%1”"),
        "shopify": _tr("Your Shopify store “%1”"),
        "telegram": _tr("Your Telegram bot “%1”"),
        "slack": _tr("Your Slack workspace “%1”"),
        "gmail": _tr("Your Gmail account “%1”"),
        "google_sheets": _tr("Your Google Sheets account “%1”"),
        "stripe": _tr("Your Stripe account “%1”"),
        "twilio": _tr("Your Twilio account “%1”"),
        "notion": _tr("Your Notion workspace “%1”"),
        "openai": _tr("Your OpenAI key “%1”"),
        "email": _tr("Your e-mail account “%1”"),
    }
    phrase = phrases.get(account.connector, _tr("Your account “%1”"))
    return phrase.replace("%1", isolate(account.label))


def cloud_error_text(error: BaseException) -> str:
    """Why switching did not go through, in words; nothing was changed."""
    if isinstance(error, Offline):
        return _tr(
            "Flowin can't reach your cloud account, so nothing was changed. Check your internet "
            "connection and try again."
        )
    if isinstance(error, AccountNotHere):
        return _tr(
            "%1 can't be read on this computer, so it can't be uploaded. Connect it again "
            "in the step's settings, then try again."
        ).replace("%1", isolate(error.label))
    if isinstance(error, NotInCloudAccount):
        return _tr(
            "This flow isn't in your cloud account yet (it may wait for you to choose between "
            "two versions). Open the cloud account, sync, and try again."
        )
    if isinstance(error, EmailNotVerified):
        return _tr("Confirm your e-mail address first (the cloud sent you a link), then try again.")
    return error_text(error)


class Question(QDialog):
    """A yes-or-no question about the cloud, answered by its buttons (``accepted``)."""

    def __init__(self, title: str, text: str, yes: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        # A wrapped label knows its height only for a known width: the dialog then fits it.
        self.text.setFixedWidth(TEXT_WIDTH)
        self.agree = QPushButton(yes)
        self.agree.setObjectName("primary")
        self.agree.setDefault(True)
        self.agree.clicked.connect(self.accept)
        self.cancel = QPushButton(_tr("Cancel"))
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.agree)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(14)
        layout.addWidget(self.text)
        layout.addLayout(buttons)


class CloudRunChoice(QWidget):
    """The choice of where the open flow runs; ``changed`` once it moved (flow id, in cloud)."""

    changed = Signal(str, bool)
    sign_in_requested = Signal()
    message = Signal(str, int)  # for the status bar

    def __init__(
        self,
        folder: DataFolder,
        flow: Callable[[], Any],
        save: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cloudRunChoice")
        self.folder = folder
        self.flow = flow  # the open flow
        self.save = save  # writes the open flow's edits to the store
        self.cloud: CloudSync | None = None  # the window's account (attach)
        self.question: Question | None = None  # the consent or the turning off, while asked
        self.work = BackgroundCalls(self)
        self.work.finished.connect(self._answered)
        self._then: dict[int, Callable[[Any], None]] = {}

        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.here = QRadioButton()
        self.here.setObjectName("runsHere")
        self.in_cloud = QRadioButton()
        self.in_cloud.setObjectName("runsInCloud")
        group = QButtonGroup(self)
        group.addButton(self.here)
        group.addButton(self.in_cloud)
        self.here.clicked.connect(self._here_chosen)
        self.in_cloud.clicked.connect(self._cloud_chosen)
        self.in_cloud_note = QLabel()  # under the choice: a radio button's words don't wrap
        self.in_cloud_note.setObjectName("help")
        self.in_cloud_note.setWordWrap(True)
        self.in_cloud_note.setIndent(24)
        self.help = QLabel()
        self.help.setObjectName("help")
        self.help.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.sign_in = QPushButton()
        self.sign_in.clicked.connect(self.sign_in_requested)
        sign_in_row = QHBoxLayout()
        sign_in_row.setContentsMargins(0, 0, 0, 0)
        sign_in_row.addWidget(self.sign_in)
        sign_in_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 6)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.here)
        layout.addWidget(self.in_cloud)
        layout.addWidget(self.in_cloud_note)
        layout.addWidget(self.help)
        layout.addWidget(self.problem)
        layout.addLayout(sign_in_row)
        self.retranslate()

    def attach(self, cloud: CloudSync) -> None:
        self.cloud = cloud
        cloud.signed_in_changed.connect(self.show_flow)
        self.show_flow()

    @property
    def signed_in(self) -> bool:
        return self.cloud is not None and self.cloud.signed_in

    def runs_in_cloud(self) -> bool:
        return self.flow().id in cloud_run_flows(self.folder.store)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Where it runs"))
        self.here.setText(self.tr("This computer"))
        self.in_cloud.setText(self.tr("Flowin cloud"))
        self.in_cloud_note.setText(self.tr("Keeps running when this computer is off."))
        self.sign_in.setText(self.tr("Sign in to a cloud account…"))
        self.show_flow()

    def show_flow(self) -> None:
        """The open flow's place as this computer knows it, and what the choice needs."""
        in_cloud = self.runs_in_cloud()
        self.here.setChecked(not in_cloud)
        self.in_cloud.setChecked(in_cloud)
        busy = self.work.busy
        self.here.setEnabled(not busy)
        self.in_cloud.setEnabled(self.signed_in and not busy)
        self.sign_in.setVisible(not self.signed_in)
        if busy:
            return  # the help says what is being done
        if not self.signed_in:
            self.help.setText(
                self.tr(
                    "To keep this flow running when this computer is off, Flowin runs it in a "
                    "Flowin cloud account. Sign in to one (or create one) to choose it."
                )
            )
        elif in_cloud:
            self.help.setText(
                self.tr(
                    "It runs in your cloud account, also when this computer is off; this "
                    "computer leaves it to the cloud. Its runs show in Executions."
                )
            )
        else:
            self.help.setText(
                self.tr("It runs while Flowin is open or in the tray on this computer.")
            )

    # Turning it on.

    def _cloud_chosen(self) -> None:
        self.show_flow()  # stays where it is until the cloud says otherwise
        if not self.signed_in or self.runs_in_cloud() or self.cloud is None:
            return
        self.save()
        account, folder, flow_id = self.cloud.account, self.folder, self.flow().id

        def plan() -> CloudRunPlan:
            with account.client() as client:
                return cloud_run_plan(folder.store, folder.connections, client, flow_id)

        self._start(plan, self._ask_consent, self.tr("Checking which accounts this flow uses…"))

    def _ask_consent(self, plan: CloudRunPlan) -> None:
        if plan.in_cloud:  # switched on elsewhere meanwhile
            self._moved(plan)
            return
        missing = [a for a in plan.accounts if not a.on_this_computer]
        if missing:
            self._show_problem(cloud_error_text(AccountNotHere(missing[0].label, "")))
            return
        name = isolate(plan.name)
        if plan.accounts:
            lines = [
                self.tr(
                    "“%1” will keep running when this computer is off. To run its steps "
                    "there, Flowin uploads these connected accounts to your cloud account:"
                ).replace("%1", name),
                "",
                *("•  " + account_text(account) for account in plan.accounts),
                "",
                self.tr(
                    "They are stored encrypted in your cloud account, opened only to run this "
                    "flow's steps, and deleted from the cloud when you turn cloud running off."
                ),
            ]
        else:
            lines = [
                self.tr(
                    "“%1” will keep running when this computer is off. It uses no connected "
                    "accounts, so only the flow itself is in the cloud."
                ).replace("%1", name)
            ]
        self.question = Question(
            self.tr("Run in the Flowin cloud?"),
            "\n".join(lines),
            self.tr("Upload and run in the cloud")
            if plan.accounts
            else self.tr("Run in the cloud"),
            self,
        )
        self.question.accepted.connect(lambda: self._turn_on(plan))
        self.question.finished.connect(self._question_closed)
        self.question.open()

    def _turn_on(self, plan: CloudRunPlan) -> None:
        if self.cloud is None:
            return
        account, folder = self.cloud.account, self.folder

        def turn_on() -> CloudRunPlan:
            with account.client() as client:
                return turn_cloud_run_on(folder.store, folder.connections, client, plan)

        self._start(turn_on, self._moved, self.tr("Uploading the accounts and turning it on…"))

    # Turning it off.

    def _here_chosen(self) -> None:
        self.show_flow()
        if not self.runs_in_cloud():
            return
        if not self.signed_in or self.cloud is None:
            self._show_problem(
                self.tr("Sign in to your cloud account to bring this flow back to this computer.")
            )
            return
        self.question = Question(
            self.tr("Run on this computer again?"),
            self.tr(
                "“%1” will run on this computer again, while Flowin is open or in the tray, and "
                "no longer when it is off. The copies of its accounts in your cloud account are "
                "deleted."
            ).replace("%1", isolate(self.flow().name)),
            self.tr("Run on this computer"),
            self,
        )
        self.question.accepted.connect(self._turn_off)
        self.question.finished.connect(self._question_closed)
        self.question.open()

    def _turn_off(self) -> None:
        if self.cloud is None:
            return
        account, folder, flow_id = self.cloud.account, self.folder, self.flow().id

        def turn_off() -> CloudRunPlan:
            with account.client() as client:
                return turn_cloud_run_off(folder.store, folder.connections, client, flow_id)

        self._start(turn_off, self._moved, self.tr("Bringing it back to this computer…"))

    # Answers.

    def _moved(self, plan: CloudRunPlan) -> None:
        self.show_flow()
        if plan.in_cloud:
            text = self.tr("“%1” now runs in your Flowin cloud.")
        else:
            text = self.tr(
                "“%1” runs on this computer again; the cloud deleted the copies of its accounts."
            )
        self.message.emit(text.replace("%1", isolate(plan.name)), 8000)
        self.changed.emit(plan.flow_id, plan.in_cloud)

    def _question_closed(self) -> None:
        if self.question is not None:
            self.question.deleteLater()
        self.question = None

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _start(self, work: Callable[[], Any], then: Callable[[Any], None], doing: str) -> None:
        self.problem.hide()
        self._then[self.work.start(work)] = then
        self.help.setText(doing)
        self.show_flow()

    def _answered(self, ticket: int, result: Any, error: BaseException | None) -> None:
        then = self._then.pop(ticket, None)
        self.show_flow()
        if error is not None:
            self._show_problem(cloud_error_text(error))
        elif then is not None:
            then(result)

    def shutdown(self) -> None:
        self.work.wait(5_000)
