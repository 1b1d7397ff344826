from django.conf import settings


def portal(request):
    """Names every template may need: the service name shown in the header and titles."""
    return {"SERVICE_NAME": settings.PORTAL_SERVICE_NAME}
