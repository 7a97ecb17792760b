from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "together.documents"
    verbose_name = "Printed documents"
