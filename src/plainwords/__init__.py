"""plainwords: finds labels that shame people and jargon that shuts them out, says why, and
suggests what to say instead."""

__version__ = "0.1.0"
