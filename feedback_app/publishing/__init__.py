"""Staff preparing findings releases and "you said, we did" entries."""
