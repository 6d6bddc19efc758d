"""evaluate_extraction scores the extractor against the five reviewed seeds: it runs on the
records as they are (organisations to contact without a person included) and keeps its
figures."""

import io
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from projects.evaluation import evaluate

SEEDS = Path(settings.SEEDS_DIR)


def test_the_seeds_are_scored_field_by_field():
    result = evaluate(SEEDS)
    contacts = result.fields["contacts"]
    # Seed 002 gives two organisations to contact, no person: found by the organisation.
    assert (contacts.true_positives, contacts.false_positives, contacts.false_negatives) == (
        13,
        0,
        0,
    )
    assert result.f1 >= 0.97


def test_the_command_prints_a_table_and_the_overall_score():
    output = io.StringIO()
    call_command("evaluate_extraction", stdout=output)
    assert "contacts" in output.getvalue()
    assert "overall F1: 0.9" in output.getvalue()
