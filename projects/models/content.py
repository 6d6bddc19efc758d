"""The registry's data: projects, the organisations and places they involve, their money,
contacts and the press releases they come from.

Human-readable text fields are translated into ru / kk / en by django-modeltranslation
(see translation.py): `title` reads the active language with fallbacks, `title_ru`,
`title_kk`, `title_en` are the stored columns.
"""

import datetime
import functools
import hashlib
import unicodedata

import pycountry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import (
    Case,
    F,
    FilteredRelation,
    Q,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..fields import StringListField
from ..partial_dates import DatePrecision, PartialDate
from ..url_cache import slug_url

CURRENCY_CODES = sorted(currency.alpha_3 for currency in pycountry.currencies)
COUNTRY_CODES = sorted(country.alpha_2 for country in pycountry.countries)
COUNTRY_CHOICES = [(code, pycountry.countries.get(alpha_2=code).name) for code in COUNTRY_CODES]
LANGUAGE_CHOICES = [(code, name) for code, name in settings.LANGUAGES]


def normalize_name(name: str) -> str:
    """A key for matching names whatever their case, quotes, dashes or ё/е spelling.

    "ОО «Эхо»" and "оо \"эхо\"" give the same key; legal-form prefixes are kept (they are
    stripped by the matcher that needs it, not here).
    """
    text = unicodedata.normalize("NFKC", name).casefold().replace("ё", "е")
    for mark in "«»“”„\"'`’‘":
        text = text.replace(mark, "")
    for dash in "‐‑‒–—―":
        text = text.replace(dash, "-")
    return " ".join(text.split())


def validate_emails(emails: list[str]) -> None:
    validator = EmailValidator()
    for email in emails:
        try:
            validator(email)
        except ValidationError:
            # Not the code "invalid": a JSON field would show its own "invalid" message
            # ("Value must be valid JSON") in place of this one.
            raise ValidationError(
                _("“%(value)s” is not an e-mail address."),
                code="invalid_email",
                params={"value": email},
            ) from None


def synthetic_flag():
    """Marks rows made by `manage.py generate_projects` for load tests, never real records:
    pages say so, exports carry the mark, and `generate_projects --delete` removes them."""
    return models.BooleanField(
        _("synthetic test data"),
        default=False,
        editable=False,
        db_index=True,
        help_text=_("Made by the load-test generator; not a real record."),
    )


class QuickChoiceLabels:
    """`get_<field>_display()` as Django's, without building the field's dict of choices again
    on each call: that hashes every (lazily translated) label, ~80 µs a call, and a project page
    makes dozens. The dict keeps the labels lazy, so it serves every language."""

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        label = _choice_labels(field).get(make_hashable(value), value)
        return force_str(label, strings_only=True)


@functools.cache
def _choice_labels(field) -> dict:
    return dict(make_hashable(field.flatchoices))


class TimestampedModel(QuickChoiceLabels, models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


# --- Places ---------------------------------------------------------------------------------


class PlaceKind(models.TextChoices):
    COUNTRY = "country", _("country")
    REGION = "region", _("region")
    DISTRICT = "district", _("district")
    CITY = "city", _("city")
    TOWN = "town", _("town")
    SETTLEMENT = "settlement", _("settlement")
    VILLAGE = "village", _("village")
    RURAL_DISTRICT = "rural_district", _("rural district")


class Place(TimestampedModel):
    """A place in the gazetteer: country > region > district > city, town, village."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=PlaceKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    country_code = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    geonames_id = models.PositiveIntegerField(_("GeoNames id"), null=True, blank=True)
    population = models.PositiveBigIntegerField(_("population"), null=True, blank=True)
    source = models.CharField(_("data source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="place_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="place_longitude_range",
            ),
            models.CheckConstraint(condition=Q(kind__in=PlaceKind.values), name="place_kind_valid"),
            models.UniqueConstraint(
                fields=["geonames_id"],
                condition=Q(geonames_id__isnull=False),
                name="place_geonames_id_unique",
            ),
        ]
        indexes = [models.Index(fields=["kind", "country_code"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("projects:place-detail", self.slug)

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": _("A place cannot be part of itself.")})
            ancestor = ancestor.parent

    def ancestors(self) -> list["Place"]:
        """Country first, direct parent last."""
        chain = []
        ancestor = self.parent
        while ancestor is not None:
            chain.append(ancestor)
            ancestor = ancestor.parent
        return list(reversed(chain))


class Alias(models.Model):
    """Another way to write a record's name, stored with its matching key (normalize_name)."""

    name = models.CharField(_("alias"), max_length=300)
    normalized = models.CharField(max_length=300, editable=False, db_index=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalized = normalize_name(self.name)
        super().save(*args, **kwargs)


class PlaceAlias(Alias):
    """Another way to write a place's name: Өскемен, Oskemen, Усть-Каменогорск."""

    place = models.ForeignKey(
        Place, verbose_name=_("place"), on_delete=models.CASCADE, related_name="aliases"
    )

    class Meta(Alias.Meta):
        verbose_name = _("place alias")
        verbose_name_plural = _("place aliases")
        constraints = [
            models.UniqueConstraint(
                fields=["place", "normalized"], name="place_alias_unique_per_place"
            )
        ]


# --- Organisations --------------------------------------------------------------------------


class AmountQualifier(models.TextChoices):
    EXACT = "exact", _("exact")
    MORE_THAN = "more_than", _("more than")
    UP_TO = "up_to", _("up to")
    ABOUT = "about", _("about")


class OrganizationKind(models.TextChoices):
    NGO = "ngo", _("non-governmental organisation")
    DONOR_AGENCY = "donor_agency", _("donor agency")
    GOVERNMENT = "government", _("government body")
    LOCAL_AUTHORITY = "local_authority", _("local authority")
    INTERNATIONAL_ORGANIZATION = "international_organization", _("international organisation")
    DIPLOMATIC_MISSION = "diplomatic_mission", _("diplomatic mission")
    MEDIA = "media", _("media")
    ACADEMIC = "academic", _("academic institution")
    PRIVATE = "private", _("private company")
    OTHER = "other", _("other")


class Organization(TimestampedModel):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    kind = models.CharField(
        _("kind"), max_length=30, choices=OrganizationKind.choices, default=OrganizationKind.NGO
    )
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES, blank=True)
    city = models.ForeignKey(
        Place,
        verbose_name=_("home place"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
    )
    address = models.TextField(_("address"), blank=True)
    phones = StringListField(_("phones"), help_text=_("One per line."))
    faxes = StringListField(_("faxes"), help_text=_("One per line, as printed."))
    emails = StringListField(
        _("e-mails"), help_text=_("One per line."), validators=[validate_emails]
    )
    website = models.URLField(_("website"), blank=True)
    part_of = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
        help_text=_("The organisation this one is a unit of (a bureau of a ministry)."),
    )
    links = StringListField(_("social media and other links"), help_text=_("One per line."))
    is_synthetic = synthetic_flag()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=OrganizationKind.values), name="organization_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(country="") | Q(country__in=COUNTRY_CODES),
                name="organization_country_iso",
            ),
        ]

    def __str__(self):
        if self.short_name and self.short_name != self.name:
            return f"{self.name} ({self.short_name})"
        return self.name

    def get_absolute_url(self):
        return slug_url("projects:organization-detail", self.slug)


class OrganizationAlias(Alias):
    """Another way documents write the organisation's name ("НПО «Эхо»" for "ОО «Эхо»")."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="aliases",
    )

    class Meta(Alias.Meta):
        verbose_name = _("organisation alias")
        verbose_name_plural = _("organisation aliases")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "normalized"], name="organization_alias_unique"
            )
        ]


# --- Projects -------------------------------------------------------------------------------


class Sector(models.Model):
    """A theme: a purpose code of the OECD DAC's 5-digit list (IATI's Sector vocabulary 1),
    kept as the codelist gives it (projects/data/dac_sectors.json, with the registry's Russian
    and Kazakh names). Editors assign themes; a press release never states a code."""

    code = models.CharField(_("code"), max_length=5, primary_key=True)
    category = models.CharField(_("DAC category"), max_length=3)
    name = models.CharField(_("name"), max_length=200)
    withdrawn = models.BooleanField(_("withdrawn from the codelist"), default=False)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.name}"


class ProjectSector(models.Model):
    """A project's theme, with the share of the project it covers when there are several
    (IATI asks for percentages adding up to 100 then)."""

    project = models.ForeignKey(
        "Project", on_delete=models.CASCADE, related_name="sector_links", verbose_name=_("project")
    )
    # Withdrawn codes are no longer offered nor accepted (loaders refuse them too).
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        limit_choices_to={"withdrawn": False},
        verbose_name=_("theme"),
    )
    percentage = models.PositiveSmallIntegerField(
        _("share, %"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Needed when a project has several themes: the shares add up to 100."),
    )

    class Meta:
        verbose_name = _("theme of the project")
        verbose_name_plural = _("themes of the project")
        ordering = ["-percentage", "sector"]
        constraints = [
            models.UniqueConstraint(fields=["project", "sector"], name="project_sector_once")
        ]

    def __str__(self):
        return str(self.sector)


class Keyword(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    is_synthetic = synthetic_flag()

    class Meta:
        verbose_name = _("keyword")
        verbose_name_plural = _("keywords")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    ONGOING = "ongoing", _("ongoing")
    COMPLETED = "completed", _("completed")
    UNKNOWN = "unknown", _("unknown")


def status_condition(status: str, today: datetime.date) -> Q:
    """The dates of projects with this status today, as a filter (project_status()'s rules)."""
    planned = Q(start_date__gt=today)
    started = Q(start_date__isnull=True) | Q(start_date__lte=today)
    completed = started & Q(end_date__lt=today)
    ongoing = Q(start_date__lte=today, end_date__gte=today)
    if status == ProjectStatus.PLANNED:
        return planned
    if status == ProjectStatus.COMPLETED:
        return completed
    if status == ProjectStatus.ONGOING:
        return ongoing
    not_ended = Q(end_date__isnull=True) | Q(end_date__gte=today)
    return started & not_ended & (Q(start_date__isnull=True) | Q(end_date__isnull=True))


def project_status(
    start: datetime.date | None, end: datetime.date | None, today: datetime.date
) -> str:
    """Status from the dates; the same rules as ProjectQuerySet.with_status()."""
    if start is not None and start > today:
        return ProjectStatus.PLANNED
    if end is not None and end < today:
        return ProjectStatus.COMPLETED
    if start is not None and end is not None:
        return ProjectStatus.ONGOING
    return ProjectStatus.UNKNOWN


AMOUNT_FIELD = models.DecimalField(max_digits=18, decimal_places=2)
RATE = models.DecimalField(max_digits=20, decimal_places=10)


class ProjectQuerySet(models.QuerySet):
    def published(self):
        """Projects the public may see; drafts stay with the editors."""
        return self.filter(is_published=True)

    def with_status(self, today: datetime.date | None = None):
        """Annotate `current_status` with the rules of project_status()."""
        today = today or timezone.localdate()
        return self.annotate(
            current_status=Case(
                When(start_date__gt=today, then=Value(ProjectStatus.PLANNED)),
                When(end_date__lt=today, then=Value(ProjectStatus.COMPLETED)),
                When(
                    start_date__isnull=False,
                    end_date__isnull=False,
                    then=Value(ProjectStatus.ONGOING),
                ),
                default=Value(ProjectStatus.UNKNOWN),
                output_field=models.CharField(),
            )
        )

    def with_status_of(self, status: str, today: datetime.date | None = None):
        """Projects whose status today is `status` (the rules of project_status()), as
        conditions on the dates that their indexes answer."""
        return self.filter(status_condition(status, today or timezone.localdate()))

    def with_budget(self, currency: str | None = None):
        """Annotate `budget_currency`, `budget_amount` and `budget_qualifier`: the project's
        budget in `currency` (its stated total in it, else the sum of the donor contributions
        in it; amounts in different currencies are never added up), or without a currency its
        headline figure (a total before a contribution, the larger before the smaller), with
        how the sources qualify it ("more than", "up to"). Read from what
        indexing.py keeps: the headline columns, or a currency's ProjectBudget row."""
        if not currency:
            return self.annotate(
                budget_currency=F("headline_currency"),
                budget_amount=F("headline_amount"),
                budget_qualifier=Coalesce("headline_qualifier", Value(AmountQualifier.EXACT)),
            )
        stated = Q(budgets__currency=currency, budgets__is_stated=True)
        row = FilteredRelation("budgets", condition=stated)
        return self.annotate(budget_row=row).annotate(
            budget_currency=Value(currency, output_field=models.CharField()),
            budget_amount=F("budget_row__amount"),
            budget_qualifier=F("budget_row__qualifier"),
        )

    def with_budget_in_range(self, currency: str, lookup: str, bound):
        """Projects whose budget in `currency` satisfies `lookup` ("gte" or "lte") against
        `bound`: the budget stated in that currency if the source gives one, else the headline
        budget converted with the annual average rates of the project's start year (exchange
        rates in the admin); without a rate, the project is not in the range. Both are
        ProjectBudget rows (indexing.py keeps the converted ones)."""
        from .derived import ProjectBudget

        in_range = ProjectBudget.objects.filter(currency=currency, **{f"amount__{lookup}": bound})
        return self.filter(pk__in=in_range.values("project_id"))

    def active_in_year(self, year: int):
        """Projects whose period includes the year (a project counts in every year from its
        start to its end; with one date known, in that date's year only)."""
        return self.active_between(year, year)

    def active_between(self, first_year: int | None, last_year: int | None):
        """Projects active at some time from `first_year` to `last_year` (either may be None:
        no bound). Undated projects are in no year."""
        projects = self.alias(
            first_day=Coalesce("start_date", "end_date"),
            last_day=Coalesce("end_date", "start_date"),
        )
        if last_year is not None:
            projects = projects.filter(first_day__lte=datetime.date(last_year, 12, 31))
        if first_year is not None:
            projects = projects.filter(last_day__gte=datetime.date(first_year, 1, 1))
        return projects

    def for_list(self):
        """What a list row shows: donors, places and the headline budget, in fixed queries."""
        # The long texts a card does not show stay in the database; the prefetches order by
        # their own columns (the models' default orderings would join the projects again).
        unshown = [f"{name}_{lang}" for name in ("description", "objectives", "results")
                   for lang, _language in settings.LANGUAGES]  # fmt: skip
        return (
            self.with_budget()
            .defer(*unshown)
            .prefetch_related(
                models.Prefetch(
                    "participations",
                    queryset=Participation.objects.select_related("organization").order_by(
                        "role", "id"
                    ),
                ),
                "places",
                models.Prefetch(
                    "sources",
                    queryset=SourceDocument.objects.only("project", "published_on").order_by(
                        "file_name", "id"
                    ),
                ),
            )
        )

    def for_detail(self):
        """Everything a project page shows, in a fixed number of queries."""
        return self.prefetch_related(
            # By name in the page's language, then by id where names are alike (empty ones).
            models.Prefetch("keywords", queryset=Keyword.objects.order_by("name", "id")),
            # The regions the places lie in come from the place tree (places.PlaceTree).
            models.Prefetch("places", queryset=Place.objects.order_by("name", "id")),
            models.Prefetch(
                "sector_links", queryset=ProjectSector.objects.select_related("sector")
            ),
            models.Prefetch(
                "participations",
                queryset=Participation.objects.select_related("organization").order_by(
                    "role", "id"
                ),
            ),
            models.Prefetch(
                "funding_lines",
                queryset=FundingLine.objects.select_related("donor").order_by("kind", "id"),
            ),
            models.Prefetch(
                "contacts",
                queryset=Contact.objects.select_related("organization").order_by("id"),
            ),
            models.Prefetch("sources", queryset=SourceDocument.objects.order_by("file_name", "id")),
            "evidence",
        )


class Project(TimestampedModel):
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("Part of the public address; ASCII, from the English title. Never change it."),
    )
    title = models.CharField(_("title"), max_length=500)
    title_given_by_editor = models.BooleanField(
        _("title given by an editor"),
        default=False,
        help_text=_(
            "The source names no project: the title describes it in the editor's words. "
            "Pages say so."
        ),
    )
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    objectives = models.TextField(_("objectives"), blank=True, help_text=_("One per line."))
    results = models.TextField(_("results"), blank=True, help_text=_("One per line."))
    start_date = models.DateField(
        _("start date"), null=True, blank=True, help_text=_("First day of the stated period.")
    )
    start_precision = models.CharField(
        _("start date precision"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.UNKNOWN,
    )
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Last day of the stated period.")
    )
    end_precision = models.CharField(
        _("end date precision"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.UNKNOWN,
    )
    duration_months = models.PositiveSmallIntegerField(
        _("duration, months"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Only when the source states it."),
    )
    contract_number = models.CharField(_("contract number"), max_length=100, blank=True)
    original_language = models.CharField(
        _("original language"), max_length=2, choices=LANGUAGE_CHOICES
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Drafts are invisible to the public.")
    )
    published_at = models.DateTimeField(_("first published"), null=True, blank=True, editable=False)
    # Review before publishing (services/publishing.py writes these, nothing else does).
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    review_requested_at = models.DateTimeField(
        _("submitted for review"), null=True, blank=True, editable=False
    )
    review_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted for review by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    keywords = models.ManyToManyField(
        Keyword, verbose_name=_("keywords"), blank=True, related_name="projects"
    )
    places = models.ManyToManyField(
        Place, verbose_name=_("places"), blank=True, related_name="projects"
    )
    sectors = models.ManyToManyField(
        Sector, through=ProjectSector, verbose_name=_("themes"), blank=True,
        related_name="projects",
    )  # fmt: skip
    organizations = models.ManyToManyField(
        Organization, through="Participation", related_name="projects", blank=True
    )
    is_synthetic = synthetic_flag()
    # Derived by indexing.py from the funding lines (never edited): the headline figure that
    # lists show and sort by (ProjectQuerySet.with_budget's rule); null without one.
    headline_currency = models.CharField(max_length=3, null=True, blank=True, editable=False)
    headline_amount = models.DecimalField(
        max_digits=18, decimal_places=2, null=True, blank=True, editable=False
    )
    # How the sources qualify it: "more than 1 500 000 USD" must not read as exact.
    headline_qualifier = models.CharField(
        max_length=10, choices=AmountQualifier.choices, null=True, blank=True, editable=False
    )

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        permissions = [("publish_project", _("Can publish and withdraw projects"))]
        ordering = ["-created_at", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="project_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True, start_precision=DatePrecision.UNKNOWN)
                | (
                    Q(start_date__isnull=False)
                    & Q(
                        start_precision__in=[
                            DatePrecision.DAY,
                            DatePrecision.MONTH,
                            DatePrecision.YEAR,
                        ]
                    )
                ),
                name="project_start_precision_matches_date",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True, end_precision=DatePrecision.UNKNOWN)
                | (
                    Q(end_date__isnull=False)
                    & Q(
                        end_precision__in=[
                            DatePrecision.DAY,
                            DatePrecision.MONTH,
                            DatePrecision.YEAR,
                        ]
                    )
                ),
                name="project_end_precision_matches_date",
            ),
            models.CheckConstraint(
                condition=Q(duration_months__isnull=True) | Q(duration_months__gte=1),
                name="project_duration_positive",
            ),
        ]
        indexes = [
            models.Index(fields=["is_published", "-created_at"]),
            models.Index(fields=["is_published", "-published_at"]),
            models.Index(fields=["start_date"]),
            models.Index(fields=["end_date"]),
            # "Active in year Y" compares these with the year's first and last day
            # (ProjectQuerySet.active_in_year), so both comparisons are index range scans.
            models.Index(Coalesce("start_date", "end_date"), name="project_first_day"),
            models.Index(Coalesce("end_date", "start_date"), name="project_last_day"),
            # A search's matching projects with what its figures group by, read from the
            # index alone (aggregates.py).
            models.Index(
                fields=["id"],
                include=["start_date", "end_date", "original_language"],
                condition=Q(is_published=True),
                name="project_published_facts",
            ),
            # The public list, newest first: a page is read in this order without sorting.
            models.Index(
                F("created_at").desc(),
                F("id"),
                condition=Q(is_published=True),
                name="project_list_newest",
            ),
            # The admin's list, newest first. (The public list's start and title orders have
            # PostgreSQL-only indexes, made by migration 0006.)
            models.Index(F("created_at").desc(), F("slug"), name="project_newest"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("projects:project-detail", self.slug)

    def clean(self):
        errors = {}
        for field in ("start", "end"):
            date = getattr(self, f"{field}_date")
            precision = getattr(self, f"{field}_precision")
            if date is None and precision != DatePrecision.UNKNOWN:
                errors[f"{field}_precision"] = _("A missing date has unknown precision.")
            if date is not None and precision == DatePrecision.UNKNOWN:
                errors[f"{field}_precision"] = _("Say how precise the date is.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end cannot be before the start.")
        if errors:
            raise ValidationError(errors)

    @property
    def start(self) -> PartialDate:
        return PartialDate(self.start_date, self.start_precision)

    @property
    def end(self) -> PartialDate:
        return PartialDate(self.end_date, self.end_precision)

    @property
    def status(self) -> str:
        return project_status(self.start_date, self.end_date, timezone.localdate())

    def get_status_display(self) -> str:
        return ProjectStatus(self.status).label

    def donor_participations(self) -> list["Participation"]:
        """Donors of the project, from the prefetched participations (no extra query)."""
        return [p for p in self.participations.all() if p.role == ParticipationRole.DONOR]

    def objective_list(self) -> list[str]:
        return [line.strip() for line in self.objectives.splitlines() if line.strip()]

    def result_list(self) -> list[str]:
        return [line.strip() for line in self.results.splitlines() if line.strip()]


class ParticipationRole(models.TextChoices):
    LEAD_IMPLEMENTER = "lead_implementer", _("lead implementer")
    CO_IMPLEMENTER = "co_implementer", _("co-implementer")
    PARTNER = "partner", _("partner")
    DONOR = "donor", _("donor")
    LOCAL_AUTHORITY_PARTNER = "local_authority_partner", _("local authority partner")


class Participation(QuickChoiceLabels, models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="participations"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="participations",
    )
    role = models.CharField(_("role"), max_length=30, choices=ParticipationRole.choices)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["project", "role", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organization", "role"], name="participation_unique_role"
            ),
            models.CheckConstraint(
                condition=Q(role__in=ParticipationRole.values), name="participation_role_valid"
            ),
        ]
        indexes = [models.Index(fields=["organization", "role"])]

    def __str__(self):
        return f"{self.organization} — {self.get_role_display()}"


class FundingKind(models.TextChoices):
    TOTAL = "total", _("total budget")
    DONOR_CONTRIBUTION = "donor_contribution", _("donor contribution")
    OTHER = "other", _("other")


class FundingLine(QuickChoiceLabels, models.Model):
    """One figure of a project's budget: a total, or what one donor gives."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="funding_lines"
    )
    donor = models.ForeignKey(
        Organization,
        verbose_name=_("donor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funding_lines",
        help_text=_("Empty for a total that no single donor gives."),
    )
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2)
    currency = models.CharField(
        _("currency"), max_length=3, choices=[(code, code) for code in CURRENCY_CODES]
    )
    kind = models.CharField(_("kind"), max_length=20, choices=FundingKind.choices)
    qualifier = models.CharField(
        _("qualifier"),
        max_length=10,
        choices=AmountQualifier.choices,
        default=AmountQualifier.EXACT,
        help_text=_("Whether the source gives the exact figure or says “more than”, “up to”."),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("funding line")
        verbose_name_plural = _("funding lines")
        ordering = ["project", "kind", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="funding_amount_non_negative"),
            models.CheckConstraint(
                condition=Q(currency__in=CURRENCY_CODES), name="funding_currency_iso4217"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=FundingKind.values), name="funding_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(qualifier__in=AmountQualifier.values), name="funding_qualifier_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["donor", "currency"]),
            models.Index(fields=["currency", "project"], name="funding_line_currency"),
        ]

    def __str__(self):
        return f"{self.get_qualifier_display()} {self.amount} {self.currency}"


class Contact(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(
        pgettext_lazy("a person's", "name"),
        max_length=200,
        blank=True,
        help_text=_("Empty when the source gives an organisation to contact, not a person."),
    )
    position = models.CharField(_("position"), max_length=300, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
    )
    phones = StringListField(_("phones"), help_text=_("One per line, as printed."))
    faxes = StringListField(_("faxes"), help_text=_("One per line, as printed."))
    emails = StringListField(
        _("e-mails"), help_text=_("One per line."), validators=[validate_emails]
    )

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["project", "id"]

    def __str__(self):
        return self.name or (str(self.organization) if self.organization_id else "")

    def clean(self):
        super().clean()
        if not (self.name or self.organization_id):
            raise ValidationError(_("Give a person's name or the organisation to contact."))


class ExchangeRate(TimestampedModel):
    """An annual average exchange rate: what one unit of `currency` was worth in EUR and USD
    in `year`, with its published source. Used only to show converted figures, marked as such;
    stored amounts never change."""

    currency = models.CharField(
        _("currency"), max_length=3, choices=[(code, code) for code in CURRENCY_CODES]
    )
    year = models.PositiveSmallIntegerField(_("year"))
    rate_to_eur = models.DecimalField(_("value in EUR"), max_digits=20, decimal_places=10)
    rate_to_usd = models.DecimalField(_("value in USD"), max_digits=20, decimal_places=10)
    source = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("source address"), blank=True)
    retrieved_on = models.DateField(_("date of the figures"), null=True, blank=True)

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["-year", "currency"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "year"], name="exchange_rate_unique"),
            models.CheckConstraint(
                condition=Q(rate_to_eur__gt=0, rate_to_usd__gt=0), name="exchange_rate_positive"
            ),
            models.CheckConstraint(
                condition=Q(currency__in=CURRENCY_CODES), name="exchange_rate_currency_iso4217"
            ),
        ]

    def __str__(self):
        return f"{self.currency} {self.year}"


class SourceImmutableError(ValidationError):
    """A stored source's words were about to change."""


class SourceDocument(TimestampedModel):
    """A press release exactly as received; the project's facts come from it.

    Its SHA-256 identifies the text. A release that announces several projects is stored once
    for each of them (each project's page shows the release it came from), never twice for one.

    Its text and SHA-256 never change once stored: the model refuses such a save and a database
    trigger (migration 0007) refuses any other UPDATE. A correction is a new document that
    `supersedes` this one, which stays as it was.
    """

    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sources",
    )
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    title = models.CharField(_("headline"), max_length=500, blank=True)
    text = models.TextField(_("text"))
    sha256 = models.CharField(
        _("SHA-256 of the text"), max_length=64, db_index=True, editable=False
    )
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    url = models.URLField(_("address on the web"), max_length=500, blank=True)
    dateline = models.CharField(
        _("dateline"),
        max_length=200,
        blank=True,
        help_text=_("The place (and date) printed before the first sentence, as printed."),
    )
    dateline_place = models.ForeignKey(
        Place,
        verbose_name=_("place of publication"),
        on_delete=models.SET_NULL,  # the dateline's words stay
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The place the dateline names."),
    )
    extraction = models.JSONField(
        _("extracted facts and their evidence"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("What the importer read from the text, for the editor's review."),
    )
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("corrected version of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrected_by",
        help_text=_("The earlier version this text corrects; the earlier one is kept as it was."),
    )
    correction_note = models.TextField(
        _("what was corrected"),
        blank=True,
        help_text=_("For a corrected version: what differs from the earlier text, and why."),
    )

    class Meta:
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")
        ordering = ["project", "file_name", "pk"]
        constraints = [
            # A release announcing several projects is each one's source: one copy per project.
            models.UniqueConstraint(
                fields=["project", "sha256"], name="one_copy_of_a_text_per_project"
            ),
            models.UniqueConstraint(
                fields=["sha256"],
                condition=models.Q(project__isnull=True),
                name="one_copy_of_an_unattached_text",
            ),
        ]

    def __str__(self):
        return self.file_name or self.title or f"#{self.pk}"

    def save(self, *args, **kwargs):
        sha256 = text_sha256(self.text)
        if not self._state.adding and self.pk is not None:
            stored = SourceDocument.objects.filter(pk=self.pk).values_list("sha256", flat=True)
            if stored and stored[0] != sha256:
                raise SourceImmutableError(
                    _(
                        "A stored press release never changes. "
                        "Attach a corrected version instead; the original is kept."
                    )
                )
        self.sha256 = sha256
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.supersedes_id and not self.correction_note.strip():
            raise ValidationError(
                {"correction_note": _("Say what this version corrects in the earlier text.")}
            )
        if self.supersedes_id and self.supersedes.project_id != self.project_id:
            raise ValidationError(
                {"project": _("A correction belongs to the same project as the earlier version.")}
            )
        if self.supersedes_id and self.supersedes.text == self.text:
            raise ValidationError({"text": _("The text is the same as the earlier version's.")})
        same_text = SourceDocument.objects.filter(
            project_id=self.project_id, sha256=text_sha256(self.text)
        )
        if self.project_id and same_text.exclude(pk=self.pk).exists():
            raise ValidationError({"text": _("This project already holds this text.")})


def text_sha256(text: str) -> str:
    """Identity of a source text: the same press release imported twice is found again."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class PublishingAction(models.TextChoices):
    SUBMITTED = "submitted", _("submitted for review")
    PUBLISHED = "published", _("published")
    WITHDRAWN = "withdrawn", _("withdrawn to drafts")


class PublishingEvent(models.Model):
    """Who submitted, published or withdrew a project, when, and from where."""

    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="publishing_events",
    )
    action = models.CharField(_("action"), max_length=20, choices=PublishingAction.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    via = models.CharField(_("from"), max_length=40, help_text=_("admin, or a command's name"))

    class Meta:
        verbose_name = _("publishing event")
        verbose_name_plural = _("publishing events")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["project", "-at"])]

    def __str__(self):
        return f"{self.get_action_display()} · {self.at:%Y-%m-%d %H:%M}"
