"""Pages in a real headless Chromium: the editors' admin with its language tabs, and the public
project page with its language switcher. Skipped where Chromium is missing, unless
REQUIRE_BROWSER=1 (set by CI), which turns a missing browser into a failure."""

from pathlib import Path

import pytest
from django.contrib.auth.models import User

from projects.models import Project

from .browser_support import log_in, serious_violations

SEED_004 = "active-local-stakeholder-participation-east-central-kazakhstan"


def test_admin_project_page_has_working_language_tabs(page, seeds):
    User.objects.create_superuser("editor-in-chief", password="long-password-for-tests")
    project = Project.objects.get(slug=SEED_004)
    log_in(page, "editor-in-chief", "long-password-for-tests")
    page.goto(f"/ru/admin/projects/project/{project.pk}/change/")

    title_tabs = page.locator(".ui-tabs").filter(has=page.locator("#id_title_ru")).first
    tab_labels = title_tabs.locator(".ui-tabs-nav li").all_inner_texts()
    assert [label.strip().lower() for label in tab_labels] == ["ru", "kk", "en"]
    assert page.is_visible("#id_title_ru")
    assert not page.is_visible("#id_title_kk")

    title_tabs.locator(".ui-tabs-nav li", has_text="kk").click()
    assert page.is_visible("#id_title_kk")
    assert not page.is_visible("#id_title_ru")
    assert page.input_value("#id_title_kk").startswith("Шығыс және орталық Қазақстанда")

    assert page.input_value("#id_start") == "2017-02"
    assert page.locator("#funding_lines-group").is_visible()
    # One table row per contact (a tabular inline), the blank row for "add another" aside.
    assert page.locator("#contacts-group tr.form-row.has_original").count() == 5
    assert page.outside_requests == []
    assert page.console_errors == []


def test_admin_date_error_is_shown_next_to_the_field(page, seeds):
    User.objects.create_superuser("editor-in-chief", password="long-password-for-tests")
    project = Project.objects.get(slug=SEED_004)
    log_in(page, "editor-in-chief", "long-password-for-tests")
    page.goto(f"/ru/admin/projects/project/{project.pk}/change/")
    page.fill("#id_start", "февраль 2017")
    page.click("input[name=_save]")
    error = page.locator(".field-start .errorlist")
    error.wait_for(state="visible")
    assert "ГГГГ-ММ" in error.inner_text()  # the Russian admin explains the format
    assert Project.objects.get(pk=project.pk).start.isoformat() == "2017-02"


def test_public_project_page_switches_language_and_keeps_the_page(page, seeds):
    page.goto(f"/kk/projects/{SEED_004}/")
    assert page.get_attribute("html", "lang") == "kk"
    assert page.locator("h1").inner_text().startswith("Шығыс және орталық Қазақстанда")
    page.click(".language-switcher a[hreflang=en]")
    page.wait_for_url(f"**/en/projects/{SEED_004}/")
    assert page.get_attribute("html", "lang") == "en"
    assert "East and Central Kazakhstan" in page.locator("h1").inner_text()
    assert page.outside_requests == []


# --- The public portal --------------------------------------------------------------------------

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}


def test_filter_by_city_and_donor_through_the_form_then_switch_language(page, seeds):
    page.goto("/ru/projects/")
    page.select_option("#f-place", "pavlodar")
    page.click(".filters button[type=submit]")
    page.wait_for_url("**/ru/projects/?*place=pavlodar*")
    assert page.locator(".project-card").count() == 2
    page.select_option("#f-donor", "european-union")
    page.click(".filters button[type=submit]")
    page.wait_for_url("**donor=european-union*")
    assert page.locator(".project-card").count() == 2

    page.click(".language-switcher a[hreflang=kk]")
    page.wait_for_url("**/kk/projects/?*")
    assert page.get_attribute("html", "lang") == "kk"
    assert "place=pavlodar" in page.url and "donor=european-union" in page.url
    assert page.locator("#f-place").input_value() == "pavlodar"
    assert page.locator(".project-card").count() == 2

    page.locator(".project-card h3 a").first.click()
    page.wait_for_url("**/kk/projects/*/")
    assert page.locator("h1").inner_text()
    page.go_back()
    page.wait_for_url("**place=pavlodar*")
    assert page.locator(".project-card").count() == 2
    assert page.outside_requests == []


def test_keyboard_reaches_the_filters_with_a_visible_focus(page, seeds):
    page.goto("/en/projects/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "f-q":
            break
    assert page.evaluate("document.activeElement.id") == "f-q"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


PUBLIC_PAGES = [
    ("home", "/{lang}/"),
    ("list", "/{lang}/projects/?place=kazakhstan"),
    ("project", f"/{{lang}}/projects/{SEED_004}/"),
    ("organisation", "/{lang}/organizations/european-union/"),
    ("place", "/{lang}/places/karaganda-region/"),
    ("donors", "/{lang}/donors/"),
    ("organisations", "/{lang}/organizations/?sort=projects"),
    ("places", "/{lang}/places/"),
    ("open-data", "/{lang}/open-data/"),
    ("about", "/{lang}/about/"),
    ("not-found", "/{lang}/projects/no-such-project/"),
    ("bad-filters", "/{lang}/organizations/?kind=zzz"),
]


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_axe_finds_no_serious_violation_on_public_pages(page, seeds, language):
    problems = {}
    for name, path in PUBLIC_PAGES:
        before = len(page.console_errors)
        page.goto(path.format(lang=language))
        if name == "not-found":  # Chromium logs the page's own 404 status as an error
            page.console_errors[before:] = [
                error for error in page.console_errors[before:] if "status of 404" not in error
            ]
        found = serious_violations(page)
        if found:
            problems[name] = found
    assert problems == {}
    assert page.outside_requests == []
    assert page.console_errors == []


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_pages_fit_the_screen_and_are_saved_as_screenshots(browser, live_server, seeds, viewport):
    """Every public page in Russian and in Kazakh (the longest words) fits the screen; the
    Russian ones are kept as screenshots."""
    SCREENSHOTS.mkdir(exist_ok=True)
    context = browser.new_context(base_url=live_server.url, viewport=VIEWPORTS[viewport])
    page = context.new_page()
    for language in ("ru", "kk"):
        for name, path in PUBLIC_PAGES:
            page.goto(path.format(lang=language))
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name} ({language}) is wider than {viewport} by {overflow}px"
            if language == "ru":
                shot = SCREENSHOTS / f"{name}-{viewport}.png"
                page.screenshot(path=str(shot), full_page=True)
                assert shot.stat().st_size > 10_000
    context.close()


def test_pages_work_without_javascript(browser, live_server, seeds):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/en/projects/")
    page.select_option("#f-donor", "usaid")
    page.click(".filters button[type=submit]")
    page.wait_for_url("**donor=usaid*")
    assert page.locator(".project-card").count() == 1
    context.close()


def test_editor_imports_a_press_release_and_sees_the_evidence(page, seeds, tmp_path):
    User.objects.create_superuser("editor-in-chief", password="long-password-for-tests")
    release = tmp_path / "release.txt"
    release.write_text(
        "ЕС поддержал проект в Таразе\n\n12 марта 2021\n\nПри финансовой поддержке Европейского "
        "Союза ОФ «Новый путь» реализует проект в Таразе. Вклад ЕС составляет 90 000 евро.",
        encoding="utf-8",
    )
    log_in(page, "editor-in-chief", "long-password-for-tests")
    page.goto("/ru/admin/projects/project/")
    page.click("text=Импортировать пресс-релиз")
    page.set_input_files("#id_file", str(release))
    page.click("input[type=submit]")
    page.wait_for_url("**/ru/admin/projects/project/*/change/")
    evidence = page.locator("table.evidence")
    assert evidence.is_visible()
    assert "90 000 евро" in evidence.inner_text()
    assert page.input_value("#id_start") == ""
    assert page.outside_requests == []
    project = Project.objects.get(sources__file_name="release.txt")
    assert not project.is_published
    assert set(project.places.values_list("slug", flat=True)) == {"taraz"}
