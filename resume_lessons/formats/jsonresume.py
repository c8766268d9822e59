"""JSON Resume as plain data, shared by the readers and by export: empty fields left out,
dates shown as people write them, and the official schema the kit ships
(schema/json-resume.schema.json, MIT, see schema/LICENSE)."""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Any

SCHEMA_VERSION = "v1.0.0"
SCHEMA_URL = (
    f"https://raw.githubusercontent.com/jsonresume/resume-schema/{SCHEMA_VERSION}/schema.json"
)


@functools.cache
def schema() -> dict[str, Any]:
    """The official JSON Resume schema, shipped with the kit as package data."""
    file = resources.files(__package__).joinpath("schema", "json-resume.schema.json")
    return json.loads(file.read_text(encoding="utf-8"))


def as_data(value: Any) -> Any:
    """Drop empty fields so the written YAML shows only what was found."""
    if isinstance(value, dict):
        out = {k: as_data(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in ("", None, [], {})}
    if isinstance(value, list):
        return [as_data(v) for v in value]
    return value


_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def display(date: str | None) -> str:
    """'2021-03' -> 'Mar 2021'; other dates as they are; None -> ''."""
    if not date:
        return ""
    match = re.fullmatch(r"((?:19|20)\d\d)-([01]\d)", date)
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{_NAMES[int(match.group(2)) - 1]} {match.group(1)}"
    return date


def display_range(start: str | None, end: str | None) -> str:
    if start:
        return f"{display(start)} – {display(end) or 'Present'}"
    return display(end)
