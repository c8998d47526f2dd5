"""Zid: orders, order statuses, customers and abandoned carts of a Zid store (Merchant API v1)."""
