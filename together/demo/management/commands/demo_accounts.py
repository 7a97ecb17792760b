"""Print the demo sign-in names and password (never in production)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from together.accounts.models import User
from together.demo.organisation import DEMO_ACCOUNTS

from .demo_data import DEMO_PASSWORD


class Command(BaseCommand):
    help = "List the demo accounts, one for each role, with the demo password."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("There are no demo accounts in production.")
        users = {u.email: u for u in User.objects.filter(email__in=DEMO_ACCOUNTS.values())}
        self.stdout.write(
            "\nDemo accounts (all made up). Sign in at http://127.0.0.1:8000/sign-in/\n"
        )
        for role, email in DEMO_ACCOUNTS.items():
            user = users.get(email)
            where = ""
            if user is not None:
                place = user.service_area or user.region
                where = f"  {user.full_name}" + (f", {place}" if place else "")
            self.stdout.write(f"  {role.label:<38} {email:<26}{where}")
        self.stdout.write(f"\nPassword for every demo account: {DEMO_PASSWORD}\n\n")
