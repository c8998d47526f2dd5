"""Stripe: successful payments, customers and payments through the REST API v1."""
