"""The designated safeguarding lead's queue of flagged comments."""
