"""Structured request logs with request ids and no personal data.

Only the method, the route's rule (not the filled-in path, which may hold a resume
code), the status and the time are logged: never query strings, form data or
user email addresses.
"""

from __future__ import annotations

import json
import logging
import time
import traceback
import uuid

from flask import Flask, Response, g, has_request_context, request
from flask.logging import default_handler
from sqlalchemy.exc import StatementError

REQUEST_ID_KEY = "feedback_app.request_id"


class JsonFormatter(logging.Formatter):
    """Format log records as one JSON object a line, with the request's id when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if has_request_context():
            payload["request_id"] = request_id()
        payload.update(getattr(record, "fields", {}))
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            payload["exception"] = type(error).__name__
            payload["traceback"] = safe_traceback(error)
        return json.dumps(payload)


def safe_traceback(error: BaseException) -> str:
    """Format a traceback giving only the first line of each exception's message.

    A database error's further lines quote data: PostgreSQL's DETAIL repeats the
    row that broke a constraint ("Key (email)=(…) already exists"). The query's
    parameters are already left out by the engines (``hide_parameters``, config.py);
    the statement, which holds none, is kept.
    """
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    parts: list[str] = []
    for number, exception in enumerate(reversed(chain)):
        if number:
            parts.append("\nwhich led to:\n")
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_tb(exception.__traceback__))
        lines = str(exception).strip().splitlines()
        kind = type(exception)
        parts.append(f"{kind.__module__}.{kind.__qualname__}: {lines[0] if lines else ''}\n")
        if isinstance(exception, StatementError) and exception.statement:
            parts.append(f"[SQL: {exception.statement}]\n")
    return "".join(parts)


def request_id() -> str:
    """Return this request's id, choosing it the first time it is asked for.

    A load balancer's id is kept only if it looks like one, so logs can't be forged.
    Kept in the request's environ rather than ``g``, which belongs to the app context
    and so can outlive the request.
    """
    environ = request.environ
    if REQUEST_ID_KEY not in environ:
        incoming = request.headers.get("X-Request-Id", "")
        valid = incoming.isalnum() and len(incoming) <= 64
        environ[REQUEST_ID_KEY] = incoming if valid else uuid.uuid4().hex
    return str(environ[REQUEST_ID_KEY])


def register_logging(app: Flask) -> None:
    """Give each request an id and log one line per request; JSON logs when LOG_JSON is on.

    Call it before anything else registers a before_request function: CSRF, rate
    limit and bad-input checks can end a request early, and its response must still
    carry an id and be timed.
    """
    if app.config.get("LOG_JSON"):
        send_app_logs_as_json()
    logger = logging.getLogger("feedback_app.requests")

    @app.before_request
    def start_timer() -> None:
        request_id()
        g.request_started = time.perf_counter()

    @app.after_request
    def log_request(response: Response) -> Response:
        started = g.get("request_started")
        elapsed_ms = (time.perf_counter() - started) * 1000 if started else 0.0
        response.headers["X-Request-Id"] = request_id()
        rule = request.url_rule.rule if request.url_rule else "unmatched"
        logger.info(
            "%s %s %s",
            request.method,
            rule,
            response.status_code,
            extra={
                "fields": {
                    "request_id": request_id(),
                    "method": request.method,
                    "route": rule,
                    "status": response.status_code,
                    "ms": round(elapsed_ms, 1),
                }
            },
        )
        return response


def send_app_logs_as_json() -> None:
    """Write every log record of the app's loggers as one JSON line on standard error.

    On the package's logger, so that errors (``feedback_app.errors``), jobs and
    Flask's own ``app.logger`` (named after the package) are JSON like the request
    log, and a traceback is a field rather than lines a log shipper splits apart; and
    on GOV.UK Notify's client's logger (``JSON_LOGGERS``).
    """
    for name in JSON_LOGGERS:
        logger = logging.getLogger(name)
        if any(isinstance(handler.formatter, JsonFormatter) for handler in logger.handlers):
            continue
        handler = logging.StreamHandler()
        handler.setFormatter(JsonFormatter())
        logger.addHandler(handler)
        # Flask adds its plain-text handler to app.logger; one line per record is the point.
        logger.removeHandler(default_handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


#: Loggers written as JSON: the app's, and GOV.UK Notify's client, which logs a failed
#: request itself ("API POST request on … failed with 400 …") before the app logs its own
#: "notification failed" record.
JSON_LOGGERS = ("feedback_app", "notifications_python_client")
