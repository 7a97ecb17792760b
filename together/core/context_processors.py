"""What every page's layout needs from the kernel: the service's name and phase."""

from django.conf import settings


def service(request):
    return {
        "service_name": settings.TOGETHER_SERVICE_NAME,
        "service_phase": settings.TOGETHER_PHASE,
    }
