"""Model and form fields shared by the registry's models."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class LinesFormField(forms.CharField):
    """Edits a list of strings as a textarea with one item per line (phones, e-mails, links)."""

    widget = forms.Textarea(attrs={"rows": 2, "cols": 60})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


class StringListField(models.JSONField):
    """A JSON list of strings, edited one item per line in forms."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValidationError(_("Enter a list of texts, one per line."), code="invalid")

    def formfield(self, **kwargs):
        # Skip JSONField.formfield: its form field expects JSON text, editors type plain lines.
        defaults = {"form_class": LinesFormField, "help_text": self.help_text}
        defaults.update(kwargs)
        return models.Field.formfield(self, **defaults)
