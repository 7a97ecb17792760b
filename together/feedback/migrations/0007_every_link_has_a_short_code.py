"""Every link has its short code (0006 gave one to each link made before), so the column is
required from now on."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0006_existing_links_open_with_codes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="feedbackinvitation",
            name="code",
            field=models.CharField(editable=False, max_length=9, unique=True),
        ),
    ]
