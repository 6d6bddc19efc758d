"""Real input around a press release changes nothing but its source address: a line saying
where it was published, or the web page it was saved from (menus, cookie banner, sidebar,
footer)."""

import html
from pathlib import Path

import pytest
from django.conf import settings

from projects.ingest import extract
from projects.ingest.language import detect_language
from projects.ingest.text import read_plain_text

SEEDS = sorted(Path(settings.SEEDS_DIR).glob("[0-9][0-9][0-9]_*.txt"))
URL = "https://www.inform.kz/ru/grant-news/2024/05/12/project-a1b2"


def saved_page(text: str, url: str) -> str:
    """The release as a news site shows it: paragraphs (lines within one kept as <br>) in an
    <article>, with the site's menu, a cookie banner, a sidebar of other news and a footer."""
    title, *paragraphs = [block for block in text.split("\n\n") if block.strip()]
    title = title.strip().lstrip("#").strip()
    body = "\n".join(
        "<p>" + html.escape(block).replace("\n", "<br>\n") + "</p>" for block in paragraphs
    )
    return f"""<!doctype html><html lang="ru"><head><meta charset="utf-8">
<title>{html.escape(title)} | Новости</title><link rel="canonical" href="{url}"></head>
<body><header><nav><ul><li><a href="/">Главная</a></li><li><a href="/news">Новости</a></li>
<li><a href="/kk">Қазақша</a></li></ul></nav></header>
<div class="cookie-banner" id="cookie-consent"><p>Сайт использует файлы cookie. Оставаясь на
сайте, вы соглашаетесь с их использованием.</p><button>Принять</button></div>
<main><article><h1>{html.escape(title)}</h1>{body}</article>
<aside><h3>Читайте также</h3><ul><li><a href="/a">В Алматы открыли парк площадью 5 га</a></li>
<li><a href="/b">В Шымкенте на ремонт дорог выделят 300 млн тенге</a></li></ul></aside></main>
<footer><p>Редакция: Астана, пр. Мангилик Ел, 55, тел. +7 7172 00 00 00, news@example.kz</p>
<p>© 2024 Все права защищены</p></footer></body></html>"""


def without_source(result: dict) -> dict:
    return {key: value for key, value in result.items() if key != "source_url"}


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.stem[:3])
@pytest.mark.parametrize(
    "dress",
    [
        lambda text: f"# source: {URL}\n\n{text}",
        lambda text: f"Источник: <{URL}>\n{text}",
        lambda text: f"{URL}\n\n{text}",
        lambda text: f"{text}\n\nДереккөз: [Kazinform]({URL})",
        lambda text: saved_page(text, URL),
    ],
    ids=["hash-source-line", "labelled-angled", "bare-first-line", "kazakh-link-last", "page"],
)
def test_the_input_around_a_release_changes_nothing_but_its_address(seed, dress):
    text = seed.read_text(encoding="utf-8")
    plain, dressed = extract(text).as_json(), extract(dress(text)).as_json()
    assert plain["source_url"] is None
    assert dressed["source_url"] == URL
    assert without_source(dressed) == without_source(plain)


def test_a_source_line_is_taken_out_of_the_text():
    read = read_plain_text(f"# source: {URL}\n\nЕС поддержал проект\n\nТекст о проекте.")
    assert read.source_url == URL
    assert read.text == "ЕС поддержал проект\n\nТекст о проекте."


@pytest.mark.parametrize(
    "text",
    [
        f"ЕС поддержал проект\n\nПодробнее о проекте: {URL}\n\nТекст о проекте.\n\nЕщё текст.",
        f"ЕС поддержал проект\n\nТекст.\n\nСайт проекта:\n{URL}\n\nКонец.\n\nЕщё.\n\nИ ещё.",
    ],
)
def test_other_addresses_in_a_release_are_not_its_source(text):
    read = read_plain_text(text)
    assert read.source_url is None
    assert URL in read.text


def test_a_source_named_above_the_article_does_not_end_it():
    text = (
        "Источник: Kazinform\n\nЕС выделил грант\n\n"
        + "Проект в Таразе получил 500 тысяч евро на два года. " * 5
        + "\n\nКонтакты:\nАйгуль Серикова\n+7 701 000 00 00"
    )
    found = extract(text)
    assert found.title.value == "ЕС выделил грант"
    assert [phone.value for phone in found.phones] == ["+7 701 000 00 00"]


def test_a_saved_page_without_an_article_is_read_whole():
    page = (
        "<html><body><p>ЕС поддержал проект в Таразе.</p><p>Тел. +7 701 000 00 00</p></body></html>"
    )
    read = read_plain_text(page)
    assert read.text == "ЕС поддержал проект в Таразе.\n\nТел. +7 701 000 00 00"
    assert read.source_url is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Жас Ұрпақ қоры Қызылорда облысы Жаңақорған ауданында ауыл мектебін жөндеді. "
            "Проект реализован при поддержке посольства Японии в Казахстане и акимата "
            "Жаңақорған ауданы, в рамках которого отремонтирована школа в ауле Шалқия.",
            "ru",
        ),
        (
            "«Біз бұл жобаны үш жыл күттік», – деді мектеп директоры. Директор по-русски "
            "добавил: «Спасибо всем». Жоба Жапония елшілігінің гранты есебінен және аудан "
            "әкімдігінің қолдауымен іске асырылды, мектеп 2024 жылғы қыркүйектен бастап жұмыс "
            "істейді.",
            "kk",
        ),
    ],
)
def test_the_language_is_the_articles_not_its_names_or_quotes(text, language):
    assert detect_language(text) == language


def test_a_pages_media_contacts_box_is_read_and_its_footer_is_not():
    page = saved_page(SEEDS[1].read_text(encoding="utf-8"), URL).replace(
        "<footer>",
        '<aside class="media-contacts"><h3>Media Contacts</h3><div class="contact-card">'
        "<p>Dilnoza Rakhimova<br>External Relations Officer<br>+998 71 140 19 26<br>"
        '<a href="mailto:drakhimova@adb.org">drakhimova@adb.org</a></p></div></aside><footer>',
    )
    found = extract(page)
    assert [email.value for email in found.emails] == ["drakhimova@adb.org"]
    assert "+998 71 140 19 26" in [phone.value for phone in found.phones]
    assert "news@example.kz" not in page.split("<footer>")[0]  # the footer's address ...
    assert "news@example.kz" not in [email.value for email in found.emails]  # ... is not read
