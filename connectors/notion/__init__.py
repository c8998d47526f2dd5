"""Notion: pages in databases."""
