"""Small factory functions for the rows a test needs."""

from decimal import Decimal

from projects.models import (
    FundingLine,
    Organization,
    Participation,
    Place,
    Project,
)


def make_place(slug="pavlodar", kind="city", parent=None, **names):
    return Place.objects.create(
        slug=slug,
        kind=kind,
        parent=parent,
        name_ru=names.get("ru", slug.title()),
        name_kk=names.get("kk", ""),
        name_en=names.get("en", slug.title()),
        country_code="KZ",
    )


def make_organization(slug="echo", kind="ngo", **names):
    return Organization.objects.create(
        slug=slug, kind=kind, name_ru=names.get("ru", slug), name_en=names.get("en", slug)
    )


def make_project(slug="project", *, published=True, **fields):
    defaults = {"title_ru": "Проект", "title_en": "Project", "original_language": "ru"}
    defaults.update(fields)
    return Project.objects.create(slug=slug, is_published=published, **defaults)


def make_funding(project, donor=None, amount="1000", currency="EUR", kind="donor_contribution"):
    if donor is not None:
        Participation.objects.get_or_create(project=project, organization=donor, role="donor")
    return FundingLine.objects.create(
        project=project, donor=donor, amount=Decimal(amount), currency=currency, kind=kind
    )
