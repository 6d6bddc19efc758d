"""Review before publishing: editors submit drafts, publishers publish and withdraw them.

Every change of a project's public state goes through this module (the admin's form and
actions, the `publish` command); the bulk loaders stamp the first-publication date with
`first_published_at`. Each step is recorded as a PublishingEvent: who, when, from where.
With REGISTRY_SELF_PUBLISHING (off by default), anyone who may change projects publishes.
"""

import datetime

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import indexing
from ..models import Project, PublishingAction, PublishingEvent
from .editors import editors_group_ensure

PUBLISHERS_GROUP = "Publishers"
PUBLISH_PERMISSION = "projects.publish_project"


class PublishingRefused(PermissionDenied):
    """The user may not publish or withdraw projects."""


def can_publish(user) -> bool:
    if user.has_perm(PUBLISH_PERMISSION):
        return True
    return settings.REGISTRY_SELF_PUBLISHING and user.has_perm("projects.change_project")


def first_published_at(
    previous: datetime.datetime | None, is_published: bool, now: datetime.datetime
) -> datetime.datetime | None:
    """The first publication is stamped once and kept (withdrawing keeps the date)."""
    return previous or (now if is_published else None)


def review_queue() -> QuerySet:
    """Drafts waiting for a publisher, oldest request first."""
    return Project.objects.filter(is_published=False, review_requested_at__isnull=False).order_by(
        "review_requested_at", "pk"
    )


@transaction.atomic
def submit_for_review(projects: QuerySet, user, *, via: str = "admin") -> int:
    """Put drafts in the publishers' queue (published projects are left alone)."""
    ids = _ids(projects.filter(is_published=False))
    now = timezone.now()
    Project.objects.filter(pk__in=ids).update(review_requested_at=now, review_requested_by=user)
    _record(ids, PublishingAction.SUBMITTED, user, via, now)
    return len(ids)


@transaction.atomic
def publish(projects: QuerySet, user, *, via: str = "admin") -> int:
    """Publish the drafts among `projects`; returns how many were published."""
    _require_publisher(user)
    ids = _ids(projects.filter(is_published=False))
    now = timezone.now()
    Project.objects.filter(pk__in=ids, published_at__isnull=True).update(published_at=now)
    Project.objects.filter(pk__in=ids).update(
        is_published=True, published_by=user, review_requested_at=None, review_requested_by=None
    )
    _record(ids, PublishingAction.PUBLISHED, user, via, now)
    return len(ids)


@transaction.atomic
def withdraw(projects: QuerySet, user, *, via: str = "admin") -> int:
    """Withdraw the published projects among `projects` to drafts."""
    _require_publisher(user)
    ids = _ids(projects.filter(is_published=True))
    now = timezone.now()
    Project.objects.filter(pk__in=ids).update(is_published=False)
    _record(ids, PublishingAction.WITHDRAWN, user, via, now)
    return len(ids)


def publishers_group_ensure() -> Group:
    """Publishers: the editors' permissions and the right to publish and withdraw."""
    editors = editors_group_ensure()
    group, _created = Group.objects.get_or_create(name=PUBLISHERS_GROUP)
    publish_permission = Permission.objects.get(
        content_type__app_label="projects", codename="publish_project"
    )
    group.permissions.set([*editors.permissions.all(), publish_permission])
    return group


def _require_publisher(user) -> None:
    if not can_publish(user):
        raise PublishingRefused(_("Only publishers can publish or withdraw projects."))


def _ids(projects: QuerySet) -> list[int]:
    return list(projects.order_by().values_list("pk", flat=True))


def _record(ids: list[int], action: str, user, via: str, now) -> None:
    if not ids:
        return
    user = user if user is not None and user.is_authenticated else None
    PublishingEvent.objects.bulk_create(
        PublishingEvent(project_id=pk, action=action, user=user, via=via, at=now) for pk in ids
    )
    if action != PublishingAction.SUBMITTED:
        indexing.mark_data_changed()  # update() sends no signal; public pages change
