"""insert_rows: rows from plain values come back exactly as given (COPY on PostgreSQL, INSERT
elsewhere), with defaults, timestamps and modeltranslation's original column filled in."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection

from projects.bulk_insert import insert_rows
from projects.models import Contact, FundingLine, Project, SourceDocument

from .factories import make_project

pytestmark = pytest.mark.django_db


def original_title(pk: int) -> str:
    """modeltranslation's original column, which its querysets never show as it is."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT title FROM projects_project WHERE id = %s", [pk])
        return cursor.fetchone()[0]


AWKWARD = "Tab\there, new\nline, return\r, back\\slash, \\N, «ёлка» Қазақстан, 'quotes' \"too\""


def test_awkward_values_come_back_unchanged():
    project = make_project("awkward")
    [contact_id] = insert_rows(
        Contact,
        [
            {
                "project_id": project.pk,
                "name_ru": AWKWARD,
                "name_kk": "",
                "name_en": "",
                "organization_id": None,
                "phones": [AWKWARD],
                "emails": ["a\\b@example.org"],
            }
        ],
        returning=True,
    )
    contact = Contact.objects.get(pk=contact_id)
    assert (contact.name_ru, contact.phones, contact.emails) == (
        AWKWARD,
        [AWKWARD],
        ["a\\b@example.org"],
    )
    assert contact.position_ru in ("", None)  # not given: the field's default


def test_types_defaults_and_the_original_column():
    ids = insert_rows(
        Project,
        [
            {
                "slug": f"inserted-{index}",
                "title_ru": "",
                "title_kk": "Жоба",
                "title_en": f"Project {index}",
                "start_date": datetime.date(2015, 1, 1),
                "start_precision": "year",
                "original_language": "kk",
                "is_published": index == 0,
                "duration_months": None,
            }
            for index in range(3)
        ],
        returning=True,
    )
    assert len(ids) == 3 and len(set(ids)) == 3
    first = Project.objects.get(pk=ids[0])
    assert first.slug == "inserted-0" and first.is_published and first.duration_months is None
    assert first.start_date == datetime.date(2015, 1, 1)
    assert first.created_at is not None and first.updated_at is not None
    saved = make_project("saved", title_ru="", title_kk="Жоба", title_en="Project 0")
    assert original_title(ids[0]) == original_title(saved.pk) != ""  # as a save() fills it
    insert_rows(
        FundingLine,
        [
            {
                "project_id": ids[1],
                "donor_id": None,
                "amount": Decimal("1234567.50"),
                "currency": "KZT",
                "kind": "total",
                "qualifier": "about",
            }
        ],
    )
    assert FundingLine.objects.get(project_id=ids[1]).amount == Decimal("1234567.50")
    insert_rows(
        SourceDocument,
        [
            {
                "project_id": ids[2],
                "text": AWKWARD,
                "sha256": "0" * 64,
                "language": "kk",
                "extraction": {"quote": AWKWARD, "list": [1, None]},
            }
        ],
    )
    source = SourceDocument.objects.get(project_id=ids[2])
    assert (source.text, source.extraction) == (AWKWARD, {"quote": AWKWARD, "list": [1, None]})
