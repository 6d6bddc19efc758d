"""Known donors and how a release names them: the lexicon of international organisations,
agencies, banks, funds and foundations in three languages, and any foreign state's embassy,
government or foreign ministry ("Посольство Японии", "Жапония Үкіметі", "Government of
Finland"). `find_donor_mentions` finds them in a text; `normalize_donor` names one in English.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from projects.ingest.words import WORD_RE, strip_parentheses, word_key

DONORS: dict[str, tuple[str, ...]] = {
    "European Union": (
        "Европейский Союз", "Евросоюз", "ЕС", "Европейская комиссия", "Еврокомиссия",
        "Европейская Комиссия в Республике Казахстан",
        "Европейский инструмент по демократии и правам человека", "Еуропалық Одақ",
        "Еуропа Одағы", "ЕО", "Еуропалық комиссия", "EU", "European Union",
        "European Commission", "EIDHR", "European Instrument for Democracy and Human Rights",
    ),
    "USAID": (
        "USAID", "ЮСАИД", "Агентство США по международному развитию",
        "американское Агентство по международному развитию",
        "Агентство по международному развитию США", "Агентство по международному развитию",
        "АҚШ Халықаралық даму агенттігі", "АҚШ-тың Халықаралық даму агенттігі",
        "Халықаралық даму агенттігі", "U.S. Agency for International Development",
        "US Agency for International Development",
        "United States Agency for International Development",
        "Agency for International Development",
    ),
    "U.S. Department of State": (
        "Государственный департамент США", "Госдепартамент США", "Госдеп США", "госдеп",
        "Госдепартамент", "Государственный департамент",
        "Государственный департамент Соединенных Штатов Америки",
        "Государственный департамент Соединенных Штатов", "АҚШ Мемлекеттік департаменті",
        "АҚШ-тың Мемлекеттік департаменті", "Мемлекеттік департамент", "АҚШ Мемдепі",
        "State Department", "U.S. State Department", "US State Department",
        "U.S. Department of State", "US Department of State",
        "United States Department of State", "Department of State",
    ),
    "UNDP": (
        "UNDP", "ПРООН", "Программа развития ООН",
        "Программа развития Организации Объединенных Наций", "БҰҰДБ",
        "БҰҰ Даму бағдарламасы", "БҰҰ-ның Даму бағдарламасы",
        "United Nations Development Programme", "UN Development Programme",
    ),
    "OSCE": (
        "OSCE", "ОБСЕ", "ЕҚЫҰ", "Организация по безопасности и сотрудничеству в Европе",
        "Еуропадағы қауіпсіздік және ынтымақтастық ұйымы",
        "Organization for Security and Co-operation in Europe",
        "Organisation for Security and Co-operation in Europe",
    ),
    "Soros Foundation-Kazakhstan": (
        "Фонд Сорос-Казахстан", "Сорос-Казахстан", "Сорос Казахстан", "Сорос-Қазақстан",
        "Сорос-Қазақстан қоры", "Soros Foundation-Kazakhstan", "Soros Foundation Kazakhstan",
        "Soros-Kazakhstan",
    ),
    "GIZ": (
        "GIZ", "ГИЗ", "Германское общество по международному сотрудничеству",
        "Германское агентство по международному сотрудничеству",
        "Немецкое общество по международному сотрудничеству",
        "Deutsche Gesellschaft für Internationale Zusammenarbeit",
        "Халықаралық ынтымақтастық жөніндегі неміс қоғамы",
    ),
    "Asian Development Bank": (
        "Азиатский банк развития", "АБР", "Азия даму банкі", "Азия Даму Банкі",
        "Asian Development Bank", "ADB",
    ),
    "World Bank": ("Всемирный банк", "Дүниежүзілік банк", "Әлемдік банк", "World Bank"),
    "UN Women": (
        "UN Women", "ООН-Женщины", "ООН Женщины", "Структура ООН-Женщины", "БҰҰ Әйелдер",
        "БҰҰ-Әйелдер", "БҰҰ-ның Әйелдер",
    ),
    "UNICEF": ("UNICEF", "ЮНИСЕФ", "Детский фонд ООН", "БҰҰ Балалар қоры"),
    "UNESCO": ("UNESCO", "ЮНЕСКО"),
    "National Endowment for Democracy": (
        "National Endowment for Democracy", "NED", "Национальный фонд в поддержку демократии",
        "Национальный фонд демократии", "Национальный фонд поддержки демократии",
        "Демократияны қолдау ұлттық қоры",
    ),
    "Open Society Foundations": (
        "Open Society Foundations", "Open Society Institute", "OSF", "Фонды Открытого общества",
        "Фонд Открытое общество", "Фонды Открытое общество", "Институт Открытое общество",
        "Ашық қоғам қорлары", "Ашық қоғам қоры",
    ),
    "United Nations": (
        "ООН", "Организация Объединенных Наций", "БҰҰ", "Біріккен Ұлттар Ұйымы",
        "United Nations", "UN",
    ),
    "EBRD": (
        "ЕБРР", "Европейский банк реконструкции и развития", "Еуропа қайта құру және даму банкі",
        "EBRD", "European Bank for Reconstruction and Development",
    ),
    "JICA": ("JICA", "ДЖАЙКА", "Японское агентство международного сотрудничества"),
    "KOICA": ("KOICA", "КОЙКА", "Корейское агентство международного сотрудничества"),
    "Swiss Agency for Development and Cooperation": (
        "SDC", "Швейцарское агентство по развитию и сотрудничеству",
        "Швейцарское управление по развитию и сотрудничеству",
        "Swiss Agency for Development and Cooperation",
    ),
    # --- the United Nations system
    "UNFPA": (
        "UNFPA", "ЮНФПА", "Фонд ООН в области народонаселения", "Фонд народонаселения ООН",
        "БҰҰ Халық қоры", "БҰҰ-ның Халық қоры", "БҰҰ Халықты қоныстандыру қоры",
        "United Nations Population Fund", "UN Population Fund",
    ),
    "UNHCR": (
        "UNHCR", "УВКБ ООН", "Управление Верховного комиссара ООН по делам беженцев",
        "БҰҰ Босқындар істері жөніндегі жоғарғы комиссарының басқармасы",
        "UN Refugee Agency", "UN High Commissioner for Refugees",
        "United Nations High Commissioner for Refugees",
    ),
    "IOM": (
        "IOM", "МОМ", "Международная организация по миграции", "Халықаралық көші-қон ұйымы",
        "International Organization for Migration",
    ),
    "FAO": (
        "FAO", "ФАО", "Продовольственная и сельскохозяйственная организация ООН",
        "БҰҰ Азық-түлік және ауыл шаруашылығы ұйымы",
        "Food and Agriculture Organization",
        "Food and Agriculture Organization of the United Nations",
    ),
    "WHO": (
        "ВОЗ", "Всемирная организация здравоохранения", "Дүниежүзілік денсаулық сақтау ұйымы",
        "ДДСҰ", "World Health Organization",
    ),
    "UNODC": (
        "UNODC", "УНП ООН", "Управление ООН по наркотикам и преступности",
        "БҰҰ Есірткі және қылмыс жөніндегі басқармасы", "United Nations Office on Drugs and Crime",
        "UN Office on Drugs and Crime",
    ),
    "UNAIDS": ("UNAIDS", "ЮНЭЙДС", "Объединенная программа ООН по ВИЧ/СПИД"),
    "UNEP": ("UNEP", "ЮНЕП", "Программа ООН по окружающей среде", "UN Environment Programme",
             "United Nations Environment Programme"),
    "ILO": ("ILO", "МОТ", "Международная организация труда", "Халықаралық еңбек ұйымы",
            "International Labour Organization"),
    "WFP": ("WFP", "ВПП ООН", "Всемирная продовольственная программа", "World Food Programme"),
    "OHCHR": (
        "OHCHR", "УВКПЧ", "Управление Верховного комиссара ООН по правам человека",
        "Office of the United Nations High Commissioner for Human Rights",
    ),
    "Global Environment Facility": (
        "GEF", "ГЭФ", "Глобальный экологический фонд", "Жаһандық экологиялық қор",
        "Global Environment Facility",
    ),
    "GEF Small Grants Programme": (
        "Программа малых грантов ГЭФ", "Программа малых грантов Глобального экологического фонда",
        "ПМГ ГЭФ", "GEF Small Grants Programme", "GEF SGP", "Small Grants Programme",
        "ЖЭҚ Шағын гранттар бағдарламасы",
    ),
    "Green Climate Fund": ("Green Climate Fund", "GCF", "Зеленый климатический фонд"),
    "Global Fund to Fight AIDS, Tuberculosis and Malaria": (
        "Глобальный фонд", "Глобальный фонд для борьбы со СПИДом, туберкулезом и малярией",
        "Global Fund", "Global Fund to Fight AIDS, Tuberculosis and Malaria",
        "Жаһандық қор",
    ),
    # --- banks and their trust funds
    "Islamic Development Bank": (
        "Islamic Development Bank", "IsDB", "Исламский банк развития", "ИБР", "Ислам даму банкі",
    ),
    "Eurasian Development Bank": (
        "Eurasian Development Bank", "EDB", "Евразийский банк развития", "ЕАБР",
        "Еуразия даму банкі",
    ),
    "Asian Infrastructure Investment Bank": (
        "Asian Infrastructure Investment Bank", "AIIB",
        "Азиатский банк инфраструктурных инвестиций",
    ),
    "Japan Social Development Fund": (
        "Japan Social Development Fund", "JSDF", "Японский фонд социального развития",
    ),
    # --- national development agencies
    "TIKA": (
        "TIKA", "ТИКА", "Турецкое агентство по сотрудничеству и координации",
        "Turkish Cooperation and Coordination Agency",
        "Түрік ынтымақтастық және үйлестіру агенттігі",
    ),
    "AFD": ("AFD", "Agence française de développement", "French Development Agency",
            "Французское агентство развития"),
    "KfW": ("KfW", "KfW Development Bank", "Банк развития KfW", "Германский банк развития KfW"),
    "BMZ": (
        "BMZ", "Федеральное министерство экономического сотрудничества и развития Германии",
        "Federal Ministry for Economic Cooperation and Development",
        "Германияның Экономикалық ынтымақтастық және даму федералдық министрлігі",
    ),
    "Sida": ("Sida", "Swedish International Development Cooperation Agency",
             "Шведское агентство международного сотрудничества в целях развития"),
    "Norad": ("Norad", "Norwegian Agency for Development Cooperation"),
    "Global Affairs Canada": ("Global Affairs Canada",),
    "Canada Fund for Local Initiatives": (
        "Canada Fund for Local Initiatives", "CFLI", "Канадский фонд местных инициатив",
        "Канада жергілікті бастамалар қоры",
    ),
    "FCDO": (
        "FCDO", "Foreign, Commonwealth and Development Office",
        "Foreign, Commonwealth & Development Office",
    ),
    "Millennium Challenge Corporation": ("Millennium Challenge Corporation", "MCC"),
    # --- private foundations
    "Aga Khan Foundation": (
        "Aga Khan Foundation", "AKF", "Фонд Ага Хана", "Ага Хан қоры",
        "Aga Khan Development Network", "AKDN", "Сеть развития Ага Хана",
    ),
    "Eurasia Foundation of Central Asia": (
        "Eurasia Foundation of Central Asia", "EFCA", "Фонд Евразия Центральной Азии",
        "Фонд «Евразия Центральной Азии»", "Орталық Азия Еуразия қоры",
    ),
    "Konrad Adenauer Foundation": (
        "Konrad Adenauer Foundation", "Konrad-Adenauer-Stiftung", "KAS", "Фонд Конрада Аденауэра",
    ),
    "Friedrich Ebert Foundation": (
        "Friedrich Ebert Foundation", "Friedrich-Ebert-Stiftung", "FES", "Фонд Фридриха Эберта",
    ),
    "Hanns Seidel Foundation": (
        "Hanns Seidel Foundation", "Hanns-Seidel-Stiftung", "Фонд Ханса Зайделя",
    ),
    "Bill & Melinda Gates Foundation": (
        "Bill & Melinda Gates Foundation", "Gates Foundation", "Фонд Билла и Мелинды Гейтс",
    ),
    "Samruk-Kazyna Trust": (
        "Samruk-Kazyna Trust", "Самрук-Казына Траст", "Самұрық-Қазына Траст",
        "Фонд развития социальных проектов «Самрук-Казына Траст»",
    ),
    "Bota Foundation": ("Bota Foundation", "Фонд Бота", "Бота қоры"),
    # --- Kazakhstan's state grant system
    "Civil Initiatives Support Centre": (
        "Центр поддержки гражданских инициатив", "ЦПГИ",
        "НАО «Центр поддержки гражданских инициатив»",
        "Азаматтық бастамаларды қолдау орталығы", "АБҚО", "Civil Initiatives Support Centre",
        "Civil Initiatives Support Center", "Center for Civil Initiatives Support",
        "Centre for Civil Initiatives Support",
    ),
    "Ministry of Information and Social Development": (
        "Министерство информации и общественного развития",
        "Министерство информации и общественного развития Республики Казахстан", "МИОР",
        "Ақпарат және қоғамдық даму министрлігі",
        "Қазақстан Республикасы Ақпарат және қоғамдық даму министрлігі",
        "Ministry of Information and Social Development",
    ),
    "Ministry of Culture and Information": (
        "Министерство культуры и информации",
        "Министерство культуры и информации Республики Казахстан",
        "Мәдениет және ақпарат министрлігі",
        "Қазақстан Республикасы Мәдениет және ақпарат министрлігі",
        "Ministry of Culture and Information",
    ),
}  # fmt: skip

# embassies: "посольство/елшілігі/embassy" next to a country
EMBASSY_COUNTRIES: dict[str, tuple[str, ...]] = {
    "Embassy of the United Kingdom": (
        "великобритания", "британский", "соединенный королевство", "ұлыбритания", "uk",
        "british", "united kingdom", "britain",
    ),
    "Embassy of Germany": (
        "германия", "фрг", "германский", "немецкий", "germany", "german", "неміс",
    ),
    "Embassy of the Netherlands": (
        "нидерланды", "нидерланд", "голландия", "нидерландский", "netherlands", "dutch",
    ),
    "Embassy of Japan": ("япония", "японский", "жапония", "japan", "japanese"),
    "Embassy of Switzerland": ("швейцария", "швейцарский", "switzerland", "swiss"),
    "Embassy of Norway": ("норвегия", "норвежский", "norway", "norwegian"),
    "Embassy of the United States": (
        "сша", "ақш", "us", "u.s", "united states", "american", "американский", "америка",
    ),
    "Embassy of France": ("франция", "французский", "france", "french"),
    "Embassy of Finland": ("финляндия", "финский", "finland", "finnish"),
    "Embassy of Canada": ("канада", "канадский", "canada", "canadian"),
}  # fmt: skip


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """Words with their spans; English articles are skipped."""
    out = []
    for match in WORD_RE.finditer(text):
        word = match.group()
        if word.lower() == "the":
            continue
        out.append((word, match.start(), match.end()))
    return out


class DonorBook:
    """The donors the extractor knows, each by its English name with every way of writing it,
    as a trie of word keys. The lexicon above is the default; the importer adds the donors and
    aliases editors keep in the registry (extract(..., donors=...))."""

    def __init__(self, names: dict[str, tuple[str, ...]]):
        self.names = names
        self.trie: dict = {}
        for canonical, aliases in names.items():
            for alias in (canonical, *aliases):
                keys = [k for k in (word_key(w) for w, _, _ in _tokens(alias)) if k]
                if not keys:
                    continue
                node = self.trie
                for key in keys:
                    node = node.setdefault(key, {})
                node.setdefault("$", canonical)

    @classmethod
    def default(cls) -> DonorBook:
        return _default_book()

    def with_names(self, extra: dict[str, tuple[str, ...]]) -> DonorBook:
        """This book and more donors (or more names of known ones)."""
        merged = dict(self.names)
        for canonical, aliases in extra.items():
            merged[canonical] = (*merged.get(canonical, ()), *aliases)
        return DonorBook(merged)


@lru_cache(maxsize=1)
def _default_book() -> DonorBook:
    return DonorBook(DONORS)


# Countries whose embassies, governments and ministries fund projects here: every country
# (pycountry's names in English, Russian and Kazakh), the adjectives above for the usual ones.
# The region's own governments are not foreign donors ("Правительство Казахстана утвердило").
_HOST_COUNTRIES = {"KZ", "KG", "TJ", "UZ", "TM"}
_THE_COUNTRIES = {"United Kingdom", "Netherlands", "United States", "Czech Republic", "Philippines",
                  "United Arab Emirates", "Republic of Korea"}  # fmt: skip


@lru_cache(maxsize=1)
def _country_keys() -> dict[tuple[str, ...], str]:
    """Word keys of a country's names (and adjectives) -> its English name."""
    table: dict[tuple[str, ...], str] = {}

    def add(name: str, country: str) -> None:
        words = [w for w, _, _ in _tokens(name)]
        table.setdefault(tuple(word_key(w) for w in words), country)
        table.setdefault(tuple(w.lower() for w in words), country)

    for canonical, names in EMBASSY_COUNTRIES.items():
        country = canonical.removeprefix("Embassy of ").removeprefix("the ")
        for name in names:
            add(name, country)
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    kazakh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["kk"])
    for record in pycountry.countries:
        if record.alpha_2 in _HOST_COUNTRIES:
            continue
        country = _ENGLISH_COUNTRY.get(record.alpha_2) or getattr(
            record, "common_name", record.name
        )
        for name in (
            record.name,
            country,
            russian.gettext(record.name),
            kazakh.gettext(record.name),
        ):
            add(name, country)
    return table


STATE_BODY_NAMES = ("Embassy of ", "Government of ", "Ministry of Foreign Affairs of ")
_ENGLISH_COUNTRY = {"KR": "Republic of Korea", "TR": "Turkey", "CZ": "Czech Republic",
                    "GB": "United Kingdom", "US": "United States"}  # fmt: skip
# What the country's name follows or precedes: "Посольство Японии", "Жапония елшілігі",
# "Government of Finland", "Министерство иностранных дел Финляндии".
_STATE_BODIES = (
    ("Embassy", re.compile(r"^(?:посольств|елшілі|embass)", re.IGNORECASE)),
    ("Government", re.compile(r"^(?:правительств|үкімет|government)", re.IGNORECASE)),
    (
        "Ministry of Foreign Affairs",
        re.compile(r"^(?:мид|ministry|министерств|министрлі)", re.IGNORECASE),
    ),
)
# Right after "ministry": "иностранных дел", "for Foreign Affairs", "of foreign affairs".
_FOREIGN_AFFAIRS = re.compile(
    r"[\s(]*(?:(?:for|of)\s+(?:the\s+)?)?"
    r"(?:иностранных\s+дел|сыртқы\s+істер|foreign\s+affairs|foreign\s+office|мид\b)",
    re.IGNORECASE,
)


def _state_body(tokens, index: int, text_after: str) -> str | None:
    word = tokens[index][0]
    for body, pattern in _STATE_BODIES:
        if pattern.match(word):
            if body == "Ministry of Foreign Affairs" and not (
                word.lower() == "мид" or _FOREIGN_AFFAIRS.match(text_after)
            ):
                return None
            return body
    return None


@dataclass
class DonorMention:
    canonical: str
    start: int
    end: int


_CURRENCY_BEFORE = re.compile(r"(?:доллар\w*|долл\.|dollars?|доллары|долларға)\s*$", re.IGNORECASE)


def find_donor_mentions(
    text: str, offset: int = 0, book: DonorBook | None = None
) -> list[DonorMention]:
    """Every mention of a donor the book knows in `text` (longest alias wins)."""
    text = re.sub(
        r"-(?=(?:funded|financed|supported|backed|sponsored)\b)", " ", text, flags=re.IGNORECASE
    )
    tokens = _tokens(text)
    keys = [word_key(w) for w, _, _ in tokens]
    trie = (book or DonorBook.default()).trie
    mentions: list[DonorMention] = []
    i = 0
    while i < len(tokens):
        node = trie
        best = None
        j = i
        while j < len(tokens) and keys[j] in node:
            if j > i and text[tokens[j - 1][2] : tokens[j][1]].strip(' \t\n-«»“”"„'):
                break  # an alias does not run across punctuation
            node = node[keys[j]]
            j += 1
            if "$" in node:
                best = (node["$"], j)
        if best is not None:
            canonical, j_end = best
            word = tokens[i][0]
            # a lone short acronym must be written in capitals ("ЕС", not "ес")
            if (
                j_end - i == 1
                and len(word) <= 4
                and not word.isupper()
                and word.lower() != "госдеп"
            ):
                i += 1
                continue
            end = tokens[j_end - 1][2]
            written = text[tokens[i][1] : end]
            if (
                text[end : end + 1] in '»”"'
                and text[end : end + 1]
                and (
                    written.count("«") > written.count("»")
                    or written.count("“") > written.count("”")
                    or written.count('"') % 2
                )
            ):
                end += 1
            if _CURRENCY_BEFORE.search(text, max(0, tokens[i][1] - 20), tokens[i][1]):
                i = j_end  # "87 450 долларов США": the currency's country, not a donor
                continue
            mentions.append(DonorMention(canonical, offset + tokens[i][1], offset + end))
            i = j_end
            continue
        i += 1
    mentions.extend(_embassy_mentions(tokens, keys, offset, text))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _embassy_mentions(tokens, keys, offset, text: str) -> list[DonorMention]:
    """A foreign state's embassy, government or foreign ministry, by the country named within
    four words of it: "Embassy of Japan", "Правительство Финляндии"."""
    countries = _country_keys()
    out = []
    for i, (_word, _start, end) in enumerate(tokens):
        body = _state_body(tokens, i, text[end : end + 40])
        if body is None:
            continue
        found = None
        for j in range(max(0, i - 4), min(len(tokens), i + 6)):
            for length in (3, 2, 1):
                window = tuple(keys[j : j + length])
                raw = tuple(w.lower().replace(".", "") for w, _, _ in tokens[j : j + length])
                for candidate in (window, raw):
                    if len(candidate) == length and candidate in countries:
                        found = (countries[candidate], j, j + length)
                        break
                if found:
                    break
            if found:
                break
        if found:
            country, j0, j1 = found
            the = "the " if country in _THE_COUNTRIES else ""
            lo, hi = min(i, j0), max(i + 1, j1)
            canonical = f"{body} of {the}{country}"
            out.append(DonorMention(canonical, offset + tokens[lo][1], offset + tokens[hi - 1][2]))
    return out


def normalize_donor(name: str, book: DonorBook | None = None) -> str | None:
    """One English name for the common donors of the region, or None when not known.

    Case-insensitive; Russian forms are compared by pymorphy3 lemmas ("Европейским Союзом"),
    Kazakh forms by their stems ("Еуропалық Одақтың"); "Программный офис ОБСЕ в Астане" gives
    "OSCE" because it contains a known donor.
    """
    if not name or not name.strip():
        return None
    text = re.sub(r"[«»“”„\"]", " ", name)
    tokens = _tokens(text)
    keys = [word_key(w) for w, _, _ in tokens]
    keys = [k for k in keys if k]
    node = (book or DonorBook.default()).trie
    for key in keys:
        node = node.get(key)
        if node is None:
            break
    if node is not None and "$" in node:
        return node["$"]
    # strip the parenthesised part: "Агентство по международному развитию (USAID)"
    main = strip_parentheses(text)
    if main != text.strip():
        found = normalize_donor(main, book)
        if found:
            return found
    mentions = find_donor_mentions(text, book=book)
    if mentions:
        embassy = [m for m in mentions if m.canonical.startswith(STATE_BODY_NAMES)]
        if embassy:
            return embassy[0].canonical
        longest = max(mentions, key=lambda m: m.end - m.start)
        return longest.canonical
    return None
