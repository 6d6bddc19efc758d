"""The corrections form and the editors' queue: a visitor reports an error on a project,
organisation or place page; robots and floods store nothing; the form is never cached; editors
accept or reject reports in the admin, without rewriting the visitor's words."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import translation

from projects.corrections import RATE_LIMIT
from projects.models import Correction, CorrectionStatus, Participation
from projects.services import editors_group_ensure

from .factories import make_organization, make_place, make_project

pytestmark = pytest.mark.django_db

THANKS = {
    "ru": "Спасибо! Ваше сообщение отправлено редакторам.",
    "kk": "Рақмет! Хабарламаңыз редакторларға жіберілді.",
    "en": "Thank you. Your report has been sent to the editors.",
}
MESSAGE_LABEL = {
    "ru": "Что здесь неверно и как правильно?",
    "kk": "Қай жері қате және дұрысы қандай?",
    "en": "What is wrong, and what is right?",
}


@pytest.fixture
def records(db):
    project = make_project("clean-water", title_en="Clean water", title_ru="Чистая вода")
    organization = make_organization("echo", en="Echo", ru="Эхо")
    Participation.objects.create(project=project, organization=organization, role="donor")
    place = make_place("pavlodar", en="Pavlodar", ru="Павлодар")
    project.places.add(place)
    return {"project": project, "organization": organization, "place": place}


def form_url(language="en", **query) -> str:
    with translation.override(language):
        path = reverse("projects:correction-new")
    return path + ("?" + "&".join(f"{key}={value}" for key, value in query.items()))


def send(client, url, message="The budget is 250 000 EUR, not 213 793.", **fields):
    return client.post(url, {"message": message, "email": "", "website": "", **fields})


@pytest.mark.parametrize(
    ("kind", "language"), [("project", "ru"), ("organization", "kk"), ("place", "en")]
)
def test_a_report_is_stored_about_its_record_and_the_visitor_is_thanked(
    client, records, kind, language
):
    record = records[kind]
    url = form_url(language, **{kind: record.slug})
    response = send(client, url, email="reader@example.org")
    assert response.status_code == 302
    assert response["Location"] == url
    correction = Correction.objects.get()
    assert correction.record == record and correction.kind == kind
    assert correction.page_language == language
    assert correction.status == CorrectionStatus.NEW
    assert correction.email == "reader@example.org"
    assert correction.message == "The budget is 250 000 EUR, not 213 793."
    thanked = client.get(url).content.decode()
    assert THANKS[language] in thanked
    assert f'href="{record.get_absolute_url()}"' in thanked
    assert 'name="message"' not in thanked  # the thank-you, not the form again


def test_a_filled_honeypot_is_thanked_and_stores_nothing(client, records):
    url = form_url(project="clean-water")
    response = send(client, url, website="http://spam.example")
    assert response.status_code == 302
    assert THANKS["en"] in client.get(url).content.decode()
    assert not Correction.objects.exists()


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client, records):
    html = client.get(form_url(project="clean-water")).content.decode()
    trap = re.search(r'<div class="trap" aria-hidden="true">(.*?)</div>', html, re.S)
    assert trap, "the honeypot is not inside an aria-hidden block"
    assert 'name="website"' in trap.group(1) and 'tabindex="-1"' in trap.group(1)
    assert "Leave this field empty" in trap.group(1)


def test_a_report_without_the_csrf_token_is_refused(records):
    client = Client(enforce_csrf_checks=True)
    url = form_url(project="clean-water")
    assert send(client, url).status_code == 403
    assert not Correction.objects.exists()
    client.get(url)  # the form sets the token cookie; with the token the report goes through
    token = client.cookies["csrftoken"].value
    assert send(client, url, csrfmiddlewaretoken=token).status_code == 302
    assert Correction.objects.count() == 1


def test_more_than_five_reports_in_ten_minutes_from_one_address_are_refused(records):
    flood = Client(REMOTE_ADDR="10.1.0.1")
    url = form_url("kk", project="clean-water")
    for number in range(RATE_LIMIT):
        assert send(flood, url).status_code == 302, number
    response = send(flood, url, message="The sixth report")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Сіздің мекенжайыңыздан тым көп хабарлама жіберілді" in page
    assert "The sixth report" in page  # the visitor's text is kept in the form
    assert Correction.objects.count() == RATE_LIMIT
    assert send(Client(REMOTE_ADDR="10.1.0.2"), url).status_code == 302  # another address
    assert Correction.objects.count() == RATE_LIMIT + 1


def test_robots_count_towards_the_limit_too(records):
    robot = Client(REMOTE_ADDR="10.1.0.3")
    url = form_url(project="clean-water")
    for _number in range(RATE_LIMIT):
        send(robot, url, website="spam")
    assert send(robot, url).status_code == 429
    assert not Correction.objects.exists()


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?project=no-such-project",
        "?project=secret-draft",
        "?organization=draft-only",
        "?place=no-such-place",
        "?project=%00",
        "?project=clean%00water",
        "?project=clean-water&place=pavlodar",
        "?project=clean-water&project=clean-water",
        "?project=",
        "?project=" + "a" * 500,
        "?project=%E2%80%AE%27%22%3C",
        "?kind=project",
    ],
)
def test_a_form_for_no_single_public_record_is_not_found(client, records, query):
    draft = make_project("secret-draft", published=False)
    Participation.objects.create(
        project=draft, organization=make_organization("draft-only"), role="donor"
    )
    url = reverse("projects:correction-new") + query
    assert client.get(url).status_code == 404
    assert send(client, url).status_code == 404
    assert not Correction.objects.exists()


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"message": "   "}, "This field is required."),
        ({"message": "x" * 5001}, "at most 5000 characters"),
        ({"message": "nul\x00byte"}, "Null characters are not allowed."),
        ({"email": "not-an-address"}, "Enter a valid email address."),
    ],
)
def test_bad_input_shows_the_form_again_with_its_error(client, records, fields, error):
    response = client.post(
        form_url(project="clean-water"), {"message": "ok", "email": "", "website": "", **fields}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert error in page
    assert "The report was not sent" in page
    assert not Correction.objects.exists()


def test_the_form_is_never_cached(records):
    url = form_url(project="clean-water")
    first, second = Client().get(url), Client().get(url)
    assert "no-store" in first["Cache-Control"] and "private" in first["Cache-Control"]
    tokens = [
        re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', r.content.decode()).group(1)
        for r in (first, second)
    ]
    assert tokens[0] != tokens[1]  # each visitor gets a page of their own
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


@pytest.mark.parametrize(
    ("kind", "detail"),
    [
        ("project", "projects:project-detail"),
        ("organization", "projects:organization-detail"),
        ("place", "projects:place-detail"),
    ],
)
def test_record_pages_link_to_the_form_not_to_an_email(client, records, kind, detail):
    record = records[kind]
    with translation.override("en"):
        page = client.get(reverse(detail, kwargs={"slug": record.slug})).content.decode()
    link = f'href="/en/corrections/new/?{kind}={record.slug}"'
    assert link in page
    assert "Report an error on this page" in page
    assert "mailto:corrections" not in page
    form = client.get(f"/en/corrections/new/?{kind}={record.slug}").content.decode()
    assert f'<a href="{record.get_absolute_url()}">{record}</a>' in form


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_the_form_speaks_the_pages_language(client, records, language):
    page = client.get(form_url(language, place="pavlodar")).content.decode()
    assert f'lang="{language}"' in page
    assert MESSAGE_LABEL[language] in page


# --- The editors' queue ----------------------------------------------------------------------


@pytest.fixture
def queue(records):
    old = Correction.objects.create(
        project=records["project"], message="Old report", page_language="ru"
    )
    newer = Correction.objects.create(
        place=records["place"], message="Newer report", page_language="kk", email="a@b.kz"
    )
    handled = Correction.objects.create(
        organization=records["organization"],
        message="Handled report",
        page_language="en",
        status=CorrectionStatus.REJECTED,
    )
    return old, newer, handled


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", password="x", is_staff=True)
    user.groups.add(editors_group_ensure())
    return user


CHANGELIST = "/en/admin/projects/correction/"


def test_the_queue_lists_new_reports_first_newest_on_top(client, editor, queue):
    old, newer, handled = queue
    client.force_login(editor)
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    assert [c.pk for c in response.context["cl"].result_list] == [newer.pk, old.pk, handled.pk]
    page = response.content.decode()
    assert "Newer report" in page and "a@b.kz" in page
    assert 'href="/en/admin/projects/project/' in page  # the record in the admin
    assert f'href="{queue[0].project.get_absolute_url()}"' in page  # and on the site


@pytest.mark.parametrize(
    ("action", "status"),
    [("mark_accepted", CorrectionStatus.ACCEPTED), ("mark_rejected", CorrectionStatus.REJECTED)],
)
def test_an_editor_marks_reports_with_who_and_when(client, editor, queue, action, status):
    old, newer, handled = queue
    client.force_login(editor)
    response = client.post(
        CHANGELIST, {"action": action, "_selected_action": [old.pk, newer.pk]}, follow=True
    )
    assert response.status_code == 200
    for correction in (old, newer):
        correction.refresh_from_db()
        assert correction.status == status
        assert correction.handled_by == editor and correction.handled_at is not None
    handled.refresh_from_db()
    assert handled.handled_by is None  # not selected, not touched


def test_an_editor_keeps_a_note_but_cannot_rewrite_the_visitors_words(client, editor, queue):
    old = queue[0]
    client.force_login(editor)
    url = f"{CHANGELIST}{old.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Old report" in html and 'name="message"' not in html and 'name="email"' not in html
    client.post(url, {"editor_note": "Checked against the contract.", "message": "Rewritten"})
    old.refresh_from_db()
    assert old.message == "Old report"
    assert old.editor_note == "Checked against the contract."


def test_no_correction_is_added_in_the_admin(admin_client, queue):
    assert admin_client.get(f"{CHANGELIST}add/").status_code == 403


@pytest.mark.parametrize("kind", ["project", "organization", "place"])
def test_the_queue_filters_by_kind_of_record(admin_client, queue, kind):
    response = admin_client.get(f"{CHANGELIST}?kind={kind}")
    assert [c.kind for c in response.context["cl"].result_list] == [kind]


def test_the_queue_is_trilingual(client, editor, queue):
    client.force_login(editor)
    kazakh = client.get(f"/kk/admin/projects/correction/{queue[0].pk}/change/").content.decode()
    assert "Кім қарады" in kazakh and "жаңа" in kazakh
    russian = client.get("/ru/admin/projects/correction/").content.decode()
    assert "Отметить как принятые" in russian and "вид записи" in russian
