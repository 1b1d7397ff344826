"""The portal's own admin screens: login lock-outs (``portal.admin_lockouts``) and background
tasks (``portal.admin_tasks``)."""

from wagtail import hooks

from portal.admin_lockouts import LockoutViewSet
from portal.admin_tasks import BackgroundTaskViewSet


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return LockoutViewSet()


@hooks.register("register_admin_viewset")
def register_background_tasks():
    return BackgroundTaskViewSet()
