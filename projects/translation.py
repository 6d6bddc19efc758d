"""Content fields translated into ru / kk / en (django-modeltranslation).

Only human-readable text is registered. No language is required at the database level: an
import from a Kazakh press release starts with Kazakh text only, and fallbacks
(MODELTRANSLATION_FALLBACK_LANGUAGES) fill the gaps on pages until editors translate.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    Contact,
    FactEvidence,
    FundingLine,
    Keyword,
    Organization,
    Place,
    Project,
    Sector,
    SourceDocument,
)


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title", "summary", "description", "objectives", "results")
    required_languages = ()


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name", "short_name", "address")
    required_languages = ()


@register(Place)
class PlaceTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ()


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ()


@register(Keyword)
class KeywordTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ()


@register(Contact)
class ContactTranslation(TranslationOptions):
    fields = ("name", "position")
    required_languages = ()


@register(FundingLine)
class FundingLineTranslation(TranslationOptions):
    fields = ("note",)
    required_languages = ()


@register(SourceDocument)
class SourceDocumentTranslation(TranslationOptions):
    fields = ("publisher",)
    required_languages = ()


@register(FactEvidence)
class FactEvidenceTranslation(TranslationOptions):
    fields = ("note",)
    required_languages = ()
