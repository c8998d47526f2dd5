"""What starts cloud-run flows: webhooks, schedules and polling triggers.

Each writes the run it starts to the outbox (``jobs.add_job``) in the same transaction as what
started it; the relay (``jobs.Relay``) hands committed jobs to the Celery workers. ``flowin-cloud
scheduler`` runs the schedules and polling (one leader at a time) and the relay.
"""
