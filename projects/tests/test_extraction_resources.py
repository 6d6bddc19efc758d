"""The extractor's resources built from the registry: the organisations it records as donors
(by a funding line or a donor's participation) with their aliases, and nobody else."""

import pytest

from projects.extraction_resources import registry_donors
from projects.ingest.donors import DONORS
from projects.models import Organization, OrganizationAlias, Participation

pytestmark = pytest.mark.django_db


def test_the_registrys_donors_and_their_aliases_are_known_by_name(seeded_db):
    union = Organization.objects.get(slug="european-union")
    OrganizationAlias.objects.create(organization=union, name="Фонд Берега")
    implementer = Participation.objects.filter(role="lead_implementer").first().organization
    book = registry_donors()
    assert "Фонд Берега" in book.names["European Union"]
    assert set(DONORS) <= set(book.names)  # the lexicon stays
    assert (implementer.name_en or implementer.name) not in book.names
