"""References to the law and its forms, in the shapes people write them.

Sections, subsections and rules of any Act ("section 8", "s 91(14)", "Section 31A", "rule 16.4",
"r.16.4"), parts, schedules and articles ("Part IV", "Schedule 2", "Article 8"), practice
directions ("PD12J", "Practice Direction 12B"), court forms ("C1A", "Form C2", "FL401") and Acts
by name ("the Children Act 1989"). Orders named by their initials ("SGO", "CAO") are found with the
acronyms (``acronyms.LEGAL``) and put in the same category.

A child or a parent is told what the thing *is* ("the judge's decision about who you live with"),
never its number. Professionals share the numbers, so for them only the short forms are flagged
("s.7", "r.16.4", "PD12J"), with the full form to write instead.

Not a reference: a part or section of the document itself ("section 2 of this letter", "Part 3
below"), a room or a seat ("room C2"), a number after an everyday word ("chapter 8", "Year 4").
Every pattern is bounded, so the search takes time in proportion to the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from together.language.base import AudienceKind, Category, Finding, words

# What a child is told each thing is; the key is the number, lowercased.
_SECTIONS = {
    "1": "the rule that what is best for you comes first",
    "7": "a report the judge asked for",
    "8": "the judge's decision about who you live with or spend time with",
    "17": "help from the council for a child who needs it",
    "20": "living away from home with your parents' agreement",
    "31": "the council asking the judge to share the care of a child",
    "31a": "the council's plan for your care",
    "34": "seeing your family while you live in care",
    "37": "a report the judge asks the council to write",
    "38": "the judge's decision about who looks after you for now",
    "44": "an urgent decision by the judge to keep you safe",
    "46": "the police keeping you safe in an emergency",
    "47": "checks the council makes when it is worried about a child",
    "91(14)": "a decision that people must ask the judge before going back to court",
}
_RULES = {"16.4": "the rule that lets the judge give you your own guardian"}
_DIRECTIONS = {
    "12j": "the court's guidance about domestic abuse",
    "12b": "the court's guidance about plans for children after parents separate",
    "12a": "the court's timetable when the council goes to court",
}
_FORMS = {
    "c1a": "the form about worries that someone may be hurt",
    "c100": "the form that asks the judge to decide about a child",
    "c2": "the form that asks the judge for something more",
    "c7": "the form that answers the court",
    "c8": "the form that keeps an address private",
    "c110a": "the form the council uses to ask the court for help",
    "fl401": "the form that asks for protection from abuse",
}
_PARTS = {
    "ii": "the part of the law about arrangements for children",
    "iii": "the part of the law about help from the council",
    "iv": "the part of the law about care",
    "v": "the part of the law about protecting children",
    "2": "the part of the law about arrangements for children",
    "3": "the part of the law about help from the council",
    "4": "the part of the law about care",
    "5": "the part of the law about protecting children",
}
_ARTICLES = {
    "3": "the right to be safe from harm",
    "6": "the right to be treated fairly in court",
    "8": "the right to family life",
}
_ACTS = {
    "children act": "the law about children",
    "adoption and children act": "the law about adoption",
    "children and families act": "the law about children and families",
    "family law act": "the law about families and keeping people safe",
    "domestic abuse act": "the law about domestic abuse",
    "human rights act": "the law about human rights",
    "mental health act": "the law about mental health",
    "data protection act": "the law about personal information",
}
_DEFAULTS = {
    "section": "what the law says",
    "rule": "what the court's rules say",
    "direction": "the court's guidance",
    "form": "the court form",
    "part": "that part of the law",
    "schedule": "that part of the law",
    "article": "a human right",
    "regulation": "what the rules say",
    "act": "the law",
}

_NUMBER = r"\d{1,3}[A-Z]{0,2}(?:\s?\(\d{1,3}[A-Za-z]?\)){0,3}(?:\([a-z]{1,4}\)){0,2}"
_REFERENCE = re.compile(
    rf"""(?<![\w.&/'’-])(?:
      (?P<section>(?i:sub)?(?i:sections?)\s?{_NUMBER}|(?i:subsections?)\s?\(\d{{1,3}}\))
    | (?P<s_short>[sS]{{1,2}}(?:\.\s?|\s)?{_NUMBER})
    | (?P<rule>(?i:rules?)\s\d{{1,3}}(?:\.\d{{1,3}}){{1,2}}[A-Z]?(?:\(\d{{1,3}}\)){{0,2}})
    | (?P<r_short>[rR](?:\.\s?|\s)?\d{{1,3}}(?:\.\d{{1,3}}){{1,2}}[A-Z]?(?:\(\d{{1,3}}\)){{0,2}})
    | (?P<direction>(?i:practice\sdirections?)\s?\d{{1,2}}[A-Z]{{0,2}})
    | (?P<pd_short>PD\s?\d{{1,2}}[A-Z]{{0,2}})
    | (?P<part>Parts?\s(?:[IVX]{{1,6}}|\d{{1,2}}[A-Z]?))
    | (?P<schedule>Schedules?\s\d{{1,2}}[A-Z]?)
    | (?P<article>Articles?\s\d{{1,2}})
    | (?P<regulation>(?:Regulations?|[Rr]eg\.?)\s\d{{1,3}}[A-Z]?)
    | (?P<form>(?i:forms?)\s(?:[A-Z]{{1,3}}\d{{1,3}}[A-Z]?))
    | (?P<bare_form>(?:C\d{{1,3}}[A-Z]?|FL\d{{3}}[A-Z]?|FP\d{{1,2}}|EX\d{{2,3}}))
    | (?P<act_year>(?:19|20)\d\d\sAct)
    )(?![\w&]|\.\d)""",
    re.VERBOSE,
)
_ACT = re.compile(r"(?<![\w.&/'’-])(?:[A-Z][a-z]+\s(?:and\s|of\s)?){1,4}Act(?:\s\d{4})?(?![\w&])")
# Words that start a sentence or lead into an Act's name without being part of it.
_LEAD_WORDS = re.compile(r"^(?:(?:The|This|That|Under|In|By|See|Our|Your|And|Of|Both)\s)+")
# "section 2 of this letter", "Part 3 below": the document itself, not the law.
_DOCUMENT = re.compile(
    r"\s(?:below|above|of\s(?:this|these|my|our|your)\b|of\sthe\s(?:report|plan|letter|form|"
    r"document|bundle|statement|assessment|agreement|book|minutes|notes|guide|leaflet)\b)"
)
# "room C2", "bus C1": a place, not a form.
_PLACES = words(
    "room rooms floor block flat unit level page seat bus gate platform table box grid ward "
    "bay bed row hall court"
)
_LAST_WORD = re.compile(r"(\w+)\W*$")


@dataclass(frozen=True, slots=True)
class Reference:
    start: int
    end: int
    kind: str  # section, rule, direction, form, part, schedule, article, regulation, act
    short: bool  # written short: s.7, r.16.4, PD12J
    full: str  # the reference written in full: "section 7", "rule 16.4"
    plain: str  # what it is, in a child's words


def _number(reference: str) -> str:
    return re.sub(r"^\D*?(?=\d)", "", reference).replace(" ", "").lower()


def _describe(kind: str, token: str) -> tuple[str, str, bool]:
    """The full form, the plain words and whether it was written short."""
    number = _number(token)
    if kind in ("section", "s_short"):
        key = number if number in _SECTIONS else re.sub(r"\(.*$", "", number)
        plain = _SECTIONS.get(key, _DEFAULTS["section"])
        if token.lower().startswith("sub"):
            return token, _DEFAULTS["section"], False
        return (
            f"section {number.upper() if number[-1:].isalpha() else number}",
            plain,
            (kind == "s_short"),
        )
    if kind in ("rule", "r_short"):
        key = re.sub(r"\(.*$", "", number)
        return f"rule {number}", _RULES.get(key, _DEFAULTS["rule"]), kind == "r_short"
    if kind in ("direction", "pd_short"):
        full = f"Practice Direction {number.upper()}"
        return full, _DIRECTIONS.get(number, _DEFAULTS["direction"]), kind == "pd_short"
    if kind in ("form", "bare_form"):
        code = token.split()[-1].lower()
        return f"form {code.upper()}", _FORMS.get(code, _DEFAULTS["form"]), False
    if kind == "part":
        key = token.split()[-1].lower()
        return token, _PARTS.get(key, _DEFAULTS["part"]), False
    if kind == "article":
        return token, _ARTICLES.get(number, _DEFAULTS["article"]), False
    if kind == "act":
        name = re.sub(r"\s\d{4}$", "", token).lower()
        return token, _ACTS.get(name, _DEFAULTS["act"]), False
    if kind == "act_year":
        return token, _DEFAULTS["act"], False
    return token, _DEFAULTS.get(kind, _DEFAULTS["section"]), False


# Every reference holds a digit, except parts in Roman numerals and Acts named without a year:
# those are found from their own word. The pattern is tried only at these anchors, so the cost
# grows with the text (and its numbers), not with the number of patterns.
# (Each starts with a literal or a character set, never \b, which lets the search skip ahead.)
_DIGITS = re.compile(r"[0-9][0-9]*")  # (faster to search than [0-9]+)
_ROMAN_PART = re.compile(r"Part(?<![^\W_]Part)s?\s[IVX]")
_ACT_WORD = re.compile(r"Act\b(?<![^\W_]Act)")


def _word_start(text: str, end: int) -> int:
    """Where the run of letters ending at ``end`` starts (``end`` if there is none)."""
    start = end
    while start > 0 and start > end - 30 and text[start - 1].isalpha():
        start -= 1
    return start


def _skip_gap(text: str, at: int, most: int = 3) -> int:
    """Step back from ``at`` over up to ``most`` spaces, full stops or an opening bracket: the gap
    between "section" and "8", "s." and "7", "subsection" and "(3)"."""
    end = at
    while end > 0 and at - end < most and text[end - 1] in " .(\u00a0":
        end -= 1
    return end


def _matches(text: str):
    """The pattern's matches, in order, each tried only near a number, "Part" or "Act"."""
    anchors: list[tuple[int, tuple[int, ...]]] = []
    for m in _DIGITS.finditer(text):
        at = m.start()
        word = _word_start(text, at)  # the start of "C1A", "s31", "PD12J"
        one = _word_start(text, _skip_gap(text, word))  # "section" in "section 8"
        two = _word_start(text, _skip_gap(text, one, 1))  # "Practice" in "Practice Direction"
        anchors.append((at, (two, one, word)))
    anchors += [(m.start(), (m.start(),)) for m in _ROMAN_PART.finditer(text)]
    anchors += [(m.start(), (-1,)) for m in _ACT_WORD.finditer(text)]
    anchors.sort()
    reach = 0
    for at, starts in anchors:
        if at < reach:
            continue
        if starts == (-1,):  # an Act: its name is the capitalised words before "Act"
            for m in _ACT.finditer(text, max(reach, at - 80), min(len(text), at + 8)):
                if m.end() > at:
                    reach = m.end()
                    yield "act", m
                    break
            continue
        for start in dict.fromkeys(starts):
            if start < reach:
                continue
            m = _REFERENCE.match(text, start)
            if m and m.end() > at:
                reach = m.end()
                yield m.lastgroup or "", m
                break


def find_references(text: str) -> list[Reference]:
    """Every reference to the law or a court form in the text, in order."""
    found: list[Reference] = []
    for kind, m in _matches(text):
        start, end = m.span()
        token = m.group()
        if kind == "act":
            lead = _LEAD_WORDS.match(token)
            if lead:
                start += lead.end()
                token = token[lead.end() :]
            name = re.sub(r"\s\d{4}$", "", token).lower()
            if not token[-1].isdigit() and name not in _ACTS:
                continue  # "the Act" on its own, or a name that is not an Act we know
            if " " not in token:
                continue
        elif kind == "bare_form":
            before = _LAST_WORD.search(text, max(0, start - 20), start)
            if before and before.group(1).lower() in _PLACES:
                continue
        elif kind in ("section", "part", "schedule", "s_short") and _DOCUMENT.match(text, end):
            continue
        full, plain, short = _describe(kind.replace("bare_", ""), token)
        found.append(Reference(start, end, kind, short, full, plain))
    return found


_FAMILY_MESSAGE = {
    "form": "A court form's number means nothing to a child or a family. Say what the form is for.",
    "act": "Say what the law is about rather than its name.",
}
_NUMBER_MESSAGE = (
    "A number in the law means nothing to a child or a family. Say what it is or what it does."
)


def legal_findings(text: str, kind: AudienceKind) -> list[Finding]:
    """Findings for the references in the text, for this reader."""
    findings = []
    professional = kind is AudienceKind.PROFESSIONAL
    for ref in find_references(text):
        matched = text[ref.start : ref.end]
        if professional:
            if not ref.short:
                continue
            message = (
                f'"{matched}" is short for "{ref.full}". Write it in full: the child may read '
                "their file one day."
            )
            suggestions: tuple[str, ...] = (ref.full,)
        else:
            form_kind = "form" if "form" in ref.kind else ref.kind
            message = _FAMILY_MESSAGE.get(form_kind, _NUMBER_MESSAGE)
            suggestions = (ref.plain,)
        findings.append(
            Finding(ref.start, ref.end, matched, Category.LEGAL_REFERENCE, message, suggestions)
        )
    return findings
