"""Stated or inferred, for every fact: each fact of the five seed projects is linked to the
words of its press release that state it (highlighted in the source panel), or marked as an
editor's inference with a note; the corrections the fact-check asked for are in the records;
records whose evidence does not match their text are refused."""

import io
import re
import shutil
from decimal import Decimal
from pathlib import Path

import lxml.html
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import override

from projects.facts import fact_keys_of, line_key
from projects.models import Contact, FactEvidence, Organization, Project, SourceDocument
from projects.tests.admin_forms import browser_form_data

SEEDS = Path(settings.SEEDS_DIR)
S000 = "human-rights-communication-information-governance"
S002 = "monitoring-state-development-programmes-civil-society"
S003 = "us-support-civil-society-human-rights-kazakhstan"
S004 = "active-local-stakeholder-participation-east-central-kazakhstan"


def page_of(client, slug, language="ru") -> str:
    response = client.get(f"/{language}/projects/{slug}/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
class TestSeedEvidence:
    @pytest.fixture(autouse=True)
    def _seeds(self, seeded_db):
        pass

    def test_every_fact_of_every_seed_project_has_evidence(self):
        for project in Project.objects.all():
            keys = fact_keys_of(project)
            covered = set(project.evidence.values_list("fact", flat=True))
            assert set(keys) <= covered, (project.slug, set(keys) - covered)
            assert len(keys) >= 7, project.slug

    def test_each_quote_is_the_source_text_at_its_span(self):
        stated = FactEvidence.objects.filter(basis="stated").select_related("source")
        assert stated.count() >= 80
        for evidence in stated:
            assert evidence.source.project_id == evidence.project_id
            assert evidence.source.text[evidence.start : evidence.end] == evidence.quote
        inferred = FactEvidence.objects.filter(basis="inferred")
        assert inferred.count() >= 2
        for evidence in inferred:
            assert evidence.note_ru and evidence.note_kk and evidence.note_en

    @pytest.mark.parametrize("language", ["ru", "kk", "en"])
    def test_each_seed_page_links_every_fact_to_highlighted_words_or_a_note(self, client, language):
        for project in Project.objects.all():
            html = page_of(client, project.slug, language)
            links = set(re.findall(r'class="evidence-link" href="#(ev-\d+)"', html))
            anchors = set(re.findall(r'class="evidence-anchor" id="(ev-\d+)"', html))
            marked = set(re.findall(r'<mark class="evidence" data-evidence="([^"]+)"', html))
            marked = {mark for marks in marked for mark in marks.split()}
            stated = project.evidence.filter(basis="stated").values_list("pk", flat=True)
            stated = {f"ev-{pk}" for pk in stated}
            assert links == stated == anchors == marked, project.slug
            for note in project.evidence.filter(basis="inferred"):
                text = escape(getattr(note, f"note_{language}"))
                assert f'<span class="inferred-note">{text}</span>' in html

    def test_the_funding_figure_is_linked_to_its_words(self, client):
        html = page_of(client, S000)
        line = Project.objects.get(slug=S000).funding_lines.get()
        evidence = FactEvidence.objects.get(fact=line_key(line))
        row = re.search(r'<td class="num">.*?</td>', html, re.S).group(0)
        assert "213\xa0793\xa0EUR" in row and f'href="#ev-{evidence.pk}"' in row
        mark = re.search(rf'id="ev-{evidence.pk}"></span><mark[^>]*>([^<]*)</mark>', html)
        assert mark.group(1) == "Вклад Европейского Союза составляет 213 793 евро"

    def test_a_title_given_by_an_editor_says_so(self, client):
        html = page_of(client, S003, "en")
        assert "The press release names no project: an editor gave this title." in html
        assert "editor&#x27;s inference" in html or "editor's inference" in html
        assert "The release names no project: the editor wrote the title" in html

    def test_evidence_stops_applying_when_an_editor_changes_the_figure(self, client):
        project = Project.objects.get(slug=S000)
        line = project.funding_lines.get()
        line.amount = Decimal("213000")
        line.save()
        try:
            html = page_of(client, S000)
            row = re.search(r'<td class="num">.*?</td>', html, re.S).group(0)
            assert "213\xa0000\xa0EUR" in row and "evidence-link" not in row
        finally:
            line.amount = Decimal("213793")
            line.save()


@pytest.mark.django_db
class TestCorrections:
    @pytest.fixture(autouse=True)
    def _seeds(self, seeded_db):
        pass

    def test_seed_000_funding_note_says_only_what_the_release_says(self):
        note = Project.objects.get(slug=S000).funding_lines.get()
        for language in ("ru", "kk", "en"):
            text = getattr(note, f"note_{language}")
            assert "1994" in text
            assert "EIDHR" not in text and "Instrument" not in text and "инструмент" not in text

    def test_seed_000_fax_is_a_fax_not_a_phone(self, client):
        delegation = Organization.objects.get(slug="delegation-of-the-european-union-to-kazakhstan")
        assert delegation.faxes == ["(7172) 97-95-63"]
        assert not [phone for phone in delegation.phones if "95-63" in phone]
        with override("en"):
            address = reverse("projects:organization-detail", kwargs={"slug": delegation.slug})
        html = client.get(address).content.decode()
        assert "<dt>Fax</dt><dd>(7172) 97-95-63</dd>" in html

    def test_seed_002_address_is_the_delegations_and_contacts_are_organisations(self, client):
        project = Project.objects.get(slug=S002)
        for language in ("ru", "kk", "en"):
            description = getattr(project, f"description_{language}")
            assert "Космонавт" not in description and "Kosmonavt" not in description
        delegation = Organization.objects.get(slug="delegation-of-the-european-union-to-kazakhstan")
        assert "7-й этаж" in delegation.address_ru and "7th floor" in delegation.address_en
        contacts = list(project.contacts.order_by("pk"))
        assert [(c.name_ru, c.name_en, c.organization.slug) for c in contacts] == [
            ("", "", "information-resource-centre"),
            ("", "", "delegation-of-the-european-union-to-kazakhstan"),
        ]
        html = page_of(client, S002, "en")
        assert 'href="/en/organizations/information-resource-centre/">' in html

    def test_seed_003_money_and_the_bureau(self):
        project = Project.objects.get(slug=S003)
        line = project.funding_lines.get(amount=Decimal("750000"))
        assert line.donor.slug == "united-states-of-america"
        assert "не сказано, какое ведомство" in line.note_ru
        bureau = Organization.objects.get(slug="bureau-of-democracy-human-rights-and-labor")
        assert bureau.part_of.slug == "u-s-department-of-state"
        evidence = project.evidence.filter(fact__contains=bureau.slug)
        assert {row.basis for row in evidence} == {"stated", "inferred"}

    def test_seed_004_no_guessed_organisations_and_no_lead(self):
        project = Project.objects.get(slug=S004)
        assert not Contact.objects.filter(project=project, organization__isnull=False).exists()
        assert not project.participations.filter(role="lead_implementer").exists()

    def test_datelines_are_the_place_of_publication(self, client):
        datelines = {
            source.project.slug: (source.dateline, source.dateline_place.slug)
            for source in SourceDocument.objects.exclude(dateline="").select_related(
                "dateline_place", "project"
            )
        }
        assert datelines == {S000: ("АСТАНА", "astana"), S003: ("Алматы. 6 апреля", "almaty")}
        assert "dateline: Алматы. 6 апреля" in page_of(client, S003, "en")


# --- Records that are refused -----------------------------------------------------------------


@pytest.fixture
def seeds_copy(tmp_path, settings):
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    settings.SEEDS_DIR = copy
    return copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def load(copy: Path) -> None:
    call_command("load_seeds", "--seeds-dir", str(copy), stdout=io.StringIO())


def what_is_stored() -> tuple:
    return (
        list(Project.objects.values_list("slug", "updated_at")),
        list(FactEvidence.objects.values_list("pk", "fact", "start")),
    )


@pytest.mark.django_db
def test_a_quote_that_is_not_at_its_offset_is_refused_and_nothing_is_written(seeds_copy):
    before = what_is_stored()
    record = seeds_copy / "000_b181058ddafe2ef1.yaml"
    edit(
        record,
        'quote: "Вклад Европейского Союза составляет 213 793 евро"',
        'quote: "Вклад Европейского Союза составляет 231 793 евро"',
    )
    with pytest.raises(CommandError) as error:
        load(seeds_copy)
    message = str(error.value)
    assert "000_b181058ddafe2ef1.yaml: project.evidence." in message
    assert "the words are not in it" in message
    assert what_is_stored() == before


@pytest.mark.django_db
def test_a_fact_without_evidence_is_refused(seeds_copy):
    record = seeds_copy / "002_57395b7d9433e990.yaml"
    text = record.read_text(encoding="utf-8")
    start = text.index('    - fact: "place:pavlodar-region"')
    end = text.index("    - fact:", start + 1)
    record.write_text(text[:start] + text[end:], encoding="utf-8")
    before = what_is_stored()
    with pytest.raises(CommandError, match="no evidence for 'place:pavlodar-region'"):
        load(seeds_copy)
    assert what_is_stored() == before


@pytest.mark.django_db
def test_evidence_for_a_fact_the_record_does_not_have_is_refused(seeds_copy):
    record = seeds_copy / "002_57395b7d9433e990.yaml"
    edit(record, '- fact: "place:pavlodar-region"', '- fact: "place:almaty"')
    with pytest.raises(CommandError, match="'place:almaty' is not a fact of this record"):
        load(seeds_copy)


# --- Editors give evidence in the admin ---------------------------------------------------------


def add_evidence_form(data: dict, prefix: str, **values) -> None:
    index = int(data[f"{prefix}-TOTAL_FORMS"][0])
    for name, value in values.items():
        data[f"{prefix}-{index}-{name}"] = [value]
    data[f"{prefix}-TOTAL_FORMS"] = [str(index + 1)]


@pytest.mark.django_db
class TestEvidenceInTheAdmin:
    @pytest.fixture(autouse=True)
    def _seeds(self, seeded_db):
        pass

    def change_page(self, admin_client, project):
        url = reverse("admin:projects_project_change", args=[project.pk])
        return url, browser_form_data(admin_client.get(url).content)

    def test_an_editor_gives_the_words_and_the_span_is_found(self, admin_client):
        project = Project.objects.get(slug=S000)
        project.evidence.filter(fact="place:taraz").delete()
        url, data = self.change_page(admin_client, project)
        source = project.sources.get()
        add_evidence_form(
            data, "evidence", fact="place:taraz", basis="stated", source=str(source.pk),
            quote="Тараз", start="", note_ru="", note_kk="", note_en="",
        )  # fmt: skip
        response = admin_client.post(url, data)
        assert response.status_code == 302, response.context["errors"]
        evidence = project.evidence.get(fact="place:taraz")
        assert source.text[evidence.start : evidence.end] == "Тараз"

    def test_words_that_are_not_in_the_source_are_refused(self, admin_client):
        project = Project.objects.get(slug=S000)
        url, data = self.change_page(admin_client, project)
        add_evidence_form(
            data, "evidence", fact="place:taraz", basis="stated",
            source=str(project.sources.get().pk), quote="Тараз-на-Неве", start="",
            note_ru="", note_kk="", note_en="",
        )  # fmt: skip
        response = admin_client.post(url, data)
        assert response.status_code == 200
        assert "В источнике нет этих слов." in str(response.context["errors"])  # /ru/ admin
        assert project.evidence.filter(fact="place:taraz").count() == 1

    def test_words_from_another_projects_document_are_refused(self, admin_client):
        # Every row offers this project's documents only (one list, shared by the rows).
        project = Project.objects.get(slug=S000)
        other = SourceDocument.objects.exclude(project=project).first()
        url, data = self.change_page(admin_client, project)
        add_evidence_form(
            data, "evidence", fact="place:taraz", basis="stated", source=str(other.pk),
            quote=other.text[:20], start="0", note_ru="", note_kk="", note_en="",
        )  # fmt: skip
        response = admin_client.post(url, data)
        assert response.status_code == 200
        assert "Выберите корректный вариант." in str(response.context["errors"])
        assert not project.evidence.filter(source=other).exists()

    @pytest.mark.parametrize(
        ("row", "message"),
        [
            ({"fact": "duration:24", "note_ru": ""}, "Напишите, на чём основан вывод."),
            ({"fact": "place:samarkand", "note_ru": "Догадка"}, "«place:samarkand» — не факт"),
        ],
        ids=["an inference needs a note", "a fact the project does not have"],
    )
    def test_an_inference_is_refused(self, admin_client, row, message):
        project = Project.objects.get(slug=S000)
        before = project.evidence.filter(fact=row["fact"]).count()
        url, data = self.change_page(admin_client, project)
        add_evidence_form(
            data, "evidence", basis="inferred", source="", quote="", start="", note_kk="",
            note_en="", **row,
        )  # fmt: skip
        response = admin_client.post(url, data)
        assert response.status_code == 200
        assert message in str(response.context["errors"])
        assert project.evidence.filter(fact=row["fact"]).count() == before

    def test_the_fact_box_offers_the_projects_facts_once_for_every_row(self, admin_client):
        project = Project.objects.get(slug=S000)
        url = reverse("admin:projects_project_change", args=[project.pk])
        page = lxml.html.fromstring(admin_client.get(url).content)
        offered = page.xpath("//datalist[@id='evidence-facts']/option/@value")
        assert offered == list(dict.fromkeys(fact_keys_of(project)))
        boxes = page.xpath("//input[starts-with(@name, 'evidence-') and contains(@name, '-fact')]")
        assert len(boxes) == project.evidence.count() + 1  # and the template for a new row
        assert {box.get("list") for box in boxes} == {"evidence-facts"}
        assert len(page.xpath("//datalist")) == 1
