"""Who may change a member of staff's account: each person their own details."""


def may_change_profile(user, of) -> bool:
    """The details staff share (pronouns, "about me") are changed by the person themselves."""
    return user.is_authenticated and user.is_active and user.pk == of.pk
