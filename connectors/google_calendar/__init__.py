"""Google Calendar: events in, events out, free time, and triggers on new and coming events."""
