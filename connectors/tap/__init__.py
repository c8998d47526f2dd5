"""Tap: captured and declined charges, payment links and charges, through its REST API v2."""
