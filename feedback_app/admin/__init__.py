"""Administration: users, surveys, taxonomy, settings, audit log."""
