"""Load and fault tests against gunicorn on 127.0.0.1 (see docs/performance.md)."""
