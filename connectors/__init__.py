"""Flowin\x27s built-in connectors, one package per service."""
