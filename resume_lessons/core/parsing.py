"""One bounded reader for every YAML and JSON file the kit reads: resumes, rendercv files,
drafts and the batch manifest.

Bounds (resume_lessons/core/limits.py): nesting depth, values after expanding aliases (so a
400-byte "billion laughs" file is refused, not expanded), digits in a number, and no alias
inside the entry it names. A duplicate key is an error, since the later value would silently
replace the earlier one. Each refusal is a ResumeError with the file, the line and a hint.
The line of every key and item is kept, by path, for the messages that come later.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from .errors import ResumeError
from .limits import MAX_DEPTH, MAX_NODES, MAX_NUMBER_DIGITS

Path_ = tuple[str | int, ...]

_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
# What YAML's reader refuses (its printable set), to find the line of the first one.
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


@dataclass
class Parsed:
    data: Any
    lines: dict[Path_, int]  # path of a key or item -> its line (1-based)


class _Refused(yaml.MarkedYAMLError):
    """A bound or a rule of the kit, at a place in the file, with what to do about it."""

    def __init__(self, problem: str, mark: Any, hint: str) -> None:
        super().__init__(problem=problem, problem_mark=mark)
        self.hint = hint


class _BoundedComposer(Composer):
    """YAML's composer, counting as it goes: depth, values (aliases at their full size)."""

    def _init_bounds(self) -> None:
        self._depth = 0
        self._nodes = 0
        self._sizes: dict[str, int] = {}  # anchor -> values it stands for
        self._open: set[str] = set()  # anchors whose entry is still being read
        self._aliased = False

    def _count(self, n: int, mark: Any) -> None:
        self._nodes += n
        if self._nodes > MAX_NODES:
            aliases = " once its aliases (*name) are expanded" if self._aliased else ""
            raise _Refused(
                f"the file holds more than {MAX_NODES:,} values{aliases}",
                mark,
                "a resume needs a few thousand; "
                + (
                    "write each value out instead of repeating aliases"
                    if aliases
                    else "check that this is a resume, or split the file"
                ),
            )

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            if event.anchor in self._open:
                raise _Refused(
                    f"the alias *{event.anchor} is inside the entry &{event.anchor} it refers "
                    "to, so the entry never ends",
                    event.start_mark,
                    "replace the alias with the text it stands for",
                )
            self._aliased = True
            self._count(self._sizes.get(event.anchor, 1), event.start_mark)
            return super().compose_node(parent, index)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(
                f"lists and mappings are nested more than {MAX_DEPTH} levels deep",
                event.start_mark,
                "a resume needs about 5 levels; check the indentation and the brackets",
            )
        self._count(1, event.start_mark)
        before, anchor = self._nodes, getattr(event, "anchor", None)
        if anchor:
            self._open.add(anchor)
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
            self._open.discard(anchor or "")
        if anchor:
            self._sizes[anchor] = self._nodes - before + 1
        if isinstance(node, yaml.ScalarNode) and node.tag in _NUMBER_TAGS:
            _check_number(node.value, node.start_mark)
        return node


def _check_number(text: str, mark: Any) -> None:
    if sum(c.isdigit() for c in text) > MAX_NUMBER_DIGITS:
        raise _Refused(
            f"a number with more than {MAX_NUMBER_DIGITS} digits",
            mark,
            "put it in quotes if it is text; a resume's numbers are short",
        )


class _Constructor(SafeConstructor):
    """SafeConstructor whose failures on a value (a date that does not exist, '!!int abc')
    name the value's place instead of escaping as ValueError."""

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError) as exc:
            if node.tag == "tag:yaml.org,2002:timestamp":
                problem = f"'{node.value}' looks like a date, but it is not one ({exc})"
                hint = "write the date as YYYY-MM-DD or YYYY-MM with a real month and day"
            else:
                problem = f"this value cannot be read: {exc}"
                hint = "put the value in quotes so it is read as text"
            raise _Refused(problem, node.start_mark, hint) from None


if yaml.__with_libyaml__:  # libyaml reads the characters; the bounds stay in Python
    from yaml._yaml import CParser

    class _Loader(_BoundedComposer, CParser, _Constructor, Resolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            _Constructor.__init__(self)
            Resolver.__init__(self)
            self._init_bounds()

else:  # pragma: no cover - PyYAML built without libyaml

    class _Loader(  # type: ignore[no-redef]
        _BoundedComposer,
        yaml.reader.Reader,
        yaml.scanner.Scanner,
        yaml.parser.Parser,
        _Constructor,
        Resolver,
    ):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            Composer.__init__(self)
            _Constructor.__init__(self)
            Resolver.__init__(self)
            self._init_bounds()


def load_yaml(text: str, file: str, *, what: str = "resume") -> Parsed:
    """Parse one YAML document within the bounds; ResumeError with the line otherwise."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Path_, int] = {}
        if node is not None:
            _walk(node, (), lines)
        data = loader.construct_document(node) if node is not None else None
    except _Refused as exc:
        raise _error(file, exc.problem or "", exc.problem_mark, exc.hint, what) from None
    except yaml.reader.ReaderError:
        raise _control_character(text, file, what) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if "nesting depth" in str(exc.problem):  # libyaml's own bound, far above ours
            raise _nested(file, mark.line + 1 if mark else None, what) from None
        raise _error(
            file,
            f"this is not valid YAML: {exc.problem or exc.context or 'invalid YAML'}",
            mark,
            "check the indentation and that text with ':' or '#' is in quotes",
            what,
        ) from None
    except yaml.YAMLError as exc:
        if _NON_PRINTABLE.search(text):
            raise _control_character(text, file, what) from None
        raise ResumeError.single(file, f"this is not valid YAML: {exc}", what=what) from None
    finally:
        loader.dispose()
    return Parsed(data, lines)


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    """Record the line of every key and item; refuse a key given twice in one mapping."""
    lines.setdefault(path, node.start_mark.line + 1)  # a key's own line wins over its value's
    if isinstance(node, yaml.MappingNode):
        seen: dict[tuple[str, str], int] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            line, ident = key.start_mark.line + 1, (key.tag, key.value)
            if ident in seen:
                raise _Refused(
                    f"the key '{key.value}' is given twice in this mapping (first on line "
                    f"{seen[ident]}); the second would silently replace the first",
                    key.start_mark,
                    "merge the two into one, or rename one of them",
                )
            seen[ident] = line
            lines[(*path, key.value)] = line
            _walk(value, (*path, key.value), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), lines)


def _error(file: str, problem: str, mark: Any, hint: str, what: str) -> ResumeError:
    line = mark.line + 1 if mark is not None else None
    return ResumeError.single(file, problem, line=line, hint=hint, what=what)


def _control_character(text: str, file: str, what: str) -> ResumeError:
    match = _NON_PRINTABLE.search(text)
    line = text[: match.start()].count("\n") + 1 if match else None
    code = f" (code {ord(match.group()):#04x})" if match else ""
    return ResumeError.single(
        file,
        f"the file contains a control character{code} YAML does not allow",
        line=line,
        hint="delete the invisible character on this line, or retype the line",
        what=what,
    )


class _Duplicate(Exception):
    pass


class _LongNumber(Exception):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Duplicate(key)
        out[key] = value
    return out


def _number(kind: type) -> Any:
    def parse(text: str) -> Any:
        if sum(c.isdigit() for c in text) > MAX_NUMBER_DIGITS:
            raise _LongNumber(text)
        return kind(text)

    return parse


def load_json(text: str, file: str, *, what: str = "resume") -> Parsed:
    """Parse JSON within the same bounds as YAML; lines come from reading it as YAML."""
    try:  # JSON is (nearly) YAML: the bounded composer checks it and finds the lines
        lines = load_yaml(text, file, what=what).lines
    except ResumeError as exc:
        if not exc.problems[0].message.startswith(("this is not valid YAML", "the file contains")):
            raise
        lines = {}  # valid JSON that YAML cannot read (tabs...): bounds are checked below
    try:
        data = json.loads(
            text, object_pairs_hook=_pairs, parse_int=_number(int), parse_float=_number(float)
        )
    except json.JSONDecodeError as exc:
        raise ResumeError.single(
            file,
            f"this is not valid JSON: {exc.msg} (column {exc.colno})",
            line=exc.lineno,
            hint="look for a missing comma or quote on or just before this line",
            what=what,
        ) from None
    except RecursionError:
        raise _nested(file, None, what) from None
    except _Duplicate as exc:
        raise ResumeError.single(
            file,
            f"the key '{exc.args[0]}' is given twice in one object; the second would silently "
            "replace the first",
            hint="merge the two into one, or rename one of them",
            what=what,
        ) from None
    except _LongNumber as exc:
        line = text[: text.find(exc.args[0])].count("\n") + 1
        raise ResumeError.single(
            file,
            f"a number with more than {MAX_NUMBER_DIGITS} digits",
            line=line,
            hint="put it in quotes if it is text; a resume's numbers are short",
            what=what,
        ) from None
    _check_tree(data, file, what)
    return Parsed(data, lines)


def _nested(file: str, line: int | None, what: str) -> ResumeError:
    return ResumeError.single(
        file,
        f"lists and mappings are nested more than {MAX_DEPTH} levels deep",
        line=line,
        hint="a resume needs about 5 levels; check the brackets",
        what=what,
    )


def _check_tree(data: Any, file: str, what: str) -> None:
    """Depth and size of parsed JSON, walked without recursion."""
    stack, count = [(data, 1)], 0
    while stack:
        value, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise ResumeError.single(
                file,
                f"the file holds more than {MAX_NODES:,} values",
                hint="a resume needs a few thousand; split the file",
                what=what,
            )
        if depth > MAX_DEPTH:
            raise _nested(file, None, what)
        if isinstance(value, dict | list):
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)
