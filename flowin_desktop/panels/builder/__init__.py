"""The AI builder's chat beside the canvas (panel.py: BuilderPanel), composed of the chat and the
flow's conversation kept with it (conversation.py), the proposal shown as cards and as a ghost
on the canvas (preview.py), the proposal's edits to the open flow (edits.py) and where the AI
model is (settings.py)."""
