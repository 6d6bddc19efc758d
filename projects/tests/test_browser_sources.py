"""Saving every seed project unchanged in a real Chromium changes nothing: the press releases
keep the bytes and SHA-256 of their files in seeds/, and no history entry claims a change."""

import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User

from projects.models import Project, SourceDocument

from .browser_support import log_in

SEEDS = Path(settings.BASE_DIR) / "seeds"


def test_saving_each_seed_project_unchanged_keeps_every_source_byte(page, seeds):
    User.objects.create_superuser("editor-in-chief", password="long-password-for-tests")
    log_in(page, "editor-in-chief", "long-password-for-tests")
    projects = list(Project.objects.order_by("slug"))
    assert len(projects) == 5
    for project in projects:
        page.goto(f"/ru/admin/projects/project/{project.pk}/change/")
        page.click("input[name=_continue]")
        page.wait_for_selector(".messagelist .success")
        assert page.locator(".errornote").count() == 0
        entry = LogEntry.objects.filter(object_id=str(project.pk)).latest("pk")
        assert json.loads(entry.change_message) == [], project.slug  # "No fields changed."

    sources = SourceDocument.objects.order_by("file_name")
    assert [source.file_name for source in sources] == sorted(
        path.name for path in SEEDS.glob("[0-9][0-9][0-9]_*.txt")
    )
    for source in sources:
        file_bytes = (SEEDS / source.file_name).read_bytes()
        assert source.text.encode("utf-8") == file_bytes, source.file_name
        assert source.sha256 == hashlib.sha256(file_bytes).hexdigest()
    assert page.console_errors == []
