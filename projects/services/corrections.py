"""Visitors' corrections: stored as written, then accepted or rejected by an editor."""

from django.db.models import QuerySet
from django.utils import timezone

from ..models import Correction, CorrectionStatus, Organization, Place, Project


def correction_create(
    *,
    record: Project | Organization | Place,
    message: str,
    email: str,
    page_language: str,
) -> Correction:
    """A new correction about `record`, waiting in the editors' queue."""
    correction = Correction(
        message=message, email=email, page_language=page_language, status=CorrectionStatus.NEW
    )
    setattr(correction, record._meta.model_name, record)
    correction.full_clean()
    correction.save()
    return correction


def corrections_mark(corrections: QuerySet, *, status: str, user) -> int:
    """Mark corrections accepted or rejected by `user`, now; how many were marked."""
    return corrections.update(status=status, handled_at=timezone.now(), handled_by=user)
