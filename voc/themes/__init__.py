"""Friction themes: clustering, naming, representative quotes and impact ranking."""
