"""Production logs are JSON lines; errors go to Sentry when SENTRY_DSN is set, without personal data."""

import json
import logging
import subprocess
import sys

from portal.logging import JSONFormatter
from portal.sentry import scrub_event

PRODUCTION = {"DJANGO_ENV": "production", "ALLOWED_HOSTS": "portal.example.org", "SECRET_KEY": "k3y-" + "x9Q!z" * 12}
SENTRY_DSN = "http://public@127.0.0.1:9/1"  # nothing listens on port 9: no event leaves this machine


def run_with_settings(code, env):
    """Run ``code`` after django.setup() with the portal's own settings and only ``env`` set."""
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "portal.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def record(name="portal.test", msg="Offer %s received", args=("BP-2026-00001",), exc_info=None, **extra):
    log_record = logging.LogRecord(name, logging.WARNING, __file__, 10, msg, args, exc_info)
    log_record.__dict__.update(extra)
    return log_record


def test_the_json_formatter_writes_one_object_per_line_with_the_extra_values():
    line = JSONFormatter().format(record(reference="BP-2026-00001", duration_ms=12.5))
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "WARNING" and entry["logger"] == "portal.test"
    assert entry["message"] == "Offer BP-2026-00001 received"
    assert entry["time"].endswith("+00:00") and "T" in entry["time"]
    assert entry["reference"] == "BP-2026-00001" and entry["duration_ms"] == 12.5
    assert "exception" not in entry and "args" not in entry and "msg" not in entry


def test_the_json_formatter_includes_the_exception():
    try:
        raise ValueError("bad value\non two lines")
    except ValueError:
        exc_info = sys.exc_info()
    entry = json.loads(JSONFormatter().format(record(exc_info=exc_info)))
    assert entry["exception"].startswith("Traceback")
    assert "ValueError: bad value\non two lines" in entry["exception"]


def test_the_json_formatter_reports_the_request_of_django_request_records(rf):
    request = rf.post("/fr/bourse/proposer/?step=2")
    csrf_failure = record("django.request", "Forbidden (CSRF): %s", ("/fr/bourse/proposer/",), status_code=403)
    csrf_failure.request = request
    entry = json.loads(JSONFormatter().format(csrf_failure))
    assert (entry["method"], entry["path"], entry["status_code"]) == ("POST", "/fr/bourse/proposer/", 403)
    assert "request" not in entry


def test_the_json_formatter_reads_the_request_line_of_django_server_records():
    server_record = record(
        "django.server", '"%s" %s %s', ("GET /fr/ HTTP/1.1", "200", "5120"), status_code=200, request=object()
    )
    entry = json.loads(JSONFormatter().format(server_record))
    assert (entry["method"], entry["path"], entry["status_code"]) == ("GET", "/fr/", 200)


def test_production_writes_json_logs_and_development_text():
    code = (
        "import logging\n"
        "from django.http import HttpResponseNotFound\n"
        "from django.test import RequestFactory\n"
        "from django.utils.log import log_response\n"
        "logging.getLogger('portal.test').warning('hello %s', 'world', extra={'reference': 'BP-1'})\n"
        "request = RequestFactory().get('/fr/x/')\n"
        "log_response('Not Found: %s', '/fr/x/', response=HttpResponseNotFound(), request=request)\n"
    )
    production = run_with_settings(code, PRODUCTION)
    assert production.returncode == 0, production.stderr
    lines = [json.loads(line) for line in production.stderr.splitlines()]
    assert lines[0]["message"] == "hello world" and lines[0]["reference"] == "BP-1"
    assert lines[0]["level"] == "WARNING" and lines[0]["logger"] == "portal.test"
    not_found = lines[1]
    assert not_found["logger"] == "django.request" and not_found["message"] == "Not Found: /fr/x/"
    assert (not_found["method"], not_found["path"], not_found["status_code"]) == ("GET", "/fr/x/", 404)
    assert len(lines) == 2  # Django's own handlers do not print the 404 a second time

    development = run_with_settings(code, {})
    assert development.returncode == 0, development.stderr
    assert "WARNING portal.test: hello world" in development.stderr
    assert not development.stderr.lstrip().startswith("{")
    assert development.stderr.count("Not Found: /fr/x/") == 1

    chosen = run_with_settings(code, {**PRODUCTION, "LOG_FORMAT": "text"})
    assert "WARNING portal.test: hello world" in chosen.stderr
    chosen = run_with_settings(code, {"LOG_FORMAT": "json"})
    assert json.loads(chosen.stderr.splitlines()[0])["message"] == "hello world"


def test_an_unknown_log_format_is_refused():
    result = run_with_settings("", {"LOG_FORMAT": "xml"})
    assert result.returncode != 0 and "LOG_FORMAT" in result.stderr


SENTRY_STATE = (
    "import json, sentry_sdk\n"
    "client = sentry_sdk.get_client()\n"
    "options = client.options if client.is_active() else {}\n"
    "print(json.dumps({'active': client.is_active(), **{name: options.get(name) for name in "
    "('environment', 'release', 'send_default_pii', 'traces_sample_rate', 'max_request_body_size', "
    "'include_local_variables')}}))\n"
)


def test_sentry_is_active_only_with_a_dsn():
    assert json.loads(run_with_settings(SENTRY_STATE, PRODUCTION).stdout)["active"] is False
    sentry = {"SENTRY_DSN": SENTRY_DSN, "SENTRY_RELEASE": "2026.1", "SENTRY_TRACES_SAMPLE_RATE": "0.1"}
    result = run_with_settings(SENTRY_STATE, {**PRODUCTION, **sentry})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "active": True,
        "environment": "production",
        "release": "2026.1",
        "send_default_pii": False,
        "traces_sample_rate": 0.1,
        "max_request_body_size": "never",
        "include_local_variables": False,
    }
    staging = run_with_settings(SENTRY_STATE, {"SENTRY_DSN": SENTRY_DSN, "SENTRY_ENVIRONMENT": "staging"})
    staging = json.loads(staging.stdout)
    assert staging["active"] is True and staging["environment"] == "staging" and staging["traces_sample_rate"] == 0


def test_sentry_events_leave_without_personal_data():
    # The event as the Django integration would describe a failed intake submission; the
    # transport is replaced so that what would be sent can be read.
    code = (
        "import json, sentry_sdk\n"
        "sent = []\n"
        "sentry_sdk.get_client().transport.capture_envelope = sent.append\n"
        "request = {'url': 'https://portal.example.org/fr/bourse/proposer/', 'method': 'POST',\n"
        "    'query_string': 'contact=awa@example.org', 'data': {'contact_email': 'awa@example.org'},\n"
        "    'cookies': {'sessionid': 'secret'}, 'env': {'REMOTE_ADDR': '192.0.2.1'},\n"
        "    'headers': {'User-Agent': 'Firefox', 'Cookie': 'sessionid=secret', 'X-Forwarded-For': '192.0.2.1'}}\n"
        "with sentry_sdk.new_scope() as scope:\n"
        "    scope.add_event_processor(lambda event, hint: {**event, 'request': request,\n"
        "        'user': {'email': 'awa@example.org', 'ip_address': '192.0.2.1'}})\n"
        "    sentry_sdk.capture_message('intake submission failed')\n"
        "event = sent[0].get_event()\n"
        "print(json.dumps({'request': event['request'], 'user': event.get('user'), 'message': event['message']}))\n"
    )
    result = run_with_settings(code, {**PRODUCTION, "SENTRY_DSN": SENTRY_DSN})
    assert result.returncode == 0, result.stderr
    event = json.loads(result.stdout)
    assert event["message"] == "intake submission failed"
    assert event["user"] is None
    assert event["request"] == {
        "url": "https://portal.example.org/fr/bourse/proposer/",
        "method": "POST",
        "headers": {"User-Agent": "Firefox"},
    }
    assert "awa@example.org" not in result.stdout and "192.0.2.1" not in result.stdout


def test_scrub_event_keeps_events_without_a_request():
    event = {"message": "boom", "level": "error"}
    assert scrub_event(dict(event), {}) == event
