"""Structured files read as data: the kit's YAML, rendercv YAML (converted) and JSON Resume."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core.files import read_text
from ..core.loader import ResumeData
from ..core.parsing import load_json, load_yaml


def read_yaml(path: Path) -> ResumeData:
    """The kit's YAML as it is (with the line of every key), or rendercv YAML converted."""
    parsed = load_yaml(read_text(path), str(path))
    if is_rendercv(parsed.data):
        from .rendercv import from_rendercv

        return from_rendercv(parsed.data, str(path), parsed.lines)
    return ResumeData(str(path), "YAML", parsed.data, parsed.lines, warn_unknown_keys=True)


def read_json(path: Path) -> ResumeData:
    """A JSON Resume file as it is; fields the kit does not model are kept silently."""
    parsed = load_json(read_text(path), str(path))
    return ResumeData(str(path), "JSON Resume", parsed.data, parsed.lines)


def is_rendercv(data: Any) -> bool:
    """rendercv keeps everything under `cv:`; the kit's YAML starts with `basics:`."""
    return isinstance(data, dict) and isinstance(data.get("cv"), dict) and "basics" not in data
