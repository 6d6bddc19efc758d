"""A project's admin page stays light: its widgets come from Django's Jinja2 templates with the
same fields and values, its indentation is left out, and its evidence rows add no queries."""

import lxml.html
import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.forms.renderers import get_default_renderer
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from projects.admin_html import without_indentation
from projects.models import Project

from .admin_forms import browser_form_data

pytestmark = pytest.mark.django_db

S000 = "human-rights-communication-information-governance"  # the seed with the most evidence


@pytest.fixture
def admin_client(client, seeded_db):
    user = User.objects.create_superuser("weigher", password="pw-for-tests-only")
    client.force_login(user)
    return client


def change_url(project) -> str:
    return reverse("admin:projects_project_change", args=[project.pk])


def fields_of(html: bytes) -> list[tuple]:
    """Every form control of the page: its tag, its attributes and its text, in page order."""
    page = lxml.html.fromstring(html.decode())
    return [
        (element.tag, sorted(element.attrib.items()), element.text_content())
        for element in page.xpath("//form[@id='project_form']//*[self::input or self::select "
                                  "or self::textarea or self::option or self::datalist]")
        if element.get("name") != "csrfmiddlewaretoken"  # a new mask on every page
    ]  # fmt: skip


def test_widgets_from_jinja2_templates_are_the_same_fields_and_values(admin_client, settings):
    project = Project.objects.get(slug=S000)
    get_default_renderer.cache_clear()
    assert type(get_default_renderer()).__name__ == "FastWidgetRenderer"
    fast = admin_client.get(change_url(project)).content
    settings.FORM_RENDERER = "django.forms.renderers.DjangoTemplates"
    get_default_renderer.cache_clear()
    try:
        slow = admin_client.get(change_url(project)).content
    finally:
        get_default_renderer.cache_clear()
    assert len(fields_of(fast)) > 200
    assert fields_of(fast) == fields_of(slow)
    fast_data, slow_data = browser_form_data(fast), browser_form_data(slow)
    del fast_data["csrfmiddlewaretoken"], slow_data["csrfmiddlewaretoken"]
    assert fast_data == slow_data


def test_the_page_leaves_its_indentation_out_but_not_its_texts(admin_client):
    project = Project.objects.get(slug=S000)
    response = admin_client.get(change_url(project))
    html = response.content.decode()
    assert "\n  " not in html.split("<pre", 1)[0]  # nothing indented before the source text
    assert int(response["Content-Length"]) == len(response.content)
    source = project.sources.get()
    page = lxml.html.fromstring(html)
    shown = page.xpath("string(//pre[contains(@class, 'source-text')])")
    assert shown.removeprefix("\n") == source.text  # browsers drop the newline after <pre>
    data = browser_form_data(response.content)
    rows = int(data["evidence-TOTAL_FORMS"][0])
    assert rows == project.evidence.count()
    for index in range(rows):
        evidence = project.evidence.get(pk=data[f"evidence-{index}-id"][0])
        assert data[f"evidence-{index}-quote"] == [evidence.quote.replace("\n", "\r\n")]


def test_every_seed_project_page_stays_under_200_kb(admin_client):
    # Seed 004, with five contacts and 31 evidence rows, is the heaviest (215 KB when its
    # contacts and funding lines were stacked forms).
    assert Project.objects.get(slug=S000).evidence.count() >= 20
    sizes = {
        project.slug: len(admin_client.get(change_url(project)).content)
        for project in Project.objects.all()
    }
    assert len(sizes) == 5
    assert max(sizes.values()) < 200_000, sizes


def test_evidence_rows_add_no_queries(admin_client):
    project = Project.objects.get(slug=S000)
    admin_client.get(change_url(project))  # sessions, content types: read once
    with CaptureQueriesContext(connection) as many:
        admin_client.get(change_url(project))
    kept = project.evidence.order_by("pk")[:2].values_list("pk", flat=True)
    project.evidence.exclude(pk__in=list(kept)).delete()
    with CaptureQueriesContext(connection) as few:
        admin_client.get(change_url(project))
    assert len(many) == len(few)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<div>\n    <p>a</p>\n  </div>", "<div>\n<p>a</p>\n</div>"),
        ("<p>one  two</p>", "<p>one  two</p>"),  # no line break: left alone
        ("<pre>\n  keep\n    this</pre>\n  <b>", "<pre>\n  keep\n    this</pre>\n<b>"),
        ("<textarea>\n\n  a\n</textarea>", "<textarea>\n\n  a\n</textarea>"),
        ("<TEXTAREA name=x>\n  a</TEXTAREA>", "<TEXTAREA name=x>\n  a</TEXTAREA>"),
        ("<script>\n  if (a)\n    b();\n</script>", "<script>\n  if (a)\n    b();\n</script>"),
        ("<pre>a</pre>\n  <pre>\n b</pre>", "<pre>a</pre>\n<pre>\n b</pre>"),
    ],
)
def test_without_indentation(html, expected):
    assert without_indentation(html) == expected


def test_every_field_description_a_screen_reader_is_pointed_to_is_on_the_page(admin_client):
    # Table rows show their help texts once, in the table's head: a row's field pointing at a
    # help text of its own would name an element that is not there.
    project = Project.objects.get(slug=S000)
    page = lxml.html.fromstring(admin_client.get(change_url(project)).content)
    ids = set(page.xpath("//@id"))
    described = page.xpath("//*[@aria-describedby]")
    assert described  # the main form's fields keep their help texts
    missing = {
        element.get("name"): name
        for element in described
        for name in element.get("aria-describedby").split()
        if name not in ids
    }
    assert missing == {}
