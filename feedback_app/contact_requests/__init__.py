"""Families who asked to be contacted about their survey answers, for complaints officers."""
