"""A problem found in an authority file, worded for a council editor and safe to print in a log."""

from __future__ import annotations

from dataclasses import dataclass

from .safe_text import for_log, log_line

FIELD_PART_LIMIT = 40


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""
    severity: str = "error"  # or "warning": shown, but it does not stop the site being published
    code: str = ""  # a name for a kind of problem that tools treat specially, e.g. "overdue"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        where = f"{for_log(self.file)}:{self.line}:{self.column}"
        kind = "" if self.is_error else "warning: "
        text = f"{where}: {kind}{for_log(self.field) + ': ' if self.field else ''}{for_log(self.message)}"
        return log_line(text) + (f"\n    hint: {for_log(self.hint)}" if self.hint else "")


class Invalid(Exception):
    """Raised inside the loader to stop at a problem that makes the rest of the file unreadable."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


FieldPath = tuple  # a field path such as ("funding", "elements", 1, "amount")


def field_name(path: FieldPath) -> str:
    """'funding.elements[1].amount' for ("funding", "elements", 0, "amount"): items count from 1."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"  # editors count list items from 1, as the guide says
        else:
            name = for_log(part, FIELD_PART_LIMIT)
            out += f".{name}" if out else name
    return out
