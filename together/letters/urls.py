from django.urls import path

from . import views

app_name = "letters"

urlpatterns = [
    path("children/<uuid:child_id>/letters/", views.letter_list, name="list"),
    path("children/<uuid:child_id>/letters/new/", views.letter_new, name="new"),
    path("children/<uuid:child_id>/letters/<uuid:letter_id>/", views.letter_edit, name="edit"),
    path("children/<uuid:child_id>/letters/<uuid:letter_id>/send/", views.letter_send, name="send"),
    path("children/<uuid:child_id>/letters/<uuid:letter_id>/pdf/", views.letter_pdf, name="pdf"),
    path("l/<str:token>", views.letter_web, name="web"),
    path("letters/oversight/", views.oversight, name="oversight"),
    path("letters/oversight/children/", views.oversight_children, name="oversight-children"),
    path("letters/batches/new/", views.batch_new, name="batch-new"),
    path("letters/batches/<uuid:batch_id>/", views.batch, name="batch"),
    path("letters/batches/<uuid:batch_id>/zip/", views.batch_download, name="batch-zip"),
]
