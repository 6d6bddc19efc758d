"""Login throttling: after 20 wrong passwords an account is locked (the right password no
longer logs in), and so is a client address; the page says so in the visitor's language; an
administrator unlocks it by deleting its access attempts."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-right-password"
LOCKED = {
    "ru": "Слишком много неудачных входов",
    "kk": "Кіру әрекеттері тым көп рет сәтсіз болды",
    "en": "Too many failed logins",
}


def log_in(client: Client, username: str, password: str, language: str = "ru"):
    return client.post(
        f"/{language}/admin/login/",
        {"username": username, "password": password, "next": f"/{language}/admin/"},
    )


def logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def fail(client: Client, username: str, times: int) -> None:
    """Wrong passwords: the form with its error each time, the lockout page at the 20th."""
    for number in range(1, times + 1):
        expected = 429 if number == 20 else 200
        assert log_in(client, username, "wrong").status_code == expected, number


@pytest.fixture
def editor():
    return User.objects.create_user("aigerim", password=PASSWORD, is_staff=True)


def test_nineteen_failures_then_the_right_password_logs_in(editor):
    client = Client(REMOTE_ADDR="10.0.0.1")
    fail(client, "aigerim", 19)
    assert log_in(client, "aigerim", PASSWORD).status_code == 302
    assert logged_in(client)


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_twenty_failures_lock_the_account_with_a_page_in_the_visitors_language(editor, language):
    attacker = Client(REMOTE_ADDR="10.0.0.2")
    fail(attacker, "aigerim", 20)
    # The editor herself, from another address, with the right password: locked too.
    response = log_in(Client(REMOTE_ADDR="10.0.0.3"), "aigerim", PASSWORD, language)
    assert response.status_code == 429
    assert LOCKED[language] in response.content.decode()
    assert not logged_in(attacker)


def test_twenty_failures_from_one_address_lock_that_address(editor):
    User.objects.create_user("daniyar", password=PASSWORD, is_staff=True)
    attacker = Client(REMOTE_ADDR="10.0.0.4")
    for number in range(20):
        log_in(attacker, f"guess-{number}", "wrong")
    assert log_in(attacker, "daniyar", PASSWORD).status_code == 429
    other = Client(REMOTE_ADDR="10.0.0.5")
    assert log_in(other, "daniyar", PASSWORD).status_code == 302


def test_an_administrator_unlocks_an_account(editor, admin_client):
    fail(Client(REMOTE_ADDR="10.0.0.6"), "aigerim", 20)
    assert log_in(Client(REMOTE_ADDR="10.0.0.7"), "aigerim", PASSWORD).status_code == 429
    attempts = AccessAttempt.objects.filter(username="aigerim")
    response = admin_client.post(
        "/ru/admin/axes/accessattempt/",
        {
            "action": "delete_selected",
            "_selected_action": list(attempts.values_list("pk", flat=True)),
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="aigerim").exists()
    client = Client(REMOTE_ADDR="10.0.0.7")
    assert log_in(client, "aigerim", PASSWORD).status_code == 302 and logged_in(client)
