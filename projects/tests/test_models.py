import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from projects.models import (
    Contact,
    FundingLine,
    OrganizationAlias,
    Participation,
    Project,
    ProjectStatus,
    SourceDocument,
    normalize_name,
    project_status,
)

from .factories import make_funding, make_organization, make_place, make_project

pytestmark = pytest.mark.django_db


def assert_refused_by_database(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


# --- Constraints: every writer is held to them, not only forms ------------------------------


def test_project_slugs_are_unique():
    make_project("same")
    assert_refused_by_database(lambda: make_project("same"))


def test_project_end_cannot_be_before_start():
    assert_refused_by_database(
        lambda: make_project(
            start_date=datetime.date(2020, 1, 1),
            start_precision="day",
            end_date=datetime.date(2019, 12, 31),
            end_precision="day",
        )
    )


def test_a_date_needs_a_precision_and_a_missing_date_has_none():
    assert_refused_by_database(
        lambda: make_project("a", start_date=datetime.date(2020, 1, 1), start_precision="unknown")
    )
    assert_refused_by_database(lambda: make_project("b", end_precision="month"))


def test_duration_is_positive():
    assert_refused_by_database(lambda: make_project(duration_months=0))


def test_funding_amount_is_non_negative():
    project = make_project()
    assert_refused_by_database(lambda: make_funding(project, amount="-1"))


def test_funding_currency_is_iso_4217():
    project = make_project()
    assert_refused_by_database(lambda: make_funding(project, currency="EUX"))
    assert make_funding(project, currency="KZT").currency == "KZT"


def test_an_organisation_has_a_role_in_a_project_once():
    project, echo = make_project(), make_organization()
    Participation.objects.create(project=project, organization=echo, role="partner")
    assert_refused_by_database(
        lambda: Participation.objects.create(project=project, organization=echo, role="partner")
    )
    # Another role is another fact.
    Participation.objects.create(project=project, organization=echo, role="donor")


def test_a_source_text_is_stored_once_per_project():
    SourceDocument.objects.create(text="Пресс-релиз", language="ru")
    assert_refused_by_database(
        lambda: SourceDocument.objects.create(text="Пресс-релиз", language="ru")
    )
    first, second = (
        Project.objects.create(slug=slug, title_ru=slug, original_language="ru")
        for slug in ("first", "second")
    )
    SourceDocument.objects.create(project=first, text="Гранты трём НПО", language="ru")
    # one release announcing two projects is the source of each
    SourceDocument.objects.create(project=second, text="Гранты трём НПО", language="ru")
    assert_refused_by_database(
        lambda: SourceDocument.objects.create(project=first, text="Гранты трём НПО", language="ru")
    )
    again = SourceDocument(project=first, text="Гранты трём НПО", language="ru")
    with translation.override("en"), pytest.raises(ValidationError, match="already holds"):
        again.full_clean()


def test_full_clean_explains_bad_dates_to_editors():
    project = Project(
        slug="x",
        title_ru="X",
        original_language="ru",
        start_date=datetime.date(2020, 5, 1),
        start_precision="month",
        end_date=datetime.date(2020, 4, 30),
        end_precision="month",
    )
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "end_date" in error.value.message_dict


def test_contact_emails_are_validated():
    contact = Contact(project=make_project(), name_ru="Павел", emails=["not-an-email"])
    with pytest.raises(ValidationError) as error:
        contact.full_clean()
    assert "emails" in error.value.message_dict


def test_place_cannot_be_its_own_ancestor():
    region = make_place("pavlodar-region", kind="region")
    city = make_place("pavlodar", parent=region)
    region.parent = city
    with pytest.raises(ValidationError):
        region.full_clean()


# --- Status derived from dates ----------------------------------------------------------------

TODAY = datetime.date(2026, 11, 22)
STATUS_CASES = [
    (datetime.date(2027, 1, 1), None, ProjectStatus.PLANNED),
    (datetime.date(2027, 1, 1), datetime.date(2028, 1, 1), ProjectStatus.PLANNED),
    (datetime.date(2014, 4, 1), datetime.date(2016, 9, 30), ProjectStatus.COMPLETED),
    (None, datetime.date(2016, 9, 30), ProjectStatus.COMPLETED),
    (datetime.date(2025, 1, 1), datetime.date(2027, 1, 31), ProjectStatus.ONGOING),
    (datetime.date(2025, 1, 1), datetime.date(2026, 11, 22), ProjectStatus.ONGOING),
    (datetime.date(2025, 1, 1), None, ProjectStatus.UNKNOWN),
    (None, datetime.date(2027, 1, 1), ProjectStatus.UNKNOWN),
    (None, None, ProjectStatus.UNKNOWN),
]


@pytest.mark.parametrize(("start", "end", "expected"), STATUS_CASES)
def test_status_in_python_and_in_the_database_agree(start, end, expected):
    assert project_status(start, end, TODAY) == expected
    project = make_project(
        start_date=start,
        start_precision="day" if start else "unknown",
        end_date=end,
        end_precision="day" if end else "unknown",
    )
    annotated = Project.objects.with_status(TODAY).get(pk=project.pk)
    assert annotated.current_status == expected


# --- Translations and visibility ------------------------------------------------------------


def test_missing_translation_falls_back_instead_of_showing_nothing():
    project = make_project(title_ru="Права человека", title_kk="", title_en="")
    with translation.override("kk"):
        assert Project.objects.get(pk=project.pk).title == "Права человека"
    with translation.override("en"):
        assert Project.objects.get(pk=project.pk).title == "Права человека"


def test_each_language_reads_its_own_translation():
    project = make_project(
        title_ru="Права человека", title_kk="Адам құқықтары", title_en="Human rights"
    )
    for language, title in [
        ("ru", "Права человека"),
        ("kk", "Адам құқықтары"),
        ("en", "Human rights"),
    ]:
        with translation.override(language):
            assert Project.objects.get(pk=project.pk).title == title


def test_drafts_are_not_published():
    make_project("public", published=True)
    make_project("draft", published=False)
    assert list(Project.objects.published().values_list("slug", flat=True)) == ["public"]


# --- Names used for matching -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("ОО «Эхо»", 'оо "эхо"'),
        ("Усть–Каменогорск", "усть-каменогорск"),
        ("Алёна", "Алена"),
        ("  Нота   Бене ", "нота бене"),
    ],
)
def test_normalize_name_ignores_case_quotes_dashes_and_yo(left, right):
    assert normalize_name(left) == normalize_name(right)
    assert normalize_name(left)  # a name never normalises to nothing


@pytest.mark.parametrize(
    ("name", "normalised"),
    [
        ("ОО «Эхо»", "оо эхо"),
        ("Усть–Каменогорск", "усть-каменогорск"),
        ("Алёна", "алена"),
        ("  Нота   Бене ", "нота бене"),
    ],
)
def test_normalize_name_gives_the_matching_key(name, normalised):
    assert normalize_name(name) == normalised


def test_different_names_stay_different():
    assert normalize_name("ОО «Эхо»") != normalize_name("ОФ «Нота Бене»")


def test_aliases_are_stored_normalized_and_once_per_organisation():
    echo = make_organization()
    OrganizationAlias.objects.create(organization=echo, name="НПО «Эхо»")
    assert OrganizationAlias.objects.get().normalized == "нпо эхо"
    assert_refused_by_database(
        lambda: OrganizationAlias.objects.create(organization=echo, name='нпо "ЭХО"')
    )


def test_funding_amounts_keep_their_decimals():
    line = make_funding(make_project(), amount="213793.50")
    assert FundingLine.objects.get(pk=line.pk).amount == Decimal("213793.50")


def test_choice_labels_follow_the_language_and_unknown_values_show_as_stored():
    participation = Participation(role="lead_implementer")
    labels = {}
    for language in ("ru", "kk", "en"):
        with translation.override(language):
            labels[language] = participation.get_role_display()
    assert labels == {
        "ru": "основной исполнитель",
        "kk": "негізгі іске асырушы",
        "en": "lead implementer",
    }
    assert Participation(role="no_such_role").get_role_display() == "no_such_role"
    with translation.override("kk"):
        assert FundingLine(kind="other").get_kind_display() == "басқа"
