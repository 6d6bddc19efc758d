from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Grant-project registry")

    def ready(self):
        from . import db_functions, history, indexing

        db_functions.install()
        indexing.connect_signals()
        history.register_models()
