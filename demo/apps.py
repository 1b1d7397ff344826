from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content as data files (``data/``) and the commands that load it (``load_demo``,
    ``generate_volume``). No models: it only fills the other apps' models."""

    name = "demo"
