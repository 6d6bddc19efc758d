"""How form widgets are rendered.

A form field's widget is a template. Django's engine takes about a millisecond for a select of
thirty options (each option is two template renders), and a project's admin page has hundreds
of widgets: the page spent most of its time there. Django ships the same widget templates for
Jinja2, which renders them several times faster. Widgets that only have a Django template (the
admin's related-object links, django-filter's) are rendered by Django's engine as before.
"""

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist


class FastWidgetRenderer(BaseRenderer):
    """Django's Jinja2 widget templates first, its Django templates for the rest."""

    def __init__(self):
        self._jinja2 = Jinja2()
        self._django = DjangoTemplates()
        self._django_only = set()

    def get_template(self, template_name):
        if template_name not in self._django_only:
            try:
                return self._jinja2.get_template(template_name)
            except TemplateDoesNotExist:
                self._django_only.add(template_name)
        return self._django.get_template(template_name)
