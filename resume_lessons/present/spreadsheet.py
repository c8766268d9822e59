"""CSV cells that a spreadsheet shows as text instead of running them as a formula.

OWASP's advice on CSV injection: a cell that begins with '=', '+', '-', '@', a tab or a
carriage return gets a leading single quote. A learner named '=HYPERLINK(...)' then stays a
name in class_overview.csv and in `check --format csv`.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The value, with a leading ' when it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
