"""Every address in the service (see DESIGN.md, section 8, for the scheme)."""

from django.contrib import admin
from django.urls import include, path

from together.accounts.views import admin_sign_in
from together.core import health

admin.site.site_header = "Together administration"
admin.site.site_title = "Together administration"

urlpatterns = [
    # For load balancers and orchestrators (core.health): public, cheap, no personal data.
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("", include("together.home.urls")),
    path("", include("together.core.urls")),
    path("", include("together.accounts.urls")),
    path("", include("together.organisation.urls")),
    path("", include("together.children.urls")),
    path("", include("together.proceedings.urls")),
    path("", include("together.language.urls")),
    path("", include("together.plans.urls")),
    path("", include("together.letters.urls")),
    path("", include("together.storyboards.urls")),
    path("", include("together.courtwork.urls")),
    path("", include("together.courtwork.report_urls")),
    path("", include("together.feedback.urls")),
    path("", include("together.quality.urls")),
    path("", include("together.scorecard.urls")),
    path("", include("together.supervision.urls")),
    path("quality/national/", include("together.quality.national_urls")),
    # One way in for everyone: the admin site signs in through the service's own sign-in page.
    path("admin/login/", admin_sign_in, name="admin-sign-in"),
    path("admin/", admin.site.urls),
]

handler400 = "together.core.views.bad_request"
handler403 = "together.core.views.permission_denied"
handler404 = "together.core.views.page_not_found"
handler500 = "together.core.views.server_error"
