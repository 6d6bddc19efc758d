"""In a real Chromium: the search box finds Kazakh word forms, marks the words it found in each
result, corrects a misspelt place and offers the filter a name stands for."""

S000 = "human-rights-communication-information-governance"
S002 = "monitoring-state-development-programmes-civil-society"


def search_for(page, language: str, words: str) -> None:
    page.goto(f"/{language}/projects/")
    page.fill("#f-q", words)
    page.click(".filters button[type=submit]")
    page.wait_for_url(f"**/{language}/projects/?*q=*")


def test_a_kazakh_word_form_finds_its_projects_with_the_words_marked(page, seeds):
    search_for(page, "kk", "Павлодарда")
    cards = page.locator(".project-card")
    assert cards.count() == 2
    marks = page.locator(".project-card .snippet mark")
    assert marks.count() >= 2 and marks.first.is_visible()
    assert {text.casefold() for text in marks.all_inner_texts()} <= {"павлодар", "павлодарда"}
    links = [cards.nth(i).locator("h3 a").get_attribute("href") for i in range(2)]
    assert sorted(link.rstrip("/").rsplit("/", 1)[1] for link in links) == sorted([S000, S002])
    assert page.console_errors == [] and page.outside_requests == []


def test_a_misspelt_place_is_corrected_and_its_filter_offered(page, seeds):
    search_for(page, "ru", "Павладар")
    assert "Павлодар" in page.locator(".did-you-mean").inner_text()
    assert page.locator(".project-card").count() == 2
    page.click(".filter-suggestion a")
    page.wait_for_url("**/ru/projects/?*place=pavlodar*")
    assert "q=" not in page.url  # the filter replaces the words
    assert page.locator("#f-place").input_value() == "pavlodar"
    assert page.locator(".project-card").count() == 2
    assert page.console_errors == [] and page.outside_requests == []
