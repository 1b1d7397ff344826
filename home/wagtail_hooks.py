from wagtail import hooks

from home.dashboard import construct_homepage_panels


@hooks.register("construct_homepage_panels")
def editors_dashboard(request, panels):
    construct_homepage_panels(request, panels)
