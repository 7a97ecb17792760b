"""Who may change a member of staff's account: each person their own details; a system
administrator their password and sessions."""


def may_change_profile(user, of) -> bool:
    """The details staff share (pronouns, "about me") are changed by the person themselves."""
    return user.is_authenticated and user.is_active and user.pk == of.pk


def may_administer_account(user, of) -> bool:
    """Make someone choose a new password, or sign them out everywhere: an active system
    administrator (User.is_staff), as for the admin site itself."""
    return user.is_authenticated and user.is_staff
