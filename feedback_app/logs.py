"""Structured request logs with request ids and no personal data.

Only the method, the route's rule (not the filled-in path, which may hold a resume
code), the status and the time are logged: never query strings, form data or
user email addresses.
"""

from __future__ import annotations

import json
import logging
import time
import uuid

from flask import Flask, Response, g, request


class JsonFormatter(logging.Formatter):
    """Format log records as one JSON object a line."""

    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        payload.update(getattr(record, "fields", {}))
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        return json.dumps(payload)


def register_logging(app: Flask) -> None:
    """Give each request an id and log one line per request."""
    logger = logging.getLogger("feedback_app.requests")
    if app.config.get("LOG_JSON") and not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(JsonFormatter())
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False

    @app.before_request
    def start_timer() -> None:
        incoming = request.headers.get("X-Request-Id", "")
        # Accept a load balancer's id only if it looks like one, so logs can't be forged.
        g.request_id = incoming if incoming.isalnum() and len(incoming) <= 64 else uuid.uuid4().hex
        g.request_started = time.perf_counter()

    @app.after_request
    def log_request(response: Response) -> Response:
        started = g.get("request_started")
        elapsed_ms = (time.perf_counter() - started) * 1000 if started else 0.0
        response.headers["X-Request-Id"] = g.get("request_id", "")
        rule = request.url_rule.rule if request.url_rule else "unmatched"
        logger.info(
            "%s %s %s",
            request.method,
            rule,
            response.status_code,
            extra={
                "fields": {
                    "request_id": g.get("request_id"),
                    "method": request.method,
                    "route": rule,
                    "status": response.status_code,
                    "ms": round(elapsed_ms, 1),
                }
            },
        )
        return response
