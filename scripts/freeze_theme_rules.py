"""Write the analyser's default theme rules to migrations/data/default_theme_rules.json.

Run when the shipped rules change, together with a new migration that loads them;
migrations read the frozen file so that an old migration always does the same thing.
"""

import json
from pathlib import Path

from feedback_app.analysis import DEFAULT_THEME_RULES, format_keywords

target = Path(__file__).resolve().parent.parent / "migrations" / "data" / "default_theme_rules.json"
rules = {rule.slug: format_keywords(rule.keywords) for rule in DEFAULT_THEME_RULES}
target.write_text(json.dumps(rules, indent=1, ensure_ascii=False) + "\n")
print(f"Wrote {len(rules)} themes' rules to {target}")
