"""The admin in a real Chromium: on a project's change page, the object tools ("History",
"View on site") sit beside or under a long title, never over it, on a desktop and a phone."""

from django.contrib.auth.models import User

from .browser_support import log_in
from .factories import make_project

TITLE_WORDS = "Укрепление роли гражданского общества в мониторинге государственных программ "
LONG_TITLE = (TITLE_WORDS * 3)[:200]


def overlap(one: dict, other: dict) -> bool:
    return (
        one["x"] < other["x"] + other["width"]
        and other["x"] < one["x"] + one["width"]
        and one["y"] < other["y"] + other["height"]
        and other["y"] < one["y"] + one["height"]
    )


def test_the_object_tools_do_not_cover_a_long_project_title(page, transactional_db):
    project = make_project("long-title", title_ru=LONG_TITLE, title_en=LONG_TITLE)
    assert len(project.title_ru) == 200
    User.objects.create_superuser("editor-in-chief", password="long-password-for-tests")
    log_in(page, "editor-in-chief", "long-password-for-tests")
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"/ru/admin/projects/project/{project.pk}/change/")
        titles = page.locator("#content > h1, #content > h2")
        tools = page.locator(".object-tools li")
        assert tools.count() >= 2 and "Укрепление" in titles.last.inner_text()
        for tool in tools.all():
            for title in titles.all():
                assert not overlap(tool.bounding_box(), title.bounding_box()), width
        assert page.evaluate("document.documentElement.scrollWidth") <= width
