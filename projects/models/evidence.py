"""Where each fact of a project comes from: the words of a source that state it, or an
editor's note saying how it was inferred. See facts.py for what a fact is and its key."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .content import Project, SourceDocument


class EvidenceBasis(models.TextChoices):
    STATED = "stated", _("stated in the source")
    INFERRED = "inferred", _("inferred by an editor")


class FactEvidence(models.Model):
    """One piece of evidence for one fact of a project.

    A fact is named by a key that holds its value ("funding:european-union:213793:EUR:…",
    "place:almaty", "start:2017-02"), so evidence stops applying by itself when an editor
    changes the value: the page then shows the fact as unchecked instead of quoting words
    that no longer support it. A stated fact points at characters [start, end) of a source's
    text (sources never change, so the span stays valid); `quote` repeats those words so
    that anyone can check them. An inferred fact carries the editor's note instead.
    """

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="evidence"
    )
    fact = models.CharField(_("fact"), max_length=300)
    basis = models.CharField(_("basis"), max_length=10, choices=EvidenceBasis.choices)
    source = models.ForeignKey(
        SourceDocument,
        verbose_name=_("source document"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="evidence",
    )
    start = models.PositiveIntegerField(_("first character"), null=True, blank=True)
    end = models.PositiveIntegerField(_("character after the last"), null=True, blank=True)
    quote = models.TextField(_("the source's words"), blank=True)
    note = models.TextField(
        _("editor's note"),
        blank=True,
        help_text=_("Required for an inference: what it rests on."),
    )

    class Meta:
        verbose_name = _("evidence for a fact")
        verbose_name_plural = _("evidence for facts")
        ordering = ["project", "fact", "start", "id"]
        indexes = [models.Index(fields=["project", "fact"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(basis__in=EvidenceBasis.values), name="evidence_basis_valid"
            ),
            models.CheckConstraint(
                condition=Q(basis=EvidenceBasis.INFERRED)
                | Q(source__isnull=False, start__isnull=False, end__gt=F("start")),
                name="evidence_stated_has_span",
            ),
        ]

    def __str__(self):
        return f"{self.fact} ({self.get_basis_display()})"

    def clean(self):
        super().clean()
        if self.basis == EvidenceBasis.INFERRED:
            if not any(getattr(self, f"note_{code}", "") for code in ("ru", "kk", "en")):
                # Not tied to `note`: forms show it as note_ru, note_kk and note_en.
                raise ValidationError(_("Say what the inference rests on."))
            return
        if not self.quote:
            return  # the form says what is missing
        if self.source_id is None or self.start is None or self.end is None:
            raise ValidationError(_("A stated fact needs the source and the words that state it."))
        words = self.source.text[self.start : self.end]
        if not words or words != self.quote:
            raise ValidationError(
                {
                    "quote": _("These are not the source's words at that place: %(words)s")
                    % {"words": words[:200]}
                }
            )
