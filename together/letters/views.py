"""Letters on a child's file, the public web version behind the feedback link, oversight for
managers, and batches of PDFs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from together.children.views.file import render_file_page
from together.core.exceptions import EditConflict
from together.core.forms import SubmitOnceForm, add_service_errors
from together.documents.downloads import logged_download
from together.documents.services import document_print_record
from together.language.selectors import LanguageNotConfirmed
from together.language.views import language_report_step

from . import rules, selectors, services
from .forms import LetterEditForm, LetterNewForm, LetterSendForm
from .models import LetterBatch
from .oversight import letters_oversight, letters_oversight_children

SECTION = "letters"


def _child_for_writing(request, child_id):
    child = selectors.child_get_for_user(user=request.user, child_id=child_id)
    if not rules.may_write_letters(request.user, child):
        raise Http404("No child found")
    return child


def _letter_for_writing(request, child_id, letter_id):
    child, letter = selectors.letter_get_for_user(
        user=request.user, child_id=child_id, letter_id=letter_id
    )
    if not rules.may_write_letters(request.user, child):
        raise Http404("No letter found")
    return child, letter


def letter_list(request, child_id):
    child = selectors.child_get_for_user(user=request.user, child_id=child_id)
    return render_file_page(
        request,
        child,
        SECTION,
        "letters/list.html",
        {
            "letters": selectors.letters_for_child(child),
            "may_write": rules.may_write_letters(request.user, child),
        },
    )


@require_http_methods(["GET", "POST"])
def letter_new(request, child_id):
    child = _child_for_writing(request, child_id)
    people = selectors.parents_and_carers(child)
    data = request.POST if request.method == "POST" else None
    form = LetterNewForm(data, child=child, people=people)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            letter = services.letter_start(
                by=request.user,
                child=child,
                token=form.token(),
                kind=data["kind"],
                recipient=form.recipient_person(),
                filling=services.Filling(
                    meeting_plan=data["meeting_plan"], how_to_reach_me=data["how_to_reach_me"]
                ),
                plain=data["plain"],
            )
        except services.PlaceholderError as error:
            form.add_error(_placeholder_field(error.name), error.messages[0])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The letter has been started. Read it and make it yours")
            return redirect("letters:edit", child_id=child.uuid, letter_id=letter.uuid)
    return render_file_page(
        request,
        child,
        SECTION,
        "letters/new.html",
        {"form": form, "language_needs": selectors.language_needs(child)},
    )


def _placeholder_field(name):
    return name if name in ("meeting_plan", "how_to_reach_me") else None


@require_http_methods(["GET", "POST"])
def letter_edit(request, child_id, letter_id):
    child, letter = selectors.letter_get_for_user(
        user=request.user, child_id=child_id, letter_id=letter_id
    )
    may_write = rules.may_write_letters(request.user, child)
    if request.method == "POST" and not may_write:
        raise Http404("No letter found")
    conflict = None
    if request.method == "POST" and not letter.is_sent:
        form = LetterEditForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.letter_update(
                    by=request.user,
                    letter=letter,
                    version=data["version"],
                    body=data["body"],
                    video_url=data["video_url"],
                    include_address=data["include_address"],
                )
            except EditConflict as error:
                conflict = error
                letter.refresh_from_db()
                form = _keep_typing(form, letter.version)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "The letter has been saved")
                if "send" in request.POST:
                    return redirect("letters:send", child_id=child.uuid, letter_id=letter.uuid)
                return redirect("letters:edit", child_id=child.uuid, letter_id=letter.uuid)
    else:
        form = LetterEditForm(
            initial={
                "version": letter.version,
                "body": letter.body,
                "video_url": letter.video_url,
                "include_address": letter.include_address,
            }
        )
    return render_file_page(
        request,
        child,
        SECTION,
        "letters/edit.html",
        {
            "form": form,
            "letter": letter,
            "may_write": may_write and not letter.is_sent,
            "conflict": conflict,
            "reader": selectors.reader_for(letter),
            "address": services.address_block(letter),
            "language_needs": selectors.language_needs(child),
            "invitation": selectors.invitation_for(letter),
        },
    )


def _keep_typing(form, version):
    data = form.data.copy()
    data["version"] = version
    fresh = LetterEditForm(data=data)
    fresh.is_valid()
    fresh.add_error(
        None,
        "Someone else saved changes to this letter while you were writing. "
        "Check what is saved now, shown below, then save again if your changes are still right.",
    )
    return fresh


@require_http_methods(["GET", "POST"])
def letter_send(request, child_id, letter_id):
    child, letter = _letter_for_writing(request, child_id, letter_id)
    if letter.is_sent:
        messages.info(request, "This letter has already been recorded as sent")
        return redirect("letters:edit", child_id=child.uuid, letter_id=letter.uuid)
    reader = selectors.reader_for(letter)
    initial = {"version": letter.version, "sent_to": letter.recipient_name}
    data = request.POST if request.method == "POST" else None
    form = LetterSendForm(data, letter=letter, initial=initial)
    language = language_report_step(
        request, document=letter, text=letter.body, reader=reader, child_id=child.uuid
    )
    if request.method == "POST" and form.is_valid() and language.proceed:
        data = form.cleaned_data
        try:
            services.letter_mark_sent(
                by=request.user,
                letter=letter,
                version=data["version"],
                sent_on=data["sent_on"],
                sent_how=data["sent_how"],
                sent_to=data["sent_to"],
            )
        except EditConflict:
            form.add_error(
                None,
                "Someone else changed this letter while you were on this page. "
                "Read it again before you record that it was sent.",
            )
        except LanguageNotConfirmed as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"The letter to {letter.recipient_name} is recorded as sent")
            return redirect("letters:list", child_id=child.uuid)
    elif request.method == "POST" and not language.proceed and form.is_valid():
        form.add_error(
            None,
            "Change the words the check found, or say why each one should stay, "
            "before you record that the letter was sent",
        )
    return render_file_page(
        request,
        child,
        SECTION,
        "letters/send.html",
        {
            "form": form,
            "letter": letter,
            "language": language,
            "address": services.address_block(letter),
        },
    )


def letter_pdf(request, child_id, letter_id):
    child, letter = selectors.letter_get_for_user(
        user=request.user, child_id=child_id, letter_id=letter_id
    )
    large = request.GET.get("size") == "large"
    size = "-large-print" if large else ""
    try:
        return logged_download(
            make=lambda: services.letter_pdf(letter, large_print=large),
            log=lambda: services.letter_print_record(
                by=request.user, letter=letter, large_print=large
            ),
            name=f"letter-to-{letter.recipient_name.lower()}{size}",
        )
    except services.ConfidentialAddressError:
        messages.error(
            request,
            "This letter includes an address that must be kept confidential, so it cannot be "
            "printed. Take the address out of the letter first.",
        )
        return redirect("letters:edit", child_id=child.uuid, letter_id=letter.uuid)


# --- the web version behind the feedback link -------------------------------------------------


@login_not_required
@never_cache
def letter_web(request, token):
    """The letter as a web page, for whoever holds its feedback link (no sign-in). An unknown and
    an expired link get the same page, so a link cannot be probed."""
    found = selectors.letter_for_token(token)
    response = None
    if found is not None:
        try:
            context = services.letter_document(found[0])
        except services.ConfidentialAddressError:
            pass
        else:
            services.letter_link_read_record(letter=found[0], invitation=found[1])
            response = render(request, "letters/web.html", context)
    if response is None:
        response = render(request, "letters/web_missing.html", status=404)
    # The secret is in the address: never send it on to another site.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# --- oversight and batches --------------------------------------------------------------------


@require_GET
def oversight(request):
    figures = letters_oversight(user=request.user)
    return render(request, "letters/oversight.html", {"oversight": figures})


@require_GET
def oversight_children(request):
    """The children behind one figure of the oversight page (?figure=late&team=<uuid>)."""
    found = letters_oversight_children(
        user=request.user,
        figure=request.GET.get("figure", ""),
        team=request.GET.get("team") or None,
        page=request.GET.get("page"),
    )
    return render(request, "letters/oversight_children.html", {"found": found})


@require_http_methods(["GET", "POST"])
def batch_new(request):
    if not rules.may_request_batch(request.user):
        raise Http404("No page found")
    scope = (
        LetterBatch.Scope.AREA_INTRODUCTORY
        if request.user.role == "service_manager"
        else LetterBatch.Scope.MY_LETTERS
    )
    form = SubmitOnceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = services.letters_batch_request(by=request.user, scope=scope, token=form.token())
        except ValidationError as error:
            messages.info(request, error.messages[0])
            return redirect("letters:batch-new")
        return redirect("letters:batch", batch_id=batch.uuid)
    waiting = selectors.letters_for_batch(user=request.user, scope=scope)
    return render(
        request,
        "letters/batch_new.html",
        {"form": form, "count": len(waiting), "scope": LetterBatch.Scope(scope).label},
    )


def batch(request, batch_id):
    found = selectors.batch_get_for_user(user=request.user, batch_id=batch_id)
    template = "letters/_batch_progress.html" if request.headers.get("HX-Request") else None
    return render(request, template or "letters/batch.html", {"batch": found})


def batch_download(request, batch_id):
    found = selectors.batch_get_for_user(user=request.user, batch_id=batch_id)
    content = selectors.batch_zip(found)
    if found.state != LetterBatch.State.DONE or content is None:
        raise Http404("Not ready")
    return logged_download(
        make=lambda: content,
        log=lambda: document_print_record(
            by=request.user, obj=found, what=f"{found.done} letters in a zip file", fmt="zip"
        ),
        name=f"letters-{found.uuid.hex[:8]}",
        fmt="zip",
    )
