"""Outlook: send e-mail and start flows on new e-mail, through Microsoft Graph."""
