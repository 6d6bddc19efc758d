"""The project list leads with its results, in a real Chromium: on a desktop the first result
is on the first screen beside the filters; on a phone the filters fold into a "Filters (n)"
panel and the first result comes within a screen and a half. The filters in use are named above
the results, each removable, with the downloads and the feed of the search beside them."""

import pytest

from .browser_support import serious_violations

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SEARCHES = ["", "?donor=european-union&place=kazakhstan", "?q=права+человека&status=completed"]


@pytest.fixture
def open_page(browser, live_server):
    contexts = []

    def open_at(viewport: dict, path: str):
        context = browser.new_context(base_url=live_server.url, viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        page.goto(path)
        return page

    yield open_at
    for context in contexts:
        context.close()


def first_result_top(page) -> float:
    return page.locator(".project-card").first.bounding_box()["y"]


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_the_first_result_is_seen_without_scrolling(open_page, seeds, language):
    desktop, phone = open_page(DESKTOP, f"/{language}/"), open_page(PHONE, f"/{language}/")
    for search in SEARCHES:
        desktop.goto(f"/{language}/projects/{search}")
        # The first result's whole title line is on the first screen.
        title = desktop.locator(".project-card h3").first.bounding_box()
        assert title["y"] + title["height"] <= DESKTOP["height"], search
        assert desktop.locator("details.filter-panel").evaluate("panel => panel.open")

        phone.goto(f"/{language}/projects/{search}")
        assert first_result_top(phone) <= PHONE["height"] * 1.5, search
        assert not phone.locator("details.filter-panel").evaluate("panel => panel.open")
        assert not phone.locator("#f-donor").is_visible()
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, search


def test_a_phone_opens_the_filter_panel_and_filters(open_page, seeds):
    phone = open_page(PHONE, "/en/projects/")
    summary = phone.locator("details.filter-panel > summary")
    assert summary.inner_text().strip() == "Filters"
    summary.click()
    assert phone.locator("#f-donor").is_visible()
    assert serious_violations(phone) == []  # with the panel open
    phone.select_option("#f-donor", "usaid")
    phone.click(".filters button[type=submit]")
    phone.wait_for_url("**donor=usaid*")
    assert phone.locator(".project-card").count() == 1
    assert phone.locator("details.filter-panel > summary").inner_text().strip() == "Filters (1)"


def shown(chips) -> list[str]:
    """What a chip shows (a screen reader also hears "remove this filter")."""
    return [text.splitlines()[0] for text in chips.all_inner_texts()]


def test_the_filters_in_use_are_named_and_each_can_be_removed(open_page, seeds):
    page = open_page(DESKTOP, "/ru/projects/?donor=european-union&place=kazakhstan&sort=title")
    chips = page.locator(".active-filters a")
    assert shown(chips) == [
        "Место реализации: Казахстан ×",
        "Донор: Европейский Союз (ЕС) ×",
    ]
    before = page.locator(".project-card").count()
    chips.nth(0).click()
    page.wait_for_url("**/ru/projects/?donor=european-union&sort=title")
    assert shown(page.locator(".active-filters a")) == ["Донор: Европейский Союз (ЕС) ×"]
    assert "(убрать этот фильтр)" in page.locator(".active-filters a").first.inner_text()
    assert page.locator(".project-card").count() >= before
    links = page.locator(".quick-downloads a")
    assert links.evaluate_all("links => links.map(link => link.getAttribute('href'))") == [
        "/ru/projects/export.csv?donor=european-union&sort=title",
        "/ru/projects/export.xlsx?donor=european-union&sort=title",
        "/ru/projects/export.json?donor=european-union&sort=title",
        "/ru/feed/?donor=european-union",
    ]


# Each cell's longest word against the cell's width: a column squeezed below its longest
# word breaks words letter by letter ("Доно р").
NARROW_CELLS = """() => {
  const canvas = document.createElement("canvas").getContext("2d");
  const found = [];
  for (const cell of document.querySelectorAll("main td, main th")) {
    if (!cell.getClientRects().length) {
      continue;  // not shown (a folded table)
    }
    const style = getComputedStyle(cell);
    const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    while (texts.nextNode()) {
      const parent = texts.currentNode.parentElement;
      if (parent.closest(".visually-hidden")) {
        continue;  // what screen readers hear, not what is drawn
      }
      const font = getComputedStyle(parent);
      canvas.font = `${font.fontWeight} ${font.fontSize} ${font.fontFamily}`;
      // A word may break after its hyphens ("Ust-Kamenogorsk"), nowhere else.
      for (const word of texts.currentNode.textContent.split(/\\s+|(?<=-)/)) {
        if (word && canvas.measureText(word).width > room + 1) {
          found.push(`${word} (${Math.round(canvas.measureText(word).width)} > ${room})`);
        }
      }
    }
  }
  return found;
}"""
TABLE_PAGES = [
    "/{lang}/projects/us-support-civil-society-human-rights-kazakhstan/?display=EUR",
    "/{lang}/projects/active-local-stakeholder-participation-east-central-kazakhstan/",
    "/{lang}/projects/human-rights-communication-information-governance/",
    "/{lang}/organizations/usaid/",
    "/{lang}/organizations/european-union/",
    "/{lang}/projects/?place=kazakhstan",
]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_table_cell_is_narrower_than_its_longest_word_nor_the_page_wider(
    open_page, seeds, viewport
):
    narrow = {}
    for language in ("ru", "kk", "en"):
        page = None
        for path in TABLE_PAGES:
            address = path.format(lang=language)
            if page is None:
                page = open_page(viewport, address)
            else:
                page.goto(address)
            found = page.evaluate(NARROW_CELLS)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:  # a wide table scrolls in its own box, the page does not
                found.append(f"the page is {overflow}px wider than the screen")
            if found:
                narrow[address] = found
    assert narrow == {}
