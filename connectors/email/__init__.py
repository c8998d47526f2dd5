"""E-mail over SMTP, and the message builder shared with Gmail."""
