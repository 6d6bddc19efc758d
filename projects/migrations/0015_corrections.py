"""Visitors' reports of errors on a public page (the corrections form), the editors' queue."""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0014_budget_qualifiers"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Correction",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "message",
                    models.TextField(
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="message",
                    ),
                ),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="e-mail")),
                (
                    "page_language",
                    models.CharField(
                        choices=[("ru", "Russian"), ("kk", "Kazakh"), ("en", "English")],
                        max_length=2,
                        verbose_name="page language",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("new", "new"),
                            ("accepted", "accepted"),
                            ("rejected", "rejected"),
                        ],
                        default="new",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="received")),
                ("handled_at", models.DateTimeField(blank=True, null=True, verbose_name="handled")),
                ("editor_note", models.TextField(blank=True, verbose_name="editor's note")),
                (
                    "handled_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="handled by",
                    ),
                ),
                (
                    "organization",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="corrections",
                        to="projects.organization",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "place",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="corrections",
                        to="projects.place",
                        verbose_name="place",
                    ),
                ),
                (
                    "project",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="corrections",
                        to="projects.project",
                        verbose_name="project",
                    ),
                ),
            ],
            options={
                "verbose_name": "correction",
                "verbose_name_plural": "corrections",
                "ordering": [
                    models.OrderBy(
                        models.Case(
                            models.When(status="new", then=models.Value(0)), default=models.Value(1)
                        )
                    ),
                    "-created_at",
                    "-pk",
                ],
                "indexes": [
                    models.Index(fields=["status", "-created_at"], name="correction_queue")
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("organization__isnull", True),
                                ("place__isnull", True),
                                ("project__isnull", False),
                            ),
                            models.Q(
                                ("organization__isnull", False),
                                ("place__isnull", True),
                                ("project__isnull", True),
                            ),
                            models.Q(
                                ("organization__isnull", True),
                                ("place__isnull", False),
                                ("project__isnull", True),
                            ),
                            _connector="OR",
                        ),
                        name="correction_about_one_record",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("status__in", ["new", "accepted", "rejected"])),
                        name="correction_status_valid",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("message", ""), _negated=True),
                        name="correction_has_message",
                    ),
                ],
            },
        ),
    ]
