"""schemas/ holds the official IATI and 360Giving schemas, copied unchanged from the team's
shared/schemas/ so that the open-data tests run wherever the repository is cloned."""

import filecmp
from pathlib import Path

import pytest
from django.conf import settings

OURS = Path(settings.BASE_DIR) / "schemas"
SHARED = Path(settings.BASE_DIR).parent / "shared" / "schemas"
FILES = sorted(path.relative_to(OURS) for path in OURS.rglob("*") if path.is_file())


def test_the_schemas_are_in_the_repository():
    assert {str(path) for path in FILES} >= {
        "iati-2.03/iati-activities-schema.xsd",
        "iati-2.03/iati-common.xsd",
        "iati-2.03/xml.xsd",
        "360giving/360-giving-package-schema.json",
        "360giving/360-giving-schema.json",
    }


@pytest.mark.skipif(not SHARED.is_dir(), reason="no shared/schemas beside this clone")
@pytest.mark.parametrize("name", FILES, ids=str)
def test_our_copy_is_the_shared_one_unchanged(name):
    assert filecmp.cmp(OURS / name, SHARED / name, shallow=False)
