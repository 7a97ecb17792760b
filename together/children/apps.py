from django.apps import AppConfig


class ChildrenConfig(AppConfig):
    name = "together.children"
    verbose_name = "Children's files"

    def ready(self):
        from together.language.rules import document_writer_register

        from .models import Child
        from .rules import may_edit_child

        # The file's own words (About me) are the child's to read one day: those who may change
        # the file keep the words the language check found (language.rules).
        document_writer_register(Child, may_edit_child)
