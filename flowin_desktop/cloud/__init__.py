"""The Flowin account: signing in, syncing flows, and the account dialog with its keys, security
and sign-ins."""
