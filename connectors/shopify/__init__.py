"""Shopify: new orders, orders and customers through the Admin REST API."""
