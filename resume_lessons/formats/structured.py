"""Structured files: rendercv YAML is converted; JSON Resume and the kit's YAML load as they are."""

from __future__ import annotations

from pathlib import Path

from ..core import loader
from .base import ImportResult


def import_structured(path: Path) -> ImportResult:
    suffix = path.suffix.lower()
    if suffix in loader.YAML_SUFFIXES:
        from .rendercv import from_rendercv

        data, lines = loader.parse_yaml(loader.read_text(path), str(path))
        if loader._is_rendercv(data):
            return from_rendercv(data, str(path), lines)
    loaded = loader.load_resume_with_warnings(path)
    kind = "JSON Resume" if suffix == ".json" else "YAML"
    return ImportResult(str(path), kind, loaded.resume, notes=[str(w) for w in loaded.warnings])
