"""Find every audit action the source records, by reading it: each ``audit.record(...)``
call in ``feedback_app/`` with the action code and the kind of record it names.

A code is a string written in the call or a module-level constant of the same module
(``RETRAIN_REQUESTED = "analysis.retrain_requested"``); a call whose code is neither is
returned with ``code=None``, so a test fails on it rather than missing it.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "feedback_app"
AUDIT_MODULE = "feedback_app.services.audit"


@dataclass(frozen=True)
class RecordCall:
    """One ``audit.record`` call in the source."""

    where: str  # "feedback_app/services/users.py:67"
    code: str | None
    entity_type: str | None


def _constants(tree: ast.Module) -> dict[str, str]:
    """The module's top-level string constants, by name."""
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            for target in targets:
                if isinstance(target, ast.Name):
                    found[target.id] = value.value
    return found


def _callers(tree: ast.Module) -> tuple[set[str], set[str]]:
    """Names the module gives the audit module, and names it gives ``audit.record``."""
    modules: set[str] = set()
    functions: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "feedback_app.services":
            modules |= {alias.asname or alias.name for alias in node.names if alias.name == "audit"}
        elif isinstance(node, ast.ImportFrom) and node.module == AUDIT_MODULE:
            functions |= {
                alias.asname or alias.name for alias in node.names if alias.name == "record"
            }
        elif isinstance(node, ast.Import):
            modules |= {
                alias.asname for alias in node.names if alias.name == AUDIT_MODULE and alias.asname
            }
    return modules, functions


def _text(node: ast.expr | None, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def record_calls(package: Path = PACKAGE) -> list[RecordCall]:
    """Every ``audit.record`` call in the package, in file order."""
    calls = []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        modules, functions = _callers(tree)
        constants = _constants(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            is_record = (
                isinstance(func, ast.Attribute)
                and func.attr == "record"
                and isinstance(func.value, ast.Name)
                and func.value.id in modules
            ) or (isinstance(func, ast.Name) and func.id in functions)
            if not is_record:
                continue
            args = [*node.args, None, None]
            calls.append(
                RecordCall(
                    where=f"{path.relative_to(package.parent)}:{node.lineno}",
                    code=_text(args[0], constants),
                    entity_type=_text(args[1], constants),
                )
            )
    return calls
