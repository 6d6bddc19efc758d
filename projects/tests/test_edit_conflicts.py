"""No lost updates: a project form opened before someone else's save is refused with what
changed, and saves only when its editor saves again knowingly."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from projects.models import Project

from .admin_forms import browser_form_data

pytestmark = pytest.mark.django_db

SEED_004 = "active-local-stakeholder-participation-east-central-kazakhstan"


@pytest.fixture
def two_editors(seeded_db):
    first, second = Client(), Client()
    first.force_login(User.objects.create_superuser("aigerim", password="pw-for-tests-only"))
    second.force_login(User.objects.create_superuser("daniyar", password="pw-for-tests-only"))
    return first, second


def open_form(client, project):
    url = reverse("admin:projects_project_change", args=[project.pk])
    return url, browser_form_data(client.get(url).content)


def test_the_second_save_of_a_stale_form_is_refused_and_explained(two_editors):
    first, second = two_editors
    project = Project.objects.get(slug=SEED_004)
    url, first_form = open_form(first, project)
    _url, second_form = open_form(second, project)

    saved = first.post(url, {**first_form, "contract_number": "CSO-LA/2016/999-999"})
    assert saved.status_code == 302
    refused = second.post(url, {**second_form, "summary_en": "A shorter summary."})
    assert refused.status_code == 200
    stored = Project.objects.get(pk=project.pk)
    assert stored.contract_number == "CSO-LA/2016/999-999"  # the first change is kept
    assert stored.summary_en != "A shorter summary."  # and nothing of the second is saved
    errors = " ".join(refused.context["adminform"].form.non_field_errors())
    assert "aigerim" in errors
    assert "CSO-LA/2016/999-999" in errors  # what is stored now, beside the stale value
    assert "A shorter summary." in errors


def test_saving_again_after_the_conflict_is_the_editors_decision(two_editors):
    first, second = two_editors
    project = Project.objects.get(slug=SEED_004)
    url, first_form = open_form(first, project)
    _url, second_form = open_form(second, project)
    first.post(url, {**first_form, "contract_number": "CSO-LA/2016/999-999"})
    refused = second.post(url, {**second_form, "summary_en": "A shorter summary."})
    again = browser_form_data(refused.content)
    assert second.post(url, again).status_code == 302
    assert Project.objects.get(pk=project.pk).summary_en == "A shorter summary."


def test_one_editor_saving_twice_has_no_conflict(two_editors):
    first, _second = two_editors
    project = Project.objects.get(slug=SEED_004)
    url, form = open_form(first, project)
    assert first.post(url, {**form, "contract_number": "A-1", "_continue": "1"}).status_code == 302
    _url, form = open_form(first, project)
    assert first.post(url, {**form, "contract_number": "A-2"}).status_code == 302
    assert Project.objects.get(pk=project.pk).contract_number == "A-2"
