"""Where a request's time goes, in a ``Server-Timing`` header: for the benchmark and profiling.

Switched on by ``SERVER_TIMING=on`` (off by default: it wraps every SQL query and template
render of the process). Each response then carries

    Server-Timing: total;dur=31.2, sql;dur=4.1;desc="9 queries", render;dur=17.8

- ``total``: the request inside Django, middleware included;
- ``sql``: the time spent in the database (every query of the request, wherever it ran), and the
  number of queries;
- ``render``: the time spent rendering templates (the outermost render of each template tree),
  *minus* the SQL run while rendering (lazy querysets read by a template), so that SQL is not
  counted twice.

``scripts/benchmark.py --uncached`` reads it. The header says nothing a visitor could use
(durations and a count), but it is not meant for production: leave it off there.
"""

import threading
import time
from contextlib import ExitStack

from django.db import connections
from django.template.backends.django import Template as BackendTemplate

_state = threading.local()  # .request: the _RequestTimes of the request being served


class _RequestTimes:
    def __init__(self):
        self.queries = 0
        self.sql = 0.0
        self.render = 0.0
        self.render_depth = 0
        self.sql_in_render = 0.0

    def execute(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent = time.perf_counter() - started
            self.queries += 1
            self.sql += spent
            if self.render_depth:
                self.sql_in_render += spent


_original_render = BackendTemplate.render


def _timed_render(self, context=None, request=None):
    times = getattr(_state, "request", None)
    if times is None or times.render_depth:
        if times is not None:
            times.render_depth += 1
            try:
                return _original_render(self, context, request)
            finally:
                times.render_depth -= 1
        return _original_render(self, context, request)
    times.render_depth = 1
    sql_before = times.sql_in_render
    started = time.perf_counter()
    try:
        return _original_render(self, context, request)
    finally:
        times.render += time.perf_counter() - started - (times.sql_in_render - sql_before)
        times.render_depth = 0


class ServerTimingMiddleware:
    """Outermost middleware (see ``portal.settings``): times the request, its SQL and its
    template rendering, and writes them in ``Server-Timing``."""

    def __init__(self, get_response):
        self.get_response = get_response
        BackendTemplate.render = _timed_render

    def __call__(self, request):
        times = _RequestTimes()
        _state.request = times
        started = time.perf_counter()
        try:
            with ExitStack() as stack:
                for alias in connections:
                    stack.enter_context(connections[alias].execute_wrapper(times.execute))
                response = self.get_response(request)
                # A template response not rendered yet (a middleware returned it): render it here.
                if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                    response.render()
        finally:
            _state.request = None
        total = (time.perf_counter() - started) * 1000
        response["Server-Timing"] = (
            f'total;dur={total:.1f}, sql;dur={times.sql * 1000:.1f};desc="{times.queries} queries", '
            f"render;dur={times.render * 1000:.1f}"
        )
        return response
