"""The Editors group: who may change which registry records."""

from django.contrib.auth.models import Group, Permission

EDITORS_GROUP = "Editors"
# Editors keep records right: they add, change and view every registry record, and delete the
# rows that live inside a project (links, money, contacts, aliases). Deleting whole projects,
# organisations, places or press releases, and anything about users and groups, stays with
# administrators.
EDITOR_FULL_MODELS = [
    "participation",
    "fundingline",
    "contact",
    "organizationalias",
    "placealias",
    "exchangerate",
    "projectsector",
]
EDITOR_KEEP_MODELS = ["project", "organization", "place", "keyword", "sourcedocument"]
# Visitors write corrections; editors work through them (see and answer), never add any.
EDITOR_QUEUE_MODELS = ["correction"]
# The DAC codelist is kept as the OECD publishes it: editors choose from it.
EDITOR_VIEW_MODELS = ["sector"]


def editors_group_ensure() -> Group:
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    codenames = (
        [
            f"{action}_{model}"
            for model in EDITOR_FULL_MODELS
            for action in ("add", "change", "delete", "view")
        ]
        + [
            f"{action}_{model}"
            for model in EDITOR_KEEP_MODELS
            for action in ("add", "change", "view")
        ]
        + [f"{action}_{model}" for model in EDITOR_QUEUE_MODELS for action in ("change", "view")]
        + [f"view_{model}" for model in EDITOR_VIEW_MODELS]
    )
    permissions = Permission.objects.filter(
        content_type__app_label="projects", codename__in=codenames
    )
    if permissions.count() != len(codenames):
        raise RuntimeError("registry permissions are missing: run `python manage.py migrate` first")
    group.permissions.set(permissions)
    return group
