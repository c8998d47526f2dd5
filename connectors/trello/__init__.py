"""Trello: cards on boards."""
