"""Flowin's account backend: sign-in, API keys, 2FA, verification, and the flows the desktop syncs.

A FastAPI service started with ``flowin-cloud``; it imports nothing of the desktop app.
"""

from .app import create_app
from .config import Settings

__all__ = ["Settings", "create_app"]
