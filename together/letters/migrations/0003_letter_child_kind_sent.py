"""The index on a child's letters by kind and status gains sent_at, so that the oversight page
reads each child's first introductory letter and ending letter from the index alone."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("letters", "0002_seed_national_library")]

    operations = [
        migrations.AddIndex(
            model_name="letter",
            index=models.Index(
                fields=["child", "kind", "status", "sent_at"], name="letter_child_kind_sent"
            ),
        ),
        migrations.RemoveIndex(model_name="letter", name="letter_child_kind"),
    ]
