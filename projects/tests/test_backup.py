"""backup -> restore into an empty database -> the same registry: the JSON export of every
project (drafts too) byte for byte, the history, publishing events, users and groups; a
database that already holds records is refused, and so is a broken file, changing nothing."""

import datetime
import gzip
import io

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import CommandError, call_command
from reversion.models import Revision, Version

from projects import history
from projects.models import FactEvidence, Project, ProjectSearchDocument, PublishingEvent
from projects.opendata import records
from projects.services import publishing

from .factories import make_project

pytestmark = pytest.mark.django_db

EXPORTED_AT = datetime.datetime(2026, 12, 1, 12, 0, tzinfo=datetime.UTC)


def export_of_everything(monkeypatch) -> bytes:
    monkeypatch.setattr(records.timezone, "now", lambda: EXPORTED_AT)
    return b"".join(records.stream_export(Project.objects.order_by("pk")))


def what_else_is_kept() -> dict:
    return {
        "users": sorted(User.objects.values_list("username", "password", "is_staff")),
        "groups": sorted(
            (group.name, sorted(group.permissions.values_list("codename", flat=True)))
            for group in Group.objects.all()
        ),
        "memberships": sorted(
            User.groups.through.objects.values_list("user__username", "group__name")
        ),
        "versions": sorted(Version.objects.values_list("object_id", "serialized_data")),
        "revisions": Revision.objects.count(),
        "publishing": sorted(PublishingEvent.objects.values_list("project__slug", "action", "via")),
        "evidence": FactEvidence.objects.count(),
    }


@pytest.fixture
def registry():
    """The seeds, a draft, an editor and a publisher, a revision made in the admin."""
    call_command("load_seeds", stdout=io.StringIO())
    make_project("a-draft", published=False, title_en="A draft nobody has published")
    publisher = User.objects.create_user("daniyar", password="long-password-for-tests")
    publisher.groups.add(publishing.publishers_group_ensure())
    User.objects.create_user("aigerim", password="another-long-password", is_staff=True)
    project = Project.objects.get(slug="human-rights-communication-information-governance")
    with history.recorded("admin", user=publisher, comment="typo"):
        project.summary_en = project.summary_en + " (checked)"
        project.save()
    publishing.withdraw(Project.objects.filter(pk=project.pk), publisher)
    publishing.publish(Project.objects.filter(pk=project.pk), publisher)


# A real flush between backup and restore: outside a test transaction (PostgreSQL will not
# TRUNCATE tables with deferred checks pending inside one).
@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_an_empty_database_gives_the_same_registry(
    registry, tmp_path, monkeypatch
):
    export_before, kept_before = export_of_everything(monkeypatch), what_else_is_kept()
    assert b"A draft nobody has published" in export_before
    assert kept_before["versions"] and kept_before["publishing"] and kept_before["groups"]
    backup = tmp_path / "registry.json.gz"
    output = io.StringIO()
    call_command("backup", str(backup), stdout=output)
    assert "Backed up" in output.getvalue()
    with gzip.open(backup) as compressed:
        assert compressed.read(1) == b"["

    call_command("flush", interactive=False, stdout=io.StringIO())
    assert not Project.objects.exists() and not Version.objects.exists()
    output = io.StringIO()
    call_command("restore", str(backup), stdout=output)

    assert "Restored" in output.getvalue()
    assert export_of_everything(monkeypatch) == export_before
    assert what_else_is_kept() == kept_before
    # Derived rows are rebuilt: the restored registry can be searched at once.
    assert ProjectSearchDocument.objects.count() == Project.objects.count()
    assert Permission.objects.filter(codename="publish_project").exists()


def test_a_database_that_holds_records_is_refused(registry, tmp_path):
    backup = tmp_path / "registry.json"
    call_command("backup", str(backup), stdout=io.StringIO())
    before = Project.objects.count()
    with pytest.raises(CommandError, match="The database is not empty"):
        call_command("restore", str(backup), stdout=io.StringIO())
    assert Project.objects.count() == before


def test_a_broken_backup_changes_nothing(tmp_path):
    backup = tmp_path / "registry.json"
    backup.write_text('[{"model": "projects.project", "pk": 1, "fields": {"slug": 5}}', "utf-8")
    with pytest.raises(CommandError, match="not restored, nothing was changed"):
        call_command("restore", str(backup), stdout=io.StringIO())
    assert not Project.objects.exists()
