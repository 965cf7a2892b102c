"""Analysts reviewing machine-suggested themes and sentiment."""
