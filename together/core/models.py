"""The kernel's one table: the one-time tokens of forms that have been sent (ADR 0016)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class UsedFormToken(models.Model):
    """A form that made something was sent with this token, by this person, and made this record.

    Written in the same transaction as the record, so the two are kept or lost together. The
    token is unique in the database: of two posts of one form, whatever the timing, one inserts
    it and makes the record, the other fails to insert it and is given the first one's record
    (core.form_tokens.claim). Rows are deleted once they are a week old."""

    token = models.CharField(max_length=64)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # What the form made: the model's label ("children.meeting") and the record's primary key.
    made = models.CharField(max_length=100)
    made_pk = models.CharField(max_length=64, blank=True)
    used_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["token"], name="core_form_token_used_once")]

    def __str__(self) -> str:
        return f"Form token for {self.made} used at {self.used_at:%Y-%m-%d %H:%M:%S}"
