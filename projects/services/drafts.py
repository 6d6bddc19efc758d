"""An imported draft its importer no longer wants: discarded whole, before anyone publishes it.

Editors cannot delete projects (services/editors.py); the person who imported a press release
can throw away the draft it made (a wrong file, a release already in the registry under
another text) as long as it was never published. The project's own rows (links, money,
contacts, evidence, the source text) go with it; organisations the import created stay, as
other records may use them by then.
"""

from django.db import transaction
from reversion.models import Version

from .. import indexing
from ..models import Project, PublishingAction


def imported_by(project: Project):
    """The id of the user whose import made this project, or None (not an import)."""
    return (
        Version.objects.get_for_object(project)
        .filter(revision__origin__via="import")
        .order_by("revision__date_created")
        .values_list("revision__user_id", flat=True)
        .first()
    )


def can_discard(user, project: Project) -> bool:
    if project.is_published or not user.is_authenticated:
        return False
    if project.publishing_events.filter(action=PublishingAction.PUBLISHED).exists():
        return False  # once public, withdrawing it is the way, so its history stays
    return imported_by(project) == user.pk


def discard(project: Project) -> None:
    with transaction.atomic(), indexing.batch():
        project.delete()
