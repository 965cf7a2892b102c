"""Public pages every UK public-sector service must have, and the health check."""
