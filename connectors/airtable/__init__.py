"""Airtable: records in bases."""
