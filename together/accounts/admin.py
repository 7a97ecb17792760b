"""Staff accounts in the admin site.

Django's groups and django-axes's sign-in logs are taken out of the admin site: roles are data on
the account, not groups (docs/adr/0002), and signing in and out is in the audit log already.
"""

from axes.models import AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group

for _model in (Group, AccessLog, AccessFailureLog):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
