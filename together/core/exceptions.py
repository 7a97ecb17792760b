"""Exceptions shared by every app's services."""


class EditConflict(Exception):
    """Someone else saved the record after this person opened it.

    `by` and `at` say who saved it and when, so the page can tell the person.
    """

    def __init__(self, by=None, at=None):
        super().__init__("The record was changed by someone else.")
        self.by = by
        self.at = at
