from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "together.organisation"
    verbose_name = "Organisation"
