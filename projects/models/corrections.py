"""Visitors' reports of errors on a public page, the editors' queue of corrections.

A correction is about exactly one record: a project, an organisation or a place. Three
foreign keys (not a generic relation) keep the link a real one: the database refuses a link
to nothing, and deleting a record deletes the reports about it. The visitor's words are kept
as written; editors answer with a status and a note of their own.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils.translation import gettext_lazy as _

from .content import LANGUAGE_CHOICES, Organization, Place, Project

MESSAGE_MAX_LENGTH = 5000
RECORD_KINDS = ("project", "organization", "place")


class CorrectionStatus(models.TextChoices):
    NEW = "new", _("new")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")


def _only(kind: str) -> Q:
    return Q(**{f"{other}__isnull": other != kind for other in RECORD_KINDS})


class Correction(models.Model):
    """One visitor's report about one record, and what an editor made of it."""

    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="corrections",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="corrections",
    )
    place = models.ForeignKey(
        Place,
        verbose_name=_("place"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="corrections",
    )
    message = models.TextField(
        _("message"),
        max_length=MESSAGE_MAX_LENGTH,
        validators=[MaxLengthValidator(MESSAGE_MAX_LENGTH)],
    )
    email = models.EmailField(_("e-mail"), blank=True)
    page_language = models.CharField(_("page language"), max_length=2, choices=LANGUAGE_CHOICES)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CorrectionStatus.choices,
        default=CorrectionStatus.NEW,
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    editor_note = models.TextField(_("editor's note"), blank=True)

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        # The queue: new reports first, the newest of each status on top.
        ordering = [
            Case(When(status=CorrectionStatus.NEW, then=Value(0)), default=Value(1)).asc(),
            "-created_at",
            "-pk",
        ]
        indexes = [models.Index(fields=["status", "-created_at"], name="correction_queue")]
        constraints = [
            models.CheckConstraint(
                condition=_only("project") | _only("organization") | _only("place"),
                name="correction_about_one_record",
            ),
            models.CheckConstraint(
                condition=Q(status__in=CorrectionStatus.values), name="correction_status_valid"
            ),
            models.CheckConstraint(condition=~Q(message=""), name="correction_has_message"),
        ]

    def __str__(self):
        return f"{self.record} ({self.get_status_display()})"

    @property
    def kind(self) -> str:
        """Which of RECORD_KINDS the correction is about."""
        return next(kind for kind in RECORD_KINDS if getattr(self, f"{kind}_id") is not None)

    @property
    def record(self) -> Project | Organization | Place:
        return getattr(self, self.kind)
