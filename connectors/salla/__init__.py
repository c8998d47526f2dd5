"""Salla: orders, order statuses, customers and abandoned carts of a Salla store (Merchant API v2)."""
