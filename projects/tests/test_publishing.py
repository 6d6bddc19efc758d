"""Review before publishing: editors submit drafts, publishers publish and withdraw them, every
step recorded; self-publishing only where the setting allows it."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.urls import reverse

from projects.models import Project, PublishingAction, PublishingEvent
from projects.services import publishing

from .admin_forms import browser_form_data

pytestmark = pytest.mark.django_db

SEED_000 = "human-rights-communication-information-governance"
CHANGELIST = "admin:projects_project_changelist"


def make_user(name: str, *, publisher: bool = False) -> User:
    arguments = ["create_editor", name] + (["--publisher"] if publisher else [])
    call_command(*arguments, stdout=io.StringIO())
    return User.objects.get(username=name)


@pytest.fixture
def draft(seeded_db):
    Project.objects.filter(slug=SEED_000).update(is_published=False)
    return Project.objects.get(slug=SEED_000)


@pytest.fixture
def editor(seeded_db):
    return make_user("aigerim")


@pytest.fixture
def publisher(seeded_db):
    return make_user("daniyar", publisher=True)


def run_action(client, action: str, project: Project):
    return client.post(
        reverse(CHANGELIST), {"action": action, "_selected_action": [project.pk]}, follow=True
    )


def public_status(client, project: Project) -> int:
    client.logout()
    return client.get(f"/ru/projects/{project.slug}/").status_code


def test_an_editor_cannot_publish_from_the_list(client, editor, draft):
    client.force_login(editor)
    actions = client.get(reverse(CHANGELIST)).context["action_form"].fields["action"].choices
    names = [name for name, _label in actions]
    assert "submit_for_review" in names
    assert "publish" not in names and "unpublish" not in names
    run_action(client, "publish", draft)
    draft.refresh_from_db()
    assert not draft.is_published
    assert public_status(client, draft) == 404


def test_an_editor_cannot_tick_published_in_the_form(client, editor, draft):
    client.force_login(editor)
    url = reverse("admin:projects_project_change", args=[draft.pk])
    form = client.get(url).context["adminform"].form
    assert "is_published" not in form.fields
    with pytest.raises(publishing.PublishingRefused):
        publishing.publish(Project.objects.filter(pk=draft.pk), editor)
    draft.refresh_from_db()
    assert not draft.is_published and draft.published_by is None


def test_submitted_draft_waits_in_the_publishers_queue_and_is_published_by_one(
    client, editor, publisher, draft
):
    client.force_login(editor)
    response = run_action(client, "submit_for_review", draft)
    assert "1 черновик отправлен на проверку" in response.content.decode()
    assert list(publishing.review_queue()) == [draft]

    client.force_login(publisher)
    queue = client.get(reverse(CHANGELIST), {"review": "waiting"})
    assert [project.pk for project in queue.context["cl"].result_list] == [draft.pk]
    run_action(client, "publish", draft)
    draft.refresh_from_db()
    assert draft.is_published and draft.published_by == publisher
    assert draft.published_at is not None and draft.review_requested_at is None
    assert list(publishing.review_queue()) == []
    events = draft.publishing_events.order_by("at", "pk")
    assert [(e.action, e.user.username, e.via) for e in events] == [
        (PublishingAction.SUBMITTED, "aigerim", "admin"),
        (PublishingAction.PUBLISHED, "daniyar", "admin"),
    ]
    assert public_status(client, draft) == 200


def test_save_and_submit_button_queues_the_draft(client, editor, draft):
    client.force_login(editor)
    url = reverse("admin:projects_project_change", args=[draft.pk])
    page = client.get(url).content.decode()
    assert 'name="_submit_for_review"' in page
    data = browser_form_data(page.encode())
    response = client.post(url, {**data, "_submit_for_review": "1"})
    assert response.status_code == 302 and response.url == url
    assert list(publishing.review_queue()) == [draft]


def test_a_publisher_withdraws_and_publishes_again_keeping_the_first_date(publisher, draft):
    publishing.publish(Project.objects.filter(pk=draft.pk), publisher)
    first = Project.objects.get(pk=draft.pk).published_at
    assert publishing.withdraw(Project.objects.filter(pk=draft.pk), publisher) == 1
    assert not Project.objects.get(pk=draft.pk).is_published
    assert publishing.publish(Project.objects.filter(pk=draft.pk), publisher) == 1
    assert Project.objects.get(pk=draft.pk).published_at == first
    actions = list(draft.publishing_events.order_by("at", "pk").values_list("action", flat=True))
    assert actions == ["published", "withdrawn", "published"]


def test_a_publisher_ticking_published_in_the_form_is_recorded(client, publisher, draft):
    client.force_login(publisher)
    url = reverse("admin:projects_project_change", args=[draft.pk])
    data = browser_form_data(client.get(url).content)
    response = client.post(url, {**data, "is_published": "on", "_continue": "1"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_published and draft.published_by == publisher
    assert draft.publishing_events.get().action == PublishingAction.PUBLISHED


def test_self_publishing_is_off_by_default_and_a_setting_turns_it_on(settings, editor, draft):
    assert settings.REGISTRY_SELF_PUBLISHING is False
    assert not publishing.can_publish(editor)
    settings.REGISTRY_SELF_PUBLISHING = True
    editor = User.objects.get(pk=editor.pk)  # permissions are cached per user object
    assert publishing.publish(Project.objects.filter(pk=draft.pk), editor) == 1


def test_publish_command_needs_a_publisher_and_records_the_step(publisher, editor, draft):
    with pytest.raises(CommandError, match="not a publisher"):
        call_command("publish", draft.slug, "--by", "aigerim", stdout=io.StringIO())
    with pytest.raises(CommandError, match="No project with slug: nope"):
        call_command("publish", draft.slug, "nope", "--by", "daniyar", stdout=io.StringIO())
    assert not Project.objects.get(pk=draft.pk).is_published
    out = io.StringIO()
    call_command("publish", draft.slug, "--by", "daniyar", stdout=out)
    assert "Published 1 project(s)" in out.getvalue()
    event = PublishingEvent.objects.get(project=draft)
    assert (event.user, event.via) == (publisher, "publish command")


def test_create_editor_publisher_joins_both_groups(publisher):
    groups = set(publisher.groups.values_list("name", flat=True))
    assert groups == {"Editors", "Publishers"}
    assert publisher.has_perm("projects.publish_project")
    assert publisher.has_perm("projects.change_project")
    assert not publisher.has_perm("auth.change_user")
