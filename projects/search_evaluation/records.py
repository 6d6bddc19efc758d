"""Synthetic test projects that the search evaluation adds to the five seeds.

Each covers a case that the seeds do not: a record written only in English, one written only
in Kazakh, one funded by USAID with a contract number, one whose title says "права" without
being about human rights, and villages in regions where no seed works (Zhetysu, Turkistan).
Their titles say they are test records. They are made only inside the evaluation's
transaction, which is always rolled back; queries.yaml may name their slugs in `expect`.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from projects import indexing
from projects.models import (
    FundingKind,
    FundingLine,
    Keyword,
    Organization,
    Participation,
    ParticipationRole,
    Place,
    Project,
)
from projects.partial_dates import parse_partial_date

LANGUAGES = ("ru", "kk", "en")

Text = dict[str, str]  # {"ru": ..., "kk": ..., "en": ...}; a missing language stays empty


@dataclass(frozen=True)
class Donation:
    donor: str  # organisation slug (from the seeds)
    amount: str
    currency: str


@dataclass(frozen=True)
class SyntheticProject:
    slug: str
    language: str  # the language the record was written in
    title: Text
    summary: Text
    objectives: list[Text] = field(default_factory=list)
    results: list[Text] = field(default_factory=list)
    keywords: dict[str, Text] = field(default_factory=dict)  # keyword slug -> names
    places: list[str] = field(default_factory=list)  # gazetteer slugs
    donations: list[Donation] = field(default_factory=list)
    start: str | None = None  # partial ISO dates, as in the seeds
    end: str | None = None
    contract_number: str = ""


TEST_RECORDS = [
    SyntheticProject(
        slug="synthetic-test-beekeeping-zhetysu-villages",
        language="en",
        title={"en": "Synthetic test record: Beekeeping Cooperatives in Zhetysu Villages"},
        summary={
            "en": "A record written only in English, made for testing search: beekeepers in "
            "the villages of Karabulak and Lepsi set up cooperatives to sell their honey "
            "together."
        },
        objectives=[{"en": "To train forty beekeepers to run a cooperative and market honey."}],
        results=[{"en": "Two honey cooperatives were registered, with 38 member beekeepers."}],
        keywords={"synthetic-test-beekeeping": {"en": "beekeeping"}},
        places=["karabulak", "lepsi"],
        donations=[Donation("european-union", "60000", "EUR")],
        start="2021-03",
        end="2022-12",
    ),
    SyntheticProject(
        slug="synthetic-test-media-literacy-pavlodar",
        language="ru",
        title={
            "ru": "Тестовая запись: медиаграмотность для школьников Павлодара",
            "kk": "Сынақ жазбасы: Павлодар оқушыларына арналған медиасауаттылық",
            "en": "Synthetic test record: Media Literacy for Schoolchildren in Pavlodar",
        },
        summary={
            "ru": "Синтетическая запись для проверки поиска: уроки медиаграмотности в школах "
            "Павлодара, которые финансирует USAID.",
            "kk": "Іздеуді тексеруге арналған жасанды жазба: USAID қаржыландыратын Павлодар "
            "мектептеріндегі медиасауаттылық сабақтары.",
            "en": "A synthetic record for testing search: media literacy lessons in Pavlodar "
            "schools, funded by USAID.",
        },
        objectives=[
            {
                "ru": "Научить 500 школьников проверять новости и распознавать дезинформацию.",
                "kk": "500 оқушыны жаңалықтарды тексеруге және дезинформацияны ажыратуға үйрету.",
                "en": "To teach 500 schoolchildren to check news and recognise disinformation.",
            }
        ],
        results=[
            {
                "ru": "Уроки прошли в 12 школах.",
                "kk": "Сабақтар 12 мектепте өтті.",
                "en": "Lessons were held in 12 schools.",
            }
        ],
        keywords={
            "synthetic-test-media-literacy": {
                "ru": "медиаграмотность",
                "kk": "медиасауаттылық",
                "en": "media literacy",
            }
        },
        places=["pavlodar"],
        donations=[Donation("usaid", "250000", "USD")],
        start="2021-09",
        end="2023-06",
        contract_number="AID-176-A-21-00042",
    ),
    SyntheticProject(
        slug="synthetic-test-utility-consumer-rights",
        language="ru",
        title={
            "ru": "Тестовая запись: права потребителей коммунальных услуг",
            "kk": "Сынақ жазбасы: коммуналдық қызмет тұтынушыларының құқықтары",
            "en": "Synthetic test record: Rights of Utility Consumers",
        },
        summary={
            "ru": "Синтетическая запись для проверки поиска: юристы бесплатно консультируют "
            "жильцов о тарифах на воду и отопление.",
            "kk": "Іздеуді тексеруге арналған жасанды жазба: заңгерлер тұрғындарға су мен жылу "
            "тарифтері бойынша тегін кеңес береді.",
            "en": "A synthetic record for testing search: lawyers give tenants free advice on "
            "water and heating tariffs.",
        },
        keywords={
            "synthetic-test-consumer-rights": {
                "ru": "права потребителей",
                "kk": "тұтынушылар құқықтары",
                "en": "consumer rights",
            }
        },
        places=["uzbekistan"],
        start="2023",
        end="2024",
    ),
    SyntheticProject(
        slug="synthetic-test-sayram-entrepreneurs-kazakh-only",
        language="kk",
        title={"kk": "Сынақ жазбасы: Сайрам ауылындағы кәсіпкерлерге кеңес беру орталығы"},
        summary={
            "kk": "Іздеуді тексеруге арналған, тек қазақ тілінде жазылған жасанды жазба: Сайрам "
            "мен Шәуілдір ауылдарының шағын кәсіпкерлеріне заң және бухгалтерлік кеңестер "
            "беріледі."
        },
        results=[{"kk": "120 кәсіпкер тегін кеңес алды."}],
        keywords={"synthetic-test-small-business": {"kk": "шағын кәсіпкерлік"}},
        places=["sayram", "shaulder"],
    ),
]

SLUGS = frozenset(record.slug for record in TEST_RECORDS)


class MissingSeedRows(LookupError):
    """The places or donors the test records refer to are not in the database (load the
    seeds first)."""


def create_test_records() -> list[Project]:
    """Create the test records, published, and bring their search documents up to date.
    Call it inside a transaction that is rolled back: nothing here is meant to stay."""
    with indexing.batch():
        return [_create(record) for record in TEST_RECORDS]


def _create(record: SyntheticProject) -> Project:
    start = parse_partial_date(record.start)
    end = parse_partial_date(record.end, period_end=True)
    project = Project.objects.create(
        slug=record.slug,
        original_language=record.language,
        is_published=True,
        start_date=start.date,
        start_precision=start.precision,
        end_date=end.date,
        end_precision=end.precision,
        contract_number=record.contract_number,
        **_translated("title", record.title),
        **_translated("summary", record.summary),
        **_translated_lines("objectives", record.objectives),
        **_translated_lines("results", record.results),
    )
    places = list(Place.objects.filter(slug__in=record.places))
    if len(places) != len(record.places):
        missing = sorted(set(record.places) - {place.slug for place in places})
        raise MissingSeedRows(f"{record.slug}: no place {', '.join(missing)}")
    project.places.set(places)
    keywords = [
        Keyword.objects.get_or_create(slug=slug, defaults=_translated("name", names))[0]
        for slug, names in record.keywords.items()
    ]
    project.keywords.set(keywords)
    for donation in record.donations:
        donor = Organization.objects.filter(slug=donation.donor).first()
        if donor is None:
            raise MissingSeedRows(f"{record.slug}: no organisation {donation.donor}")
        Participation.objects.create(
            project=project, organization=donor, role=ParticipationRole.DONOR
        )
        FundingLine.objects.create(
            project=project,
            donor=donor,
            amount=Decimal(donation.amount),
            currency=donation.currency,
            kind=FundingKind.DONOR_CONTRIBUTION,
        )
    return project


def _translated(field_name: str, text: Text) -> dict[str, str]:
    return {f"{field_name}_{lang}": text.get(lang, "") for lang in LANGUAGES}


def _translated_lines(field_name: str, items: list[Text]) -> dict[str, str]:
    """One item per line, as the seeds store objectives and results."""
    return {
        f"{field_name}_{lang}": "\n".join(item[lang] for item in items if item.get(lang))
        for lang in LANGUAGES
    }
