"""The embeddable widgets in a real headless Chromium, framed by a page of another site (another
origin: a tiny HTTP server on another port), and the registry's own pages refused in the same
frame. Skipped without Chromium, like the other browser tests (fixtures in browser_support.py)."""

import functools
import html
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .browser_support import serious_violations

LIST_WIDGET = "/ru/embed/projects/?donor=usaid"
MAP_WIDGET = "/ru/embed/map/?donor=usaid"
S003_TITLE = "Поддержка США гражданского общества и защиты прав и свобод человека в Казахстане"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the base class's signature)
        pass


@pytest.fixture
def other_site(tmp_path):
    """An NGO's website on 127.0.0.1 and a port of its own. `other_site(frames)` writes a page
    with one <iframe> per (name, address) and returns the page's address."""
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"

    def page_framing(frames: dict[str, str]) -> str:
        iframes = "\n".join(
            f'<iframe name="{name}" title="{name}" src="{html.escape(address)}" '
            'width="600" height="500"></iframe>'
            for name, address in frames.items()
        )
        (tmp_path / "index.html").write_text(
            f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An NGO</title>'
            '<link rel="icon" href="data:,">'
            f"</head><body><h1>Our projects</h1>\n{iframes}\n</body></html>",
            encoding="utf-8",
        )
        return f"{origin}/index.html"

    yield page_framing
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(autouse=True)
def no_map_tiles(settings):
    """No tile server in a closed network: the map shows its markers and outlines only."""
    settings.MAP_TILE_URL = ""


def frame_named(page, name):
    return next(frame for frame in page.frames if frame.name == name)


def test_the_list_widget_renders_in_a_frame_of_another_site(page, seeds, live_server, other_site):
    from playwright.sync_api import expect

    address = other_site({"widget": live_server.url + LIST_WIDGET})
    assert not address.startswith(live_server.url)  # another origin
    page.goto(address)

    widget = page.frame_locator("iframe[name=widget]")
    titles = widget.locator(".embed-list h2 a")
    expect(titles).to_have_count(1)
    expect(titles).to_have_text(S003_TITLE)
    expect(widget.locator(".embed-credit a")).to_be_visible()
    expect(widget.locator("html")).to_have_attribute("lang", "ru")

    # A title opens the project's page on the registry in a new tab, not inside the frame.
    with page.context.expect_page() as new_tab:
        titles.click()
    registry_page = new_tab.value
    registry_page.wait_for_load_state()
    assert registry_page.url.startswith(live_server.url + "/ru/projects/us-support-")
    assert frame_named(page, "widget").url == live_server.url + LIST_WIDGET
    other_origin = address.rsplit("/", 1)[0]
    assert [url for url in page.outside_requests if not url.startswith(other_origin)] == []


def test_the_registrys_own_pages_are_refused_in_the_same_frame(
    page, seeds, live_server, other_site
):
    from playwright.sync_api import expect

    address = other_site(
        {
            "widget": live_server.url + LIST_WIDGET,
            "refused": live_server.url + "/ru/projects/?donor=usaid",
        }
    )
    with page.expect_response(lambda response: "/ru/projects/?" in response.url) as refused:
        page.goto(address)  # waits for the frames' load too
    assert refused.value.status == 200  # served, and refused by the browser
    assert refused.value.headers["x-frame-options"] == "DENY"

    # The widget beside it shows, so the page had time to render both frames.
    expect(page.frame_locator("iframe[name=widget]").locator(".embed-list h2 a")).to_have_count(1)
    blocked = frame_named(page, "refused")
    assert not blocked.url.startswith(live_server.url), blocked.url  # Chromium's error page
    assert page.frame_locator("iframe[name=refused]").locator(".site-header").count() == 0
    # Chromium names the policy that refused it: the CSP's frame-ancestors 'none' (which wins
    # over X-Frame-Options: DENY, also sent).
    assert any("frame-ancestors" in message for message in page.console_errors)


def test_the_map_widget_draws_in_a_frame_of_another_site(page, seeds, live_server, other_site):
    from playwright.sync_api import expect

    page.goto(other_site({"map": live_server.url + MAP_WIDGET}))
    widget = page.frame_locator("iframe[name=map]")
    expect(widget.locator("h1")).to_contain_text("1")
    # The map's script runs in the frame and fetches its data from the registry.
    expect(widget.locator(".embed-map .map-canvas")).to_be_visible()
    # A country is drawn as its outline, a city as a marker: one of them at least.
    expect(widget.locator(".leaflet-marker-icon, path.map-area").first).to_be_visible()
    # Its links (the places' table) open the registry in a new tab, like the credit.
    table_links = widget.locator(".embed-map table a")
    expect(table_links.first).to_have_attribute("target", "_blank")
    expect(widget.locator(".embed-credit a")).to_have_attribute("target", "_blank")
    assert frame_named(page, "map").url == live_server.url + MAP_WIDGET
    assert page.console_errors == []


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_axe_finds_no_serious_violation_on_the_widgets(page, seeds, language):
    for path in (
        f"/{language}/embed/projects/?donor=european-union",
        f"/{language}/embed/map/?donor=european-union",
        f"/{language}/embed/projects/?donor=no-such-donor",  # the error message
    ):
        page.goto(path)
        assert serious_violations(page) == [], path
    assert page.outside_requests == []
    assert page.console_errors == [
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    ]


def test_the_list_widget_fits_a_narrow_frame(page, seeds):
    page.set_viewport_size({"width": 300, "height": 500})
    page.goto("/en/embed/projects/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
