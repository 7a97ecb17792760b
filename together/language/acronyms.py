"""Acronyms and abbreviations: a dictionary of the common ones, and a rule for the rest.

What counts as an acronym:

- a word of 2 to 6 capital letters, with or without a plural s: FCA, LA, NQSWs, CAMHS;
- a short word with two or more capitals and at most two small letters: MoJ, DfE, CiC;
- capitals joined by "&": ED&I, A&E;
- "re:", "e.g.", "i.e.", "etc", "w/c" and the other short forms listed below.

What does not: a capitalised word that is an ordinary English word ("NEXT STEPS", "THANK
YOU", "please do NOT worry"), single letters ("I", "A"), Roman numerals, names the caller gives,
and a few short forms everyone says as words (``EVERYDAY``: OK, TV, UK...). A known acronym that
is also an English word (SEND, MASH) is ignored inside a run of capitals, where it is most likely
a heading ("PLEASE SEND IT BACK").

Orders and rules of the court named by their initials (``LEGAL``: SGO, CAO, FPR) are references
to the law; the engine reports them with sections and court forms (``law.py``).

Professionals may use an acronym once it is written out in full at its first use, either way
round: "Family Court Adviser (FCA)" or "FCA (Family Court Adviser)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from together.language.base import words
from together.language.rare import zipf
from together.language.readability import is_dictionary_word


@dataclass(frozen=True, slots=True)
class Acronym:
    expansion: str
    plain: str = ""  # simpler words for children and families, when the expansion is jargon
    wordlike: bool = False  # also an English word: ignored inside a capitalised heading


# KEY | what it stands for | plain words (optional). A * after the key marks a word-like one.
_DATA = """
FCA | Family Court Adviser | the person who talks with you and tells the judge what you want
CG | Children's Guardian | the person who tells the judge what is best for you
LA | local authority | the council
FJYPB | Family Justice Young People's Board | young people who help the family courts
MoJ | Ministry of Justice | the government department for courts
HMCTS | HM Courts and Tribunals Service | the people who run the courts
FPR | Family Procedure Rules | the court's rule book
PD | Practice Direction | court guidance
PLO | Public Law Outline | the court's timetable
ICO | interim care order | a court decision about who looks after you for now
ISO | interim supervision order | a court decision that a social worker keeps checking for now
EPO | emergency protection order | an urgent court decision to keep you safe
SGO | special guardianship order | a court decision that someone will bring you up
CAO | child arrangements order | a court decision about who you live with and see
PSO | prohibited steps order | a court decision that stops someone doing something
SIO | specific issue order | a court decision about one question
NMO | non-molestation order | a court decision that stops someone hurting or scaring someone
OO | occupation order | a court decision about who may live in the home
RO | residence order | an old name for a decision about who you live with
FHDRA | first hearing dispute resolution appointment | the first meeting at court
DRA | dispute resolution appointment | a meeting at court to try to agree
FFH | fact-finding hearing | the day the judge decides what happened
IRH | issues resolution hearing | a court meeting to see what people still disagree about
CMH | case management hearing | a court meeting to plan the next steps
FDAC | Family Drug and Alcohol Court | a court that helps parents stop drinking or taking drugs
LiP | litigant in person | someone in court without a lawyer
MIAM | Mediation Information and Assessment Meeting | a first meeting about help to agree
HHJ | His or Her Honour Judge | the judge
DDJ | Deputy District Judge | the judge
EIT | early intervention team | the team that helps before the first day in court
QAI | quality audit | a check on our work
CA | Children Act | the law about children
ACA | Adoption and Children Act | the law about adoption
SW | social worker
SSW | senior social worker
NQSW | newly qualified social worker
ASYE | Assessed and Supported Year in Employment | a social worker's first year
CIN | child in need | a child who needs extra help
CP | child protection | keeping children safe
CPP | child protection plan | a plan to keep a child safe
ICPC | initial child protection conference | a meeting to plan how to keep a child safe
RCPC | review child protection conference | a meeting to check a child is safe
LAC | looked after child | a child in care
CLA | children looked after | children in care
CiC | children in care
IRO | independent reviewing officer | the person who checks your care plan is working
PA | personal adviser | the worker who helps you after care
UASC | unaccompanied asylum-seeking child | a child who came to this country alone
FGC | family group conference | a family meeting to make a plan
MASH* | Multi-Agency Safeguarding Hub | the team that decides who should help a family
LADO | Local Authority Designated Officer | the person who checks worries about staff
DSL | designated safeguarding lead | the teacher who keeps children safe at school
SEN | special educational needs | extra help with learning
SEND* | special educational needs and disabilities | extra help with learning
SENCO | special educational needs coordinator | the teacher who helps with extra needs
EHCP | Education, Health and Care Plan | a plan for extra help at school
PEP* | personal education plan | the plan for your school life
PRU | pupil referral unit | a small school for pupils who need extra help
TA | teaching assistant
EWO | education welfare officer | someone who helps children get to school
CSE | child sexual exploitation
CCE | child criminal exploitation
FGM | female genital mutilation
DA | domestic abuse | someone hurting or frightening someone at home
DV | domestic violence | someone hurting or frightening someone at home
DVA | domestic violence and abuse | someone hurting or frightening someone at home
IDVA | independent domestic violence adviser | someone who helps people who are hurt at home
MARAC | multi-agency risk assessment conference | a meeting to keep people safe
MAPPA | multi-agency public protection arrangements | how services keep people safe
DBS | Disclosure and Barring Service | police checks
CPS | Crown Prosecution Service | the lawyers who take people to criminal court
PNC | Police National Computer | police records
CID | Criminal Investigation Department | police detectives
ABE | Achieving Best Evidence interview | a recorded interview with the police
NFA | no further action | the police will not do anything more
RUI | released under investigation | let go while the police keep looking into it
DVPO | domestic violence protection order | a court decision to keep someone away
DVPN | domestic violence protection notice | a police notice to keep someone away
YOT | youth offending team | the team that helps young people in trouble with the police
YJS | youth justice service | the team that helps young people in trouble with the police
GP | general practitioner | your doctor
NHS | National Health Service
CAMHS | Child and Adolescent Mental Health Services | a service that helps children with feelings
A&E | accident and emergency | the hospital emergency department
HV | health visitor | a nurse who visits families with babies
SALT* | speech and language therapy | help with talking
OT | occupational therapy | help with everyday skills
ADHD | attention deficit hyperactivity disorder
ASD | autism spectrum disorder | autism
ASC | autism spectrum condition | autism
PTSD | post-traumatic stress disorder
DfE | Department for Education | the government department for schools
DWP | Department for Work and Pensions | the benefits office
HMRC | HM Revenue and Customs | the tax office
DHSC | Department of Health and Social Care
KPI | key performance indicator | a measure of how well we are doing
FOI | freedom of information
GDPR | General Data Protection Regulation | the law about personal information
SAR | subject access request | asking to see what we hold about you
DPA | Data Protection Act | the law about personal information
ED&I | equality, diversity and inclusion
EDI | equality, diversity and inclusion
HR | human resources
CYP | children and young people
MP | Member of Parliament
FYI | for your information | leave it out
ASAP | as soon as possible
TBC | to be confirmed | not decided yet
TBA | to be arranged | not arranged yet
AOB | any other business | anything else
NB | please note
e.g. | for example
i.e. | that is
etc | and so on
approx | about
aka | also known as
w/c | week commencing | the week starting
N/A | not applicable | does not apply
re: | about
"""


# Orders, rules and laws of the court named by their initials: references to the law.
LEGAL = words("FPR PD ICO ISO EPO SGO CAO PSO SIO NMO OO RO DVPO DVPN CA ACA")


def _parse(text: str) -> dict[str, Acronym]:
    known = {}
    for line in text.strip().splitlines():
        key, expansion, *plain = (part.strip() for part in line.split("|"))
        wordlike = key.endswith("*")
        known[key.rstrip("*")] = Acronym(expansion, plain[0] if plain else "", wordlike)
    return known


KNOWN: dict[str, Acronym] = _parse(_DATA)
_KNOWN_IN_CAPITALS = {key.upper(): key for key in KNOWN if key.upper() != key}  # MOJ, CIC

# Short forms everyone says as words; never flagged.
EVERYDAY = frozenset({"OK", "TV", "UK", "PE", "PS", "AM", "PM", "DVD", "GCSE", "BBC", "QR"})

# Short forms most professionals know better than the full words; not flagged for them.
WELL_KNOWN_TO_PROFESSIONALS = frozenset({"NHS", "GP", "EU", "USA", "CV", "ID", "HR", "MP"})

_CANDIDATE = re.compile(
    r"""(?<![\w&/.'’-])(?:
      (?P<re>[rR][eE]:)
    | (?P<dotted>[eE]\.g\.|[iI]\.e\.|[nN]\.[bB]\.)
    | (?P<slash>[wW]/[cC]|[nN]/[aA])
    | (?P<amp>[A-Z]{1,3}&[A-Z]{1,3})
    | (?P<short>(?i:etc|approx|aka))
    | (?P<word>[A-Za-z]*[A-Z][a-z]{0,2}[A-Z][A-Za-z]*)
    )(?![\w&])""",
    re.VERBOSE,
)
_ROMAN = re.compile(r"^[IVX]+$")
_NEAR = 60  # characters
_LAST_WORD = re.compile(r"([A-Za-z]+)[^\w\n]*$")
_FIRST_WORD = re.compile(r"^[^\w\n]*([A-Za-z]+)")
_EXPANSION_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "to", "a", "with", "or"})


@dataclass(frozen=True, slots=True)
class AcronymHit:
    start: int
    end: int
    key: str  # the acronym without a plural s, used to remember that it has been written out
    expansion: str  # empty when unknown
    plain: str
    defined: bool  # written out in full here or earlier in the text


@lru_cache(maxsize=8192)
def _is_english_word(word: str) -> bool:
    return is_dictionary_word(word) and zipf(word) >= 3.0


def _caps_neighbour(text: str, start: int, end: int) -> bool:
    """True when the word before or after, on the same line, is also in capitals."""
    # Look no further than a few words each way: a whole long line each time would be slow.
    before = text[max(0, start - _NEAR) : start].rpartition("\n")[2]
    after = text[end : end + _NEAR].partition("\n")[0]
    for found in (_LAST_WORD.search(before), _FIRST_WORD.search(after)):
        if found and found.group(1).isupper():
            return True
    return False


def _classify_word(token: str, text: str, start: int, end: int) -> tuple[str, Acronym] | None:
    """The key and dictionary entry (or an empty one) if this capitalised word is an acronym."""
    plural = token.endswith("s") and len(token) > 2
    core = token[:-1] if plural else token
    if token in EVERYDAY or core in EVERYDAY:
        return None
    spellings = (token, core, _KNOWN_IN_CAPITALS.get(token), _KNOWN_IN_CAPITALS.get(core))
    key = next((k for k in spellings if k in KNOWN), None)
    known = KNOWN.get(key) if key else None
    if known and key:
        if known.wordlike and _caps_neighbour(text, start, end):
            return None
        return key, known
    uppers = sum(ch.isupper() for ch in core)
    if not 2 <= len(core) <= 6 or uppers < 2 or len(core) - uppers > 2:
        return None  # LaToya, McKay, YouTube: names and brands, not acronyms
    if core.isupper() and (_ROMAN.match(core) or _is_english_word(core.lower())):
        return None  # NEXT STEPS, THANK YOU, "do NOT worry", Part IV
    return core, Acronym("")


def _initials(words: list[str]) -> str:
    letters = []
    for word in words:
        if word.lower() in _SMALL_WORDS:
            continue
        letters.extend(part[0].upper() for part in re.split(r"[-]", word) if part)
    return "".join(letters)


def _spells_out(key: str, expansion: str, words: list[str]) -> bool:
    """True when ``words`` (or a run of words at their end) is the acronym in full."""
    target = "".join(ch for ch in key if ch.isupper()) or key.upper()
    wanted = expansion.lower()
    for count in range(1, min(len(words), len(target) + 4) + 1):
        tail = words[-count:]
        if _initials(tail) == target or (wanted and " ".join(tail).lower() == wanted):
            return True
    return False


def _defined_here(text: str, start: int, end: int, key: str, expansion: str) -> bool:
    """Is the acronym at text[start:end] written out next to it, in brackets either way?"""
    before = text[max(0, start - 120) : start].rstrip()
    after = text[end : end + 1]
    if before.endswith("(") and after in (")", ",", ";"):  # "Family Court Advisers (FCAs, ..."
        words = _EXPANSION_WORD.findall(before[:-1])
        return _spells_out(key, expansion, words)
    bracket = re.match(r"\s?\(([^()\n]{2,120})\)", text[end : end + 125])
    if bracket:
        return _spells_out(key, expansion, _EXPANSION_WORD.findall(bracket.group(1)))
    return False


def _short_key(token: str, kind: str | None) -> str:
    """The dictionary key for re:, e.g., N.B., w/c, N/A, etc and ED&I however they are typed."""
    if kind == "amp":
        return token
    lower = token.lower()
    if lower == "n.b.":
        return "NB"
    if lower in KNOWN:
        return lower
    return token.upper()


def find_acronyms(text: str, names: frozenset[str] = frozenset()) -> list[AcronymHit]:
    """Every acronym in the text, in order. ``names`` (in capitals) are never acronyms."""
    hits: list[AcronymHit] = []
    defined: set[str] = set()
    for m in _CANDIDATE.finditer(text):
        kind = m.lastgroup
        token = m.group()
        start, end = m.span()
        if kind == "word":
            if token.upper() in names:
                continue
            found = _classify_word(token, text, start, end)
            if found is None:
                continue
            key, entry = found
        else:
            key = _short_key(token, kind)
            entry = KNOWN.get(key) or Acronym("")
        if key not in defined and _defined_here(text, start, end, key, entry.expansion):
            defined.add(key)
        hits.append(AcronymHit(start, end, key, entry.expansion, entry.plain, key in defined))
    return hits
