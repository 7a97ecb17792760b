from django.urls import path

from . import views

app_name = "storyboards"

BASE = "children/<uuid:child_id>/storyboards/"
ONE = BASE + "<uuid:storyboard_id>/"
PANEL = ONE + "panels/<uuid:panel_id>/"

urlpatterns = [
    path(BASE, views.storyboard_list, name="list"),
    path(BASE + "new/", views.storyboard_new, name="new"),
    path(ONE, views.storyboard_page, name="storyboard"),
    path(ONE + "panels/add/", views.panel_add, name="panel-add"),
    path(PANEL, views.panel_edit, name="panel"),
    path(PANEL + "move/", views.panel_move, name="panel-move"),
    path(PANEL + "remove/", views.panel_remove, name="panel-remove"),
    path(PANEL + "pictures/", views.panel_pictures, name="panel-pictures"),
    path(PANEL + "upload/", views.drawing_upload, name="panel-upload"),
    path(ONE + "pictures/<uuid:drawing_id>/", views.drawing, name="drawing"),
    path(ONE + "pictures/<uuid:drawing_id>/remove/", views.drawing_remove, name="drawing-remove"),
    path(ONE + "pdf/", views.storyboard_pdf, name="pdf"),
    path(ONE + "share/", views.storyboard_share, name="share"),
    path(ONE + "shared/<uuid:share_id>/response/", views.share_response, name="response"),
    path(ONE + "versions/", views.compare, name="compare"),
    path(ONE + "reflect/", views.reflect, name="reflect"),
    path("storyboards/reflections/", views.reflections, name="reflections"),
    path("l/s/<str:token>", views.web, name="web"),
    path("l/s/<str:token>/pictures/<uuid:drawing_id>", views.web_drawing, name="web-drawing"),
]
