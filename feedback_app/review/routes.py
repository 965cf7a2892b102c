"""Analysts review machine-suggested themes and sentiment, with htmx or plain forms."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlsplit

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from feedback_app import analysis
from feedback_app.auth.access import roles_required, safe_local_url
from feedback_app.extensions import htmx
from feedback_app.models import Comment, Role
from feedback_app.review.forms import HideForm, ReviewForm
from feedback_app.services import agreement, review
from feedback_app.services.comments_hiding import CommentError
from feedback_app.services.edits import EditConflict
from feedback_app.services.periods import Period, PeriodError, parse_period

bp = Blueprint("review", __name__)


def _form_for(comment: Comment, formdata: object = None) -> ReviewForm:
    # The stored review fills a fresh form; a posted one shows only what was posted, so a
    # form sent back for a missing sentiment does not show the old one ticked.
    form = ReviewForm(
        formdata=formdata,
        prefix=f"c{comment.id}",
        data=None
        if formdata
        else {
            "themes": comment.effective_themes,
            "sentiment": comment.sentiment,
            "version": comment.version,
        },
    )
    form.themes.choices = review.theme_choices(keep=comment.effective_themes)
    return form


def _hide_form_for(comment: Comment, formdata: object = None) -> HideForm:
    return HideForm(formdata=formdata, prefix=f"h{comment.id}")


def _card(
    comment: Comment,
    form: ReviewForm | None = None,
    hide_form: HideForm | None = None,
    reasons: analysis.Explanation | None = None,
    hiding: bool = False,
    **extra: Any,
) -> dict[str, Any]:
    """What the comment card needs: its review form, why the analyser suggested what it did
    (worked out here unless the caller did it for a whole page) and, on the comment's own
    page (``hiding``), the form for hiding personal data; the queue links there instead,
    which keeps its 20 cards quicker to render."""
    if reasons is None:
        reasons = review.explain_suggestions([comment])[comment.id]
    return {
        "comment": comment,
        "form": form or _form_for(comment),
        "hide_form": (hide_form or _hide_form_for(comment)) if hiding else None,
        "reasons": reasons,
        "return_to": _return_to(),
        **extra,
    }


def _return_to() -> str:
    """Where the card's forms go back to: the page showing them, or, when a form comes back
    with an error, the page it was sent from (the queue with its filters and page)."""
    if request.method == "GET":
        return request.full_path
    return safe_local_url(request.form.get("return_to")) or url_for("review.queue")


def _back() -> Response:
    return redirect(_return_to())


def _after_saving(comment: Comment) -> str:
    """Back to the page the review was sent from, at the card after the saved comment's
    when it came from the queue (the queue, with its filters and page, shows the comments
    after it), so the analyst carries on where they were without JavaScript too."""
    back = _return_to()
    parts = urlsplit(back)
    if parts.path != url_for("review.queue"):
        return back
    following = review.next_in_queue(_filters(MultiDict(parse_qsl(parts.query))), comment.id)
    return f"{back}#comment-{following}" if following is not None else back


def _reviewable(comment_id: int) -> Comment:
    comment = review.get_reviewable_comment(comment_id)
    if comment is None:
        abort(404)
    return comment


def _filters(args: MultiDict[str, str]) -> review.ReviewFilters:
    """The queue's filters from its query string."""
    return review.ReviewFilters(
        status=args.get("status", "unreviewed"),
        source=args.get("source", ""),
        theme=args.get("theme", ""),
        sentiment=args.get("sentiment", ""),
        words=args.get("words", "")[:200],
        page=args.get("page", 1, type=int) or 1,
    )


@bp.get("/")
@roles_required(Role.ANALYST)
def queue() -> str:
    """List comments to review, with a card (and its forms) for each."""
    filters = _filters(request.args)
    result = review.review_queue(filters)
    reasons = review.explain_suggestions(result.comments)
    return render_template(
        "review/queue.html",
        result=result,
        filters=filters,
        cards=[_card(comment, reasons=reasons[comment.id]) for comment in result.comments],
        themes=review.theme_choices(),
        statuses=review.STATUSES,
        sentiments=review.SENTIMENTS,
    )


@bp.get("/comments/<int:comment_id>")
@roles_required(Role.ANALYST)
def show_comment(comment_id: int) -> str:
    """One comment's card, with the form for hiding personal data the redaction missed."""
    return render_template("review/comment.html", **_card(_reviewable(comment_id), hiding=True))


@bp.post("/comments/<int:comment_id>")
@roles_required(Role.ANALYST)
def save_review(comment_id: int) -> str | Response | tuple[str, int]:
    """Save an analyst's verdict; htmx gets the updated card, others a redirect."""
    comment = _reviewable(comment_id)
    form = _form_for(comment, formdata=request.form)
    allowed = {slug for slug, _name in form.themes.choices}
    chosen = [slug for slug in (form.themes.data or []) if slug in allowed]
    if not form.validate():
        if htmx:
            return render_template(
                "review/_comment_card.html", **_card(comment, form, fragment=True)
            ), 200
        return render_template("review/comment.html", **_card(comment, form)), 200
    try:
        review.save_review(
            comment,
            chosen,
            form.sentiment.data or "neutral",
            current_user,
            version=form.version.data,
        )
    except EditConflict as conflict:
        return _review_conflict(comment, form, conflict)
    if htmx:
        return render_template("review/_comment_card.html", **_card(comment, saved=True))
    flash(f"Review saved for comment {comment.id}", "success")
    return redirect(_after_saving(comment))


def _review_conflict(
    comment: Comment, form: ReviewForm, conflict: EditConflict
) -> str | Response | tuple[str, int]:
    """The card again after someone else changed the comment: what is saved now, beside the
    analyst's own ticks.

    Their ticks stay in the form, unlike other stale forms (``form_fields.stale_form``): a
    review is one decision about the whole comment, the card shows the saved one beside it,
    and the label history keeps every analyst's, so saving again replaces it knowingly, not
    silently. The form now carries the version saved, so that Save is accepted.
    """
    if comment.safeguarding:
        # Raised with the safeguarding lead meanwhile: its words are the lead's alone now.
        if htmx:
            return render_template("review/_comment_card.html", comment=comment, referred=True)
        flash(f"Comment {comment.id} is with the safeguarding lead.", "success")
        return _back()
    form.version.data = comment.version
    form.version.errors = [str(conflict)]
    if htmx:
        # 200, not 409: htmx 2 does not swap an error response in.
        card = _card(comment, form, conflict=True, fragment=True)
        return render_template("review/_comment_card.html", **card)
    return render_template("review/comment.html", **_card(comment, form, conflict=True)), 409


@bp.post("/comments/<int:comment_id>/hide")
@roles_required(Role.ANALYST)
def hide_personal_data(comment_id: int) -> str | Response | tuple[str, int]:
    """Hide words the redaction missed; htmx gets the updated card, others a redirect."""
    comment = _reviewable(comment_id)
    hide_form = _hide_form_for(comment, formdata=request.form)
    if hide_form.validate():
        try:
            hidden = review.hide_personal_data(
                comment,
                hide_form.phrase.data or "",
                hide_form.kind.data or "",
                everywhere=bool(hide_form.everywhere.data),
                user=current_user,
            )
        except (CommentError, EditConflict) as error:
            hide_form.phrase.errors = [str(error)]
        else:
            message = (
                f"The name is hidden in {hidden.comments} comment"
                f"{'' if hidden.comments == 1 else 's'}, and will be in every comment from now on."
                if hide_form.everywhere.data
                else f"The words are hidden in comment {comment.id}."
            )
            if hidden.reopened_quotes:
                message += (
                    f" {hidden.reopened_quotes} approved quote"
                    f"{' was' if hidden.reopened_quotes == 1 else 's were'} sent back for "
                    "approval in draft releases: approve them again there."
                )
            if htmx:
                card = _card(comment, hiding=True, hidden=message)
                return render_template("review/_comment_card.html", **card)
            flash(message, "success")
            return _back()
    card = _card(comment, hide_form=hide_form, hiding=True)
    if htmx:
        return render_template("review/_comment_card.html", **card, fragment=True), 200
    return render_template("review/comment.html", **card), 200


@bp.post("/comments/<int:comment_id>/safeguarding")
@roles_required(Role.ANALYST)
def refer_to_safeguarding_lead(comment_id: int) -> str | Response:
    """Raise a comment with the safeguarding lead; it leaves the review queue."""
    comment = review.get_reviewable_comment(comment_id)
    if comment is None:
        if not review.is_with_safeguarding_lead(comment_id):
            abort(404)
        # Pressed twice, or raised by someone else meanwhile: it is with the lead already.
        if htmx:
            # The card says only that it was raised: its words are the lead's alone now.
            return render_template(
                "review/_comment_card.html", comment={"id": comment_id}, referred=True
            )
        flash(f"Comment {comment_id} is already with the safeguarding lead.", "success")
        return _back()
    review.refer_to_safeguarding_lead(comment)
    if htmx:
        return render_template("review/_comment_card.html", comment=comment, referred=True)
    flash(
        f"Comment {comment.id} was raised with the safeguarding lead. "
        "It is withheld until they decide.",
        "success",
    )
    return _back()


@bp.get("/agreement")
@roles_required(Role.ANALYST)
def analyser_agreement() -> str:
    """How often analysts kept the analyser's suggestions, by theme, sentiment and quarter."""
    label = request.args.get("period", "").strip()
    period: Period | None = None
    problem = None
    if label:
        try:
            period = parse_period(label)
        except PeriodError:
            problem = "Choose a quarter from the list"
    return render_template(
        "review/agreement.html",
        result=agreement.agreement(period),
        problem=problem,
        few_reviews=agreement.FEW_REVIEWS,
    )
