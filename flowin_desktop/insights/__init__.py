"""The insights dashboard: what the flows did this week or month (``page.InsightsPage``).

Imported when the page is first opened: it brings matplotlib, which the app's start does
without."""

from .page import InsightsPage

__all__ = ["InsightsPage"]
