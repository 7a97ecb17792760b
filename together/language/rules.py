"""Who may do what with the plain-language checks: edit the glossary, and confirm the findings
left in a document's words.

The language app sits below the apps whose documents it checks (letters, plans, a child's file)
and imports none of them, so it cannot know who may write each kind of document. Each of those
apps registers its own rule when Django starts (its AppConfig.ready); a document of a kind no app
registered may not be confirmed by anyone.
"""

from collections.abc import Callable
from typing import Any

# The model of each kind of document, and its app's rule: writer(user, document) -> bool.
_WRITERS: dict[type, Callable[[Any, Any], bool]] = {}


def document_writer_register(model: type, writer: Callable[[Any, Any], bool]) -> None:
    """Say who may write documents of `model` (and so confirm their words): `writer(user,
    document)`, a predicate from the rules of the app that owns the model."""
    _WRITERS[model] = writer


def may_confirm_words(user, document) -> bool:
    """Keep the words the check found, with a reason: whoever may write the document."""
    writer = _WRITERS.get(document._meta.concrete_model)
    return writer is not None and writer(user, document)


def may_edit_glossary(user) -> bool:
    """The glossary is data that system administrators keep, in the admin site: the admin
    site's own rule (User.is_staff: an active system administrator)."""
    return bool(user.is_authenticated and user.is_staff)
