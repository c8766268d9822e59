"""Errors a learner can act on: which file, where in it, what is wrong, what to do."""

from __future__ import annotations

from dataclasses import dataclass, field

from .limits import MAX_PROBLEMS_SHOWN


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file."""

    message: str
    location: str = ""
    line: int | None = None
    hint: str = ""

    def format(self, file: str) -> str:
        where = file if self.line is None else f"{file}:{self.line}"
        if self.location:
            where = f"{where}: {self.location}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


@dataclass
class ResumeError(Exception):
    """A user error in an input file. The CLI prints it without a traceback and exits 2.

    `what` names the kind of file in the message: "resume", "drafts file", "output file"...
    """

    file: str
    problems: list[Problem] = field(default_factory=list)
    what: str = "resume"

    def __post_init__(self) -> None:
        super().__init__(str(self))

    @classmethod
    def single(
        cls,
        file: str,
        message: str,
        *,
        location: str = "",
        line: int | None = None,
        hint: str = "",
        what: str = "resume",
    ) -> ResumeError:
        return cls(file, [Problem(message, location, line, hint)], what)

    def to_dict(self) -> dict[str, object]:
        """The error as data, for ``--format json``: every problem, none cut."""
        problems = [
            {"message": p.message, "location": p.location, "line": p.line, "hint": p.hint}
            for p in self.problems
        ]
        return {"file": self.file, "what": self.what, "problems": problems}

    def __str__(self) -> str:
        head = f"{self.file}: cannot use this {self.what}"
        if len(self.problems) > 1:
            head += f" ({len(self.problems)} problems)"
        shown = self.problems[:MAX_PROBLEMS_SHOWN]
        lines = [head + ":", *("  " + p.format(self.file) for p in shown)]
        if len(self.problems) > len(shown):
            lines.append(f"  ... and {len(self.problems) - len(shown)} more like these")
        return "\n".join(lines)


@dataclass(frozen=True)
class LoadWarning:
    """Something the loader accepted but the learner probably did not mean."""

    file: str
    message: str
    location: str = ""
    line: int | None = None

    def __str__(self) -> str:
        return Problem(self.message, self.location, self.line).format(self.file)
