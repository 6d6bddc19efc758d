"""Publish or withdraw projects from the command line, as a named publisher (recorded)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from projects.models import Project
from projects.services import publishing


class Command(BaseCommand):
    help = (
        "Publish the given draft projects (by slug), or withdraw published ones to drafts with "
        "--withdraw, as the publisher named by --by; the step is recorded in each project's "
        "publishing history."
    )

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="+", metavar="SLUG")
        parser.add_argument("--by", required=True, metavar="USERNAME", help="the publisher")
        parser.add_argument("--withdraw", action="store_true", help="withdraw to drafts")

    def handle(self, *args, slugs: list[str], by: str, withdraw: bool, **options):
        user = get_user_model().objects.filter(username=by, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user {by!r}.")
        projects = Project.objects.filter(slug__in=slugs)
        missing = sorted(set(slugs) - set(projects.values_list("slug", flat=True)))
        if missing:
            raise CommandError(f"No project with slug: {', '.join(missing)}. Nothing changed.")
        step = publishing.withdraw if withdraw else publishing.publish
        try:
            count = step(projects, user, via="publish command")
        except publishing.PublishingRefused:
            raise CommandError(f"{by} is not a publisher (create_editor --publisher).") from None
        verb = "Withdrew" if withdraw else "Published"
        unchanged = len(slugs) - count
        self.stdout.write(f"{verb} {count} project(s); {unchanged} already in that state.")
