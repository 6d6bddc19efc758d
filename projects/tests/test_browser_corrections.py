"""A reader reports an error, in a real Chromium: from a project page's "Report an error on
this page" to the thank-you, and on to the editors' queue in the admin. The form has no serious
accessibility violation, and its honeypot is neither seen nor reached with the keyboard."""

import pytest
from django.contrib.auth.models import User

from projects.models import Correction, CorrectionStatus, Project

from .browser_support import log_in, serious_violations

REPORT = "The project ended in 2022, not in 2021: see the donor's annual report."


@pytest.fixture
def project_slug(seeds):
    project = Project.objects.published().order_by("pk").first()
    return project.slug


def test_a_reader_reports_an_error_and_an_editor_finds_it_in_the_queue(page, project_slug):
    page.goto(f"/en/projects/{project_slug}/")
    page.get_by_role("link", name="Report an error on this page").click()
    page.wait_for_url(f"**/en/corrections/new/?project={project_slug}")
    assert serious_violations(page) == []
    trap = page.locator("#id_website").bounding_box()
    assert trap["x"] + trap["width"] <= 0  # off the screen

    page.get_by_label("What is wrong, and what is right?").fill(REPORT)
    page.get_by_label("Your e-mail (optional)").fill("reader@example.org")
    page.keyboard.press("Tab")  # from the e-mail field, past the honeypot, to the button
    assert page.evaluate("document.activeElement.type") == "submit"
    page.get_by_role("button", name="Send to the editors").click()

    status = page.get_by_role("status")
    assert status.inner_text().strip() == "Thank you. Your report has been sent to the editors."
    correction = Correction.objects.get()
    assert correction.project.slug == project_slug
    assert (correction.message, correction.page_language) == (REPORT, "en")
    assert correction.status == CorrectionStatus.NEW

    User.objects.create_superuser("editor", password="a-long-editor-password")
    log_in(page, "editor", "a-long-editor-password")
    page.goto("/en/admin/projects/correction/")
    row = page.locator("#result_list tbody tr").first
    assert "The project ended in 2022" in row.inner_text()
    assert "reader@example.org" in row.inner_text()
