// Our only script. Loaded as <script type="module" src="/static/dist/app.js">:
// an external module (no inline script) so the Content-Security-Policy can
// forbid inline script entirely. Everything works without it; it only
// enhances.
//
// The import path is relative because build_assets.sh copies govuk-frontend's
// ES module bundle next to this file: no bundler needed.
import { initAll } from "./govuk-frontend.min.js";

// govuk-frontend only starts its components when the body says the browser
// supports them; the GOV.UK page template does this with an inline script,
// which our CSP forbids, so this module (run only by browsers that support ES
// modules, the same test) does it instead.
document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// Content that htmx swaps in (an error summary, a character count) needs its
// components started too, or they stay inert until the next full page load.
document.body.addEventListener("htmx:afterSwap", (event) => {
  initAll({ scope: event.detail.elt });
});

// htmx requests are POSTs like any other and Flask-WTF checks their CSRF
// token. Forms already carry it as a hidden field, but hx-post on a button or
// an hx-trigger on a single field may not send the form, so we always add it
// as the X-CSRFToken header, which Flask-WTF also accepts. The token comes
// from <meta name="csrf-token"> in the base template.
document.body.addEventListener("htmx:configRequest", (event) => {
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (meta && meta.content) {
    event.detail.headers["X-CSRFToken"] = meta.content;
  }
});

// Give focus to an element that is not a control (a summary, a message).
function moveFocusTo(element) {
  element.setAttribute("tabindex", "-1");
  element.focus();
}

// Paging through a list that htmx swaps in place (the complaints queue), or filtering
// it with a form swapped with it: the link or button pressed is replaced with the list,
// so focus would fall back to the page's body and the next Tab would jump to the
// footer. Move it to the new page's summary instead.
document.body.addEventListener("htmx:afterSettle", (event) => {
  const link = event.detail.requestConfig && event.detail.requestConfig.elt;
  if (
    !link ||
    !link.closest ||
    !(link.closest(".govuk-pagination") || link.closest("[data-focus-summary-after]"))
  ) {
    return;
  }
  const summary = document.querySelector("[data-focus-after-paging]");
  if (summary) {
    moveFocusTo(summary);
  }
});

// A card replaced by a message (a comment raised with the safeguarding lead) takes away
// the button that had focus: move focus to the message, which says what happened.
document.body.addEventListener("htmx:afterSettle", () => {
  const message = document.querySelector("[data-focus-after-swap]");
  if (message) {
    message.removeAttribute("data-focus-after-swap");
    moveFocusTo(message);
  }
});
