"""The summary's old cell columns, now counted as columns of each row (0003).

A migration of its own: on PostgreSQL a table cannot be altered in the same transaction as
rows were written to it with deferred foreign key checks pending."""

from django.db import migrations


def forget_the_summaries(apps, schema_editor):
    """Going back, the old cells come back empty (columns without a default cannot be added to
    rows): run feedback_summary_rebuild then."""
    apps.get_model("feedback", "FeedbackMonthSummary").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0003_summaries_by_columns"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="feedbackmonthsummary",
            name="audience",
        ),
        migrations.RemoveField(
            model_name="feedbackmonthsummary",
            name="commented",
        ),
        migrations.RemoveField(
            model_name="feedbackmonthsummary",
            name="listened",
        ),
        # Last, so that going back it runs first.
        migrations.RunPython(migrations.RunPython.noop, forget_the_summaries),
    ]
