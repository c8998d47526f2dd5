"""WooCommerce: new and updated orders, orders, order statuses and customers (REST API v3)."""
