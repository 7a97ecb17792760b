"""The court's copies of a report: a tagged PDF (documents.pdf) and a Word document (python-docx).

Both carry the court's heading, the court's number, the children in the proceedings named as the
court knows them (their legal names), page numbers, and from the family page only what the other
professionals who know the child said, with who they are: no address of anyone, confidential or
not, and no way to contact anyone, is ever read here.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from django.utils.text import slugify

from together.documents.pdf import pdf_from_template

from .report_models import SECTIONS, CourtReport

FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@dataclass(frozen=True)
class CourtCopy:
    """What both copies print, in order."""

    title: str
    court: str
    court_number: str
    children: list[str]
    direction: list[tuple[str, str]]
    sections: list[tuple[str, list[tuple[str, list[str]]]]]
    recommendations: list[dict]
    signed: str
    # What other professionals who know the child said, each with its source (never an address
    # or a way to contact them): [{"words": [paragraphs], "source": "..."}].
    quotes: list[dict] = ()


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def court_names(report: CourtReport) -> list[str]:
    """Each child in the proceedings as the court knows them: legal names and date of birth."""
    children = report.proceedings.children.order_by("date_of_birth", "id").only(
        "legal_given_names", "legal_family_name", "date_of_birth"
    )
    return [
        f"{c.legal_given_names} {c.legal_family_name} (born {c.date_of_birth.day} "
        f"{c.date_of_birth:%B %Y})"
        for c in children
    ]


# The heading of each field inside a section of the printed report.
FIELD_HEADINGS = {
    "harm": "Harm",
    "non_recent_harm": "Harm some time ago, and what it means now",
    "coercive_control": "Coercive and controlling behaviour",
    "unique_about_child": "",
    "family_strengths": "",
    "impact_on_child": "",
    "wishes_and_feelings": "In the child's own words",
    "shared_with_child": "How the recommendations were shared",
    "child_response": "The child's response",
}


def court_copy(report: CourtReport) -> CourtCopy:
    proceedings = report.proceedings
    direction = [
        ("Ordered on", f"{report.ordered_on.day} {report.ordered_on:%B %Y}"),
        ("Due by", f"{report.due_on.day} {report.due_on:%B %Y}"),
        ("What the court asked", report.court_asked),
    ]
    sections = [
        (
            title,
            [
                (FIELD_HEADINGS[name], _paragraphs(getattr(report, name)))
                for name in fields
                if (getattr(report, name) or "").strip()
            ],
        )
        for title, fields in SECTIONS.values()
    ]
    recommendations = [
        {
            "recommendation": r.recommendation,
            "evidence": _paragraphs(r.evidence),
            "why_different": r.why_different if r.differs_from_wishes else "",
        }
        for r in report.recommendations.all()
    ]
    quotes = [
        {"words": _paragraphs(q.words), "source": q.source}
        for q in report.quotes.select_related("professional")
    ]
    writer = report.created_by
    signed = f"{writer.full_name}, Family Court Adviser"
    if report.agreed_by_id:
        signed += f". Agreed by {report.agreed_by.full_name}, practice supervisor"
    return CourtCopy(
        title=report.get_kind_display(),
        court=f"In the Family Court sitting at {proceedings.court}",
        court_number=proceedings.court_number,
        children=court_names(report),
        direction=direction,
        sections=sections,
        recommendations=recommendations,
        signed=signed,
        quotes=quotes,
    )


def file_name(report: CourtReport) -> str:
    return slugify(f"{report.proceedings.court_number} {report.get_kind_display()}")[:80]


def pdf(copy: CourtCopy) -> bytes:
    return pdf_from_template("courtwork/reports/pdf.html", {"copy": copy})


def _add_page_number(paragraph) -> None:
    """A PAGE field in the footer: Word fills in each page's number."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.add_run("Page ")
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = "PAGE"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    # Run.element is python-docx's public handle on the run's XML.
    run.element.append(begin)
    run.element.append(instruction)
    run.element.append(end)


def docx(copy: CourtCopy) -> bytes:
    import docx as python_docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = python_docx.Document()
    document.core_properties.title = copy.title
    document.core_properties.author = "Together"
    for line in (copy.court, f"Court number: {copy.court_number}"):
        heading = document.add_paragraph(line)
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("The children:")
    for name in copy.children:
        document.add_paragraph(name, style="List Bullet")
    document.add_heading(copy.title, level=1)
    table = document.add_table(rows=0, cols=2)
    for label, value in copy.direction:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    for title, parts in copy.sections:
        document.add_heading(title, level=2)
        if not parts:
            document.add_paragraph("Not written.")
        for heading, paragraphs in parts:
            if heading:
                document.add_heading(heading, level=3)
            for text in paragraphs:
                document.add_paragraph(text)
    document.add_heading("Other professionals who know the child", level=2)
    for quote in copy.quotes:
        for text in quote["words"]:
            document.add_paragraph(text, style="Quote")
        document.add_paragraph(f"Source: {quote['source']}")
    if not copy.quotes:
        document.add_paragraph("No other professional is quoted.")
    document.add_heading("Recommendations", level=2)
    for number, rec in enumerate(copy.recommendations, start=1):
        document.add_heading(f"Recommendation {number}", level=3)
        document.add_paragraph(rec["recommendation"])
        for text in rec["evidence"]:
            document.add_paragraph(text)
        if rec["why_different"]:
            document.add_paragraph(
                f"Why this is different from what the child wants: {rec['why_different']}"
            )
    document.add_paragraph(copy.signed)
    footer = document.sections[0].footer.paragraphs[0]
    footer.text = f"{copy.court_number}. "
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_page_number(footer)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render(report: CourtReport, fmt: str) -> tuple[str, bytes]:
    copy = court_copy(report)
    return FORMATS[fmt], pdf(copy) if fmt == "pdf" else docx(copy)
