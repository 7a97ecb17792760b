"""Changes to proceedings, each with its audit event and the children's timeline entries in one
transaction: a new application, a hearing, a lead Family Court Adviser named."""

from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from together.accounts.models import Role, User
from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children.models import Child, TimelineEntry
from together.children.rules import has_everyday_access
from together.children.services import (
    child_create,
    child_link_from_another_area_record,
    family_member_add_for_children,
    timeline_entry_add,
)
from together.core import form_tokens
from together.core.versioning import lock_at_version
from together.organisation.models import TeamMembership

from . import rules
from .courts import HEARING_CENTRES
from .models import (
    LAW_OF_KIND,
    Allocation,
    Hearing,
    Kind,
    Law,
    Party,
    PartyRole,
    Proceedings,
    ProceedingsChild,
    Stage,
)
from .selectors import ChildDetails, PartyDetails, court_number_holder, normalise_court_number

# Section 7 reports and rule 16.4 guardians are ordered at or after the first hearing.
STAGE_OF_NEW_KIND = {
    Kind.SECTION_7: Stage.AFTER_FIRST_HEARING,
    Kind.RULE_16_4: Stage.AFTER_FIRST_HEARING,
}


def _children_of(proceedings: Proceedings) -> list[Child]:
    return list(Child.objects.filter(proceedings_links__proceedings=proceedings).order_by("pk"))


def _same_child_key(details: ChildDetails) -> tuple:
    return (
        " ".join(details.legal_given_names.lower().split()),
        " ".join(details.legal_family_name.lower().split()),
        details.date_of_birth,
    )


def _tidy(fields: dict, number: int) -> dict:
    """Names without stray spaces; the name they use defaults to their first given name.
    (Child.clean strips names only after the blank check, so a name of spaces is caught here.)"""
    for name in ("legal_given_names", "legal_family_name", "preferred_name"):
        fields[name] = " ".join((fields[name] or "").split())
    if not fields["preferred_name"] and fields["legal_given_names"]:
        fields["preferred_name"] = fields["legal_given_names"].split()[0]
    missing = [
        f"Child {number}: enter their {what}"
        for name, what in (
            ("legal_given_names", "given names"),
            ("legal_family_name", "family name"),
        )
        if not fields[name]
    ]
    if missing:
        raise ValidationError({"children": missing})
    return fields


def court_number_in_use_message(*, user, court_number: str) -> str | None:
    """What to say when a court's number is already used: which proceedings have it, if `user`
    may see them, or only that it is in use. None when it is free."""
    in_use, holder = court_number_holder(user=user, court_number=court_number)
    if not in_use:
        return None
    if holder is None:
        return (
            f"Court's number {normalise_court_number(court_number)} is already used by other "
            "proceedings. Check the number on the application"
        )
    return (
        f"Court's number {holder.court_number} is already used by the proceedings at "
        f"{holder.court}, received {date_format(holder.received_on, 'j F Y')}. Check the number "
        "on the application"
    )


def _check_parties(law: str, applicant_local_authority: str, parties) -> None:
    if law == Law.PUBLIC and not applicant_local_authority:
        raise ValidationError(
            {"applicant_local_authority": "Enter the local authority that applied"}
        )
    if law == Law.PRIVATE and not any(p.role == PartyRole.APPLICANT for p in parties):
        raise ValidationError({"parties": "Add the person who applied, as the applicant"})
    for number, party in enumerate(parties, start=1):
        if not party.given_name.strip():
            raise ValidationError({"parties": f"Person {number}: enter their given name"})


@transaction.atomic
def proceedings_create(
    *,
    by: User,
    service_area,
    court: str,
    court_number: str,
    kind: str,
    received_on,
    children: Sequence[ChildDetails | Child],
    law: str | None = None,
    first_hearing_on=None,
    applicant_local_authority: str = "",
    parties: Sequence[PartyDetails] = (),
    link_reasons: dict | None = None,
    court_must_be_listed: bool = False,
) -> Proceedings:
    """Record a new application, its children and the people who are parties. Each child is
    either new (ChildDetails, and a file is started for them) or an existing child, whose file
    is linked to these proceedings.

    Linking a child whose file another area holds (by has no everyday access to it) needs a
    reason in `link_reasons` (by the child's pk): it is recorded and listed for that area's
    managers, and the new proceedings show none of the confidential details recorded before
    the link (ADR 0017). A court's number already used by other proceedings is refused."""
    if not rules.may_create_proceedings(by) or by.service_area_id != service_area.pk:
        raise PermissionDenied("Only business services in this service area add applications.")
    if not children:
        raise ValidationError({"children": "Add at least one child"})
    existing = [c.pk for c in children if isinstance(c, Child)]
    new = [_same_child_key(c) for c in children if not isinstance(c, Child)]
    if len(set(existing)) != len(existing) or len(set(new)) != len(new):
        raise ValidationError(
            {"children": "The same child is in the list twice. Remove one of them"}
        )
    law = LAW_OF_KIND.get(kind, law)
    if not law:
        raise ValidationError(
            {"kind": "Say whether this is a public law or private law application"}
        )
    if court_must_be_listed and court not in HEARING_CENTRES:
        raise ValidationError({"court": "Choose the court from the list"})
    applicant_local_authority = " ".join((applicant_local_authority or "").split())
    if law == Law.PRIVATE:
        applicant_local_authority = ""
    _check_parties(law, applicant_local_authority, parties)
    in_use = court_number_in_use_message(user=by, court_number=court_number)
    if in_use:
        raise ValidationError({"court_number": in_use})
    # Whose files another area holds, asked before these proceedings give `by` access to them.
    held_elsewhere = {
        c.pk
        for c in children
        if isinstance(c, Child) and c.proceedings.exists() and not has_everyday_access(by, c)
    }
    reasons = {pk: " ".join((text or "").split()) for pk, text in (link_reasons or {}).items()}
    missing = [c for c in children if isinstance(c, Child) and c.pk in held_elsewhere]
    missing = [c for c in missing if not reasons.get(c.pk)]
    if missing:
        raise ValidationError(
            {
                "link_reasons": [
                    f"Say why you are linking {c.preferred_name}, whose file another area holds"
                    for c in missing
                ]
            }
        )
    proceedings = Proceedings(
        service_area=service_area,
        court=court.strip(),
        # Upper case, as courts write them, so a search in any case finds them by the index.
        court_number=normalise_court_number(court_number),
        kind=kind,
        law=law,
        stage=STAGE_OF_NEW_KIND.get(kind, Stage.BEFORE_FIRST_HEARING),
        received_on=received_on,
        first_hearing_on=first_hearing_on,
        applicant_local_authority=applicant_local_authority,
    )
    proceedings.full_clean()
    proceedings._change_reason = "Application received"
    try:
        with transaction.atomic():
            proceedings.save()
    except IntegrityError:
        # The same number saved by someone else in the moments since the check above.
        in_use = court_number_in_use_message(user=by, court_number=court_number)
        if not in_use:
            raise
        raise ValidationError({"court_number": in_use}) from None

    summary = (
        f"Proceedings started at {proceedings.court}, court's number {proceedings.court_number}"
    )
    created, linked, all_children = [], [], []
    for number, item in enumerate(children, start=1):
        link = ProceedingsChild(proceedings=proceedings)
        if isinstance(item, Child):
            child = item
            linked.append(str(child.uuid))
            if child.pk in held_elsewhere:
                child_link_from_another_area_record(by=by, child=child, reason=reasons[child.pk])
                link.confidential_from = timezone.now()
        else:
            fields = _tidy(asdict(item), number)
            try:
                child = child_create(by=by, **fields)
            except ValidationError as error:
                raise ValidationError(
                    {"children": [f"Child {number}: {message}" for message in error.messages]}
                ) from error
            created.append(str(child.uuid))
        link.child = child
        link.full_clean()
        link.save()
        all_children.append(child)
        timeline_entry_add(child=child, kind=TimelineEntry.Kind.PROCEEDINGS, summary=summary, by=by)
    for number, details in enumerate(parties, start=1):
        try:
            person = family_member_add_for_children(
                by=by,
                children=all_children,
                relationship=details.relationship,
                given_name=" ".join(details.given_name.split()),
                family_name=" ".join(details.family_name.split()),
            )
            party = Party(proceedings=proceedings, person=person, role=details.role)
            party.full_clean()
        except ValidationError as error:
            raise ValidationError(
                {"parties": [f"Person {number}: {message}" for message in error.messages]}
            ) from error
        party.save()
    audit_event_record(
        by=by,
        action=Action.PROCEEDINGS_CREATED,
        obj=proceedings,
        detail={
            "children_added": created,
            "children_linked": linked,
            "children_linked_from_another_area": [
                str(c.uuid) for c in all_children if c.pk in held_elsewhere
            ],
        },
    )
    return proceedings


@transaction.atomic
def proceedings_view_record(*, by: User, proceedings: Proceedings, page: str = "proceedings"):
    """Every view of a set of proceedings is logged: who, when, which page.

    No check of its own, by design: it records a read and changes nothing. The read was checked
    by the selector that fetched the proceedings (proceedings_get_for_user)."""
    audit_event_record(
        by=by, action=Action.PROCEEDINGS_VIEWED, obj=proceedings, detail={"page": page}
    )


@transaction.atomic
def hearing_record(
    *,
    by: User,
    proceedings: Proceedings,
    token: str | None,
    kind: str,
    starts_at: datetime,
    outcome: str = "",
) -> Hearing:
    """Record a hearing, past or planned. The first and final hearing dates of the proceedings
    are filled in from it when they are not known yet. The same form sent twice (its one-time
    `token`, ADR 0016) records one hearing: the second time, the first one is returned."""
    if not rules.may_record_hearing(by, proceedings):
        raise PermissionDenied("Only people working with these children record hearings.")
    claim = form_tokens.claim(token, by=by, model=Hearing)
    if claim.earlier:
        return claim.earlier
    locked = Proceedings.objects.select_for_update().get(pk=proceedings.pk)
    hearing = Hearing(proceedings=locked, kind=kind, starts_at=starts_at, outcome=outcome.strip())
    hearing.full_clean()
    hearing.save()

    day = timezone.localtime(starts_at).date()
    date_field = {Hearing.Kind.FIRST: "first_hearing_on", Hearing.Kind.FINAL: "final_hearing_on"}
    known = date_field.get(kind)
    if known and getattr(locked, known) is None:
        setattr(locked, known, day)
        locked.version += 1
        locked.full_clean()
        locked._change_reason = f"{hearing.get_kind_display()} recorded"
        locked.save()

    audit_event_record(
        by=by,
        action=Action.HEARING_RECORDED,
        obj=hearing,
        detail={"proceedings": str(locked.uuid), "kind": kind},
    )
    when = timezone.localtime(starts_at)
    summary = f"{hearing.get_kind_display()} on {date_format(when, 'j F Y')} at {when:%H:%M}"
    if hearing.outcome:
        summary += f". What the court decided: {hearing.outcome}"
    at = starts_at if starts_at <= timezone.now() else None
    for child in _children_of(locked):
        timeline_entry_add(
            child=child, kind=TimelineEntry.Kind.HEARING, summary=summary, by=by, at=at
        )
    claim.made(hearing)
    return hearing


def _current_team_in_area(fca: User, service_area):
    membership = (
        TeamMembership.objects.filter(
            user=fca, ended_on__isnull=True, team__service_area=service_area
        )
        .select_related("team")
        .order_by("-started_on", "-pk")
        .first()
    )
    return membership.team if membership else None


def _last_allocated(proceedings: Proceedings):
    """Who named the current lead FCA, and when: the change an allocation conflicts with."""
    current = (
        Allocation.objects.filter(
            proceedings=proceedings, ended_at__isnull=True, kind=Allocation.Kind.LEAD
        )
        .select_related("allocated_by")
        .first()
    )
    return (current.allocated_by, current.started_at) if current else (None, None)


@transaction.atomic
def allocation_create(*, by: User, proceedings: Proceedings, fca: User, version: int) -> Allocation:
    """Name `fca` as lead Family Court Adviser. Refuses if the proceedings changed since the
    manager opened them at `version` (for example, another manager allocated them first)."""
    if not rules.may_allocate(by, proceedings):
        raise PermissionDenied("Only the service manager of this area allocates its proceedings.")
    locked = lock_at_version(
        Proceedings.objects.all(), pk=proceedings.pk, version=version, last_saved=_last_allocated
    )
    team = None
    if fca.role == Role.FCA and fca.is_active:
        team = _current_team_in_area(fca, locked.service_area)
    if team is None:
        raise ValidationError(
            {"fca": "Choose a Family Court Adviser who works in one of this area's teams"}
        )
    if locked.lead_fca_id == fca.pk:
        raise ValidationError({"fca": f"{fca.full_name} is already the lead Family Court Adviser"})

    now = timezone.now()
    for previous in Allocation.objects.filter(proceedings=locked, ended_at__isnull=True):
        previous.ended_at = now
        previous.full_clean()
        previous.save(update_fields=["ended_at"])
    allocation = Allocation(proceedings=locked, fca=fca, team=team, allocated_by=by, started_at=now)
    allocation.full_clean()
    allocation.save()

    locked.lead_fca = fca
    locked.team = team
    locked.first_allocated_at = locked.first_allocated_at or now
    locked.version += 1
    locked.full_clean()
    locked._change_reason = "Allocated"
    locked.save()

    children = _children_of(locked)
    audit_event_record(
        by=by,
        action=Action.ALLOCATED,
        obj=locked,
        detail={
            "fca": str(fca.uuid),
            "team": str(team.uuid),
            "children": [str(c.uuid) for c in children],
        },
    )
    for child in children:
        timeline_entry_add(
            child=child,
            kind=TimelineEntry.Kind.ALLOCATION,
            summary=f"Lead Family Court Adviser named: {fca.full_name}",
            by=by,
            at=now,
        )
    return allocation
