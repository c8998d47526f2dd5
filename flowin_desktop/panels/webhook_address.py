"""A webhook trigger's address on its properties: where the flow is called from this computer
and from the internet, a button to copy each, and what to paste where in the service."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.data_folder import WEBHOOK_PUBLIC_URL_SETTING, DataFolder
from flowin_engine.model import Flow, FlowStatus, Node
from flowin_engine.registry import NodeType
from flowin_engine.runtime import Runtime, WebhookAddress, webhook_address

from ..i18n import NODE_TYPES


class WebhookAddresses:
    """Where the webhook triggers of a data folder are called: on the port the window's
    runtime listens on when it runs, else on the folder's saved one."""

    def __init__(self, folder: DataFolder, runtime: Callable[[], Runtime | None]) -> None:
        self.folder, self.runtime = folder, runtime

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
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.local_label, self.public_label = QLabel(), QLabel()
        self.local, self.public = self._address_field(), self._address_field()
        self.copy_local, self.copy_public = QPushButton(), QPushButton()
        self.copy_local.clicked.connect(lambda: self._copy(self.local))
        self.copy_public.clicked.connect(lambda: self._copy(self.public))
        self.public_help = self._help()
        self.public_url = QLineEdit(addresses.public_url())
        self.public_url.setPlaceholderText("https://shop-flows.example.com")
        self.public_url.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.public_url.editingFinished.connect(self._public_url_changed)
        self.setup = self._help()
        self.inactive = self._help()
        self.copied = self._help()

        rows = QGridLayout()
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setHorizontalSpacing(6)
        rows.addWidget(self.local_label, 0, 0, 1, 2)
        rows.addWidget(self.local, 1, 0)
        rows.addWidget(self.copy_local, 1, 1)
        rows.addWidget(self.public_label, 2, 0, 1, 2)
        rows.addWidget(self.public, 3, 0)
        rows.addWidget(self.copy_public, 3, 1)
        rows.addWidget(self.public_help, 4, 0, 1, 2)
        rows.addWidget(self.public_url, 5, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 4)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addLayout(rows)
        layout.addWidget(self.setup)
        layout.addWidget(self.inactive)
        layout.addWidget(self.copied)
        self.copied.hide()
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
        self.public_label.setText(self.tr("Live address (from the internet)"))
        for button in (self.copy_local, self.copy_public):
            button.setText(self.tr("Copy"))
        self.public_url.setToolTip(self.tr("This computer's public address"))
        setup = self.node_type.manifest.webhook_setup
        self.setup.setText(QCoreApplication.translate(NODE_TYPES, setup) if setup else "")
        self.setup.setVisible(bool(setup))
        self.inactive.setText(
            self.tr("The address answers once the flow is active: click Activate.")
        )
        self.show_addresses()

    def show_addresses(self) -> None:
        address = self.addresses.of(self.flow, self.node)
        for field, text in ((self.local, address.local), (self.public, address.public or "")):
            field.setText(text)
            field.setToolTip(text)
            field.setCursorPosition(0)  # the host and port first; Copy takes all of it
        has_public = address.public is not None
        self.public.setVisible(has_public)
        self.copy_public.setVisible(has_public)
        self.public_help.setText(
            self.tr(
                "Services on the internet reach the live address. It is this computer's public "
                "address (from a tunnel such as Cloudflare Tunnel or ngrok), followed by the "
                "flow's path:"
            )
            if has_public
            else self.tr(
                "Services on the internet can't reach this computer's own address. Give Flowin "
                "this computer's public address (from a tunnel such as Cloudflare Tunnel or "
                "ngrok) to get the live address:"
            )
        )
        self.inactive.setVisible(self.flow.status != FlowStatus.ACTIVE)

    def _public_url_changed(self) -> None:
        self.addresses.set_public_url(self.public_url.text())
        self.show_addresses()

    def _copy(self, field: QLineEdit) -> None:
        QGuiApplication.clipboard().setText(field.text())
        self.copied.setText(self.tr("Copied: paste it into the service's webhook settings."))
        self.copied.show()
