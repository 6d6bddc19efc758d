"""Under the Content-Security-Policy every page works in a real Chromium: the public pages,
the embeddable widgets, the API docs and the admin pages an editor uses report no violation
(and no other console error)."""

from django.contrib.auth.models import User

from projects.models import Organization, Project

from .browser_support import log_in

S000 = "human-rights-communication-information-governance"


def violations(page) -> list[str]:
    return [text for text in page.console_errors if "Content Security Policy" in text]


def test_public_pages_widgets_and_api_docs_run_under_the_policy(page, seeds):
    paths = [
        "/ru/",
        "/kk/projects/?place=pavlodar",
        "/en/projects/?donor=european-union&sort=budget",
        f"/ru/projects/{S000}/",
        "/en/organizations/echo/",
        "/kk/places/pavlodar/",
        "/ru/embed/map/?donor=european-union",
        "/en/embed/projects/",
        "/api/docs",
    ]
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"], path
        page.wait_for_load_state("networkidle")
    page.goto(f"/en/projects/{S000}/")
    page.click("td.num a.evidence-link")  # the script that opens the source panel
    page.wait_for_selector("mark.evidence.current")
    page.goto("/api/docs")
    page.wait_for_selector(".swagger-ui .opblock")  # the docs' own script drew them
    assert violations(page) == []
    assert page.console_errors == []


def test_the_admin_pages_an_editor_uses_run_under_the_policy(page, seeds):
    User.objects.create_superuser("editor-in-chief", password="long-password-for-tests")
    log_in(page, "editor-in-chief", "long-password-for-tests")
    project = Project.objects.get(slug=S000)
    echo = Organization.objects.get(slug="echo")
    paths = [
        "/ru/admin/",
        "/ru/admin/projects/project/",
        f"/ru/admin/projects/project/{project.pk}/change/",
        f"/ru/admin/projects/project/{project.pk}/history/",
        "/ru/admin/projects/project/add/",
        "/ru/admin/projects/project/import-press-release/",
        f"/ru/admin/projects/organization/{echo.pk}/change/",
        "/ru/admin/projects/sourcedocument/",
    ]
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
    page.goto(f"/ru/admin/projects/project/{project.pk}/change/")
    # The language tabs still work (their script and styles).
    title_tabs = page.locator(".ui-tabs").filter(has=page.locator("#id_title_ru")).first
    title_tabs.locator(".ui-tabs-nav li", has_text="en").click()
    assert page.is_visible("#id_title_en") and not page.is_visible("#id_title_ru")
    page.locator(".select2-selection").first.click()  # autocomplete opens its list
    page.wait_for_selector(".select2-results")
    assert violations(page) == []
    assert page.console_errors == []
