"""Flowin's desktop app: a Qt view over the engine's flow model."""
