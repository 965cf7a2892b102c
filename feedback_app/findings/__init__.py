"""Public findings for families and the forum, and "you said, we did"."""
