"""Writing what happened in the proceedings: meetings, audits and feedback."""

import datetime
import uuid

from together.children.models import Meeting
from together.children.services import first_meetings_keep
from together.feedback.models import Answer, Audience, FeedbackInvitation, FeedbackResponse, Source
from together.feedback.services import (
    OLDER_CHILD_FROM_AGE,
    feedback_summary_rebuild,
    new_codes,
    new_token,
)
from together.proceedings.models import Proceedings, ProceedingsChild
from together.quality.models import Audit

from ..dates import start_of
from .saving import BATCH, CHUNK, K, _chunks, _keys, _mapping, _Saving

METHOD_OF = {
    "in_person_home": (Meeting.Method.IN_PERSON, Meeting.Place.HOME),
    "in_person_school": (Meeting.Method.IN_PERSON, Meeting.Place.SCHOOL),
    "in_person_office": (Meeting.Method.IN_PERSON, Meeting.Place.OFFICE),
    "video": (Meeting.Method.VIDEO, Meeting.Place.REMOTE),
    "phone": (Meeting.Method.PHONE, Meeting.Place.REMOTE),
}
# Feedback's "felt listened to" on the five-point scale: only "yes" counts as felt listened to.
LISTENED_OF = {
    "yes": Answer.YES,
    "partly": Answer.SOMETIMES,
    "no": Answer.NOT_AT_ALL,
    "dont_know": Answer.DONT_KNOW,
}
# Feedback questions the import files do not ask are "I don't know", which no figure counts.
NOT_ASKED = ("respected", "explained", "understood_reasons", "could_say")


class _Events(_Saving):
    """The steps for meetings, audits and feedback."""

    def meetings(self):
        proceedings, children = _mapping(K.PROCEEDINGS), _mapping(K.CHILD)
        rows = self.folder["meetings.csv"]
        keys = _keys(rows, ("child_id", "proceedings_id", "met_on", "method"))
        objects = []
        for key, r in zip(keys, rows, strict=True):
            method, place = METHOD_OF[r["method"]]
            meeting = Meeting(
                child_id=children[r["child_id"]],
                proceedings_id=proceedings[r["proceedings_id"]],
                occurred_at=start_of(r["met_on"]),
                method=method,
                place=place,
                recorded_at=self.now,
            )
            objects.append((key, meeting))
        fields = ["child", "proceedings", "occurred_at", "method", "place"]
        self._upsert(Meeting, K.MEETING, objects, fields, "meetings.csv")

    def first_meetings(self):
        """When each child was first met in their proceedings, and first met in person, for
        the proceedings of the meetings and links in these files (first_meetings_keep)."""
        proceedings = _mapping(K.PROCEEDINGS)
        wanted = sorted(
            {
                proceedings[r["proceedings_id"]]
                for name in ("meetings.csv", "proceedings_children.csv")
                for r in self.folder[name]
            }
        )
        done = 0
        for chunk in _chunks(wanted, CHUNK):
            done += first_meetings_keep(ProceedingsChild.objects.filter(proceedings_id__in=chunk))
        if wanted:
            self.progress(f"first meetings: {done:,} children in proceedings brought up to date")

    def audits(self):
        proceedings, children, staff = (
            _mapping(K.PROCEEDINGS),
            _mapping(K.CHILD),
            _mapping(K.STAFF),
        )
        rows = self.folder["audits.csv"]
        columns = ("child_id", "proceedings_id", "auditor_staff_id", "fca_staff_id", "audited_on")
        objects = [
            (
                key,
                Audit(
                    child_id=children[r["child_id"]],
                    proceedings_id=proceedings[r["proceedings_id"]],
                    auditor_id=staff[r["auditor_staff_id"]],
                    fca_id=staff[r["fca_staff_id"]],
                    audited_on=r["audited_on"],
                    grade=r["grade"],
                ),
            )
            for key, r in zip(_keys(rows, columns), rows, strict=True)
        ]
        fields = ["child", "proceedings", "auditor", "fca", "audited_on", "grade"]
        self._upsert(Audit, K.AUDIT, objects, fields, "audits.csv")

    def feedback(self):
        rows = self.folder["feedback.csv"]
        if not rows:
            return
        proceedings, staff = _mapping(K.PROCEEDINGS), _mapping(K.STAFF)
        wanted = sorted({proceedings[r["proceedings_id"]] for r in rows})
        area_of, first_child = {}, {}
        for chunk in _chunks(wanted, CHUNK):
            area_of.update(
                Proceedings.objects.filter(pk__in=chunk).values_list("pk", "service_area_id")
            )
            # The feedback is about the work with the children of the proceedings: the
            # invitation names the first of them (the service's invitations name one child).
            for p, c, born in (
                ProceedingsChild.objects.filter(proceedings_id__in=chunk)
                .order_by("child_id")
                .values_list("proceedings_id", "child_id", "child__date_of_birth")
            ):
                first_child.setdefault(p, (c, born))
        team_of = self._team_of()
        keys = _keys(rows, ("proceedings_id", "staff_id", "respondent", "submitted_on"))
        mapping = _mapping(K.FEEDBACK)
        fields = ["audience", "answered_at", "fca", "team", "service_area", "listened", *NOT_ASKED]
        columns = [FeedbackResponse._meta.get_field(f).attname for f in fields]
        existing = {}
        for chunk in _chunks(sorted(set(mapping.values())), CHUNK):
            for pk, *values in FeedbackResponse.objects.filter(pk__in=chunk).values_list(
                "pk", *columns
            ):
                existing[pk] = tuple(values)
        invitations, responses, updated, unchanged = [], [], [], 0
        for key, r in zip(keys, rows, strict=True):
            p = proceedings[r["proceedings_id"]]
            fca = staff[r["staff_id"]]
            child, born = first_child[p]
            at = start_of(r["submitted_on"])
            audience = _audience(r["respondent"], born, r["submitted_on"])
            place = {"fca_id": fca, "team_id": team_of.get(fca), "service_area_id": area_of[p]}
            answers = {"listened": LISTENED_OF[r["felt_listened_to"]]}
            answers.update(dict.fromkeys(NOT_ASKED, Answer.DONT_KNOW))
            pk = mapping.get(key)
            if pk in existing:
                response = FeedbackResponse(
                    pk=pk, audience=audience, answered_at=at, **place, **answers
                )
                if tuple(getattr(response, c) for c in columns) != existing[pk]:
                    updated.append(response)
                else:
                    unchanged += 1
                continue
            invitation = FeedbackInvitation(
                token=new_token(),
                audience=audience,
                source=Source.IMPORTED,
                source_id=uuid.uuid4(),
                child_id=child,
                created_at=at,
                expires_at=at,
                **place,
            )
            invitations.append(invitation)
            responses.append(
                (key, FeedbackResponse(audience=audience, answered_at=at, **place, **answers))
            )
        # Each link has a short code of its own, as every link must (none is ever printed).
        for invitation, code in zip(invitations, new_codes(len(invitations)), strict=True):
            invitation.code = code
        for batch in self._batches(invitations, "feedback.csv (links)"):
            FeedbackInvitation.objects.bulk_create(batch)
        for invitation, (_, response) in zip(invitations, responses, strict=True):
            response.invitation_id = invitation.pk
        for batch in self._batches([r for _, r in responses], "feedback.csv"):
            FeedbackResponse.objects.bulk_create(batch)
        FeedbackResponse.objects.bulk_update(updated, fields, batch_size=BATCH)
        self._remember(K.FEEDBACK, [(key, r.pk) for key, r in responses])
        if responses or updated:
            feedback_summary_rebuild()
        self.report("feedback.csv", len(responses), len(updated), unchanged)


def _audience(respondent: str, born: datetime.date, on: datetime.date) -> str:
    if respondent == "parent_carer":
        return Audience.PARENT_CARER
    if respondent == "professional":
        return Audience.PROFESSIONAL
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return Audience.OLDER_CHILD if age >= OLDER_CHILD_FROM_AGE else Audience.YOUNGER_CHILD
