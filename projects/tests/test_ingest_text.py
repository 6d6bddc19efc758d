"""Reading what editors upload: encodings, HTML, Markdown, bad files; and page noise."""

import pytest
from django.utils import translation

from projects.ingest.language import detect_language
from projects.ingest.result import Document
from projects.ingest.segment import article_mask
from projects.ingest.text import MAX_BYTES, IngestError, decode_bytes, to_plain_text
from projects.ingest.title import find_title

RELEASE = "Проект «Права человека» стартовал в Павлодаре.\nВклад ЕС — 213 793 евро."


@pytest.mark.parametrize(
    "data",
    [
        RELEASE.encode("utf-8"),
        b"\xef\xbb\xbf" + RELEASE.encode("utf-8"),
        RELEASE.encode("cp1251"),
        RELEASE.encode("utf-16"),  # with BOM
        RELEASE.encode("utf-16-le"),  # Word's "Unicode text" without BOM
        RELEASE.encode("utf-16-be"),
    ],
)
def test_common_encodings_are_read(data):
    assert decode_bytes(data) == RELEASE


def test_kazakh_text_in_utf8_is_read():
    text = "Жоба Павлодар қаласында өтті."
    assert decode_bytes(text.encode("utf-8")) == text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n\x00\x01\x02", "binary"),
        (b"a" * (MAX_BYTES + 1), "too large"),
        (bytes(range(128, 256)) * 4, "encoding"),
    ],
)
def test_unreadable_files_get_one_clear_message(data, message):
    with translation.override("en"), pytest.raises(IngestError, match=message):
        decode_bytes(data)


def test_the_message_speaks_the_editors_language():
    with translation.override("kk"), pytest.raises(IngestError, match="Файл бос"):
        decode_bytes(b"")


def test_html_page_becomes_its_text():
    page = (
        "<html><head><title>x</title><style>p{color:red}</style><script>var a=1;</script></head>"
        "<body><nav>Главная | Новости</nav><h1>ЕС поддержал проект</h1>"
        "<p>Вклад &laquo;ЕС&raquo; &mdash; 213&nbsp;793 евро.</p>"
        "<p>Контакты: <a href='mailto:a@b.kz'>a@b.kz</a></p></body></html>"
    )
    text = to_plain_text(page)
    assert text.split("\n")[0] == "ЕС поддержал проект"
    assert "Вклад «ЕС» — 213 793 евро." in text
    assert "a@b.kz" in text
    assert "var a" not in text and "color:red" not in text and "Главная" not in text


def test_markdown_markup_is_removed():
    text = to_plain_text("### **Заголовок**\n\nПишите [ivan@mail.ru](mailto:ivan@mail.ru) *или*")
    assert text == "Заголовок\n\nПишите ivan@mail.ru или"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Проект реализуется в Павлодаре при поддержке Европейского Союза.", "ru"),
        ("Жоба Павлодар қаласында Еуропалық Одақтың қолдауымен іске асырылады.", "kk"),
        ("The project is implemented in Pavlodar with EU support.", "en"),
        ("Жоба және оның нәтижелері туралы", "kk"),
    ],
)
def test_language_is_recognised(text, language):
    assert detect_language(text) == language


NEWS_PAGE = """• USD/KZT
    0.0
  • EUR/KZT
    0.0

США выделят более $1,5 млн на защиту прав человека

Фото:КазТАГ/©Автор

Алматы. 6 апреля. Текст статьи о гранте в Казахстане.

Источник: КазТАГ

ru В Алматы открыт колледж

ru Полиция ликвидировала партию наркотиков в Павлодаре

ru В Карагандинской области появился птичник"""


def test_page_noise_is_blanked_and_offsets_kept():
    plain = to_plain_text(NEWS_PAGE)
    article = article_mask(plain)
    assert len(article) == len(plain)
    assert "USD/KZT" not in article and "0.0" not in article
    assert "Фото" not in article
    assert "Павлодаре" not in article and "птичник" not in article
    assert "Текст статьи о гранте в Казахстане." in article
    title = find_title(Document(plain, article, "ru"))
    assert title.value == "США выделят более $1,5 млн на защиту прав человека"
    assert plain[title.evidence[0].start : title.evidence[0].end] == title.value


def test_a_read_also_block_inside_the_article_is_noise_and_the_article_goes_on():
    opening = "Проект медиашколы стартовал в двух районах области. " * 5
    closing = (
        "Проект реализуется совместно с управлением молодежной политики Атырауской области, "
        "а также при участии редакций районных газет. Лучшие материалы опубликуют газеты."
    )
    text = (
        f"{opening}\n\nЧитайте также:\nВ Атырау отремонтируют 14 километров дорог\n"
        f"Аким области встретился с фермерами\n\n{closing}\n\nЧитайте также:\n"
        "В Алматы открыли парк\nВ Шымкенте выделят 300 млн тенге на дороги"
    )
    article = article_mask(text)
    assert len(article) == len(text)
    assert closing in article
    assert "14 километров" not in article and "фермерами" not in article
    assert "парк" not in article and "300 млн" not in article  # the last block ends it


def test_eu_standard_paragraph_is_not_part_of_the_release():
    text = "Проект начался.\n\nThe European Union is made up of 27 Member States who decided."
    assert "Member States" not in article_mask(text)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "## ПРЕСС-РЕЛИЗ\n\n5 ноября 2012\n\n### **ЕС поддержал проект НПО**\n\nТекст.",
            "ЕС поддержал проект НПО",
        ),
        ("ПОСТ- РЕЛИЗ\n\n" + "Длинный первый абзац без заголовка. " * 12, None),
        (
            "14 марта 2025 11:42\n\nЯпония выделила гранты сельской школе\n\nТекст.",
            "Япония выделила гранты сельской школе",
        ),
        (
            "Press release\n\nEU supports a new project in Taraz\n\nBody.",
            "EU supports a new project in Taraz",
        ),
    ],
)
def test_the_headline_is_not_a_label_or_a_date(text, title):
    plain = to_plain_text(text)
    found = find_title(Document(plain, article_mask(plain), "ru"))
    assert (found.value if found else None) == title
