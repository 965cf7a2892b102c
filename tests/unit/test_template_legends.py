"""Every fieldset a template sets up says its question.

govuk-frontend-wtf takes a radios or checkboxes field's label as its legend only when
the template passes no ``fieldset`` of its own: one passed with only classes replaced
the legend, and the consent page asked "Can we quote your words?" nowhere. So each
``'fieldset': {...}`` written in a template must give its legend's text or html.
"""

from __future__ import annotations

import re
from pathlib import Path

from feedback_app import ROOT

FIELDSET = re.compile(r"""['"]fieldset['"]\s*:\s*\{""")
WORDS = re.compile(r"""['"]legend['"]\s*:\s*\{[^{}]*['"](text|html)['"]\s*:""")


def _dict_at(source: str, start: int) -> str:
    """The ``{...}`` literal that opens at ``start``, braces balanced."""
    depth = 0
    for end in range(start, len(source)):
        if source[end] == "{":
            depth += 1
        elif source[end] == "}":
            depth -= 1
            if depth == 0:
                return source[start : end + 1]
    raise AssertionError(f"unbalanced braces from {source[start : start + 80]!r}")


def fieldsets_without_words(source: str) -> list[str]:
    """The fieldset settings in a template's source that give no legend text."""
    found = []
    for match in FIELDSET.finditer(source):
        settings = _dict_at(source, match.end() - 1)
        if not WORDS.search(settings):
            found.append(settings)
    return found


def test_the_check_finds_a_legend_with_only_classes() -> None:
    broken = "{{ f(params={'fieldset': {'legend': {'classes': 'govuk-fieldset__legend--m'}}}) }}"
    fixed = "{{ f(params={'fieldset': {'legend': {'text': f.label.text, 'classes': 'x'}}}) }}"
    assert fieldsets_without_words(broken) and not fieldsets_without_words(fixed)
    assert fieldsets_without_words("{{ f(params={'fieldset': {'classes': 'x'}}) }}")


def test_every_fieldset_in_the_templates_has_its_legend_words() -> None:
    templates = sorted((ROOT / "templates").rglob("*.html"))
    assert len(templates) > 50
    problems = {
        str(path.relative_to(ROOT)): found
        for path in templates
        if (found := fieldsets_without_words(Path(path).read_text(encoding="utf-8")))
    }
    assert problems == {}
