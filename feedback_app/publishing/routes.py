"""Staff routes for findings releases: drafts, quotes, forum comments, publishing."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup
from werkzeug.wrappers import Response

from feedback_app.auth.access import roles_required
from feedback_app.ids import parse_id
from feedback_app.models import Release, Role
from feedback_app.publishing.forms import CorrectionForm, CreateReleaseForm, RemarkForm
from feedback_app.services import (
    audit,
    audit_display,
    publish_check,
    releases,
    releases_quotes,
    releases_shown,
    surveys,
)
from feedback_app.services.findings import theme_names
from feedback_app.services.open_data import public_payload

bp = Blueprint("publishing", __name__)

READERS = (Role.ANALYST, Role.FORUM_MEMBER)


def _release(release_id: int) -> Release:
    return releases.get_release(release_id) or abort(404)


def _create_form() -> CreateReleaseForm:
    form = CreateReleaseForm()
    form.survey.choices = [(s.slug, s.name) for s in surveys.list_active_surveys()]
    return form


@bp.get("/", endpoint="releases")
@roles_required(*READERS)
def releases_list(form: CreateReleaseForm | None = None) -> str:
    """List every release and offer to start a draft."""
    return render_template(
        "publishing/releases.html",
        releases=releases.list_releases(),
        form=form or _create_form(),
        can_edit=current_user.has_role(Role.ANALYST),
    )


@bp.post("/")
@roles_required(Role.ANALYST)
def create_release() -> Response | str:
    """Start a draft release for a survey and period."""
    form = _create_form()
    if not form.validate_on_submit():
        return releases_list(form)
    try:
        release = releases.create_draft(
            form.survey.data or "", form.period.data or "", current_user
        )
    except releases.ReleaseError as error:
        form.period.errors = [str(error)]
        return releases_list(form)
    flash(
        f"Draft release started for {releases.survey_of(release).name}, "
        f"{releases.period_name(release)}",
        "success",
    )
    return redirect(url_for("publishing.show_release", release_id=release.id))


def _payload(release: Release) -> dict[str, Any]:
    """What the public sees of a release: a published snapshot's quotes are re-checked
    against safeguarding flags, as on the public page."""
    return releases.draft_payload(release) if release.is_draft else public_payload(release)


def _context(release: Release, **extra: Any) -> dict[str, Any]:
    payload = _payload(release)
    return {
        "release": release,
        "payload": payload,
        "survey": releases.survey_of(release),
        "period_name": releases.period_name(release),
        "theme_names": theme_names(),
        "candidates": releases_quotes.quote_candidates(release) if release.is_draft else [],
        "quote_texts": releases_shown.staff_quote_texts(release),
        "withheld": releases_shown.WITHHELD,
        "remark_form": extra.pop("remark_form", None) or RemarkForm(),
        "correction_form": extra.pop("correction_form", None) or CorrectionForm(),
        "trail": audit_display.describe(audit.entries_for("release", release.id)),
        "can_edit": current_user.has_role(Role.ANALYST),
        **extra,
    }


@bp.get("/releases/<int:release_id>")
@roles_required(*READERS)
def show_release(release_id: int) -> str:
    """A release: its quotes, forum comments, history, and the public preview."""
    return render_template("publishing/release.html", **_context(_release(release_id)))


@bp.get("/releases/<int:release_id>/preview")
@roles_required(*READERS)
def preview_release(release_id: int) -> str:
    """Exactly what the public will see, on the public layout."""
    release = _release(release_id)
    return render_template("publishing/preview.html", release=release, payload=_payload(release))


def _do(release: Release, action: Any, success: str) -> Response:
    try:
        action()
    except releases.ReleaseError as error:
        flash(str(error), "error")
        return redirect(url_for("publishing.show_release", release_id=release.id), code=303)
    flash(success, "success")
    return redirect(url_for("publishing.show_release", release_id=release.id), code=303)


@bp.post("/releases/<int:release_id>/quotes")
@roles_required(Role.ANALYST)
def propose_quote(release_id: int) -> Response:
    """Pick a comment to quote."""
    release = _release(release_id)
    comment_id = parse_id(request.form.get("comment_id"))
    if comment_id is None:
        abort(400)
    return _do(
        release,
        lambda: releases_quotes.propose_quote(release, comment_id, current_user),
        f"Quote added from comment {comment_id}. Read it and approve its wording before "
        "you publish: a quote nobody approved is not published.",
    )


@bp.post("/releases/<int:release_id>/quotes/<int:quote_id>/approve")
@roles_required(Role.ANALYST)
def approve_quote(release_id: int, quote_id: int) -> Response:
    """Approve a quote as worded on the page the approver read."""
    release = _release(release_id)
    shown = request.form.get("shown_text", "")
    return _do(
        release,
        lambda: releases_quotes.approve_quote(release, quote_id, shown, current_user),
        f"Quote {quote_id} approved: it will be published with the release",
    )


@bp.post("/releases/<int:release_id>/quotes/<int:quote_id>/remove")
@roles_required(Role.ANALYST)
def remove_quote(release_id: int, quote_id: int) -> Response:
    """Take a quote out of the draft."""
    release = _release(release_id)
    return _do(
        release,
        lambda: releases_quotes.remove_quote(release, quote_id),
        f"Quote {quote_id} removed from the draft",
    )


@bp.post("/releases/<int:release_id>/remarks")
@roles_required(*READERS)
def add_remark(release_id: int) -> Response | str | tuple[str, int]:
    """Leave a comment on a draft."""
    release = _release(release_id)
    form = RemarkForm()
    if not release.is_draft:
        # Published while the comment was being written: say so in words that fit a forum
        # member (who cannot start a correction), and give them back what they wrote.
        ctx = _context(release, unsent_remark=(form.body.data or "").strip())
        return render_template("publishing/release.html", **ctx), 409
    if not form.validate_on_submit():
        ctx = _context(release, remark_form=form)
        return render_template("publishing/release.html", form=form, **ctx)
    back = redirect(url_for("publishing.show_release", release_id=release.id), code=303)
    try:
        made = releases.add_remark_once(
            release, form.body.data or "", current_user, submission_token=form.submission_token.sent
        )
    except releases.ReleaseError as error:
        flash(str(error), "error")
        return back
    if made.new:
        flash("Your comment was added to the draft", "success")
    else:
        flash("This form was sent twice: your comment was added to the draft once")
    return back


@bp.get("/releases/<int:release_id>/publish")
@roles_required(Role.ANALYST)
def check_release(release_id: int) -> str | Response:
    """Check before you publish: what will be published, and what will not."""
    release = _release(release_id)
    if not release.is_draft:
        flash(releases.LOCKED, "error")
        return redirect(url_for("publishing.show_release", release_id=release.id), code=303)
    return render_template("publishing/check.html", check=publish_check.check(release))


@bp.post("/releases/<int:release_id>/publish")
@roles_required(Role.ANALYST)
def publish_release(release_id: int) -> Response | tuple[str, int]:
    """Publish a draft as checked: freeze its figures and approved quotes.

    A request without the check (an old page, or a form posted by hand) is sent to the
    check page: publishing is never one click. A check made before the quotes changed
    is shown again with the change."""
    release = _release(release_id)
    checked = request.form.get("checked")
    if checked is None:
        return redirect(url_for("publishing.check_release", release_id=release.id), code=303)
    try:
        publish_check.publish_as_checked(release, checked, current_user)
    except publish_check.ReleaseChangedError as error:
        page = render_template(
            "publishing/check.html", check=publish_check.check(release), changed=str(error)
        )
        return page, 409
    except releases.ReleaseError as error:
        flash(str(error), "error")
        return redirect(url_for("publishing.show_release", release_id=release.id), code=303)
    quotes = len(release.snapshot.get("quotes", []))
    flash(
        f"Release published: {releases.survey_of(release).name}, "
        f"{releases.period_name(release)}, with {quotes} quote{'' if quotes == 1 else 's'}. "
        "It is on the public findings page now.",
        "success",
    )
    return redirect(url_for("publishing.show_release", release_id=release.id), code=303)


@bp.post("/releases/<int:release_id>/correct")
@roles_required(Role.ANALYST)
def correct_release(release_id: int) -> Response | str:
    """Start a new version of a published release, with a note."""
    release = _release(release_id)
    form = CorrectionForm()
    if not form.validate_on_submit():
        ctx = _context(release, correction_form=form)
        return render_template("publishing/release.html", form=form, **ctx)
    try:
        draft = releases.start_correction(release, form.note.data or "", current_user)
    except releases.CorrectionOpenError as error:
        link = url_for("publishing.show_release", release_id=error.draft.id)
        flash(
            Markup('{} <a class="govuk-link" href="{}">Open version {}</a>').format(
                str(error), link, error.draft.version
            ),
            "error",
        )
        return redirect(url_for("publishing.show_release", release_id=release.id), code=303)
    except releases.ReleaseError as error:
        flash(str(error), "error")
        return redirect(url_for("publishing.show_release", release_id=release.id), code=303)
    flash(
        f"Version {draft.version} started as a draft correction of version {release.version}. "
        "Make the changes, then publish it.",
        "success",
    )
    return redirect(url_for("publishing.show_release", release_id=draft.id), code=303)


# Both add views to bp.
from feedback_app.publishing import improvements_views, milestone_views  # noqa: E402,F401
