"""Press releases are immutable: their words and SHA-256 never change once stored, whatever
writes the row; a correction is a new version that keeps the old one; only a superuser deletes
a source."""

import hashlib
import io
import json

import lxml.html
import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from projects.models import Project, SourceDocument, SourceImmutableError

from .admin_forms import browser_form_data

pytestmark = pytest.mark.django_db

SEED_000 = "human-rights-communication-information-governance"


@pytest.fixture
def source(seeded_db):
    return SourceDocument.objects.get(project__slug=SEED_000)


@pytest.fixture
def superuser_client(client):
    client.force_login(User.objects.create_superuser("boss", password="pw-for-tests-only"))
    return client


@pytest.fixture
def editor_client(client, seeded_db):
    call_command("create_editor", "editor", stdout=io.StringIO())
    client.force_login(User.objects.get(username="editor"))
    return client


def test_saving_changed_words_is_refused_and_nothing_changes(source):
    stored_text, stored_sha = source.text, source.sha256
    source.text = stored_text.replace("\n", "\r\n")
    with pytest.raises(SourceImmutableError):
        source.save()
    source.refresh_from_db()
    assert (source.text, source.sha256) == (stored_text, stored_sha)


def test_the_database_refuses_any_other_update_of_the_words(source):
    stored_text = source.text
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceDocument.objects.filter(pk=source.pk).update(text=stored_text + " ")
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceDocument.objects.filter(pk=source.pk).update(sha256="0" * 64)
    source.refresh_from_db()
    assert source.text == stored_text
    assert source.sha256 == hashlib.sha256(stored_text.encode()).hexdigest()


def test_metadata_of_a_source_can_still_be_edited(source):
    SourceDocument.objects.filter(pk=source.pk).update(title="Пресс-релиз Делегации ЕС")
    source.refresh_from_db()
    source.url = "https://example.org/press/2012"
    source.save()
    source.refresh_from_db()
    assert (source.title, source.url) == (
        "Пресс-релиз Делегации ЕС",
        "https://example.org/press/2012",
    )


def as_html(response):
    return lxml.html.fromstring(response.content.decode("utf-8"))


def as_browser_shows_pre(text: str) -> str:
    """HTML ignores one line break right after <pre> (lxml keeps it)."""
    return text.removeprefix("\n")


def change_url(source):
    return reverse("admin:projects_sourcedocument_change", args=[source.pk])


def test_the_admin_shows_the_words_read_only_and_ignores_a_posted_text(superuser_client, source):
    page = as_html(superuser_client.get(change_url(source)))
    assert page.xpath("//textarea[@name='text']") == []
    shown = page.xpath("string(//div[contains(@class, 'field-text_as_received')]//pre)")
    assert as_browser_shows_pre(shown) == source.text
    stored_text = source.text
    response = superuser_client.post(
        change_url(source),
        {
            "project": source.project_id,
            "title": "Новый заголовок",
            "text": "Подменённый текст",
            "published_on": "",
            "publisher_ru": "",
            "publisher_kk": "",
            "publisher_en": "",
            "url": "",
            "correction_note": "",
        },
    )
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.title == "Новый заголовок"
    assert source.text == stored_text


def test_the_project_page_shows_sources_without_a_text_field(superuser_client, source):
    url = reverse("admin:projects_project_change", args=[source.project_id])
    page = as_html(superuser_client.get(url))
    assert page.xpath("//textarea[starts-with(@name, 'sources-') ]") == []
    shown = page.xpath("string(//div[@id='sources-group']//pre[@class='source-text'])")
    assert as_browser_shows_pre(shown) == source.text


def test_an_editor_cannot_delete_a_source_nor_the_project_holding_it(editor_client, source):
    delete_url = reverse("admin:projects_sourcedocument_delete", args=[source.pk])
    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 403
    project_delete = reverse("admin:projects_project_delete", args=[source.project_id])
    editor_client.post(project_delete, {"post": "yes"})
    assert SourceDocument.objects.filter(pk=source.pk).exists()
    assert Project.objects.filter(pk=source.project_id).exists()


def test_a_superuser_can_delete_a_source(superuser_client, source):
    delete_url = reverse("admin:projects_sourcedocument_delete", args=[source.pk])
    assert superuser_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not SourceDocument.objects.filter(pk=source.pk).exists()


def attach_correction(client, earlier, text, note):
    add_url = reverse("admin:projects_sourcedocument_add") + f"?supersedes={earlier.pk}"
    form = as_html(client.get(add_url))
    assert form.xpath("string(//textarea[@name='text'])").strip() == earlier.text.strip()
    return client.post(
        add_url,
        {
            "project": earlier.project_id,
            "file_name": "000_corrected.txt",
            "language": earlier.language,
            "published_on": "",
            "title": earlier.title,
            "publisher_ru": "",
            "publisher_kk": "",
            "publisher_en": "",
            "url": "",
            "supersedes": earlier.pk,
            "correction_note": note,
            "text": text,
        },
    )


def test_a_corrected_version_keeps_the_original_and_both_are_public(editor_client, source):
    original_text, original_sha = source.text, source.sha256
    corrected_text = original_text.replace("Астана", "Астана (исправлено)", 1)
    assert corrected_text != original_text
    response = attach_correction(editor_client, source, corrected_text, "Опечатка в названии")
    assert response.status_code == 302
    correction = SourceDocument.objects.get(supersedes=source)
    assert correction.text == corrected_text
    source.refresh_from_db()
    assert (source.text, source.sha256) == (original_text, original_sha)

    page = as_html(editor_client.get(f"/ru/projects/{SEED_000}/"))
    texts = page.xpath("//pre[contains(@class, 'source-text')]")
    shown = [as_browser_shows_pre(pre.text_content()) for pre in texts]
    assert "Астана (исправлено)" not in shown[0] and "Астана (исправлено)" in shown[1]
    corrected = page.xpath(f"//details[@id='source-{correction.pk}']")[0]
    assert "Опечатка в названии" in corrected.text_content()
    original = page.xpath(f"//details[@id='source-{source.pk}']")[0]
    assert original.xpath(".//a[not(@download)]/@href") == [f"#source-{correction.pk}"]


def test_a_correction_must_say_what_it_corrects_and_differ(editor_client, source):
    response = attach_correction(editor_client, source, source.text + "\nP.S.", note="")
    assert response.status_code == 200
    assert "correction_note" in response.context["adminform"].form.errors
    response = attach_correction(editor_client, source, source.text, note="Ничего")
    assert response.status_code == 200
    assert "text" in response.context["adminform"].form.errors
    assert not SourceDocument.objects.filter(supersedes=source).exists()


def test_saving_an_unchanged_project_form_changes_nothing(superuser_client, seeded_db):
    """What a browser sends: every field as the form shows it, text areas with CR LF."""
    for project in Project.objects.all():
        url = reverse("admin:projects_project_change", args=[project.pk])
        before = snapshot(project)
        data = browser_form_data(superuser_client.get(url).content)
        response = superuser_client.post(url, {**data, "_continue": "Save"})
        assert response.status_code == 302, response.context["adminform"].form.errors
        assert snapshot(project) == before
        entry = LogEntry.objects.filter(object_id=str(project.pk)).latest("pk")
        assert json.loads(entry.change_message) == []  # "No fields changed."


def snapshot(project) -> dict:
    project = Project.objects.get(pk=project.pk)
    return {
        "project": {
            f.attname: getattr(project, f.attname)
            for f in project._meta.concrete_fields
            if f.name != "updated_at"
        },
        "sources": list(project.sources.order_by("pk").values_list("text", "sha256", "title")),
        "funding": list(project.funding_lines.order_by("pk").values()),
        "contacts": list(project.contacts.order_by("pk").values()),
        "participations": list(project.participations.order_by("pk").values()),
        "places": sorted(project.places.values_list("pk", flat=True)),
    }
