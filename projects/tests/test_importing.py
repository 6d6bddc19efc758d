"""From a press release to a linked draft: the command, the admin page, and bad input."""

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from projects.importing import press_release_import
from projects.models import (
    Organization,
    OrganizationAlias,
    Place,
    PlaceAlias,
    Project,
    SourceDocument,
)

pytestmark = pytest.mark.django_db

NEW_RELEASE = """ПРЕСС-РЕЛИЗ

12 марта 2021

Европейский Союз поддержит мониторинг местных бюджетов в Павлодаре и Караганде

ПАВЛОДАР – При финансовой поддержке Европейского Союза стартует проект «Открытые бюджеты».
Проект будет реализован НПО «Эхо» в партнерстве с ОФ «Новый Горизонт» (Караганда).
Проект будет осуществляться в период с апреля 2021 г. по март 2023 г. Вклад Европейского
Союза составляет 250 000 евро.

Контакты: Айгерим Садыкова, координатор проекта, тел. +7 (7182) 55-12-34, aigerim@ekho.kz
"""


@pytest.fixture
def seeds(seeded_db):
    pass


@pytest.fixture
def release_file(tmp_path):
    path = tmp_path / "open-budgets.txt"
    path.write_text(NEW_RELEASE, encoding="utf-8")
    return path


def run(command, *args) -> str:
    output = io.StringIO()
    call_command(command, *[str(arg) for arg in args], stdout=output)
    return output.getvalue()


# --- extract_press_release ----------------------------------------------------------------------

EXPECTED_KEYS = {
    "file", "language", "source_url", "title", "published", "donors", "amounts",
    "programme_amounts", "start", "end", "duration_months", "places", "implementers", "partners",
    "contacts", "emails", "phones", "contract_number", "projects",
}  # fmt: skip


def test_extract_prints_one_json_object_per_file_and_writes_nothing(release_file, settings):
    seed = settings.SEEDS_DIR / "003_244677f27360cb33.txt"
    lines = run("extract_press_release", release_file, seed, "--format", "json").splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert set(first) == EXPECTED_KEYS == set(second)
    assert first["language"] == "ru"
    assert first["published"] == "2021-03-12"
    assert first["donors"] == ["European Union"]
    assert {"amount": "250000", "currency": "EUR", "kind": "donor_contribution",
            "qualifier": "exact"} in first["amounts"]  # fmt: skip
    assert (first["start"], first["end"]) == ("2021-04", "2023-03")
    assert {place["name_en"] for place in first["places"]} >= {"Pavlodar", "Karaganda"}
    assert "aigerim@ekho.kz" in first["emails"]
    assert second["donors"] and {p["name_en"] for p in second["places"]} == {"Kazakhstan"}
    assert Project.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "message"),
    # Commands speak the site's default language (Russian).
    [(b"", "Файл пуст"), (b"\x00\x01\x02binary\x00", "двоичный файл")],
)
def test_extract_names_the_file_it_cannot_read(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=rf"bad.txt: .*{message}"):
        run("extract_press_release", path)


def test_extract_reports_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run("extract_press_release", tmp_path / "nowhere.txt")


# --- import_press_release -----------------------------------------------------------------------


def test_import_links_existing_records_and_creates_the_rest(seeds, release_file):
    organisations_before = Organization.objects.count()
    output = run("import_press_release", release_file)
    project = Project.objects.get(sources__file_name="open-budgets.txt")
    assert not project.is_published
    assert project.original_language == "ru"
    assert project.start.isoformat() == "2021-04" and project.end.isoformat() == "2023-03"
    roles = set(project.participations.values_list("organization__slug", "role"))
    assert ("echo", "lead_implementer") in roles  # "НПО «Эхо»" is an alias of ОО «Эхо»
    assert ("european-union", "donor") in roles
    assert {"pavlodar", "karaganda"} <= set(project.places.values_list("slug", flat=True))
    line = project.funding_lines.get()
    assert (line.amount, line.currency, line.donor.slug) == (250000, "EUR", "european-union")
    contact = project.contacts.get()
    assert contact.emails == ["aigerim@ekho.kz"]
    assert Organization.objects.count() == organisations_before + 1  # «Новый Горизонт»
    assert "linked  organisation" in output and "created organisation" in output
    source = project.sources.get()
    assert source.text == NEW_RELEASE
    assert any(row["field"] == "amount" for row in source.extraction["evidence"])


def test_importing_the_same_text_twice_makes_one_draft(seeds, release_file):
    run("import_press_release", release_file)
    counts = (Project.objects.count(), Organization.objects.count())
    output = run("import_press_release", release_file)
    assert "Already imported" in output
    assert (Project.objects.count(), Organization.objects.count()) == counts


def test_the_address_a_release_names_as_its_source_is_kept_with_it(seeds, tmp_path):
    url = "https://www.inform.kz/ru/open-budgets-pavlodar-karaganda"
    path = tmp_path / "with-source.txt"
    path.write_text(f"# source: {url}\n\n{NEW_RELEASE}", encoding="utf-8")
    run("import_press_release", path)
    source = SourceDocument.objects.get(file_name="with-source.txt")
    assert source.url == url
    title = "Европейский Союз поддержит мониторинг местных бюджетов в Павлодаре и Караганде"
    assert source.project.title_ru == title
    assert "source:" not in source.project.description_ru


def test_a_release_without_a_headline_is_titled_by_its_first_sentence(seeds, tmp_path):
    path = tmp_path / "untitled.txt"
    body = NEW_RELEASE.split("\n\n", 3)[3]  # no label, date or headline
    path.write_text(body, encoding="utf-8")
    run("import_press_release", path)
    project = SourceDocument.objects.get(file_name="untitled.txt").project
    assert project.title_ru == (
        "При финансовой поддержке Европейского Союза стартует проект «Открытые бюджеты»"
    )


def test_the_command_prints_each_values_evidence(tmp_path, release_file):
    output = run("extract_press_release", release_file, "--evidence")
    result = json.loads(output)
    amount = next(row for row in result["evidence"] if row["field"] == "amount")
    assert amount["evidence"][0]["text"] in release_file.read_text(encoding="utf-8")
    text = run("extract_press_release", release_file, "--evidence", "--format", "text")
    assert "  amount: " in text and "<- «" in text


def test_a_posting_time_is_not_the_drafts_summary(seeds, tmp_path):
    path = tmp_path / "posted.txt"
    path.write_text("14 марта 2025 11:42\n\n" + NEW_RELEASE, encoding="utf-8")
    run("import_press_release", path)
    project = SourceDocument.objects.get(file_name="posted.txt").project
    assert project.summary_ru.startswith("ПАВЛОДАР – При финансовой поддержке")


def test_a_village_the_gazetteer_lacks_is_listed_for_the_editor(seeds, tmp_path):
    path = tmp_path / "village.txt"
    path.write_text(
        NEW_RELEASE.replace("в Павлодаре", "в селе Бурыл Байзакского района"), encoding="utf-8"
    )
    output = run("import_press_release", path)
    assert "place not in the gazetteer: Buryl (village, KZ)" in output
    project = SourceDocument.objects.get(file_name="village.txt").project
    assert "Buryl" not in {place.name_en for place in project.places.all()}


def test_a_seed_release_is_already_in_the_registry(seeds, settings):
    output = run("import_press_release", settings.SEEDS_DIR / "000_b181058ddafe2ef1.txt")
    assert "Already imported" in output
    assert Project.objects.count() == 5


def test_dry_run_saves_nothing(seeds, release_file):
    output = run("import_press_release", release_file, "--dry-run")
    assert "Created draft" in output and "nothing was saved" in output
    assert not SourceDocument.objects.filter(file_name="open-budgets.txt").exists()


@pytest.mark.parametrize(
    "encoding",
    ["cp1251", "utf-16", "utf-8-sig"],
)
def test_import_reads_other_encodings(seeds, tmp_path, encoding):
    path = tmp_path / "legacy.txt"
    path.write_bytes(NEW_RELEASE.encode(encoding))
    run("import_press_release", path)
    assert SourceDocument.objects.get(file_name="legacy.txt").text == NEW_RELEASE


def test_html_wrapped_release_is_imported_as_its_text(seeds, tmp_path):
    path = tmp_path / "page.html"
    body = "".join(f"<p>{line}</p>" for line in NEW_RELEASE.splitlines())
    path.write_text(f"<html><body><nav>Меню сайта</nav>{body}</body></html>", encoding="utf-8")
    run("import_press_release", path)
    project = Project.objects.get(sources__file_name="page.html")
    assert project.funding_lines.count() == 1
    assert "Меню сайта" not in project.description_ru


def test_a_bad_file_saves_nothing(seeds, tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    before = Project.objects.count()
    with pytest.raises(CommandError, match="image.txt"):
        run("import_press_release", path)
    assert Project.objects.count() == before


# --- The admin page -----------------------------------------------------------------------------


@pytest.fixture
def editor_client(client, seeds):
    client.force_login(User.objects.create_superuser("editor", password="pw-for-tests-only"))
    return client


def import_url():
    with translation.override("en"):  # the admin answers in the language of its address
        return reverse("admin:projects_project_import")


def test_admin_upload_opens_the_new_draft_with_its_evidence(editor_client):
    upload = SimpleUploadedFile("release.txt", NEW_RELEASE.encode("utf-8"), "text/plain")
    response = editor_client.post(import_url(), {"file": upload, "text": "", "language": ""})
    project = Project.objects.get(sources__file_name="release.txt")
    assert response.status_code == 302
    with translation.override("en"):
        change_url = reverse("admin:projects_project_change", args=[project.pk])
    assert response["Location"] == change_url
    page = editor_client.get(response["Location"]).content.decode()
    assert "class='evidence'" in page
    assert "250 000 евро" in page or "250\xa0000 евро" in page


def test_admin_paste_works_too(editor_client):
    response = editor_client.post(import_url(), {"text": NEW_RELEASE, "language": "ru"})
    assert response.status_code == 302
    assert Project.objects.filter(is_published=False).count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "one of the two"),
        ({"text": "   "}, "one of the two"),
        ({"file": ("x.pdf", b"%PDF-1.4")}, ".txt, .md or .html"),
        ({"file": ("x.txt", b"\x00\x01\x02\x03")}, "binary"),
        ({"file": ("x.txt", b"")}, "empty"),
    ],
)
def test_admin_bad_input_is_a_form_error(editor_client, data, message):
    if "file" in data:
        name, content = data["file"]
        data = {"file": SimpleUploadedFile(name, content)}
    before = Project.objects.count()
    response = editor_client.post(import_url(), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Project.objects.count() == before


def test_the_import_page_needs_the_add_permission(client, seeds):
    user = User.objects.create_user("reader", password="pw-for-tests-only", is_staff=True)
    client.force_login(user)
    assert client.get(import_url()).status_code == 403


def test_the_project_list_links_to_the_import_page(editor_client):
    with translation.override("en"):
        url = reverse("admin:projects_project_changelist")
    html = editor_client.get(url).content.decode()
    assert import_url() in html


# --- what the editor does with a draft ----------------------------------------------------------


def admin_url(name: str, *args, language: str = "en") -> str:
    with translation.override(language):
        return reverse(f"admin:projects_project_{name}", args=args)


@pytest.fixture
def editors(seeds):
    from projects.services.editors import editors_group_ensure

    group = editors_group_ensure()
    made = []
    for name in ("importer", "colleague"):
        user = User.objects.create_user(name, password="pw-for-tests-only", is_staff=True)
        user.groups.add(group)
        made.append(user)
    return made


def imported_draft(client, user) -> Project:
    client.force_login(user)
    response = client.post(import_url(), {"text": NEW_RELEASE, "language": "ru"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Project.objects.get(is_published=False, sources__isnull=False)


def test_the_evidence_table_speaks_the_admins_language(client, editors):
    project = imported_draft(client, editors[0])
    page = client.get(admin_url("change", project.pk, language="ru")).content.decode()
    start = page.index("class='evidence'")
    table = page[start : page.index("</table>", start)]
    assert "<th scope='row'>сумма</th>" in table.lower()
    assert "250\xa0000\xa0EUR, взнос донора" in table
    assert "donor_contribution" not in table and "exact 250000" not in table
    assert "апрель 2021" in table  # the start, at its month


def test_a_release_of_several_grants_shows_the_editor_each_project(client, editors):
    client.force_login(editors[0])
    text = (Path(__file__).resolve().parents[2] / "devset").glob("403_*.txt")
    response = client.post(import_url(), {"text": next(text).read_text(encoding="utf-8")})
    assert response.status_code == 302
    project = Project.objects.get(is_published=False, sources__isnull=False)
    page = client.get(admin_url("change", project.pk, language="ru")).content.decode()
    start = page.index("class='evidence'")
    table = page[start : page.index("</table>", start)]
    assert table.count("один из проектов, объявленных в релизе") == 3
    assert "общественный фонд «Адал» — 78910 USD — Shymkent" in table
    assert "Фонду «Адал» выделено 78 910 долларов США" in table  # the part's own words


def test_the_importer_can_discard_the_draft_and_nobody_else(client, editors):
    importer, colleague = editors
    project = imported_draft(client, importer)
    client.force_login(colleague)
    assert client.get(admin_url("discard", project.pk)).status_code == 403
    assert "Discard this draft" not in client.get(admin_url("change", project.pk)).content.decode()
    client.force_login(importer)
    assert "Discard this draft" in client.get(admin_url("change", project.pk)).content.decode()
    assert client.get(admin_url("discard", project.pk)).status_code == 200  # asks first
    assert Project.objects.filter(pk=project.pk).exists()
    response = client.post(admin_url("discard", project.pk))
    assert response.status_code == 302
    assert not Project.objects.filter(pk=project.pk).exists()
    assert not SourceDocument.objects.filter(project_id=project.pk).exists()


def test_a_draft_once_published_is_not_discarded(client, editors):
    project = imported_draft(client, editors[0])
    Project.objects.filter(pk=project.pk).update(is_published=True)
    assert client.post(admin_url("discard", project.pk)).status_code == 403
    assert Project.objects.filter(pk=project.pk).exists()


@pytest.mark.parametrize(("language", "expected"), [("kk", True), ("en", True), ("ru", False)])
def test_drafts_missing_a_language_are_listed_for_translation(client, editors, language, expected):
    project = imported_draft(client, editors[0])
    page = client.get(admin_url("changelist") + f"?untranslated={language}").content.decode()
    assert (admin_url("change", project.pk) in page) is expected


def test_a_place_alias_and_a_donor_editors_added_reach_the_extractor(seeds, tmp_path):
    karaganda = Place.objects.get(slug="karaganda")
    PlaceAlias.objects.create(place=karaganda, name="Карагандинск")
    donor = Organization.objects.get(slug="european-union")
    OrganizationAlias.objects.create(organization=donor, name="Фонд Берега")
    text = (
        NEW_RELEASE.replace("Караганде", "Карагандинске")
        .replace("Караганда", "Карагандинск")
        .replace("Европейский Союз поддержит", "Фонд Берега поддержит")
        .replace("поддержке Европейского Союза", "поддержке Фонда Берега")
        .replace("Вклад Европейского\nСоюза", "Вклад Фонда Берега")
    )
    assert "Европ" not in text
    path = tmp_path / "aliases.txt"
    path.write_text(text, encoding="utf-8")
    run("import_press_release", path)
    project = SourceDocument.objects.get(file_name="aliases.txt").project
    assert "karaganda" in set(project.places.values_list("slug", flat=True))
    line = project.funding_lines.get()
    assert line.donor == donor


def test_the_draft_says_which_languages_it_needs(client, editors):
    project = imported_draft(client, editors[0])
    page = client.get(admin_url("change", project.pk)).content.decode()
    assert "Needs translation: Kazakh, English." in page
    for field in ("title", "summary", "description"):
        for language in ("kk", "en"):
            setattr(project, f"{field}_{language}", f"{field} {language}")
    project.save()
    page = client.get(admin_url("change", project.pk)).content.decode()
    assert "Needs translation" not in page


# --- a release that announces several projects ---------------------------------------------

DEVSET = Path(__file__).resolve().parents[2] / "devset"


def _devset_release(prefix: str) -> str:
    return next(DEVSET.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_one_draft_per_announced_project_each_with_its_grantee_sum_places_and_source(seeds):
    text = _devset_release("403")
    report = press_release_import(text=text, file_name="403.txt", split=True)
    assert report.created and len(report.projects) == 3
    adal = report.projects[0]
    assert adal.title_ru.startswith("Фонду «Адал» выделено 78 910 долларов США")
    assert adal.summary_ru.startswith("Фонду «Адал» выделено 78 910 долларов США")
    lead = adal.participations.get(role="lead_implementer").organization
    assert lead.name_ru == "Общественный фонд «Адал»"
    assert [(line.amount, line.currency) for line in adal.funding_lines.all()] == [
        (Decimal("78910"), "USD")
    ]
    assert sorted(place.slug for place in adal.places.all()) == ["shymkent"]
    water = report.projects[1]
    assert [line.amount for line in water.funding_lines.all()] == [Decimal("96400")]
    assert "karabulak" in {place.slug for place in water.places.all()}
    # each draft holds the release as it came, and the donor and period it shares
    for draft in report.projects:
        (source,) = draft.sources.all()
        assert source.text == text and not draft.is_published
        assert draft.participations.filter(role="donor").exists()
    # the Adal director is a contact of Adal's draft only; the embassy's office, of all three
    embassy = "Отдел экономического сотрудничества Посольства Японии в Республике Казахстан"
    assert [c.name_ru for c in adal.contacts.order_by("pk")] == [embassy, "Мадина Ескендирова"]
    assert [c.name_ru for c in water.contacts.all()] == [embassy]


def test_importing_an_announcement_again_gives_the_same_drafts(seeds):
    text = _devset_release("302")
    first = press_release_import(text=text, split=True)
    again = press_release_import(text=text, split=True)
    once_more = press_release_import(text=text)
    assert len(first.projects) == 9
    assert not again.created and again.projects == first.projects == once_more.projects
    assert SourceDocument.objects.filter(text=text).count() == 9


def test_without_the_choice_an_announcement_is_one_draft(seeds):
    report = press_release_import(text=_devset_release("403"))
    assert len(report.projects) == 1 and report.project.funding_lines.count() == 3


def test_a_release_about_one_project_gives_one_draft_even_when_split(seeds):
    report = press_release_import(text=NEW_RELEASE, split=True)
    assert len(report.projects) == 1


def test_the_editor_chooses_one_draft_per_project_in_the_admin(client, editors):
    client.force_login(editors[0])
    response = client.post(
        import_url(), {"text": _devset_release("403"), "split": "on"}, follow=True
    )
    page = response.content.decode()
    drafts = Project.objects.filter(is_published=False, sources__isnull=False)
    assert drafts.count() == 3
    assert "The release announces 3 projects: a draft was created for each." in page
    for draft in drafts:
        assert admin_url("change", draft.pk) in page  # a link to each draft


def test_the_command_makes_one_draft_per_project_with_split(tmp_path, seeds):
    path = tmp_path / "403.txt"
    path.write_text(_devset_release("403"), encoding="utf-8")
    output = run("import_press_release", path, "--split")
    assert output.count("Created draft") == 3
    assert run("import_press_release", path).count("Already imported") == 3
