"""Flowin's built-in connectors, one package per service."""
