"""Dialogs opened from the window or at start-up: version history, a damaged database."""
