from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "together.accounts"
    verbose_name = "Staff accounts"

    def ready(self):
        from . import receivers  # noqa: F401  (connects the audit receivers)
