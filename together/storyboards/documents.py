"""What the printed and web versions of a storyboard show, from the storyboard as it is now or
from a shared version (its snapshot), and the PDF."""

from __future__ import annotations

import base64

from django.templatetags.static import static

from .models import Drawing, Storyboard
from .pictures import BY_ID
from .prompts import people_in_words


def panels_for_document(snapshot: dict, drawings: dict) -> list[dict]:
    """Each panel's heading, paragraphs and pictures (library ones with their alt text, then
    the child's drawings) from a snapshot. `drawings` maps a drawing's uuid to its Drawing."""
    panels = []
    for panel in snapshot["panels"]:
        pictures = [
            {"src": static(BY_ID[key].static_path), "alt": BY_ID[key].alt, "drawing": False}
            for key in panel["pictures"]
            if key in BY_ID
        ]
        for each in panel.get("drawings", []):
            drawing = drawings.get(each["uuid"])
            if drawing is not None:
                pictures.append(
                    {"drawing": drawing, "alt": each["description"], "uuid": each["uuid"]}
                )
        words = [p.strip() for p in (panel["words"] or "").split("\n\n") if p.strip()]
        panels.append({"heading": panel["prompt"], "paragraphs": words, "pictures": pictures})
    return panels


def drawings_for(storyboard: Storyboard, snapshot: dict, *, with_images: bool) -> dict:
    """The drawings a snapshot shows, by uuid (with their bytes only when a PDF needs them)."""
    wanted = [d["uuid"] for panel in snapshot["panels"] for d in panel.get("drawings", [])]
    if not wanted:
        return {}
    rows = Drawing.objects.filter(storyboard=storyboard, uuid__in=wanted)
    if not with_images:
        rows = rows.defer("image")
    return {str(row.uuid): row for row in rows}


def storyboard_pdf(
    storyboard: Storyboard, snapshot: dict, *, worker_name: str, large_print: bool = False
) -> bytes:
    from together.documents.pdf import pdf_from_template

    drawings = drawings_for(storyboard, snapshot, with_images=True)
    panels = panels_for_document(snapshot, drawings)
    for panel in panels:
        for picture in panel["pictures"]:
            if picture["drawing"]:
                drawing = picture["drawing"]
                data = base64.b64encode(bytes(drawing.image)).decode("ascii")
                picture["src"] = f"data:{drawing.content_type};base64,{data}"
    return pdf_from_template(
        "storyboards/storyboard_pdf.html",
        {
            "title": snapshot["title"],
            "panels": panels,
            "child": storyboard.child,
            # Brothers and sisters it is also for are named with the child.
            "for_names": people_in_words(
                [storyboard.child.preferred_name]
                + [other.preferred_name for other in storyboard.also_for.order_by("date_of_birth")]
            ),
            "worker_name": worker_name,
        },
        large_print=large_print,
    )
