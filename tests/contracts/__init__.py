"""Test helpers that hold connectors to the vendors' published API contracts."""
