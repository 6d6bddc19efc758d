"""Error pages people understand: 400, 403, 404 and 500 in the visitor's language with the
site's header and a way back, JSON under /api/; a 503 with Retry-After on every page, the API
and /healthz when the database does not answer (a real closed port, in a process of its own);
a press release too long for the import form is a form error."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from projects import views

pytestmark = pytest.mark.django_db

NOT_FOUND = {"ru": "Страница не найдена", "kk": "Бет табылмады", "en": "Page not found"}
BROKEN = {
    "ru": "У нас что-то пошло не так",
    "kk": "Бізде бірдеңе дұрыс болмады",
    "en": "Something went wrong on our side",
}


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_a_missing_page_says_so_in_the_visitors_language(client, language):
    response = client.get(f"/{language}/projects/no-such-project/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert NOT_FOUND[language] in html
    assert 'class="site-header"' in html  # the site's header, its menu and languages
    assert f'href="/{language}/"' in html  # a way back


def test_the_api_answers_errors_in_json(client):
    response = client.get("/api/no-such-thing/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": 404, "error": "Page not found"}


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_an_error_in_a_page_is_a_500_page_in_the_visitors_language(
    monkeypatch, seeded_db, language
):
    def broken(self, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(views.ProjectDetailView, "get_context_data", broken)
    client = Client(raise_request_exception=False)
    response = client.get(
        f"/{language}/projects/human-rights-communication-information-governance/",
        HTTP_CACHE_CONTROL="no-cache",
    )
    assert response.status_code == 500
    html = response.content.decode()
    assert BROKEN[language] in html and f'href="/{language}/"' in html
    assert "a bug" not in html  # nothing of the error leaks


def test_an_expired_form_says_what_to_do(settings):
    User.objects.create_superuser("editor", password="long-password-for-tests")
    client = Client(enforce_csrf_checks=True)
    response = client.post("/en/admin/login/", {"username": "editor", "password": "x"})
    assert response.status_code == 403
    assert "Reload the page and send it again." in response.content.decode()


def test_a_press_release_too_long_for_the_import_form_is_a_form_error(admin_client):
    response = admin_client.post(
        "/en/admin/projects/project/import-press-release/",
        {"text": "слово " * 520_000, "language": ""},  # 5.7 MB, as a visitor pasted
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "The text is too long for a press release" in str(errors)


def test_a_request_larger_than_any_form_gets_a_page_that_says_so(admin_client):
    response = admin_client.post(
        "/en/admin/projects/project/import-press-release/",
        {"text": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)},
    )
    assert response.status_code == 400
    assert "too large for the registry" in response.content.decode()


UNREACHABLE = """
import json, os, django
os.environ["DJANGO_SETTINGS_MODULE"] = "registry.settings"
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
answers = {}
for path in ("/ru/", "/kk/projects/?place=pavlodar", "/en/projects/some-project/",
             "/api/projects/", "/healthz"):
    response = client.get(path, secure=True)
    answers[path] = {
        "status": response.status_code,
        "retry_after": response.get("Retry-After"),
        "type": response["Content-Type"],
        "body": response.content.decode(),
    }
print(json.dumps(answers))
"""


@pytest.mark.slow
def test_a_database_that_does_not_answer_gives_503_with_retry_after_everywhere():
    environment = {
        **os.environ,
        # A port where nothing listens: the connection is refused at once.
        "DATABASE_URL": "postgres://registry:secret@127.0.0.1:9/registry",
        "DEBUG": "0",
        "SECRET_KEY": "a-test-only-secret-key-that-is-long-enough-0123456789abcdef",
        "ALLOWED_HOSTS": "testserver",
        "PYTHONPATH": str(Path(settings.BASE_DIR)),
    }
    result = subprocess.run(
        [sys.executable, "-c", UNREACHABLE],
        cwd=settings.BASE_DIR, env=environment, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    for path, answer in answers.items():
        assert answer["status"] == 503, (path, answer["body"][:300])
        assert answer["retry_after"], path
    assert "Реестр ненадолго недоступен" in answers["/ru/"]["body"]
    assert "Тізілім біраз уақытқа қолжетімсіз" in answers["/kk/projects/?place=pavlodar"]["body"]
    assert json.loads(answers["/api/projects/"]["body"])["status"] == 503
    assert json.loads(answers["/healthz"]["body"])["status"] == "unavailable"
