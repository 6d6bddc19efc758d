"""The public corrections form: a visitor reports an error on a record's page.

Never cached (it carries a CSRF token, and a thank-you that is the visitor's own). Two guards
against robots: a honeypot field people never see, and at most RATE_LIMIT stored reports per
client address in RATE_WINDOW seconds, counted in the cache shared by the app servers.
"""

import re
from urllib.parse import urlencode

from axes.helpers import get_client_ip_address
from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .models import (
    MESSAGE_MAX_LENGTH,
    RECORD_KINDS,
    Place,
    Project,
)
from .selectors.directory import organizations_with_public_pages
from .services import correction_create

RATE_LIMIT = 5
RATE_WINDOW = 10 * 60  # seconds
SLUG = re.compile(r"[-\w]{1,120}")
KIND_LABELS = {"project": _("Project"), "organization": _("Organisation"), "place": _("Place")}


class CorrectionForm(forms.Form):
    message = forms.CharField(
        label=_("What is wrong, and what is right?"),
        help_text=_("If you can, say where the right facts are stated (a link or a document)."),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    email = forms.EmailField(
        label=_("Your e-mail (optional)"),
        help_text=_("Only the editors see it, to ask you about this report."),
        required=False,
    )
    # The honeypot: hidden from people (templates/projects/correction_form.html), filled in by
    # robots that fill in every field.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


def published_records(kind: str):
    """The records whose public page a visitor can see, so can report on: published
    projects, organisations named in one, and every place."""
    if kind == "project":
        return Project.objects.published()
    if kind == "organization":
        return organizations_with_public_pages()
    return Place.objects.all()


def record_asked_for(query: QueryDict):
    """The one record the address names (?project=, ?organization= or ?place=), or 404."""
    kinds = [kind for kind in RECORD_KINDS if kind in query]
    if len(kinds) != 1 or len(query.getlist(kinds[0])) != 1:
        raise Http404("Name one project, organisation or place.")
    kind, slug = kinds[0], query[kinds[0]]
    if not SLUG.fullmatch(slug):  # a NUL byte would be a database error on PostgreSQL
        raise Http404("No such record.")
    record = published_records(kind).filter(slug=slug).first()
    if record is None:
        raise Http404("No such record.")
    return kind, record


def rate_key(request) -> str:
    # The client address as the login lockout counts it (TRUSTED_PROXY_COUNT in settings).
    return f"corrections:sent:{get_client_ip_address(request) or 'unknown'}"


def over_the_limit(request) -> bool:
    return (cache.get(rate_key(request)) or 0) >= RATE_LIMIT


def count_a_submission(request) -> None:
    key = rate_key(request)
    # add() starts the window; incr() keeps its expiry (locmem, Redis and Memcached alike).
    cache.add(key, 0, RATE_WINDOW)
    try:
        cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, RATE_WINDOW)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def correction_new(request):
    """The form (GET), a report (POST, then back here with a thank-you)."""
    kind, record = record_asked_for(request.GET)
    form = CorrectionForm(request.POST if request.method == "POST" else None, label_suffix="")
    status = 200
    if request.method == "POST" and over_the_limit(request):
        status = 429
    elif form.is_valid():
        count_a_submission(request)
        if not form.is_robot():  # a robot is thanked too, and never learns it was caught
            correction_create(
                record=record,
                message=form.cleaned_data["message"],
                email=form.cleaned_data["email"],
                page_language=translation.get_language(),
            )
        messages.success(request, _("Thank you. Your report has been sent to the editors."))
        return redirect(f"{reverse('projects:correction-new')}?{urlencode({kind: record.slug})}")
    context = {
        "form": form,
        "record": record,
        "kind_label": KIND_LABELS[kind],
        "too_many": status == 429,
        # The thank-you after a report; a refused or invalid report shows the form instead.
        "notices": [] if form.is_bound else list(messages.get_messages(request)),
    }
    return TemplateResponse(request, "projects/correction_form.html", context, status=status)
