"""Finding a child, and opening a file by breaking the glass. (Being built: see issue 3.)"""

from django.http import Http404


def search(request):
    raise Http404


def break_glass(request, child_id):
    raise Http404


def break_glass_log(request):
    raise Http404
