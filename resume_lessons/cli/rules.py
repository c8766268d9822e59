"""`resume-lessons rules [CODE]`: each technique's why, rules and examples, from its metadata."""

from __future__ import annotations

import argparse
import textwrap

from ..techniques import TECHNIQUES, Technique, get_rule, get_technique


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rules", help="explain the seven techniques and their rules")
    p.add_argument("code", nargs="?", help="a technique (T4) or a rule (T402); all when omitted")
    p.set_defaults(func=run)


def describe(t: Technique) -> str:
    out = [f"{t.code}  {t.title}  ({t.name})", "", textwrap.fill(t.why, 88), "", "Rules:"]
    out += [f"  {r.code}  {r.name}: {r.summary}" for r in t.rules]
    for label in ("weak", "strong"):
        examples = [e for e in t.examples if e.label == label]
        if examples:
            out += ["", f"{label.capitalize()}:"]
            for e in examples:
                out.append(
                    textwrap.fill(e.text, 88, initial_indent="  - ", subsequent_indent="    ")
                )
                if e.note:
                    out.append(f"    ({e.note})")
    return "\n".join(out) + "\n"


def run(args: argparse.Namespace) -> int:
    if not args.code:
        print("\n".join(f"{t.code}  {t.title}" for t in TECHNIQUES))
        print("\n`resume-lessons rules T4` explains one technique; `rules T402` one rule.")
        return 0
    code = args.code.strip()
    if len(code) > 2 and code[1:].isdigit():
        t, rule = get_rule(code)
        print(f"{rule.code}  {rule.name}  [{t.code} {t.title}]\n\nFlags {rule.summary}.\n")
        print(describe(t))
        return 0
    print(describe(get_technique(code)))
    return 0
