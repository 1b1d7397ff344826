"""Refuse a request whose body is larger than ``MAX_REQUEST_BODY_SIZE`` before reading it.

Django limits the form fields it keeps in memory (``DATA_UPLOAD_MAX_MEMORY_SIZE``) but streams
file uploads of any size to temporary files: without this check a client could make each server
process read gigabytes to disk before the forms' own size checks run. The declared
``Content-Length`` is enough to decide: the proxy (``client_max_body_size``, README) refuses
bodies without one or larger still, and a WSGI server never hands the application more bytes than
declared. The answer is a translated 413 page.
"""

from django.conf import settings
from django.shortcuts import render


class RequestBodySizeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > settings.MAX_REQUEST_BODY_SIZE:
            return render(
                request,
                "request_too_large.html",
                {"limit_megabytes": settings.MAX_REQUEST_BODY_SIZE // (1024 * 1024)},
                status=413,
            )
        return self.get_response(request)
