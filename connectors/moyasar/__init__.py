"""Moyasar: paid and failed payments, payment links (invoices) and payments, through its REST API v1."""
