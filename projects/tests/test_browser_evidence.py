"""In a real Chromium: a fact's "source" link opens the press release with the words that
state it highlighted; an inference shows its note. No request leaves the site."""

from projects.models import FactEvidence, Project

S000 = "human-rights-communication-information-governance"
S003 = "us-support-civil-society-human-rights-kazakhstan"


def test_a_figure_opens_the_press_release_at_its_highlighted_words(page, seeds):
    project = Project.objects.get(slug=S000)
    line = project.funding_lines.get()
    evidence = FactEvidence.objects.get(project=project, fact__startswith="funding:")
    page.goto(f"/en/projects/{S000}/")
    source = page.locator(f"#source-{evidence.source_id}")
    source.evaluate("details => { details.open = false; }")  # as a reader may have left it
    page.click(f'td.num a.evidence-link[href="#ev-{evidence.pk}"]')
    # Chromium itself opens a <details> holding the link's target, before the script's
    # hashchange handler marks the words; wait for the highlight, not for the panel
    current = page.locator("mark.evidence.current")
    current.first.wait_for()
    assert source.evaluate("details => details.open")
    assert current.count() == 1
    assert current.inner_text() == "Вклад Европейского Союза составляет 213 793 евро"
    assert current.is_visible()
    box = current.bounding_box()
    assert 0 <= box["y"] <= page.viewport_size["height"]
    assert str(int(line.amount)) == "213793"
    assert page.console_errors == [] and page.outside_requests == []


def test_a_place_link_highlights_its_word_in_the_list_of_cities(page, seeds):
    evidence = FactEvidence.objects.get(project__slug=S000, fact="place:pavlodar")
    page.goto(f"/ru/projects/{S000}/#ev-{evidence.pk}")
    current = page.locator("mark.evidence.current")
    current.first.wait_for()
    assert [text for text in current.all_inner_texts()] == ["Павлодар"]


def test_an_inferred_title_shows_the_editors_note(page, seeds):
    page.goto(f"/kk/projects/{S003}/")
    note = page.locator(".title-basis .inferred-note")
    assert note.is_visible()
    assert "Хабарламада жобаның атауы жоқ" in note.inner_text()
