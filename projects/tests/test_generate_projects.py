"""generate_projects: synthetic published projects for load tests, marked as such everywhere,
the same for the same seed, and removable without touching the real records."""

import io
import re

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db.models import Count, Max, Min
from django.urls import reverse
from django.utils import translation

from projects import caching, indexing
from projects.models import (
    FundingLine,
    Keyword,
    Organization,
    Participation,
    Place,
    Project,
    ProjectBudget,
    ProjectPlaceIndex,
    ProjectSearchDocument,
    SourceDocument,
)
from projects.search import matching_documents

pytestmark = pytest.mark.django_db

MARKERS = {
    "ru": "[Синтетические данные] ",
    "kk": "[Синтетикалық деректер] ",
    "en": "[Synthetic data] ",
}
TEXT_FIELDS = ("title", "summary", "description", "objectives", "results")
NOTICE = {
    "ru": "Синтетическая запись, созданная для нагрузочного тестирования; это не настоящий проект.",
    "kk": "Жүктемелік тестілеуге арналған синтетикалық жазба; бұл нақты жоба емес.",
    "en": "Synthetic record made for load testing; not a real project.",
}
ORGANIZATION_NOTICE = {
    "ru": "это не настоящая организация",
    "kk": "бұл нақты ұйым емес",
    "en": "not a real organisation",
}


def generate(*args) -> str:
    output = io.StringIO()
    call_command("generate_projects", *[str(arg) for arg in args], stdout=output)
    return output.getvalue()


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_app_config("projects").get_models(include_auto_created=True)
    }


def synthetic_data() -> list:
    """What a seed decides, without database ids: slugs, texts, dates, money and links."""
    projects = Project.objects.filter(is_synthetic=True).order_by("slug")
    texts = [f"{name}_{lang}" for name in TEXT_FIELDS for lang in MARKERS]
    rows = [
        (projects, ["slug", "original_language", "start_date", "end_date", *texts]),
        (
            FundingLine.objects.filter(project__is_synthetic=True),
            ["project__slug", "donor__slug", "amount", "currency", "kind", "qualifier"],
        ),
        (
            Participation.objects.filter(project__is_synthetic=True),
            ["project__slug", "organization__slug", "role"],
        ),
        (
            Project.places.through.objects.filter(project__is_synthetic=True),
            ["project__slug", "place__slug"],
        ),
        (SourceDocument.objects.filter(project__is_synthetic=True), ["file_name", "text"]),
        (Organization.objects.filter(is_synthetic=True), ["slug", "name_ru", "city__slug"]),
    ]
    return [list(queryset.order_by(*fields).values_list(*fields)) for queryset, fields in rows]


@pytest.fixture(scope="class")
def sixty(seeded_db, django_db_blocker):
    """60 generated projects beside the seeds, made once for the tests that only read them."""
    with django_db_blocker.unblock():
        generate(60)
    yield
    with django_db_blocker.unblock():
        generate("--delete")


@pytest.fixture
def generated(sixty):
    return Project.objects.filter(is_synthetic=True)


# --- What is generated ------------------------------------------------------------------------


class TestSixtyGeneratedProjects:
    """What `generate_projects 60` makes beside the seeds (generated once for the class)."""

    def test_each_project_has_the_promised_links_money_places_and_source(self, generated):
        assert generated.count() == 60
        for project in generated.prefetch_related("participations", "funding_lines", "contacts"):
            roles = [p.role for p in project.participations.all()]
            donors = {p.organization_id for p in project.participations.all() if p.role == "donor"}
            assert 1 <= len(donors) <= 2, project.slug
            assert roles.count("lead_implementer") == 1, project.slug
            assert 1 <= len(roles) - len(donors) <= 4, project.slug
            lines = project.funding_lines.all()
            assert 1 <= len(lines) <= 3, project.slug
            assert {line.donor_id for line in lines if line.kind == "donor_contribution"} <= donors
            assert 1 <= project.places.count() <= 16, project.slug
            assert 0 <= project.keywords.count() <= 4, project.slug
            shares = list(project.sector_links.values_list("percentage", flat=True))
            assert shares in ([None], [60, 40], [70, 30], [80, 20]), (project.slug, shares)
            assert 0 <= len(project.contacts.all()) <= 2, project.slug
            for contact in project.contacts.all():
                assert all(email.endswith("@example.org") for email in contact.emails)
                assert all(phone.startswith("+7 ") for phone in contact.phones)
            for lang in MARKERS:
                length = sum(len(getattr(project, f"{name}_{lang}")) for name in TEXT_FIELDS)
                assert 1000 <= length <= 3000, (project.slug, lang, length)
            source = project.sources.get()
            assert source.language == project.original_language
            assert source.file_name == f"{project.slug}.txt"
            assert source.publisher_en == "Synthetic data generator (generate_projects)"
            assert 1000 <= len(source.text) <= 3000
            assert project.is_published and project.published_at is not None
            project.full_clean()  # as valid as a record an editor saves
        assert {p.original_language for p in generated} == {"ru", "kk", "en"}
        assert {line.currency for line in FundingLine.objects.filter(project__in=generated)} >= {
            "EUR",
            "USD",
            "KZT",
        }

    def test_every_synthetic_row_is_marked_and_the_real_ones_are_not(self, generated):
        for project in generated:
            assert re.fullmatch(r"synthetic-1-\d+", project.slug)
            for lang, marker in MARKERS.items():
                assert getattr(project, f"title_{lang}").startswith(marker)
        organizations = Organization.objects.filter(is_synthetic=True)
        assert organizations.count() == 30 + 20  # default donors, organisations for N < 400
        for organization in organizations:
            assert organization.slug.startswith("synthetic-")
            for lang, marker in MARKERS.items():
                assert getattr(organization, f"name_{lang}").startswith(marker)
        linked = Organization.objects.filter(participations__project__in=generated).distinct()
        assert not linked.filter(is_synthetic=False).exists()
        keywords = Keyword.objects.filter(projects__in=generated).distinct()
        assert keywords.exists() and not keywords.filter(is_synthetic=False).exists()
        assert all(k.slug.startswith("synthetic-") for k in keywords)
        assert Project.objects.filter(is_synthetic=False).count() == 5  # the seeds, unmarked

    def test_donors_and_implementers_are_skewed_and_all_used(self, generated):
        per_donor = list(
            Participation.objects.filter(project__in=generated, role="donor")
            .values("organization")
            .annotate(n=Count("project"))
            .values_list("n", flat=True)
        )
        assert len(per_donor) == 30  # every donor funds a project
        assert max(per_donor) >= 3 * min(per_donor)
        leads = (
            Participation.objects.filter(project__in=generated, role="lead_implementer")
            .values("organization")
            .annotate(n=Count("project"))
            .aggregate(most=Max("n"))
        )
        assert leads["most"] >= 6  # one organisation leads a tenth of the projects or more
        used = Organization.objects.filter(
            is_synthetic=True, participations__isnull=False
        ).distinct()
        assert used.count() == Organization.objects.filter(is_synthetic=True).count()

    def test_creation_times_are_spread_so_newest_first_means_something(self, generated):
        span = generated.aggregate(first=Min("created_at"), last=Max("created_at"))
        assert (span["last"] - span["first"]).days > 5 * 365
        assert generated.values("created_at").distinct().count() == 60

    @pytest.mark.parametrize("language", ["ru", "kk", "en"])
    def test_the_pages_of_synthetic_records_say_so_and_real_ones_do_not(
        self, client, generated, language
    ):
        synthetic = generated.order_by("slug").first()
        organization = synthetic.participations.get(role="lead_implementer").organization
        real = Project.objects.filter(is_synthetic=False, participations__role="lead_implementer")
        real = real.first()
        real_organization = real.participations.get(role="lead_implementer").organization
        with translation.override(language):
            pages = {
                name: client.get(reverse(f"projects:{kind}-detail", kwargs={"slug": slug}))
                for name, kind, slug in (
                    ("synthetic", "project", synthetic.slug),
                    ("real", "project", real.slug),
                    ("synthetic organisation", "organization", organization.slug),
                    ("real organisation", "organization", real_organization.slug),
                )
            }
        texts = {name: response.content.decode() for name, response in pages.items()}
        assert all(response.status_code == 200 for response in pages.values())
        assert NOTICE[language] in texts["synthetic"]
        assert NOTICE[language] not in texts["real"]
        assert ORGANIZATION_NOTICE[language] in texts["synthetic organisation"]
        assert ORGANIZATION_NOTICE[language] not in texts["real organisation"]


def test_the_derived_tables_are_filled_and_the_data_version_changes(seeded_db):
    before = caching.data_version()
    generate(20)
    assert caching.data_version() != before
    project = Project.objects.filter(is_synthetic=True).order_by("slug").first()
    word = max(re.findall(r"\w+", project.description_kk), key=len)
    found = matching_documents(ProjectSearchDocument.objects.all(), word)
    assert project.pk in set(found.values_list("project_id", flat=True))
    generated = Project.objects.filter(is_synthetic=True)
    assert ProjectSearchDocument.objects.filter(project__in=generated).count() == 20
    kazakhstan = Place.objects.get(slug="kazakhstan")
    indexed = ProjectPlaceIndex.objects.filter(project__in=generated)
    assert (
        indexed.filter(is_direct=True).count()
        == Project.places.through.objects.filter(project__in=generated).count()
    )
    assert indexed.filter(place=kazakhstan).count() > 10  # cities count in their country
    headlines = ProjectBudget.objects.filter(project__in=generated, is_headline=True)
    assert headlines.count() == 20


# --- Reproducible and idempotent ----------------------------------------------------------------


def test_the_same_seed_gives_the_same_data_and_a_second_run_creates_nothing(seeded_db):
    generate(40, "--batch-size", 15)
    first, counts = synthetic_data(), row_counts()
    output = generate(40, "--batch-size", 15)
    assert "projects: 0 created, 40 already there" in output
    assert row_counts() == counts
    generate("--delete")
    generate(40)  # again from an empty slate, in other batches: new ids, same data
    assert synthetic_data() == first


def test_another_seed_gives_other_projects(seeded_db):
    generate(20)
    generate(20, "--seed", 2)
    projects = Project.objects.filter(is_synthetic=True).order_by("slug")
    assert projects.count() == 40
    seed_one = projects.filter(slug__startswith="synthetic-1-")
    seed_two = projects.filter(slug__startswith="synthetic-2-")
    assert seed_two.count() == 20
    texts_one = set(seed_one.values_list("description_en", flat=True))
    texts_two = set(seed_two.values_list("description_en", flat=True))
    assert not texts_one & texts_two


def test_a_failed_batch_leaves_whole_batches_and_a_rerun_completes(seeded_db, monkeypatch):
    refresh = indexing.refresh_projects
    calls = []

    def fail_on_second_batch(project_ids, **kwargs):
        calls.append(project_ids)
        if len(calls) == 2:
            raise RuntimeError("database went away")
        refresh(project_ids, **kwargs)

    monkeypatch.setattr(indexing, "refresh_projects", fail_on_second_batch)
    with pytest.raises(RuntimeError):
        generate(30, "--batch-size", 10)
    generated = Project.objects.filter(is_synthetic=True)
    assert generated.count() == 10
    assert ProjectSearchDocument.objects.filter(project__in=generated).count() == 10
    monkeypatch.setattr(indexing, "refresh_projects", refresh)
    output = generate(30, "--batch-size", 10)
    assert "projects: 20 created, 10 already there" in output
    assert generated.count() == 30


# --- Deleting -----------------------------------------------------------------------------------


def test_delete_removes_every_synthetic_row_and_nothing_else(seeded_db):
    caching.data_version()  # the registry state row exists before and after
    real = row_counts()
    generate(40)
    Project.objects.filter(is_synthetic=False).first().keywords.add(
        Keyword.objects.filter(is_synthetic=True).first()
    )
    output = generate("--delete")
    assert "projects: 40 deleted" in output
    assert "organisations: 50 deleted" in output
    assert row_counts() == real
    assert not Organization.objects.filter(slug__startswith="synthetic-").exists()


def test_delete_refuses_while_a_real_project_names_a_synthetic_organisation(seeded_db):
    generate(10)
    real_project = Project.objects.filter(is_synthetic=False).first()
    synthetic = Organization.objects.filter(is_synthetic=True).first()
    Participation.objects.create(project=real_project, organization=synthetic, role="partner")
    with pytest.raises(CommandError, match="Unlink them first; nothing was deleted"):
        generate("--delete")
    assert Project.objects.filter(is_synthetic=True).count() == 10


# --- Bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([0], "number of projects must be at least 1"),
        ([-5], "number of projects must be at least 1"),
        ([10, "--donors", 0], "--donors must be at least 1"),
        ([10, "--organizations", 0], "--organizations must be at least 1"),
        ([10, "--batch-size", 0], "--batch-size must be at least 1"),
        ([], "Say how many projects"),
        ([10, "--delete"], "--delete takes no N"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(seeded_db, args, message):
    counts = row_counts()
    with pytest.raises(CommandError, match=re.escape(message)):
        generate(*args)
    assert row_counts() == counts


@pytest.fixture
def no_gazetteer(db):
    """No places, whatever earlier tests of the module loaded (undone with the test)."""
    Organization.objects.update(city=None)
    with indexing.batch():
        Project.places.through.objects.all().delete()
        while Place.objects.exists():
            Place.objects.filter(children__isnull=True).delete()


def test_without_a_gazetteer_it_says_to_load_the_seeds_and_writes_nothing(no_gazetteer):
    counts = row_counts()
    with pytest.raises(CommandError, match=r"gazetteer is not loaded.*manage\.py load_seeds"):
        generate(10)
    assert row_counts() == counts
