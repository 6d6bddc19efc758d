"""The press release on a project page is the article: the web page around it (a currency
ticker, other headlines, photo credits) is left out with a marker saying so, Markdown's markup
characters are not shown, the evidence marks still wrap the quoted words, and the download
stays the file as received."""

import lxml.html
import pytest
from django.urls import reverse

from projects.ingest.text import to_plain_text
from projects.models import FactEvidence, SourceDocument
from projects.source_display import source_layout

from .factories import make_project

pytestmark = pytest.mark.django_db

S000 = "human-rights-communication-information-governance"
S003 = "us-support-civil-society-human-rights-kazakhstan"  # a news site's page


@pytest.fixture(autouse=True)
def _seeds(seeded_db):
    pass


def source_panel(client, slug, language="en"):
    response = client.get(f"/{language}/projects/{slug}/")
    assert response.status_code == 200
    [pre] = lxml.html.fromstring(response.content.decode()).xpath("//pre[@class='source-text']")
    return pre


def test_the_news_pages_ticker_and_other_headlines_are_left_out_with_a_marker(client):
    pre = source_panel(client, S003)
    shown = pre.text_content()
    assert "Государственный департамент США" in shown  # the article
    assert "USD/KZT" not in shown
    assert "Сменился пресс-секретарь президента" not in shown  # one of 31 other headlines
    assert "Фото:КазТАГ" not in shown
    markers = [marker.text_content() for marker in pre.xpath(".//*[@class='source-omitted']")]
    assert markers[0] == (
        "[8 lines not about the project left out — they are in the downloaded file]"
    )
    assert markers[-1].startswith("[31 lines not about the project left out")


def test_the_marker_is_translated(client):
    markers = source_panel(client, S003, "kk").xpath(".//*[@class='source-omitted']")
    assert "жобаға қатысы жоқ 8 жол" in markers[0].text_content()
    markers = source_panel(client, S003, "ru").xpath(".//*[@class='source-omitted']")
    assert "8 строк" in markers[0].text_content()


def test_the_download_is_still_the_whole_file_byte_for_byte(client):
    source = SourceDocument.objects.get(project__slug=S003)
    response = client.get(reverse("projects:project-source-text", args=[S003, source.pk]))
    assert response.content == source.text.encode("utf-8")
    assert b"USD/KZT" in response.content


def test_markdown_markup_is_not_shown_and_headings_are_bold(client):
    pre = source_panel(client, S000, "ru")
    shown = pre.text_content()
    assert "## " not in shown and "**" not in shown and "#" not in shown
    headings = [heading.text_content() for heading in pre.xpath(".//strong")]
    assert headings[0] == "ПРЕСС-РЕЛИЗ"


@pytest.mark.parametrize("slug", [S000, S003])
def test_the_marks_still_wrap_the_quoted_words(client, slug):
    pre = source_panel(client, slug, "ru")
    stated = FactEvidence.objects.filter(project__slug=slug, basis="stated")
    assert stated.count() >= 5
    for evidence in stated:
        marks = pre.xpath(
            ".//mark[contains(concat(' ', @data-evidence, ' '), $id)]", id=f" ev-{evidence.pk} "
        )
        marked = "".join(mark.text_content() for mark in marks)
        assert marked.split() == to_plain_text(evidence.quote).split(), evidence.fact
    funding = stated.filter(fact__startswith="funding:").first()
    if slug == S000:
        [mark] = pre.xpath(f".//mark[@data-evidence='ev-{funding.pk}']")
        assert mark.text_content() == "Вклад Европейского Союза составляет 213 793 евро"


def test_a_quote_on_a_line_taken_for_noise_is_still_shown():
    text = "USD/KZT\n 470.5\n\nFunding was announced.\n"
    assert source_layout(text, []).omissions[0].lines == 2
    assert source_layout(text, [(0, 7)]).omissions[0].start == 8  # only the rate line left out


def test_markup_in_a_source_is_escaped_never_run(client):
    project = make_project("markup-in-source")
    SourceDocument.objects.create(
        project=project,
        text="## <script>alert('x')</script>\n**<img src=x onerror=alert(1)>** [a](javascript:x)",
        language="en",
    )
    html = client.get(project.get_absolute_url()).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert" in html and "&lt;img src=x" in html
    assert "javascript:" not in html
