"""From the text of one press release to a structured, evidenced draft (no database).

    extraction = extract(text)          # text: str, already decoded (see text.decode_bytes)
    extraction.as_json(file="x.txt")    # the keys of `manage.py extract_press_release`

Regular expressions carry most recognisers: press releases state money, dates, phones and
contract numbers in a small number of written forms, which rules read exactly and explain
(each value keeps its evidence). Words that change their ending (Russian and Kazakh place and
person names) go through pymorphy3's Russian dictionary, shipped as a package and used offline,
and through Kazakh suffix rules.

natasha's Russian news NER (slovnet) was measured as a source of organisation names: at a role
cue where the rules read no name, before an implementing verb, and as the release's most named
organisation when no cue names an implementer. It changed no score on the development set, on
15 new releases or on the held-out set (its spans are the names the rules already read, or
state offices it misses), and it costs 200 MB and half a second per process: not used.
"""

from django.utils.translation import gettext as _

from .amounts import find_amounts
from .announced import announced_projects
from .contacts import find_contacts, find_emails, find_phones
from .dates import find_period, find_published
from .donors import DonorBook
from .identifiers import find_contract_number
from .language import detect_language
from .localities import find_unlisted_places
from .organizations import find_organizations
from .places import Gazetteer, find_places
from .result import Document, Extraction
from .segment import article_mask
from .text import IngestError, decode_bytes, read_plain_text
from .title import find_title

__all__ = ["Extraction", "IngestError", "decode_bytes", "extract", "prepare"]


def prepare(text: str, language: str | None = None) -> Document:
    """Tidy the text, blank the page noise and decide the language."""
    plain = read_plain_text(text)
    if not plain.text.strip():
        raise IngestError(_("The file is empty."))
    article = article_mask(plain.text)
    return Document(
        text=plain.text,
        article=article,
        language=language or detect_language(article),
        source_url=plain.source_url,
    )


def extract(
    text: str,
    language: str | None = None,
    *,
    gazetteer: Gazetteer | None = None,
    donors: DonorBook | None = None,
) -> Extraction:
    """What the release states. Its resources are arguments: the places it can name
    (default: seeds/gazetteer.json) and the donors it knows by name (default: the lexicon in
    donors.py); the importer passes the registry's own, with the aliases editors added."""
    doc = prepare(text, language)
    implementers, partners, donors_found = find_organizations(doc, donors)
    start, end, duration, duration_evidence = find_period(doc)
    amounts = find_amounts(doc, donors_found)
    gazetteer = gazetteer or Gazetteer.load()
    places = find_places(doc, gazetteer)
    places += find_unlisted_places(doc, gazetteer, places)
    own_amounts = [amount for amount in amounts if amount.kind != "programme"]
    projects = announced_projects(doc, implementers, partners, own_amounts, places)
    return Extraction(
        language=doc.language,
        source_url=doc.source_url,
        title=find_title(doc),
        published=find_published(doc),
        donors=donors_found,
        amounts=own_amounts,
        programme_amounts=[amount for amount in amounts if amount.kind == "programme"],
        start=start,
        end=end,
        duration_months=duration,
        duration_evidence=duration_evidence,
        places=places,
        implementers=implementers,
        partners=partners,
        contacts=find_contacts(doc, implementers + partners + donors_found),
        emails=find_emails(doc),
        phones=find_phones(doc),
        contract_number=find_contract_number(doc),
        projects=projects,
        document=doc,
    )
