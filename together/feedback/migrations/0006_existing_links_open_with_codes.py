"""Links made before links could wait for their letter keep working (a letter's link is closed
again by letters 0005 if its letter was never sent), and each gets a short code to type."""

import secrets

from django.db import migrations
from django.db.models import F

# As models.CODE_ALPHABET and CODE_LENGTH were when this was written.
ALPHABET = "ACEFHJKMNPRTWXY34679"
LENGTH = 9


def open_and_give_codes(apps, schema_editor):
    Invitation = apps.get_model("feedback", "FeedbackInvitation")
    Invitation.objects.filter(opened_at__isnull=True).update(opened_at=F("created_at"))
    taken = set(Invitation.objects.exclude(code=None).values_list("code", flat=True))
    batch = []
    for invitation in Invitation.objects.filter(code=None).only("pk").iterator(chunk_size=2000):
        code = None
        while code is None or code in taken:
            code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        taken.add(code)
        invitation.code = code
        batch.append(invitation)
        if len(batch) >= 2000:
            Invitation.objects.bulk_update(batch, ["code"])
            batch = []
    Invitation.objects.bulk_update(batch, ["code"])




class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0005_links_open_when_sent_short_codes_and_stages"),
    ]

    operations = [
        migrations.RunPython(open_and_give_codes, migrations.RunPython.noop, elidable=True),
    ]
