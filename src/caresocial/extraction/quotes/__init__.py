"""Quotes and speakers: who says what (direct, reported, cited and joint statements)."""
