"""The panels around the canvas: palette, properties and run log."""
