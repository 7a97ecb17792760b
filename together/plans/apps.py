from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "together.plans"
    verbose_name = "Assessment and Child's Plan"
