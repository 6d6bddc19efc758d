from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Grant-project registry")

    def ready(self):
        from . import collation, db_functions, history, indexing

        collation.install()
        db_functions.install()
        indexing.connect_signals()
        history.register_models()
