"""Where each revision of the records' history came from (projects/history.py keeps it)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from reversion.models import Revision


class RevisionOrigin(models.Model):
    revision = models.OneToOneField(
        Revision, on_delete=models.CASCADE, related_name="origin", verbose_name=_("revision")
    )
    via = models.CharField(
        _("from"), max_length=40, help_text=_("admin, import, load_seeds or load_records")
    )

    class Meta:
        verbose_name = _("origin of a revision")
        verbose_name_plural = _("origins of revisions")

    def __str__(self):
        return self.via
