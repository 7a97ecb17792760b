"""The court section of a child's file (/children/<uuid>/court/): the safeguarding enquiries and
the safeguarding letter for each set of private law proceedings. Reports add their own list to
the same page (report_views)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from together.children import rules as children_rules
from together.children.selectors import child_get_for_user
from together.children.services import child_domestic_abuse_mark
from together.children.views.file import render_file_page
from together.core.exceptions import EditConflict
from together.core.forms import add_service_errors
from together.documents.downloads import logged_download
from together.documents.services import document_print_record
from together.language.selectors import LanguageNotConfirmed
from together.language.views import language_report_step

from . import enquiries, rules, selectors
from .forms import (
    CheckAddForm,
    CheckAnswerForm,
    ConversationForm,
    DomesticAbuseForm,
    LetterFileForm,
    LetterForm,
)
from .models import SafeguardingLetter

SECTION = "court"
# Other parts of the court section (the reports) add their context here: a function of
# (request, child) returning a dict the index template reads.
INDEX_PARTS = []

CONFLICT = (
    "Someone else saved changes while you were editing. Check what is saved now, "
    "then save again if your changes are still right."
)


def court(request, child_id):
    child = child_get_for_user(user=request.user, child_id=child_id)
    context = {
        "court_work": selectors.court_work_for_child(user=request.user, child=child),
        "may_mark": children_rules.may_edit_child(request.user, child),
    }
    for part in INDEX_PARTS:
        context.update(part(request, child))
    return render_file_page(request, child, SECTION, "courtwork/court.html", context)


def _for_enquiries(request, child_id, proceedings_id):
    """The child and their proceedings, if `request.user` may make the enquiries; else 404."""
    child = child_get_for_user(user=request.user, child_id=child_id)
    proceedings = selectors.proceedings_for_court_work(child, proceedings_id)
    if not rules.may_make_enquiries(request.user, proceedings):
        raise Http404("No proceedings found")
    return child, proceedings


@require_http_methods(["GET", "POST"])
def check_add(request, child_id, proceedings_id):
    child, proceedings = _for_enquiries(request, child_id, proceedings_id)
    form = CheckAddForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            check = enquiries.safeguarding_check_add(
                by=request.user, proceedings=proceedings, token=form.token(), **form.answers()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"The check with {check.agency_name} has been recorded")
            return redirect("courtwork:court", child_id=child.uuid)
    return render_file_page(
        request,
        child,
        SECTION,
        "courtwork/safeguarding/check_add.html",
        {"form": form, "proceedings": proceedings},
    )


@require_http_methods(["GET", "POST"])
def check_answer(request, child_id, check_id):
    child = child_get_for_user(user=request.user, child_id=child_id)
    check = selectors.check_get(child, check_id)
    if not rules.may_make_enquiries(request.user, check.proceedings):
        raise Http404("No check found")
    conflict = None
    if request.method == "POST":
        form = CheckAnswerForm(request.POST)
        if form.is_valid():
            try:
                enquiries.safeguarding_check_update(
                    by=request.user, check=check, **form.cleaned_data
                )
            except EditConflict as error:
                conflict = error
                check = selectors.check_get(child, check_id)
                form = _again(CheckAnswerForm, form, check.version)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"The check with {check.agency_name} has been saved")
                return redirect("courtwork:court", child_id=child.uuid)
    else:
        form = CheckAnswerForm(initial=CheckAnswerForm.initial_for(check))
    return render_file_page(
        request,
        child,
        SECTION,
        "courtwork/safeguarding/check_answer.html",
        {"form": form, "check": check, "conflict": conflict},
    )


def _again(form_class, form, version, **kwargs):
    """What they typed stays; the version moves on so saving again is an informed choice."""
    data = form.data.copy()
    data["version"] = version
    fresh = form_class(data, **kwargs)
    fresh.is_valid()
    fresh.add_error(None, CONFLICT)
    return fresh


@require_http_methods(["GET", "POST"])
def conversation_add(request, child_id, proceedings_id):
    child, proceedings = _for_enquiries(request, child_id, proceedings_id)
    work = next(
        w
        for w in selectors.court_work_for_child(user=request.user, child=child)
        if w.proceedings.pk == proceedings.pk
    )
    data = request.POST if request.method == "POST" else None
    form = ConversationForm(data, people=work.people, roles=work.roles)
    if request.method == "GET" and request.GET.get("person") in form.people:
        form.initial["person"] = request.GET["person"]
    if request.method == "POST" and form.is_valid():
        try:
            conversation = enquiries.safeguarding_conversation_record(
                by=request.user,
                proceedings=proceedings,
                token=form.token(),
                **form.conversation_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error, fields={"held_at": "date"})
        else:
            messages.success(
                request, f"Your conversation with {conversation.person} has been recorded"
            )
            return redirect("courtwork:court", child_id=child.uuid)
    return render_file_page(
        request,
        child,
        SECTION,
        "courtwork/safeguarding/conversation_add.html",
        {"form": form, "proceedings": proceedings},
    )


@require_http_methods(["GET", "POST"])
def domestic_abuse(request, child_id):
    """The file's domestic abuse marker, set from the safeguarding enquiries or the plan."""
    child = child_get_for_user(user=request.user, child_id=child_id)
    if not children_rules.may_edit_child(request.user, child):
        raise Http404("No child found")
    if request.method == "POST":
        form = DomesticAbuseForm(request.POST)
        if form.is_valid():
            try:
                child_domestic_abuse_mark(by=request.user, child=child, **form.cleaned_data)
            except EditConflict:
                child.refresh_from_db()
                form = _again(DomesticAbuseForm, form, child.version)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "The domestic abuse marker has been saved")
                return redirect("courtwork:court", child_id=child.uuid)
    else:
        form = DomesticAbuseForm(
            initial={
                "version": child.version,
                "marked": "yes"
                if child.domestic_abuse or not child.domestic_abuse_set_at
                else "no",
                "source": child.domestic_abuse_source,
            }
        )
    return render_file_page(
        request, child, SECTION, "courtwork/domestic_abuse.html", {"form": form}
    )


# --- the safeguarding letter ------------------------------------------------------------------


def _letter_for_reading(request, child_id, proceedings_id):
    """The child, proceedings and letter. A draft quotes the check results, so only those who
    see them may read it; once filed, whoever may see the child's file may."""
    child = child_get_for_user(user=request.user, child_id=child_id)
    proceedings = selectors.proceedings_for_court_work(child, proceedings_id)
    letter = SafeguardingLetter.objects.filter(proceedings=proceedings).first()
    filed = letter is not None and letter.is_filed
    if not filed and not rules.may_see_check_results(request.user, proceedings):
        raise Http404("No letter found")
    return child, proceedings, letter


@require_http_methods(["GET", "POST"])
def letter(request, child_id, proceedings_id):
    child, proceedings, letter = _letter_for_reading(request, child_id, proceedings_id)
    may_write = rules.may_make_enquiries(request.user, proceedings)
    if request.method == "POST" and not may_write:
        raise Http404("No letter found")
    if letter is None:
        return _letter_not_started(request, child, proceedings, may_write)
    conflict = None
    form = None
    if request.method == "POST" and not letter.is_filed:
        form = LetterForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                enquiries.safeguarding_letter_update(by=request.user, letter=letter, **data)
            except EditConflict as error:
                conflict = error
                letter.refresh_from_db()
                form = _again(LetterForm, form, letter.version)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "The safeguarding letter has been saved")
                if "file" in request.POST:
                    return redirect("courtwork:letter-file", child.uuid, proceedings.uuid)
                return redirect("courtwork:letter", child.uuid, proceedings.uuid)
    elif not letter.is_filed:
        form = LetterForm(
            initial={
                "version": letter.version,
                "enquiries": letter.enquiries,
                "analysis": letter.analysis,
                "recommendation": letter.recommendation,
            }
        )
    return render_file_page(
        request,
        child,
        SECTION,
        "courtwork/safeguarding/letter.html",
        {
            "form": form,
            "letter": letter,
            "proceedings": proceedings,
            "may_write": may_write and not letter.is_filed,
            "conflict": conflict,
            "reader": selectors.letter_reader(proceedings),
            "due": selectors.letter_due(proceedings, filed=letter.is_filed),
        },
    )


def _letter_not_started(request, child, proceedings, may_write):
    if request.method == "POST":
        enquiries.safeguarding_letter_start(by=request.user, proceedings=proceedings)
        messages.success(request, "The letter has been started from the checks and conversations")
        return redirect("courtwork:letter", child.uuid, proceedings.uuid)
    return render_file_page(
        request,
        child,
        SECTION,
        "courtwork/safeguarding/letter_start.html",
        {
            "proceedings": proceedings,
            "may_write": may_write,
            "due": selectors.letter_due(proceedings, filed=False),
        },
    )


@require_http_methods(["GET", "POST"])
def letter_file(request, child_id, proceedings_id):
    child, proceedings, letter = _letter_for_reading(request, child_id, proceedings_id)
    if letter is None or not rules.may_make_enquiries(request.user, proceedings):
        raise Http404("No letter found")
    if letter.is_filed:
        messages.info(request, "This letter has already been recorded as filed")
        return redirect("courtwork:letter", child.uuid, proceedings.uuid)
    reader = selectors.letter_reader(proceedings)
    form = LetterFileForm(
        request.POST if request.method == "POST" else None, initial={"version": letter.version}
    )
    language = language_report_step(
        request, document=letter, text=letter.text, reader=reader, child_id=child.uuid
    )
    if request.method == "POST" and form.is_valid() and language.proceed:
        try:
            enquiries.safeguarding_letter_mark_filed(
                by=request.user,
                letter=letter,
                version=form.cleaned_data["version"],
                filed_on=form.cleaned_data["filed_on"],
            )
        except EditConflict:
            form.add_error(
                None,
                "Someone else changed this letter while you were on this page. "
                "Read it again before you record that it was filed.",
            )
        except LanguageNotConfirmed as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The safeguarding letter is recorded as filed")
            return redirect("courtwork:court", child_id=child.uuid)
    elif request.method == "POST" and not language.proceed and form.is_valid():
        form.add_error(
            None,
            "Change the words the check found, or say why each one should stay, "
            "before you record that the letter was filed",
        )
    return render_file_page(
        request,
        child,
        SECTION,
        "courtwork/safeguarding/letter_file.html",
        {"form": form, "letter": letter, "proceedings": proceedings, "language": language},
    )


def letter_pdf(request, child_id, proceedings_id):
    child, proceedings, letter = _letter_for_reading(request, child_id, proceedings_id)
    if letter is None:
        raise Http404("No letter found")
    return logged_download(
        make=lambda: enquiries.safeguarding_letter_pdf(letter),
        log=lambda: document_print_record(
            by=request.user,
            obj=letter,
            what="Safeguarding letter to the court",
            child_id=child.uuid,
            fmt="pdf",
        ),
        name=f"safeguarding-letter-{proceedings.court_number}",
    )


# --- for managers -----------------------------------------------------------------------------


def letters_due(request):
    """The safeguarding letters not yet filed in the places the manager oversees."""
    if not rules.may_see_letters_due(request.user):
        raise Http404("No page found")
    rows = selectors.letters_due_for_manager(user=request.user)
    return render(
        request,
        "courtwork/safeguarding/letters_due.html",
        {"rows": rows, "limit": selectors.LETTERS_DUE_LIMIT},
    )
