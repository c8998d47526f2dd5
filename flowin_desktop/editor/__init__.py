"""The flow editor: the flow being edited (its undo commands) and its test runs."""
