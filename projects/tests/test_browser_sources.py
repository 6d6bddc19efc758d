"""Editing in a real Chromium: saving every seed project unchanged changes nothing (the press
releases keep the bytes and SHA-256 of their files in seeds/, and no history entry claims a
change), and two editors saving one project get a conflict, not a silent loss. On a phone, a press
release copied from a news site shows its article, not the site's ticker and headlines."""

import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User

from projects.models import Project, SourceDocument

from .browser_support import log_in

SEEDS = Path(settings.BASE_DIR) / "seeds"
SEED_003 = "us-support-civil-society-human-rights-kazakhstan"  # a news site's page
SEED_004 = "active-local-stakeholder-participation-east-central-kazakhstan"


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


def test_two_editors_in_two_browsers_get_a_conflict_not_a_silent_loss(browser, live_server, seeds):
    project = Project.objects.get(slug=SEED_004)
    change = f"/ru/admin/projects/project/{project.pk}/change/"
    editors = []
    for name in ("aigerim", "daniyar"):
        User.objects.create_superuser(name, password="long-password-for-tests")
        context = browser.new_context(base_url=live_server.url)
        page = context.new_page()
        log_in(page, name, "long-password-for-tests")
        page.goto(change)
        editors.append(page)
    first, second = editors

    first.fill("#id_contract_number", "CSO-LA/2016/999-999")
    first.click("input[name=_continue]")
    first.wait_for_selector(".messagelist .success")

    second.fill("#id_duration_months", "37")
    second.click("input[name=_continue]")
    conflict = second.locator(".errornote, .errorlist.nonfield")
    conflict.first.wait_for(state="visible")
    text = second.locator(".errorlist.nonfield").inner_text()
    assert "aigerim" in text and "CSO-LA/2016/999-999" in text
    stored = Project.objects.get(pk=project.pk)
    assert stored.contract_number == "CSO-LA/2016/999-999"
    assert stored.duration_months != 37

    # Saving again is the editor's decision: their whole form, as the conflict note said.
    second.click("input[name=_continue]")
    second.wait_for_selector(".messagelist .success")
    stored = Project.objects.get(pk=project.pk)
    assert stored.duration_months == 37
    for page in editors:
        page.context.close()


def test_a_phone_shows_the_press_releases_article_not_the_news_site(browser, live_server, seeds):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"/kk/projects/{SEED_003}/")
    page.locator("details.source summary").click()
    text = page.locator("pre.source-text")
    # Before the page left the noise out, the release alone was 4,792 px tall here, the
    # article under half of it.
    assert text.evaluate("pre => pre.scrollHeight") < 2400
    assert "USD/KZT" not in text.inner_text()
    marker = text.locator(".source-omitted").last
    assert marker.is_visible() and "31 жол" in marker.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
