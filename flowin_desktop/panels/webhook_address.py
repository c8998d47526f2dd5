"""A webhook trigger's address on its properties: where the flow is called from this computer
and from the internet, a button to copy each, and what to paste where in the service.

Signed in to a cloud account, the address from the internet is the account's public address
for this trigger (the cloud receives the events and keeps them until this computer takes them),
with a button for a new one. Signed out, the box offers the sign-in; a tunnel of one's own
stays as an advanced choice."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.data_folder import WEBHOOK_PUBLIC_URL_SETTING, DataFolder
from flowin_engine.model import Flow, FlowStatus, Node
from flowin_engine.registry import NodeType
from flowin_engine.runtime import Runtime, WebhookAddress, webhook_address

from ..i18n import NODE_TYPES
from ..relay_status import RelayWatch


class WebhookAddresses:
    """Where the webhook triggers of a data folder are called: on the port the window's
    runtime listens on when it runs, else on the folder's saved one."""

    def __init__(
        self,
        folder: DataFolder,
        runtime: Callable[[], Runtime | None],
        relay: RelayWatch | None = None,
    ) -> None:
        self.folder, self.runtime = folder, runtime
        # The cloud's public addresses, through the runtime's relay.
        self.relay = relay if relay is not None else RelayWatch(runtime)

    def of(self, flow: Flow, node: Node) -> WebhookAddress:
        custom = str(node.params.get("path") or "")
        running = self.runtime()
        if running is not None:
            return running.webhook_address(flow.id, node.id, custom)
        settings = self.folder.settings()
        return webhook_address(
            self.folder.store,
            flow.id,
            node.id,
            custom,
            host=settings.host,
            port=settings.port,
            public_url=settings.public_url,
        )

    def public_url(self) -> str:
        return self.folder.store.get_setting(WEBHOOK_PUBLIC_URL_SETTING) or ""

    def set_public_url(self, url: str) -> None:
        url = url.strip().rstrip("/")
        self.folder.store.set_setting(WEBHOOK_PUBLIC_URL_SETTING, url)
        running = self.runtime()
        if running is not None:  # signatures are checked against the address the sender used
            running.settings.public_url = url or None


class _Rotated(QObject):
    """A new public address came back (or not) on the relay's thread: to the window's."""

    done = Signal(object)  # the new address (str), or the exception

    def hand_over(self, future: Future[str]) -> None:
        error = future.exception()
        with contextlib.suppress(RuntimeError):  # the box was closed meanwhile
            self.done.emit(error if error is not None else future.result())


class WebhookAddressBox(QWidget):
    """The addresses of one webhook trigger, each with a copy button, and where to paste them."""

    def __init__(
        self,
        addresses: WebhookAddresses,
        flow: Flow,
        node: Node,
        node_type: NodeType,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("webhookAddress")
        self.addresses, self.flow, self.node, self.node_type = addresses, flow, node, node_type
        self.relay = addresses.relay
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.local_label, self.live_label = QLabel(), QLabel()
        self.local = self._address_field()
        self.copy_local = QPushButton()
        self.copy_local.clicked.connect(lambda: self._copy(self.local))

        # Signed in: the cloud account's public address.
        self.cloud_box = QWidget()
        self.cloud = self._address_field()
        self.cloud.setObjectName("publicAddress")
        self.copy_cloud, self.rotate = QPushButton(), QPushButton()
        self.copy_cloud.clicked.connect(lambda: self._copy(self.cloud))
        self.rotate.clicked.connect(self.ask_to_rotate)
        self.cloud_help, self.cloud_pending = self._help(), self._help()
        self.waits_for_answer = self._help()
        cloud_rows = QGridLayout(self.cloud_box)
        cloud_rows.setContentsMargins(0, 0, 0, 0)
        cloud_rows.setHorizontalSpacing(6)
        cloud_rows.addWidget(self.cloud, 0, 0)
        cloud_rows.addWidget(self.copy_cloud, 0, 1)
        cloud_rows.addWidget(self.rotate, 1, 0, 1, 2, Qt.AlignmentFlag.AlignLeading)
        cloud_rows.addWidget(self.cloud_pending, 2, 0, 1, 2)
        cloud_rows.addWidget(self.cloud_help, 3, 0, 1, 2)
        cloud_rows.addWidget(self.waits_for_answer, 4, 0, 1, 2)
        self.rotate_question: QMessageBox | None = None
        self._rotating = _Rotated(self)
        self._rotating.done.connect(self._rotated)

        # Signed out: what an account gives, and the way to sign in.
        self.sign_in_offer = QWidget()
        self.sign_in_help = self._help()
        self.sign_in = QPushButton()
        self.sign_in.clicked.connect(lambda: self.relay.sign_in_requested.emit())
        offer = QVBoxLayout(self.sign_in_offer)
        offer.setContentsMargins(0, 0, 0, 0)
        offer.setSpacing(4)
        offer.addWidget(self.sign_in_help)
        offer.addWidget(self.sign_in, 0, Qt.AlignmentFlag.AlignLeading)

        # Without an account: a tunnel of one's own (advanced).
        self.tunnel_toggle = QCheckBox()
        self.tunnel_toggle.setObjectName("tunnelToggle")
        self.tunnel_toggle.toggled.connect(lambda _: self._show_tunnel())
        self.tunnel_box = QWidget()
        self.public = self._address_field()
        self.copy_public = QPushButton()
        self.copy_public.clicked.connect(lambda: self._copy(self.public))
        self.public_help = self._help()
        self.public_url = QLineEdit(addresses.public_url())
        self.public_url.setPlaceholderText("https://shop-flows.example.com")
        self.public_url.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.public_url.editingFinished.connect(self._public_url_changed)
        tunnel_rows = QGridLayout(self.tunnel_box)
        tunnel_rows.setContentsMargins(0, 0, 0, 0)
        tunnel_rows.setHorizontalSpacing(6)
        tunnel_rows.addWidget(self.public_help, 0, 0, 1, 2)
        tunnel_rows.addWidget(self.public_url, 1, 0, 1, 2)
        tunnel_rows.addWidget(self.public, 2, 0)
        tunnel_rows.addWidget(self.copy_public, 2, 1)
        self.tunnel_toggle.setChecked(bool(addresses.public_url()))

        self.setup = self._help()
        self.inactive = self._help()
        self.copied = self._help()

        rows = QGridLayout()
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setHorizontalSpacing(6)
        rows.addWidget(self.local_label, 0, 0, 1, 2)
        rows.addWidget(self.local, 1, 0)
        rows.addWidget(self.copy_local, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 4)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addLayout(rows)
        layout.addWidget(self.live_label)
        layout.addWidget(self.cloud_box)
        layout.addWidget(self.sign_in_offer)
        layout.addWidget(self.tunnel_toggle)
        layout.addWidget(self.tunnel_box)
        layout.addWidget(self.setup)
        layout.addWidget(self.inactive)
        layout.addWidget(self.copied)
        self.copied.hide()
        self.relay.changed.connect(self.show_addresses)
        self.retranslate()

    @staticmethod
    def _address_field() -> QLineEdit:
        field = QLineEdit()
        field.setReadOnly(True)
        field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # an address reads left to right
        return field

    @staticmethod
    def _help() -> QLabel:
        label = QLabel()
        label.setObjectName("help")
        label.setWordWrap(True)
        return label

    def retranslate(self) -> None:
        self.title.setText(self.tr("Web address"))
        self.local_label.setText(self.tr("Test address (on this computer)"))
        self.live_label.setText(self.tr("Live address (from the internet)"))
        for button in (self.copy_local, self.copy_public, self.copy_cloud):
            button.setText(self.tr("Copy"))
        self.rotate.setText(self.tr("Get a new address"))
        self.cloud_help.setText(
            self.tr(
                "Give this address to the service. Your Flowin cloud account receives what the "
                "service sends and keeps it until this computer takes it, so nothing is lost "
                "while the computer is off."
            )
        )
        self.waits_for_answer.setText(
            self.tr(
                "This trigger answers when the flow is done. Through the live address the "
                "service waits a few seconds for that answer; if the flow takes longer, the "
                "service is told its request was accepted, and the flow still runs."
            )
        )
        self.sign_in_help.setText(
            self.tr(
                "Services on the internet can't reach this computer by themselves. Sign in to a "
                "Flowin cloud account and this trigger gets a live address they can send to, "
                "even while the computer is off."
            )
        )
        self.sign_in.setText(self.tr("Sign in to your cloud account…"))
        self.tunnel_toggle.setText(self.tr("Use my own tunnel instead (advanced)"))
        self.public_url.setToolTip(self.tr("This computer's public address"))
        setup = self.node_type.manifest.webhook_setup
        self.setup.setText(QCoreApplication.translate(NODE_TYPES, setup) if setup else "")
        self.setup.setVisible(bool(setup))
        self.inactive.setText(
            self.tr("The address answers once the flow is active: click Activate.")
        )
        self.show_addresses()

    def follow(self, flow: Flow, node: Node) -> None:
        """The trigger as it is now (its settings changed)."""
        self.flow, self.node = flow, node
        self.show_addresses()

    def show_addresses(self) -> None:
        address = self.addresses.of(self.flow, self.node)
        self.local.setText(address.local)
        self.local.setToolTip(address.local)
        self.local.setCursorPosition(0)  # the host and port first; Copy takes all of it
        signed_in = self.relay.signed_in
        cloud = self.relay.public_address(self.flow.id, self.node.id) if signed_in else None
        if self.cloud.text() != (cloud or ""):
            self.cloud.setText(cloud or "")
            self.cloud.setToolTip(cloud or "")
            self.cloud.setCursorPosition(0)
        for widget in (self.cloud, self.copy_cloud, self.rotate, self.cloud_help):
            widget.setVisible(cloud is not None)
        self.cloud_pending.setText(
            self.tr(
                "Flowin can't reach your cloud account now, so the live address can't show "
                "yet. It keeps trying; the flow still works on this computer."
            )
            if self.relay.unreachable
            else self.tr(
                "The live address shows here once the flow is active and Flowin has reached "
                "your cloud account."
            )
        )
        self.cloud_pending.setVisible(signed_in and cloud is None)
        self.cloud_box.setVisible(signed_in)
        self.waits_for_answer.setVisible(self.node.params.get("respond") == "when_done")
        self.sign_in_offer.setVisible(not signed_in)
        self.tunnel_toggle.setVisible(not signed_in)
        self._show_tunnel(address.public)
        self.inactive.setVisible(self.flow.status != FlowStatus.ACTIVE)

    def _show_tunnel(self, public: str | None = None) -> None:
        open_ = self.tunnel_toggle.isChecked() and not self.relay.signed_in
        self.tunnel_box.setVisible(open_)
        if not open_:
            return
        if public is None:
            public = self.addresses.of(self.flow, self.node).public
        self.public.setText(public or "")
        self.public.setToolTip(public or "")
        self.public.setCursorPosition(0)
        self.public.setVisible(public is not None)
        self.copy_public.setVisible(public is not None)
        self.public_help.setText(
            self.tr(
                "Services on the internet reach the live address. It is this computer's public "
                "address (from a tunnel such as Cloudflare Tunnel or ngrok), followed by the "
                "flow's path:"
            )
            if public is not None
            else self.tr(
                "Services on the internet can't reach this computer's own address. Give Flowin "
                "this computer's public address (from a tunnel such as Cloudflare Tunnel or "
                "ngrok) to get the live address:"
            )
        )

    def _public_url_changed(self) -> None:
        self.addresses.set_public_url(self.public_url.text())
        self.show_addresses()

    def _copy(self, field: QLineEdit) -> None:
        QGuiApplication.clipboard().setText(field.text())
        self.copied.setText(self.tr("Copied: paste it into the service's webhook settings."))
        self.copied.show()

    # A new public address.

    def ask_to_rotate(self) -> QMessageBox:
        """Asks first: the old address stops working, and the service must get the new one."""
        question = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Get a new address?"),
            self.tr(
                "The current live address stops working at once. Whatever the service sends "
                "there afterwards is refused, so give the service the new address straight "
                "away."
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        question.setObjectName("rotateQuestion")
        self.rotate_confirm = question.addButton(
            self.tr("Get a new address"), QMessageBox.ButtonRole.AcceptRole
        )
        cancel = question.addButton(QMessageBox.StandardButton.Cancel)
        question.setDefaultButton(cancel)
        question.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        question.buttonClicked.connect(
            lambda button: self._start_rotating() if button is self.rotate_confirm else None
        )
        self.rotate_question = question
        question.open()
        return question

    def _start_rotating(self) -> None:
        self.rotate.setEnabled(False)
        self.copied.setText(self.tr("Getting a new address…"))
        self.copied.show()
        future = self.relay.rotate(self.flow.id, self.node.id)
        future.add_done_callback(self._rotating.hand_over)

    def _rotated(self, outcome: object) -> None:
        self.rotate.setEnabled(True)
        if isinstance(outcome, str):
            self.cloud.setText(outcome)
            self.cloud.setToolTip(outcome)
            self.cloud.setCursorPosition(0)
            self.copied.setText(
                self.tr(
                    "This is the new address: copy it into the service's webhook settings. "
                    "The old one no longer works."
                )
            )
        else:
            self.copied.setText(
                self.tr(
                    "Flowin couldn't get a new address: your cloud account can't be reached "
                    "now. The current address still works; try again shortly."
                )
            )
        self.copied.show()
        self.show_addresses()
