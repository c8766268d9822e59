"""The seven techniques, in teaching order. One module each; this registry lists them."""

from __future__ import annotations

from .base import Rule, Technique
from .t1_lead_with_domain import TECHNIQUE as T1
from .t2_own_the_system import TECHNIQUE as T2
from .t3_show_the_tradeoff import TECHNIQUE as T3
from .t4_quantify_experiments import TECHNIQUE as T4
from .t5_models_and_systems import TECHNIQUE as T5
from .t6_selective_publications import TECHNIQUE as T6
from .t7_skills_by_stage import TECHNIQUE as T7

TECHNIQUES: tuple[Technique, ...] = (T1, T2, T3, T4, T5, T6, T7)
CODES = tuple(t.code for t in TECHNIQUES)


def get_technique(code: str) -> Technique:
    """A technique by code ('T4') or name ('quantify-experiments'); a clear error otherwise."""
    wanted = code.strip()
    for t in TECHNIQUES:
        if wanted.upper() == t.code or wanted.lower() == t.name:
            return t
    known = ", ".join(f"{t.code} ({t.name})" for t in TECHNIQUES)
    raise KeyError(f"no technique '{code}'; known: {known}")


def get_rule(code: str) -> tuple[Technique, Rule]:
    """A rule by its code ('T402')."""
    for t in TECHNIQUES:
        for rule in t.rules:
            if rule.code == code.upper():
                return t, rule
    raise KeyError(f"no rule '{code}'")


__all__ = ["CODES", "TECHNIQUES", "Rule", "Technique", "get_rule", "get_technique"]
