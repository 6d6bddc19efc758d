"""How form widgets are rendered.

A form field's widget is a template. Django's engine takes about a millisecond for a select of
thirty options (each option is two template renders), and a project's admin page has hundreds
of widgets: the page spent most of its time there. Django ships the same widget templates for
Jinja2, which renders them several times faster. Widgets that only have a Django template (the
admin's related-object links, django-filter's) are rendered by Django's engine as before.
"""

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist

ERROR_TEMPLATES = "django/forms/errors/"


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

    def render(self, template_name, context, request=None):
        # Every field of every inline row prints its errors, which are nearly always none:
        # Django's error templates print nothing then, and rendering that nothing was a few
        # hundred template renders per admin page.
        if template_name.startswith(ERROR_TEMPLATES) and not context.get("errors"):
            return ""
        return super().render(template_name, context, request)
