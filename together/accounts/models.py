"""Staff accounts: who signs in, with the role and place in the organisation that rules read."""

import hashlib
import hmac
import uuid
from decimal import Decimal

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q


class Role(models.TextChoices):
    FCA = "fca", "Family Court Adviser"
    PRACTICE_SUPERVISOR = "practice_supervisor", "Practice supervisor"
    SERVICE_MANAGER = "service_manager", "Service manager"
    HEAD_OF_PRACTICE = "head_of_practice", "Head of practice"
    ASSISTANT_DIRECTOR = "assistant_director", "Assistant director"
    NATIONAL_PERFORMANCE = "national_performance", "National leadership and performance"
    BUSINESS_SERVICES = "business_services", "Business services"
    SYSTEM_ADMINISTRATOR = "system_administrator", "System administrator"


# Where in the organisation each role works: a team, a service area, a region, or the nation.
TEAM_ROLES = frozenset({Role.FCA, Role.PRACTICE_SUPERVISOR})
SERVICE_AREA_ROLES = frozenset({Role.SERVICE_MANAGER, Role.BUSINESS_SERVICES})
REGION_ROLES = frozenset({Role.HEAD_OF_PRACTICE, Role.ASSISTANT_DIRECTOR})
NATIONAL_ROLES = frozenset({Role.NATIONAL_PERFORMANCE, Role.SYSTEM_ADMINISTRATOR})


class EmploymentType(models.TextChoices):
    PERMANENT = "permanent", "Permanent"
    LOCUM = "locum", "Locum"


def normalised_email(address: str) -> str:
    """The one form of an email address that is stored, signed in with and counted for lock-out."""
    return (address or "").strip().lower()


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        return self.get(email=normalised_email(username))

    def create_user(self, email, password=None, **extra_fields):
        if not email:
            raise ValueError("An email address is needed to sign in.")
        user = self.model(email=normalised_email(email), **extra_fields)
        user.set_password(password)
        user.full_clean()
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("role", Role.SYSTEM_ADMINISTRATOR)
        return self.create_user(email, password, **extra_fields)


class User(AbstractBaseUser):
    """A member of staff. Children and families never have accounts."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField("email address", max_length=254, unique=True)
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    role = models.CharField(max_length=30, choices=Role.choices, default=Role.FCA)
    employment_type = models.CharField(
        max_length=20, choices=EmploymentType.choices, default=EmploymentType.PERMANENT
    )
    fte = models.DecimalField(
        "working hours (full-time equivalent)",
        max_digits=3,
        decimal_places=2,
        default=Decimal("1.00"),
        validators=[MinValueValidator(Decimal("0.10")), MaxValueValidator(Decimal("1.00"))],
    )
    pronouns = models.CharField(max_length=40, blank=True)
    about_me = models.TextField(
        "about me",
        max_length=600,
        blank=True,
        help_text="A few lines you are happy for children and families to read.",
    )
    service_area = models.ForeignKey(
        "organisation.ServiceArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
    )
    region = models.ForeignKey(
        "organisation.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
    )
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(auto_now_add=True)
    # Bumped by every service that changes the profile, so two people editing at once are noticed.
    version = models.PositiveIntegerField(default=1)
    # Raised to end every session the person has open (accounts.services.user_sessions_end): it
    # is part of the session hash that Django checks on every request (get_session_auth_hash).
    session_generation = models.PositiveIntegerField(default=0, editable=False)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["given_name", "family_name"]

    class Meta:
        ordering = ["family_name", "given_name"]
        verbose_name = "member of staff"
        verbose_name_plural = "staff"
        constraints = [
            models.CheckConstraint(
                condition=~Q(role__in=sorted(REGION_ROLES)) | Q(region__isnull=False),
                name="regional_roles_have_a_region",
            ),
            models.CheckConstraint(
                condition=~Q(role__in=sorted(SERVICE_AREA_ROLES)) | Q(service_area__isnull=False),
                name="area_roles_have_a_service_area",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def clean(self):
        super().clean()
        self.email = normalised_email(self.email)
        if self.role in REGION_ROLES and self.region_id is None:
            raise ValidationError({"region": "Choose the region this person leads."})
        if self.role in SERVICE_AREA_ROLES and self.service_area_id is None:
            raise ValidationError({"service_area": "Choose the service area this person works in."})

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.given_name

    # Django keeps a hash of the password in each session and signs the session out when it no
    # longer matches, so changing the password ends every session. Mixing in session_generation
    # lets a system administrator end them without touching the password. At generation 0 it is
    # Django's own hash, so sessions opened before this existed carry on.
    def get_session_auth_hash(self) -> str:
        return _with_generation(super().get_session_auth_hash(), self.session_generation)

    def get_session_auth_fallback_hash(self):
        for fallback in super().get_session_auth_fallback_hash():
            yield _with_generation(fallback, self.session_generation)

    # The admin site is for system administrators only; the role decides, not a flag.
    @property
    def is_staff(self) -> bool:
        return self.is_active and self.role == Role.SYSTEM_ADMINISTRATOR

    @property
    def is_superuser(self) -> bool:
        return self.is_staff

    def has_perm(self, perm, obj=None) -> bool:
        return self.is_staff

    def has_perms(self, perm_list, obj=None) -> bool:
        return self.is_staff

    def has_module_perms(self, app_label) -> bool:
        return self.is_staff


def _with_generation(session_hash: str, generation: int) -> str:
    if not generation:
        return session_hash
    # Keyed with Django's hash (itself keyed with SECRET_KEY), so it cannot be made without both.
    message = f"together.accounts.User.session_generation:{generation}".encode()
    return hmac.new(session_hash.encode(), message, hashlib.sha256).hexdigest()


class OutboxEmail(models.Model):
    """An email kept in the database instead of being sent: what the service's email backend does
    outside production (accounts.outbox.OutboxBackend). System administrators read them in the
    admin site, so password reset links can be followed on a demo with no mail server."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sent_at = models.DateTimeField(db_index=True)
    from_email = models.CharField("from", max_length=320)
    to = models.TextField("to", help_text="Every recipient, separated by commas.")
    subject = models.CharField(max_length=998)
    body = models.TextField()

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = "email in the outbox"
        verbose_name_plural = "outbox"

    def __str__(self) -> str:
        return f"{self.subject} (to {self.to})"
