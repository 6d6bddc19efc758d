"""History with diffs and revert: who changed what (old -> new), when, from where (admin,
import, load_seeds, load_records), for projects with the rows edited with them, organisations,
places and exchange rates; an editor reverts from the admin."""

import io
import json

import lxml.html
import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from projects import history
from projects.models import ExchangeRate, FundingLine, Organization, Place, Project

from .admin_forms import browser_form_data

pytestmark = pytest.mark.django_db

SEED_004 = "active-local-stakeholder-participation-east-central-kazakhstan"


@pytest.fixture
def editor_client(client, seeded_db):
    client.force_login(User.objects.create_superuser("aigerim", password="pw-for-tests-only"))
    return client


def change_url(project):
    return reverse("admin:projects_project_change", args=[project.pk])


def history_page(client, model, pk):
    url = reverse(f"admin:projects_{model._meta.model_name}_history", args=[pk])
    response = client.get(url)
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode("utf-8"))


def diff_rows(entry) -> list[tuple[str, str, str]]:
    return [
        tuple(cell.text_content().strip() for cell in row.xpath("./th|./td"))
        for row in entry.xpath(".//table[@class='history-diff']/tr")
    ]


def save_project(client, project, **changes):
    data = browser_form_data(client.get(change_url(project)).content)
    response = client.post(change_url(project), {**data, **changes, "_continue": "1"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    return data


def test_the_seeds_are_the_first_version_from_load_seeds(editor_client):
    project = Project.objects.get(slug=SEED_004)
    page = history_page(editor_client, Project, project.pk)
    entries = page.xpath("//tr[@class='history-entry']")
    assert len(entries) == 1
    assert entries[0].xpath("string(.//td[@class='history-origin'])").strip() == "load_seeds"
    labels = [label for label, _old, _new in diff_rows(entries[0])]
    assert str(Project._meta.get_field("title_ru").verbose_name) in labels
    assert str(Project._meta.get_field("title_kk").verbose_name) in labels


def test_an_admin_save_shows_who_and_each_old_and_new_value(editor_client):
    project = Project.objects.get(slug=SEED_004)
    old_number, old_title_kk = project.contract_number, project.title_kk
    save_project(
        editor_client,
        project,
        contract_number="CSO-LA/2016/000-001",
        title_kk="Жаңа атауы",
    )
    page = history_page(editor_client, Project, project.pk)
    newest = page.xpath("//tr[@class='history-entry']")[0]
    assert newest.xpath("string(./td[1])").strip() == "aigerim"
    assert newest.xpath("string(.//td[@class='history-origin'])").strip() == "admin"
    rows = {label: (old, new) for label, old, new in diff_rows(newest)}
    number_label = str(Project._meta.get_field("contract_number").verbose_name)
    title_kk_label = str(Project._meta.get_field("title_kk").verbose_name)
    assert rows[number_label] == (old_number, "CSO-LA/2016/000-001")
    assert rows[title_kk_label] == (old_title_kk, "Жаңа атауы")
    assert len(rows) == 2  # nothing else claims a change
    assert newest.xpath(".//p[contains(@class, 'history-row')]") == []  # no row came or went
    revision = Version.objects.get_for_object(project).order_by("-pk").first().revision
    kept = {(v.content_type.model, v.object_id) for v in revision.version_set.all()}
    assert {
        ("participation", str(pk)) for pk in project.participations.values_list("pk", flat=True)
    } <= kept


def test_revert_restores_the_fields_and_the_rows_edited_with_them(editor_client):
    project = Project.objects.get(slug=SEED_004)
    before = (project.contract_number, project.duration_months)
    lines_before = set(project.funding_lines.values_list("pk", flat=True))
    first_version = Version.objects.get_for_object(project).order_by("pk").first()

    data = save_project(editor_client, project, contract_number="X-1", duration_months="99")
    total = int(data["funding_lines-TOTAL_FORMS"][0])
    extra = {
        "funding_lines-TOTAL_FORMS": str(total + 1),
        f"funding_lines-{total}-kind": "total",
        f"funding_lines-{total}-qualifier": "exact",
        f"funding_lines-{total}-amount": "5000",
        f"funding_lines-{total}-currency": "EUR",
        f"funding_lines-{total}-project": str(project.pk),
    }
    save_project(editor_client, project, **extra)
    assert project.funding_lines.count() == len(lines_before) + 1
    Project.objects.filter(pk=project.pk).update(is_published=False)  # withdrawn meanwhile

    revision_url = reverse("admin:projects_project_revision", args=[project.pk, first_version.pk])
    form = browser_form_data(editor_client.get(revision_url).content)
    assert form["contract_number"] == [before[0]]
    response = editor_client.post(revision_url, form)
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.contract_number, project.duration_months) == before
    assert set(project.funding_lines.values_list("pk", flat=True)) == lines_before
    assert project.is_published is False  # the old version was published: a revert never publishes
    newest = history_page(editor_client, Project, project.pk).xpath("//tr[@class='history-entry']")[
        0
    ]
    assert "Removed" in newest.text_content() or "Удалено" in newest.text_content()


def test_opening_an_old_version_changes_nothing(editor_client):
    project = Project.objects.get(slug=SEED_004)
    first_version = Version.objects.get_for_object(project).order_by("pk").first()
    save_project(editor_client, project, contract_number="X-2")
    url = reverse("admin:projects_project_revision", args=[project.pk, first_version.pk])
    assert editor_client.get(url).status_code == 200
    assert Project.objects.get(pk=project.pk).contract_number == "X-2"


def test_load_records_records_what_it_changed_and_nothing_when_nothing_did(editor_client, tmp_path):
    export = tmp_path / "records.json"
    export.write_bytes(b"".join(editor_client.get("/ru/projects/export.json").streaming_content))
    project = Project.objects.get(slug=SEED_004)
    versions = Version.objects.get_for_object(project).count()

    call_command("load_records", str(export), stdout=io.StringIO())
    assert Version.objects.get_for_object(project).count() == versions  # loaded again: no change

    document = json.loads(export.read_text(encoding="utf-8"))
    for record in document["projects"]:
        if record["project"]["slug"] == SEED_004:
            record["project"]["contract_number"] = "LOADED-1"
    export.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    call_command("load_records", str(export), stdout=io.StringIO())
    newest = Version.objects.get_for_object(project).order_by("-pk").first()
    assert newest.revision.origin.via == "load_records"
    assert newest.field_dict["contract_number"] == "LOADED-1"
    other = Project.objects.exclude(pk=project.pk).first()
    assert Version.objects.get_for_object(other).count() == 1  # untouched projects: no version


def test_an_import_is_recorded_with_its_editor(editor_client):
    text = (
        "АЛМАТЫ, 3 марта 2021 г. Европейский союз выделил 100 000 евро общественному фонду "
        "«Аrman» на проект поддержки сельских библиотек в Алматинской области."
    )
    response = editor_client.post(
        reverse("admin:projects_project_import"), {"text": text, "language": "ru"}
    )
    assert response.status_code == 302
    project = Project.objects.order_by("-pk").first()
    version = Version.objects.get_for_object(project).get()
    assert version.revision.origin.via == "import"
    assert version.revision.user.username == "aigerim"


def test_organisations_and_exchange_rates_have_a_history_too(editor_client):
    organization = Organization.objects.get(slug="european-union")
    url = reverse("admin:projects_organization_change", args=[organization.pk])
    data = browser_form_data(editor_client.get(url).content, form_id="organization_form")
    data["short_name_en"] = "EU (changed)"
    assert editor_client.post(url, data).status_code == 302
    newest = history_page(editor_client, Organization, organization.pk).xpath(
        "//tr[@class='history-entry']"
    )[0]
    assert "EU (changed)" in [new for _label, _old, new in diff_rows(newest)]

    rate = ExchangeRate.objects.first()
    url = reverse("admin:projects_exchangerate_change", args=[rate.pk])
    data = browser_form_data(editor_client.get(url).content, form_id="exchangerate_form")
    data["rate_to_eur"] = "1.2345"
    assert editor_client.post(url, data).status_code == 302
    entries = history.history_of(ExchangeRate, str(rate.pk))
    assert entries[0].origin == "admin"
    rate_label = str(ExchangeRate._meta.get_field("rate_to_eur").verbose_name)
    assert [(change.label, change.new) for change in entries[0].fields] == [
        (rate_label, "1.2345000000")
    ]
    assert entries[-1].origin == "load_seeds"


def test_funding_line_changes_show_inside_the_project_history(editor_client):
    project = Project.objects.get(slug=SEED_004)
    line = project.funding_lines.order_by("pk").first()
    data = browser_form_data(editor_client.get(change_url(project)).content)
    index = next(
        key.split("-")[1]
        for key, value in data.items()
        if key.startswith("funding_lines-") and key.endswith("-id") and value == [str(line.pk)]
    )
    save_project(editor_client, project, **{f"funding_lines-{index}-amount": "123456"})
    entry = history.history_of(Project, str(project.pk))[0]
    changed = [row for row in entry.rows if row.kind == "changed"]
    assert len(changed) == 1 and str(FundingLine._meta.verbose_name) in changed[0].label
    amount_label = str(FundingLine._meta.get_field("amount").verbose_name)
    assert [(change.label, change.old, change.new) for change in changed[0].fields] == [
        (amount_label, f"{line.amount}", "123456.00")
    ]


def test_a_load_writes_the_same_versions_as_reversion_itself(editor_client):
    """record_changes serialises in bulk; what it stores reads back as reversion's own."""
    project = Project.objects.get(slug=SEED_004)
    with history.recorded("admin"):
        history.add_records(Project, [project.pk])
    own = Version.objects.get_for_object(project).order_by("-pk").first()
    [bulk, *rows] = [Version(**values) for values in history.bulk_versions(Project, [project.pk])]

    def comparable(version):
        data = dict(version.field_dict)
        return {
            key: sorted(value) if isinstance(value, list) else value for key, value in data.items()
        }

    assert comparable(bulk) == comparable(own)
    assert bulk.object_repr == own.object_repr
    own_rows = {(v.content_type_id, v.object_id) for v in own.revision.version_set.all()}
    assert {(v.content_type.pk, v.object_id) for v in rows} == own_rows - {
        (own.content_type_id, own.object_id)
    }


@pytest.mark.parametrize("model", [Project, Organization, Place])
def test_bulk_versions_are_serialised_as_reversion_serialises_them(editor_client, model):
    """Byte for byte what reversion itself stores for the record and each row it follows:
    reversion reads versions back (diffs, revert) and _followed() finds rows by their text.
    Only the order of many-to-many ids may differ (reversion's follows the related model's
    ordering); it means nothing to a diff or a revert."""
    record = model.objects.order_by("pk").filter(**LINKED_RECORDS[model]).first()
    with history.recorded("admin"):
        history.add_records(model, [record.pk])
    own = Version.objects.get_for_object(record).order_by("-pk").first()
    expected = {
        (v.content_type_id, v.object_id): (v.serialized_data, v.object_repr, v.db, v.format)
        for v in own.revision.version_set.all()
    }
    bulk = {
        (v["content_type_id"], v["object_id"]): (
            v["serialized_data"],
            v["object_repr"],
            v["db"],
            v["format"],
        )
        for v in history.bulk_versions(model, [record.pk])
    }
    assert len(bulk) > 1  # the record and rows it follows
    assert bulk.keys() == expected.keys()
    for key, (data, *rest) in bulk.items():
        own_data, *own_rest = expected[key]
        assert rest == own_rest
        if data != own_data:  # many-to-many lists in another order, nothing else
            assert same_but_link_order(data, own_data)


LINKED_RECORDS = {
    Project: {"keywords__isnull": False, "funding_lines__isnull": False, "contacts__isnull": False},
    Organization: {"aliases__isnull": False},
    Place: {"aliases__isnull": False, "parent__isnull": False},
}


def same_but_link_order(ours: str, theirs: str) -> bool:
    """reversion's text with its many-to-many ids in our order is our text exactly."""
    [mine], [own] = json.loads(ours), json.loads(theirs)
    for name in ("keywords", "places"):
        if name in own["fields"]:
            assert sorted(mine["fields"][name]) == sorted(own["fields"][name])
            own["fields"][name] = mine["fields"][name]
    return json.dumps([own], ensure_ascii=False) == ours
