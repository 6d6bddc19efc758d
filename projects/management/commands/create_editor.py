import getpass
import os
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from projects.services import EDITORS_GROUP, editors_group_ensure
from projects.services.publishing import PUBLISHERS_GROUP, publishers_group_ensure


class Command(BaseCommand):
    help = (
        "Create (or update) an editor: a staff account in the Editors group, which can add and "
        "change registry records in the admin but cannot manage users or groups. The password "
        "is asked for interactively, or read from the EDITOR_PASSWORD environment variable. "
        "With --publisher, also in the Publishers group, which publishes and withdraws projects."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--publisher",
            action="store_true",
            help="Also a member of the Publishers group: publishes, withdraws and reviews drafts.",
        )

    @transaction.atomic
    def handle(self, *args, username: str, email: str, publisher: bool = False, **options):
        group = editors_group_ensure()
        User = get_user_model()
        user, created = User.objects.get_or_create(username=username)
        if user.is_superuser:
            raise CommandError(f"{username} is a superuser already; editors are not.")
        user.is_staff = True
        if email:
            user.email = email
        password = self._password(user, created)
        if password is not None:
            user.set_password(password)
        elif created:
            user.set_unusable_password()
        user.save()
        user.groups.add(group)
        groups = f"{EDITORS_GROUP} group"
        if publisher:
            user.groups.add(publishers_group_ensure())
            groups = f"{EDITORS_GROUP} and {PUBLISHERS_GROUP} groups"
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} editor {username} in the {groups}."))
        if not user.has_usable_password():
            self.stdout.write(f"Set a password with: python manage.py changepassword {username}")

    def _password(self, user, created: bool) -> str | None:
        password = os.environ.get("EDITOR_PASSWORD")
        if password is None and created and sys.stdin.isatty():
            password = getpass.getpass(f"Password for {user.username}: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The passwords do not match.")
        if password is None:
            return None
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        return password
