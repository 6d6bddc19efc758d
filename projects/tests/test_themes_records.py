"""Records (seeds, load_records) that name a theme wrongly are refused with one message
naming the record and field, and nothing is written. (A module of its own: the seeds are not
loaded here, so "nothing is written" can be checked.)"""

import io
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from projects.models import Project, ProjectSector


@pytest.fixture
def seeds_copy(tmp_path, settings):
    folder = tmp_path / "seeds"
    shutil.copytree(Path(settings.SEEDS_DIR), folder)
    settings.SEEDS_DIR = folder
    return folder


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("15112", "10000", "sectors: not OECD DAC purpose codes in use: 10000"),
        ('{code: "15112", percentage: null}', '{code: "1511", percentage: null}',
         "sectors.0.code"),
        ('{code: "15112", percentage: null}',
         '{code: "15112", percentage: 70}\n    - {code: "15150", percentage: null}',
         "with several, each needs a percentage, adding up to 100"),
    ],
)  # fmt: skip
def test_a_record_with_a_wrong_theme_is_refused_and_nothing_is_written(
    seeds_copy, old, new, message
):
    path = next(seeds_copy.glob("004_*.yaml"))
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))  # "15112" also in the evidence's fact key
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("load_seeds", stdout=io.StringIO())
    assert not Project.objects.exists() and not ProjectSector.objects.exists()
