import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

PASSWORD_FILE = settings.BASE_DIR / ".dev-admin-password"


class Command(BaseCommand):
    help = (
        "Development only (DEBUG=1): make sure a superuser 'admin' exists so a new developer "
        "can open the admin. Its random password is kept in .dev-admin-password (not in git)."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin runs only with DEBUG=1; use createsuperuser.")
        User = get_user_model()
        user = User.objects.filter(username="admin").first()
        if user is None or not PASSWORD_FILE.exists():
            password = secrets.token_urlsafe(12)
            if user is None:
                user = User.objects.create_superuser("admin", email="", password=password)
            else:
                user.set_password(password)
                user.save()
            PASSWORD_FILE.write_text(password + "\n")
        password = PASSWORD_FILE.read_text().strip()
        self.stdout.write(
            f"Admin (/ru/admin/ on the running site): user admin, password {password}"
        )
