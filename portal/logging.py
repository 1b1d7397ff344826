"""JSON lines logging for production: one JSON object per line, read by the log collector.

Selected with ``LOG_FORMAT=json`` (the default in production mode, see settings.LOGGING).
"""

import datetime
import json
import logging

# Attributes every LogRecord has; anything else on a record was passed with ``extra=``.
STANDARD_ATTRIBUTES = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


class JSONFormatter(logging.Formatter):
    """Format a record as one line of JSON: time (ISO 8601, UTC), level, logger, message, the
    request method, path and status code of django.request/django.server records, the exception
    and stack when there is one, and the other ``extra`` values."""

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(request_fields(record))
        for name, value in vars(record).items():
            if name not in STANDARD_ATTRIBUTES and name != "request" and name not in entry:
                entry[name] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        # default=str: an extra value JSON does not know (a date, a model instance) still logs.
        return json.dumps(entry, ensure_ascii=False, default=str)


def request_fields(record):
    """Method, path and status code of a request log record, when it has them.

    django.request passes the HttpRequest as ``extra["request"]``; the development server
    (django.server) passes its socket instead, the request line being the first argument."""
    fields = {}
    request = getattr(record, "request", None)
    if hasattr(request, "method") and hasattr(request, "path"):
        fields["method"], fields["path"] = request.method, request.path
    elif record.name == "django.server" and isinstance(record.args, tuple) and record.args:
        request_line = str(record.args[0]).split()
        if len(request_line) >= 2:
            fields["method"], fields["path"] = request_line[0], request_line[1]
    status_code = getattr(record, "status_code", None)
    if status_code is not None:
        fields["status_code"] = status_code
    return fields
