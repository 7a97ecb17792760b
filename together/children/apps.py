from django.apps import AppConfig


class ChildrenConfig(AppConfig):
    name = "together.children"
    verbose_name = "Children's files"
