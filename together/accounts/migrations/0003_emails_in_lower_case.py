"""Keep every staff email address in the one form people sign in with (trimmed, lower case)."""

from django.db import migrations
from django.db.models.functions import Lower, Trim


def lower_case_emails(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    User.objects.update(email=Lower(Trim("email")))


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_initial")]

    operations = [migrations.RunPython(lower_case_emails, migrations.RunPython.noop)]
