from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "together.supervision"
    verbose_name = "Thinking together"

    def ready(self):
        from together.plans.elsewhere import work_elsewhere_register

        from .selectors import child_actions_as_work

        # The actions agreed about a child show with the plan of work on the child's file.
        work_elsewhere_register("Actions from supervision", child_actions_as_work)
