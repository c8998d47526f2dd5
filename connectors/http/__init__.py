"""One node that calls any HTTP API."""
