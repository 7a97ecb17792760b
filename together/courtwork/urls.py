from django.urls import path

from . import views

app_name = "courtwork"

COURT = "children/<uuid:child_id>/court/"
FOR = COURT + "<uuid:proceedings_id>/"

urlpatterns = [
    path("court/safeguarding-letters/", views.letters_due, name="letters-due"),
    path(COURT, views.court, name="court"),
    path(COURT + "domestic-abuse/", views.domestic_abuse, name="domestic-abuse"),
    path(FOR + "checks/new/", views.check_add, name="check-add"),
    path(COURT + "checks/<uuid:check_id>/", views.check_answer, name="check"),
    path(FOR + "conversations/new/", views.conversation_add, name="conversation-add"),
    path(FOR + "safeguarding-letter/", views.letter, name="letter"),
    path(FOR + "safeguarding-letter/file/", views.letter_file, name="letter-file"),
    path(FOR + "safeguarding-letter/pdf/", views.letter_pdf, name="letter-pdf"),
]
