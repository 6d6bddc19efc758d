"""An organisation's other names on its page: those in the page's language (and Latin acronyms,
which read the same in every language) first, each other language's after its label."""

import lxml.html
import pytest

from projects.alias_languages import alias_language
from projects.models import Organization, OrganizationAlias

pytestmark = pytest.mark.django_db


@pytest.fixture
def european_union(seeded_db):
    union = Organization.objects.get(slug="european-union")
    for name in ("ЕС", "Еуропалық Одақ", "EU"):  # besides the seeds' Евросоюз and Еуроодақ
        OrganizationAlias.objects.create(organization=union, name=name)
    return union


def aliases_shown(client, organization, language) -> str:
    response = client.get(f"/{language}/organizations/{organization.slug}/")
    assert response.status_code == 200
    page = lxml.html.fromstring(response.content.decode())
    [shown] = [dd for dd in page.xpath("//dl[@class='facts']//dd") if "EU" in dd.text_content()]
    return shown.text_content()


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("kk", "Еуроодақ; Еуропалық Одақ; EU · орысша: ЕС; Евросоюз"),
        ("ru", "ЕС; Евросоюз; EU · по-казахски: Еуроодақ; Еуропалық Одақ"),
        ("en", "EU · in Russian: ЕС; Евросоюз · in Kazakh: Еуроодақ; Еуропалық Одақ"),
    ],
)
def test_the_eus_aliases_in_the_pages_language_come_first(client, european_union, language, shown):
    assert aliases_shown(client, european_union, language) == shown


def test_the_language_of_an_alias_is_read_from_its_letters():
    assert alias_language("Еуропалық Одақ") == "kk"
    assert alias_language("Евросоюз") == "ru"
    assert alias_language("European Union") == "en"
    assert alias_language("USAID") is None and alias_language("EU") is None
