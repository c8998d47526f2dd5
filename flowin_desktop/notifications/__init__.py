"""The notifications on the desktop: the bell and its centre, the tray's pop-ups from the same
rows, and the settings of who is told what, where (globally and per flow)."""

from .centre import BellButton, NotificationCentre
from .watch import NotificationWatch

__all__ = ["BellButton", "NotificationCentre", "NotificationWatch"]
