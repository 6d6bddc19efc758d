import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.urls import reverse

from projects.services import EDITORS_GROUP

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "a-long-editor-password-42")
    call_command("create_editor", "aigerim", "--email", "aigerim@example.org", stdout=io.StringIO())
    return User.objects.get(username="aigerim")


def test_create_editor_makes_a_staff_member_of_the_editors_group(editor):
    assert editor.is_staff
    assert not editor.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == [EDITORS_GROUP]
    assert editor.check_password("a-long-editor-password-42")
    assert editor.email == "aigerim@example.org"


def test_create_editor_twice_keeps_one_user_and_one_group(editor, monkeypatch):
    output = io.StringIO()
    call_command("create_editor", "aigerim", stdout=output)
    assert "Updated editor aigerim" in output.getvalue()
    assert User.objects.filter(username="aigerim").count() == 1
    assert Group.objects.filter(name=EDITORS_GROUP).count() == 1


def test_create_editor_refuses_a_weak_password(monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "123")
    with pytest.raises(CommandError, match="too short|слишком короткий"):
        call_command("create_editor", "weak", stdout=io.StringIO())
    assert not User.objects.filter(username="weak").exists()


def test_create_editor_without_password_leaves_an_unusable_one(monkeypatch):
    monkeypatch.delenv("EDITOR_PASSWORD", raising=False)
    output = io.StringIO()
    call_command("create_editor", "nopass", stdout=output)
    assert not User.objects.get(username="nopass").has_usable_password()
    assert "changepassword nopass" in output.getvalue()


@pytest.mark.parametrize(
    "permission",
    [
        "projects.add_project",
        "projects.change_project",
        "projects.add_organization",
        "projects.change_organization",
        "projects.change_place",
        "projects.add_fundingline",
        "projects.delete_fundingline",
        "projects.change_sourcedocument",
        "projects.add_keyword",
    ],
)
def test_editors_can_keep_registry_records(editor, permission):
    assert editor.has_perm(permission)


@pytest.mark.parametrize(
    "permission",
    [
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "auth.change_group",
        "auth.add_group",
        "auth.change_permission",
        "projects.delete_project",
        "projects.delete_organization",
        "projects.delete_place",
    ],
)
def test_editors_cannot_manage_users_groups_or_delete_whole_records(editor, permission):
    assert not editor.has_perm(permission)


@pytest.mark.parametrize(
    ("url_name", "status"),
    [
        ("admin:projects_project_changelist", 200),
        ("admin:projects_project_add", 200),
        ("admin:projects_organization_changelist", 200),
        ("admin:projects_place_changelist", 200),
        ("admin:auth_user_changelist", 403),
        ("admin:auth_group_changelist", 403),
        ("admin:auth_user_add", 403),
    ],
)
def test_editor_in_the_admin(client, editor, url_name, status):
    client.force_login(editor)
    assert client.get(reverse(url_name)).status_code == status
