"""Paymob: successful and declined transactions, payment links (intentions) and transactions."""
